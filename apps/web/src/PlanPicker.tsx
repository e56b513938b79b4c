import { useEffect } from 'react';
import type { Plan } from './api-types';

/** A labelled plan selector; picks the first launched plan when none is chosen yet. */
export function PlanPicker({ plans, value, onChange, id = 'plan-picker' }: { plans: Plan[]; value: string; onChange: (id: string) => void; id?: string }) {
  useEffect(() => {
    if (!value && plans.length) onChange((plans.find((p) => p.status === 'launched') ?? plans[0]).id);
  }, [plans, value, onChange]);
  return (
    <div className="field">
      <label htmlFor={id}>Kế hoạch</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {plans.map((p) => (
          <option key={p.id} value={p.id}>
            {p.code} – {p.title.slice(0, 60)}
          </option>
        ))}
      </select>
    </div>
  );
}
