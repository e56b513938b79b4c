import { UNIT_KINDS, UnitKind } from './types';

/**
 * A plan's own Nơi nhận, per level (unit kind): the lines each level's reports carry instead of the
 * usual ones. A level the plan leaves out keeps the usual lines; the file copy ("Lưu: …") always
 * ends them, added when a plan's list has none.
 */
export type PlanRecipients = Partial<Record<UnitKind, string[]>>;

export const RECIPIENT_LINES_MAX = 20;
export const RECIPIENT_LINE_MAX_LENGTH = 300;

/** Why a value is not a plan's recipients, or null when it is. */
export function planRecipientsProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return 'recipients must be an object of lists by unit kind (bloc, upper, grassroots, cell)';
  for (const [kind, lines] of Object.entries(value)) {
    if (!(UNIT_KINDS as readonly string[]).includes(kind)) return `recipients.${kind}: not a unit kind (${UNIT_KINDS.join(', ')})`;
    if (!Array.isArray(lines) || lines.length > RECIPIENT_LINES_MAX) return `recipients.${kind} must be a list of at most ${RECIPIENT_LINES_MAX} lines`;
    const bad = lines.findIndex((l) => typeof l !== 'string' || l.trim() === '' || l.length > RECIPIENT_LINE_MAX_LENGTH || /[\r\n\u0000-\u001f]/.test(l));
    if (bad >= 0) return `recipients.${kind}[${bad}] must be one non-empty line of at most ${RECIPIENT_LINE_MAX_LENGTH} characters`;
  }
  return null;
}
