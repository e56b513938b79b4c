/**
 * The dashboard's counts lead somewhere: each count is a button that filters the unit tree and the
 * list of units to the units it counts ("Quá hạn 12" → those twelve); the list lets whoever is above
 * an overdue unit remind it ("Đôn đốc") with one action.
 */
import { useMemo, useState } from 'react';
import type { Me, Progress, ProgressUnit } from './api-types';
import { formatDate } from './format';
import { NudgeAnswer, NudgeButton } from './NudgeButton';
import { Link } from './router';
import { StageBadge, stageClass } from './ui';
import { matchesFilter, nudgeRights, UnitFilter } from './unit-filter';
import type { StageLabels, StageWhere } from './workflow-names';

export function StageCounts({
  progress,
  stages,
  stageName,
  filter,
  onFilter,
}: {
  progress: Progress;
  stages: string[];
  stageName: (stage: string) => string;
  filter: UnitFilter;
  onFilter: (filter: UnitFilter) => void;
}) {
  const isStage = (s: string) => filter?.kind === 'stage' && filter.stage === s;
  return (
    <ul className="stage-counts" aria-label="Số báo cáo theo bước; chọn một số để lọc cây và danh sách đơn vị">
      <li>
        <button type="button" className="stage-count total" aria-pressed={filter === null} onClick={() => onFilter(null)}>
          <span className="count-number">{progress.total}</span> Tổng số
        </button>
      </li>
      {stages.map((s) => (
        <li key={s}>
          <button
            type="button"
            className={`stage-count ${stageClass(s)}`}
            data-stage={s}
            aria-pressed={isStage(s)}
            onClick={() => onFilter(isStage(s) ? null : { kind: 'stage', stage: s })}
          >
            <span className="count-number">{progress.byStage[s] ?? 0}</span> {stageName(s)}
          </button>
        </li>
      ))}
      <li>
        <button
          type="button"
          className={`stage-count ${progress.overdue ? 'overdue' : ''}`}
          aria-pressed={filter?.kind === 'overdue'}
          onClick={() => onFilter(filter?.kind === 'overdue' ? null : { kind: 'overdue' })}
        >
          <span className="count-number">{progress.overdue}</span> Quá hạn
        </button>
      </li>
    </ul>
  );
}

/** Whether the signed-in person may nudge each unit of the plan (nudgeRights). */
function useMayNudge(me: Me | null, isAdmin: boolean, wholePlan: boolean, rootId: string, units: ProgressUnit[]) {
  return useMemo(() => {
    const may = nudgeRights({ isAdmin, wholePlan, heldUnitIds: (me?.roles ?? []).flatMap((r) => (r.unitId ? [r.unitId] : [])), rootId, units });
    return (unit: ProgressUnit) => may(unit.unitId);
  }, [me, isAdmin, wholePlan, rootId, units]);
}

export function UnitList(props: {
  planId: string;
  rootId: string;
  progress: Progress;
  filter: UnitFilter;
  filterName: string;
  labels: StageLabels;
  root: StageWhere['root'];
  me: Me | null;
  isAdmin: boolean;
  onNudged: () => void;
}) {
  const { planId, progress, filter, labels, root } = props;
  const [nudged, setNudged] = useState<Set<string>>(new Set());
  const may = useMayNudge(props.me, props.isAdmin, progress.scope?.whole ?? true, props.rootId, progress.units);
  const shown = filter ? progress.units.filter((u) => matchesFilter(filter, u)) : progress.units.filter((u) => u.overdue);
  const nudgeable = shown.filter((u) => u.overdue && may(u));
  const remember = (answer: NudgeAnswer) => {
    const done = [...answer.sent.map((s) => s.unitCode), ...answer.skipped.filter((s) => s.reason === 'already_today').map((s) => s.unitCode)];
    setNudged((before) => new Set([...before, ...done]));
    if (answer.sent.length) props.onNudged();
  };
  const title = filter ? `Đơn vị: ${props.filterName} (${shown.length})` : 'Đơn vị quá hạn';
  return (
    <section aria-labelledby="unit-list-title">
      <h2 id="unit-list-title">{title}</h2>
      {nudgeable.length > 1 && (
        <p>
          <NudgeButton
            planId={planId}
            units={nudgeable.filter((u) => !nudged.has(u.unitCode))}
            label={`Đôn đốc tất cả ${nudgeable.length} đơn vị quá hạn`}
            done={nudgeable.every((u) => nudged.has(u.unitCode))}
            onNudged={remember}
          />
        </p>
      )}
      {shown.length === 0 ? (
        <p className="empty">{filter ? 'Không có đơn vị nào.' : 'Không có đơn vị nào quá hạn.'}</p>
      ) : (
        <ul className="overdue-list unit-list">
          {shown.map((u) => (
            <li key={u.unitCode} data-unit={u.unitCode}>
              <Link to={`/reports/${u.reportId}`}>{u.unitName}</Link>{' '}
              <StageBadge stage={u.stage} names={labels.namesFor({ unit: { kind: u.kind, name: u.unitName }, root })} />
              {u.dueAt && <span className={`small ${u.overdue ? 'overdue-text' : 'muted'}`}> hạn {formatDate(u.dueAt)}</span>}
              {u.overdue && may(u) && <NudgeButton planId={planId} units={[u]} label="Đôn đốc" done={nudged.has(u.unitCode)} onNudged={remember} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
