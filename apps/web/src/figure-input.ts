/** Figures as a person types them in the drafting form, checked as the engine checks them, in Vietnamese. */
import type { FigureDefinition } from './api-types';

/** A typed figure: null for a blank (not reported, never 0), a number, or undefined when it is not one. */
export function typedFigure(text: string): number | null | undefined {
  const t = text.trim().replace(/\s+/g, '');
  if (t === '') return null;
  return /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : undefined;
}

/** What is wrong with a typed figure for its kind (the engine's own words), or null. */
export function figureInputProblem(definition: FigureDefinition, text: string): string | null {
  const value = typedFigure(text);
  if (value === null) return null;
  if (value === undefined) return 'Phải là một số';
  if (value < 0) return 'Không được là số âm';
  const twoDecimals = Math.round(value * 100) === value * 100;
  if (definition.kind === 'count') return Number.isInteger(value) ? null : 'Phải là số nguyên (không có phần thập phân)';
  if (definition.kind === 'percent') return value <= 100 && twoDecimals ? null : 'Tỷ lệ phải từ 0 đến 100, tối đa hai chữ số thập phân';
  return twoDecimals ? null : 'Tối đa hai chữ số thập phân';
}

/**
 * The edit the form sends: every figure one enters, a number or null (blank), leaving out what is
 * computed and what is typed wrong (shown beside its field, not sent).
 */
export function figureEdit(definitions: readonly FigureDefinition[], typed: Record<string, string>): Record<string, number | null> {
  const edit: Record<string, number | null> = {};
  for (const d of definitions) {
    if (d.derivedFrom || figureInputProblem(d, typed[d.key] ?? '') !== null) continue;
    edit[d.key] = typedFigure(typed[d.key] ?? '') as number | null;
  }
  return edit;
}

/** A derived percentage from the figures as typed: blank until both counts are there and the whole is above 0. */
export function derivedFigure(definition: FigureDefinition, typed: Record<string, string>): number | null {
  if (!definition.derivedFrom) return null;
  const part = typedFigure(typed[definition.derivedFrom.numerator] ?? '');
  const whole = typedFigure(typed[definition.derivedFrom.denominator] ?? '');
  if (typeof part !== 'number' || typeof whole !== 'number' || whole <= 0) return null;
  return Math.round((10_000 * part) / whole) / 100;
}

/** A figure as the form shows it: Vietnamese decimal comma. */
export function shownFigure(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace('.', ',');
}
