/**
 * Dự thảo báo cáo tổng hợp: the report a consolidating level writes from what came up, the Khối's
 * by its working group (then adopted by the Standing Committee, whose members decide here from their
 * task), an intermediate unit's by its drafters. The editor per item, the sources of the selected
 * item beside it, the figures with their breakdown, who is missing, and the versions submitted.
 */
import { useState } from 'react';
import { api } from './api-client';
import type { LevelCompleteness, LevelVersion, Plan, Task } from './api-types';
import { AdoptionActions } from './AdoptionActions';
import { CompletenessPanel } from './CompletenessPanel';
import { LevelDraft, loadLevelDraft } from './level-draft';
import { LevelEditor } from './LevelEditor';
import { LevelFiguresPanel } from './LevelFiguresPanel';
import { LevelSourcesPanel } from './LevelSourcesPanel';
import { LevelVersionCompare } from './LevelVersionCompare';
import { byOutlinePart } from './outline-labels';
import { formatDateTime } from './format';
import { Link, useLocation } from './router';
import { useSession } from './session';
import { ErrorBox, Loading, Notice, PageTitle } from './ui';
import { useLevelContent } from './use-level-content';
import { useLoad } from './use-load';
import { waitForChange } from './wait-for-change';

interface PageData {
  draft: LevelDraft;
  plan: Plan;
  versions: LevelVersion[];
  /** The reader's open task of the Standing Committee on the Khối's report. */
  committeeTask: Task | undefined;
}

async function loadPage(planId: string, level: string | null): Promise<PageData> {
  const [draft, plan, tasks] = await Promise.all([
    loadLevelDraft(planId, level),
    api.get<Plan>(`/api/plans/${planId}`),
    api.get<Task[]>('/api/tasks?state=open'),
  ]);
  const versions = await api.get<LevelVersion[]>(draft.versionsPath).catch(() => []);
  const committeeTask = level ? undefined : tasks.find((t) => t.planId === planId && !t.reportId && t.stage === 'root_approval');
  return { draft, plan, versions, committeeTask };
}

/** /plans/:id/level-report: the Khối's report; `?level=CODE` an intermediate consolidating unit's own. */
export function LevelReportRoute({ planId }: { planId: string }) {
  const level = useLocation().query.get('level');
  return <LevelReportPage key={level ?? ''} planId={planId} level={level || null} />;
}

export function LevelReportPage({ planId, level }: { planId: string; level: string | null }) {
  const loaded = useLoad(() => loadPage(planId, level), [planId, level]);
  const completeness = useLoad(
    () => api.get<LevelCompleteness>(`/api/plans/${planId}/level-report/completeness${level ? `?level=${encodeURIComponent(level)}` : ''}`),
    [planId, level],
  );
  const [message, setMessage] = useState<string | null>(null);

  if (!loaded.data) {
    if (!loaded.error) return <Loading what="dự thảo báo cáo tổng hợp" />;
    return (
      <section>
        <PageTitle title="Dự thảo báo cáo tổng hợp">Dự thảo báo cáo tổng hợp</PageTitle>
        <ErrorBox>
          {loaded.error.startsWith('Không tìm thấy')
            ? 'Dự thảo báo cáo tổng hợp chưa được lập: dự thảo có khi đã thu thập xong báo cáo của các đơn vị.'
            : loaded.error}
        </ErrorBox>
        <p>
          <Link to={`/plans/${planId}`}>Về trang tiến độ kế hoạch</Link>
        </p>
      </section>
    );
  }
  const { draft, plan, versions, committeeTask } = loaded.data;
  const after = async (text: string) => {
    setMessage(text);
    await loaded.reload();
    // The worker applies a decision shortly after it is recorded: show the report once it has moved.
    if (await waitForChange(() => draft.movedOn(), 6_000)) await loaded.reload();
  };

  return (
    <section className="level-report">
      <p className="breadcrumb">
        <Link to="/plans">Kế hoạch</Link> › <Link to={`/plans/${plan.id}`}>{plan.code}</Link> › Dự thảo báo cáo tổng hợp
      </p>
      <PageTitle title={`Dự thảo báo cáo tổng hợp ${draft.unitCode}`}>Dự thảo báo cáo tổng hợp – {draft.unitName}</PageTitle>
      <p className="report-meta">
        <span>
          Trạng thái: <strong data-testid="level-status">{draft.statusText}</strong>
        </span>
        {draft.reportId && <Link to={`/reports/${draft.reportId}`}>Xem báo cáo, ý kiến thông qua và lịch sử xử lý</Link>}
      </p>
      {draft.lastReturnReason && (
        <div className="message warning" role="note">
          <strong>{draft.level ? 'Báo cáo bị trả lại, lý do:' : 'Ban Thường vụ đã trả lại dự thảo, lý do:'}</strong>{' '}
          <span className="return-reason">{draft.lastReturnReason}</span>
        </div>
      )}
      {!draft.editable && (
        <div className="message info" role="note">
          {draft.level
            ? 'Đồng chí không giữ công việc soạn thảo báo cáo này ở bước hiện tại, nên chỉ xem được.'
            : 'Đồng chí đang xem dự thảo; chỉ tổ giúp việc sửa được, khi dự thảo chưa được trình.'}
        </div>
      )}
      <Notice>{message}</Notice>
      {committeeTask && <AdoptionActions key={committeeTask.id} task={committeeTask} onDone={after} />}
      <nav className="in-page" aria-label="Trong trang này">
        <a href="#level-content">Nội dung</a> · <a href="#completeness-title">Tình hình báo cáo của các đơn vị</a> · <a href="#level-figures">Số liệu</a> ·{' '}
        <a href="#level-versions">So sánh các lần trình</a>
      </nav>
      {completeness.data ? (
        <CompletenessPanel data={completeness.data} />
      ) : completeness.error ? (
        <ErrorBox>{completeness.error}</ErrorBox>
      ) : (
        <Loading what="tình hình báo cáo" />
      )}
      <DraftWorkspace
        key={draft.revision}
        draft={draft}
        units={(completeness.data?.completeness.rows ?? []).filter((r) => r.status === 'included')}
        onSubmitted={() => after(draft.level ? 'Đã nộp báo cáo.' : 'Đã trình Ban Thường vụ dự thảo báo cáo tổng hợp.')}
      />
      <h2 id="level-versions">So sánh các lần trình</h2>
      <LevelVersionCompare key={versions.length} versions={versions} items={draft.items} />
    </section>
  );
}

/** The editor with the sources of the selected item beside it, then the figures: one draft's texts, typed and saved. */
function DraftWorkspace({
  draft,
  units,
  onSubmitted,
}: {
  draft: LevelDraft;
  units: { unitCode: string; unitName: string }[];
  onSubmitted: () => Promise<void>;
}) {
  const { me } = useSession();
  const texts = useLevelContent(draft, me!.id);
  const [selected, setSelected] = useState(draft.items[0]?.key ?? '');
  const item = draft.items.find((i) => i.key === selected);
  return (
    <>
      <h2 id="level-content">Nội dung dự thảo</h2>
      {texts.restored.count > 0 && (
        <Notice>
          Đã khôi phục nội dung chưa kịp lưu của {texts.restored.count} phần (soạn lúc {formatDateTime(new Date(texts.restored.at!))}) từ trình duyệt này; nội
          dung đó đang được lưu lên hệ thống.
        </Notice>
      )}
      {draft.editable && (
        <p className="muted small">Nội dung được lưu tự động sau mỗi lần sửa. Chọn “Xem nguồn của mục này” để xem báo cáo của các đơn vị ở mục đó.</p>
      )}
      <div className="level-layout">
        <nav className="toc card" aria-label="Các mục của đề cương">
          {byOutlinePart(draft.items).map((group, g) => (
            <div key={group.heading ?? g}>
              {group.heading && <p className="toc-part">{group.heading}</p>}
              <ol>
                {group.items.map((i) => (
                  <li key={i.key} className={selected === i.key ? 'current' : undefined}>
                    <a href={`#item-${i.key}`} onClick={() => setSelected(i.key)}>
                      {i.title}
                    </a>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </nav>
        <LevelEditor
          draft={draft}
          texts={texts}
          selected={selected}
          onSelect={setSelected}
          onSubmitted={onSubmitted}
          submitLabel={draft.level ? 'Nộp báo cáo' : 'Trình Ban Thường vụ'}
        />
        {item && (
          <LevelSourcesPanel
            planId={draft.planId}
            level={draft.level}
            item={item}
            units={units}
            canInsert={draft.editable}
            onInsert={(part, passage) => texts.insert(item.key, item.takes.includes(part) ? part : item.takes[0], passage)}
          />
        )}
      </div>
      <h2 id="level-figures">Số liệu</h2>
      <LevelFiguresPanel planId={draft.planId} level={draft.level} editable={draft.editable} texts={texts} derived={draft.derivedIndicators} />
      {texts.error && <ErrorBox>{`Lưu không được: ${texts.error}`}</ErrorBox>}
    </>
  );
}
