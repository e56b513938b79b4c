/**
 * A report: where its decision stands, its content with the remarks beside each item, then the
 * reader's task (after the text, so it is read before a decision), submitted versions compared, audit trail.
 */
import { useState } from 'react';
import { api, errorText } from './api-client';
import type { OrgUnit, Plan, Report, ReportEvent, ReportVersion, Task } from './api-types';
import { AdoptionSummary } from './AdoptionSummary';
import { AuditTrail } from './AuditTrail';
import { DecisionPanel } from './DecisionPanel';
import { daysLeftText, formatDateTime } from './format';
import { RemarksThread } from './RemarksThread';
import type { DecisionState } from './review-types';
import { Link } from './router';
import { useSession } from './session';
import { SectionsView } from './SectionsView';
import { TaskActions } from './TaskActions';
import { ErrorBox, Loading, Notice, PageTitle, StageBadge } from './ui';
import { useLoad } from './use-load';
import { useRemarks } from './use-remarks';
import { VersionCompare } from './VersionCompare';
import { waitForChange } from './wait-for-change';
import { useStageLabels } from './workflow-names';

interface ReportData {
  report: Report;
  /** The report's unit: its kind and name say who adopts it ("Chi bộ thông qua", "Đảng ủy thông qua"…). */
  unit: OrgUnit | null;
  plan: Plan;
  events: ReportEvent[];
  versions: ReportVersion[];
  task: Task | undefined;
  decision: DecisionState | null;
}

async function loadReport(reportId: string): Promise<ReportData> {
  const report = await api.get<Report>(`/api/reports/${reportId}`);
  const [unit, plan, events, versions, tasks, decision] = await Promise.all([
    api.get<OrgUnit>(`/api/org-units/${report.unitId}`).catch(() => null),
    api.get<Plan>(`/api/plans/${report.planId}`),
    api.get<ReportEvent[]>(`/api/reports/${reportId}/events`),
    api.get<ReportVersion[]>(`/api/reports/${reportId}/versions`).catch(() => []),
    api.get<Task[]>('/api/tasks?state=open'),
    api.get<DecisionState>(`/api/reports/${reportId}/decision`).catch(() => null),
  ]);
  return { report, unit, plan, events, versions, task: tasks.find((t) => t.reportId === reportId), decision };
}

export function ReportPage({ reportId }: { reportId: string }) {
  const loaded = useLoad(() => loadReport(reportId), [reportId]);
  const labels = useStageLabels(loaded.data ? [{ workflowKey: loaded.data.plan.workflowKey, workflowVersion: loaded.data.report.workflowVersion }] : undefined);
  const unit = loaded.data?.unit;
  const names = labels.namesFor(unit ? { unit: { kind: unit.kind, name: unit.name } } : {});
  const [message, setMessage] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const remarks = useRemarks(reportId);
  const { me } = useSession();

  if (!loaded.data) return loaded.error ? <ErrorBox>{loaded.error}</ErrorBox> : <Loading what="báo cáo" />;
  const { report, plan, events, versions, task, decision } = loaded.data;
  const reviewing = task?.kind === 'approval';
  const rights = { review: reviewing, draft: !!me?.roles.some((r) => r.role === 'drafter' && r.unitId === report.unitId) };

  const afterAction = async (text: string) => {
    setMessage(text);
    const before = report.stage;
    await loaded.reload();
    await waitForChange(async () => (await api.get<Report>(`/api/reports/${reportId}`)).stage !== before, 4_000);
    await loaded.reload();
  };

  const download = () => {
    setDownloadError(null);
    api.download(`/api/reports/${reportId}/document.docx`, `bao-cao-${report.unitCode}.docx`).catch((e) => setDownloadError(errorText(e)));
  };

  return (
    <section>
      <p className="breadcrumb">
        <Link to={`/plans/${plan.id}`}>{plan.code}</Link> › {report.unitCode}
      </p>
      <PageTitle title={`Báo cáo ${report.unitCode}`}>Báo cáo của {report.unitName ?? report.unitCode}</PageTitle>
      <div className="report-meta">
        <span>
          Bước hiện tại: <StageBadge stage={report.stage} names={names} />
        </span>
        <span>Hạn của bước: {report.dueAt ? `${formatDateTime(report.dueAt)} (${daysLeftText(report.dueAt)})` : '—'}</span>
        <span>Quy trình phiên bản {report.workflowVersion}</span>
        <span>Số lần bị trả lại: {report.returnedCount}</span>
      </div>
      {report.lastReturnReason && (
        <div className={`message ${report.stage === 'drafting' ? 'warning' : 'info'}`} role="note">
          <strong>Lý do trả lại gần nhất:</strong> <span className="return-reason">{report.lastReturnReason}</span>
        </div>
      )}
      <AdoptionSummary path={`/api/reports/${report.id}/adoption`} reloadKey={report.stage} />
      <Notice>{message}</Notice>
      <ErrorBox>{downloadError}</ErrorBox>
      <div className="toolbar">
        {task?.kind === 'draft' && (
          <Link to={`/reports/${report.id}/draft`} className="button-link">
            Soạn thảo báo cáo
          </Link>
        )}
        <button type="button" className="secondary" onClick={download}>
          Tải báo cáo (.docx)
        </button>
        <button type="button" className="secondary" onClick={() => void loaded.reload()}>
          Làm mới
        </button>
      </div>
      {decision && <DecisionPanel state={decision} />}
      <nav className="in-page" aria-label="Trong trang này">
        <a href="#content">Nội dung</a> · <a href="#versions">So sánh các lần nộp</a> · <a href="#audit">Lịch sử xử lý</a>
      </nav>
      <h2 id="content">Nội dung báo cáo</h2>
      <ErrorBox>{remarks.error}</ErrorBox>
      <SectionsView
        report={report}
        plan={plan}
        beside={{
          count: (section) => remarks.of(section.key).length,
          // A reader with nothing to add sees the column only where there are remarks.
          content: (section) =>
            rights.review || remarks.of(section.key).length > 0 ? (
              <RemarksThread reportId={report.id} section={section} remarks={remarks.of(section.key)} rights={rights} onChange={remarks.put} />
            ) : null,
        }}
      />
      {task && reviewing && <TaskActions key={task.id} task={task} names={names} onDone={afterAction} />}
      <h2 id="versions">So sánh các lần nộp</h2>
      <VersionCompare key={versions.length} versions={versions} outline={report.sections ?? plan.outline} />
      <h2 id="audit">Lịch sử xử lý</h2>
      <AuditTrail events={events} names={names} />
    </section>
  );
}
