/** Where the decision on a report's current stage stands: the rule, who agreed (and what they said), who is awaited. */
import type { DecisionState } from './review-types';
import { formatDateTime } from './format';

const MEMBER_STATE: Record<DecisionState['members'][number]['state'], string> = {
  approved: 'Đã đồng ý',
  returned: 'Đã trả lại',
  waiting: 'Chưa cho ý kiến',
};

export function DecisionPanel({ state }: { state: DecisionState }) {
  if (!state.summary) return null;
  return (
    <section className="card decision-state" aria-labelledby="decision-title">
      <h2 id="decision-title">Tình hình cho ý kiến</h2>
      <p className="decision-summary" data-testid="decision-summary">
        <strong>{state.summary}</strong>
      </p>
      <p className="muted small">{state.ruleText}.</p>
      <ul className="decision-members">
        {state.members.map((m) => (
          <li key={m.username} className={`member-${m.state}`}>
            <span className="member-name">{m.fullName}</span> – <span>{MEMBER_STATE[m.state]}</span>
            {m.decidedAt && <span className="muted small"> ({formatDateTime(m.decidedAt)})</span>}
            {m.comment && <q className="member-comment prewrap">{m.comment}</q>}
          </li>
        ))}
      </ul>
    </section>
  );
}
