/**
 * One stage of a workflow draft: its fields, what is wrong with it (in Vietnamese, here rather than
 * in a list elsewhere), and buttons to move it or remove it; removing asks first, saying which
 * stages return to it.
 */
import { useState } from 'react';
import type { Role, RuleType, Scope, Stage, StageKind } from './api-types';
import { RULE_LABELS, ROLE_LABELS, SCOPE_LABELS, STAGE_KIND_LABELS } from './format';

const ROLES: Exclude<Role, 'admin'>[] = ['drafter', 'approver', 'reviewer', 'consolidator'];

interface Props {
  stage: Stage;
  index: number;
  count: number;
  /** The other stages of the draft, for "return to", by name. */
  stages: Stage[];
  problems: string[];
  onChange: (stage: Stage) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

export function StageEditor({ stage, index, count, stages, problems, onChange, onMove, onRemove }: Props) {
  const [confirming, setConfirming] = useState(false);
  const id = (field: string) => `stage-${index}-${field}`;
  const set = (patch: Partial<Stage>) => onChange({ ...stage, ...patch });
  const name = stage.name.trim() || `Bước ${index + 1}`;
  const returningHere = stages.filter((s) => s !== stage && s.returnTo === stage.key).map((s) => `“${s.name}”`);
  return (
    <fieldset
      className={`stage-editor card${problems.length ? ' has-problems' : ''}`}
      data-stage-key={stage.key}
      aria-describedby={problems.length ? id('problems') : undefined}
    >
      <legend>
        Bước {index + 1}: {name}
      </legend>
      {problems.length > 0 && (
        <div className="message error stage-problems" id={id('problems')} role="alert">
          <strong>Bước này chưa hợp lệ:</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
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
          <select id={id('role')} value={stage.role} onChange={(e) => set({ role: e.target.value as Stage['role'] })}>
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
            <input
              id={id('min')}
              type="number"
              min={1}
              value={stage.rule.min ?? ''}
              onChange={(e) => set({ rule: { type: 'quorum', min: Number(e.target.value) } })}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={id('return')}>Trả lại về bước</label>
          <select id={id('return')} value={stage.returnTo ?? ''} onChange={(e) => set({ returnTo: e.target.value || undefined })}>
            <option value="">(không trả lại)</option>
            {stages
              .filter((s) => s !== stage && s.key)
              .map((s) => (
                <option key={s.key} value={s.key}>
                  {s.name || s.key}
                </option>
              ))}
          </select>
        </div>
      </div>
      <div className="stage-buttons">
        <button type="button" className="secondary" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Chuyển bước ${name} lên trên`}>
          ↑ Lên
        </button>
        <button type="button" className="secondary" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`Chuyển bước ${name} xuống dưới`}>
          ↓ Xuống
        </button>
        <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={confirming} aria-label={`Xóa bước ${name}`}>
          Xóa bước
        </button>
      </div>
      {confirming && (
        <div className="message warning confirm-box" role="alertdialog" aria-labelledby={id('confirm')}>
          <p id={id('confirm')}>
            Xóa bước “{name}” khỏi bản nháp?
            {returningHere.length > 0 && ` Các bước ${returningHere.join(', ')} đang trả lại về bước này: cần chọn lại bước trả về cho chúng.`} Phiên bản đang
            dùng không đổi cho tới khi lưu phiên bản mới.
          </p>
          <div className="toolbar">
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirming(false);
                onRemove();
              }}
            >
              Xóa bước này
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Không xóa
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
