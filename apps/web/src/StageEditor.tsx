/** One stage of a workflow draft: its fields, and buttons to move it or remove it. */
import type { Role, RuleType, Scope, Stage, StageKind } from './api-types';
import { RULE_LABELS, ROLE_LABELS, SCOPE_LABELS, STAGE_KIND_LABELS } from './format';

const ROLES: Exclude<Role, 'admin'>[] = ['drafter', 'approver', 'reviewer', 'consolidator'];

interface Props {
  stage: Stage;
  index: number;
  count: number;
  stageKeys: string[];
  onChange: (stage: Stage) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

export function StageEditor({ stage, index, count, stageKeys, onChange, onMove, onRemove }: Props) {
  const id = (field: string) => `stage-${index}-${field}`;
  const set = (patch: Partial<Stage>) => onChange({ ...stage, ...patch });
  return (
    <fieldset className="stage-editor card" data-stage-key={stage.key}>
      <legend>
        Bước {index + 1}: {stage.name || stage.key}
      </legend>
      <div className="stage-fields">
        <div className="field">
          <label htmlFor={id('key')}>Mã bước</label>
          <input id={id('key')} value={stage.key} required pattern="[a-z][a-z0-9_]*" onChange={(e) => set({ key: e.target.value.trim() })} />
        </div>
        <div className="field wide">
          <label htmlFor={id('name')}>Tên bước</label>
          <input id={id('name')} value={stage.name} required onChange={(e) => set({ name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={id('kind')}>Loại</label>
          <select id={id('kind')} value={stage.kind} onChange={(e) => set({ kind: e.target.value as StageKind })}>
            {(Object.keys(STAGE_KIND_LABELS) as StageKind[]).map((k) => (
              <option key={k} value={k}>
                {STAGE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('role')}>Vai trò thực hiện</label>
          <select id={id('role')} value={stage.role} onChange={(e) => set({ role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('scope')}>Phạm vi</label>
          <select id={id('scope')} value={stage.scope} onChange={(e) => set({ scope: e.target.value as Scope })}>
            {(Object.keys(SCOPE_LABELS) as Scope[]).map((s) => (
              <option key={s} value={s}>
                {SCOPE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('rule')}>Quy tắc</label>
          <select
            id={id('rule')}
            value={stage.rule.type}
            onChange={(e) => {
              const type = e.target.value as RuleType;
              set({ rule: type === 'quorum' ? { type, min: stage.rule.min ?? 2 } : { type } });
            }}
          >
            {(Object.keys(RULE_LABELS) as RuleType[]).map((r) => (
              <option key={r} value={r}>
                {RULE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        {stage.rule.type === 'quorum' && (
          <div className="field">
            <label htmlFor={id('min')}>Số người tối thiểu</label>
            <input id={id('min')} type="number" min={1} value={stage.rule.min ?? ''} onChange={(e) => set({ rule: { type: 'quorum', min: Number(e.target.value) } })} />
          </div>
        )}
        <div className="field">
          <label htmlFor={id('return')}>Trả lại về bước</label>
          <select id={id('return')} value={stage.returnTo ?? ''} onChange={(e) => set({ returnTo: e.target.value || undefined })}>
            <option value="">(không trả lại)</option>
            {stageKeys
              .filter((k) => k !== stage.key)
              .map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
          </select>
        </div>
      </div>
      <div className="stage-buttons">
        <button type="button" className="secondary" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Chuyển bước ${stage.key} lên trên`}>
          ↑ Lên
        </button>
        <button type="button" className="secondary" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`Chuyển bước ${stage.key} xuống dưới`}>
          ↓ Xuống
        </button>
        <button type="button" className="danger" onClick={onRemove} aria-label={`Xóa bước ${stage.key}`}>
          Xóa bước
        </button>
      </div>
    </fieldset>
  );
}
