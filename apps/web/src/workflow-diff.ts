/** What a workflow draft changes against the current version, in words an administrator reads: stages by name, never by code. */
import type { Stage } from './api-types';
import { RULE_LABELS, ROLE_LABELS, SCOPE_LABELS, STAGE_KIND_LABELS } from './format';

export interface WorkflowChange {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  text: string;
}

function rule(stage: Stage): string {
  return stage.rule.type === 'quorum' ? `${RULE_LABELS.quorum} (${stage.rule.min ?? '?'})` : RULE_LABELS[stage.rule.type];
}

const FIELDS: { label: string; value: (s: Stage, nameOf: (key: string) => string) => string }[] = [
  { label: 'tên', value: (s) => s.name },
  { label: 'loại', value: (s) => STAGE_KIND_LABELS[s.kind] ?? s.kind },
  { label: 'vai trò', value: (s) => ROLE_LABELS[s.role] ?? s.role },
  { label: 'phạm vi', value: (s) => SCOPE_LABELS[s.scope] ?? s.scope },
  { label: 'quy tắc', value: rule },
  { label: 'trả lại về', value: (s, nameOf) => (s.returnTo ? nameOf(s.returnTo) : '(không)') },
];

export function workflowChanges(current: Stage[], draft: Stage[]): WorkflowChange[] {
  const changes: WorkflowChange[] = [];
  const before = new Map(current.map((s) => [s.key, s]));
  const after = new Map(draft.map((s) => [s.key, s]));
  const nameOf = (key: string) => after.get(key)?.name || before.get(key)?.name || key;
  for (const s of current) if (!after.has(s.key)) changes.push({ kind: 'removed', text: `Bỏ bước “${s.name}”` });
  draft.forEach((s, index) => {
    const old = before.get(s.key);
    if (!old) {
      changes.push({
        kind: 'added',
        text: `Thêm bước “${s.name}” ở vị trí ${index + 1}: ${ROLE_LABELS[s.role] ?? s.role}, ${SCOPE_LABELS[s.scope] ?? s.scope}, ${rule(s)}`,
      });
      return;
    }
    for (const field of FIELDS) {
      const a = field.value(old, nameOf);
      const b = field.value(s, nameOf);
      if (a !== b) changes.push({ kind: 'changed', text: `Bước “${s.name || old.name}”: ${field.label} “${a}” → “${b}”` });
    }
  });
  const keptBefore = current.map((s) => s.key).filter((k) => after.has(k));
  const keptAfter = draft.map((s) => s.key).filter((k) => before.has(k));
  if (keptBefore.join() !== keptAfter.join()) changes.push({ kind: 'moved', text: `Đổi thứ tự: ${keptAfter.map((k) => `“${nameOf(k)}”`).join(' → ')}` });
  return changes;
}
