import { IndicatorDefinition, indicatorConsistencyProblems, indicatorValueProblem } from './indicators';
import { Indicators } from './types';

/** A drafter's edit of figures: a number sets a figure, `null` clears it (not reported). */
export type FigureEdit = Record<string, unknown>;

export interface FigureEditOutcome {
  /** Per figure key, what is wrong with the edit, in Vietnamese; empty when it can be applied. */
  problems: Record<string, string>;
  /** The report's figures once the edit is applied (only meaningful without problems). */
  figures: Indicators;
}

export const UNKNOWN_FIGURE = 'Kế hoạch không có số liệu này';

/**
 * Applies an edit to a report's stored figures, or says per figure why it cannot: a figure the plan
 * does not have, a value of the wrong kind (indicatorValueProblem), or, once every value is right,
 * figures that contradict each other (indicatorConsistencyProblems). A blank stays absent, never 0;
 * a derived percentage is never stored (it is computed on reading).
 */
export function applyFigureEdit(definitions: readonly IndicatorDefinition[], stored: Indicators, edit: FigureEdit): FigureEditOutcome {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const problems: Record<string, string> = {};
  const figures: Indicators = { ...stored };
  for (const [key, value] of Object.entries(edit)) {
    const definition = byKey.get(key);
    const problem = definition ? indicatorValueProblem(definition, value) : UNKNOWN_FIGURE;
    if (problem) problems[key] = problem;
    else if (value === null) delete figures[key];
    else figures[key] = value as number;
  }
  for (const d of definitions) if (d.derivedFrom) delete figures[d.key];
  if (Object.keys(problems).length > 0) return { problems, figures: stored };
  const contradictions = indicatorConsistencyProblems(definitions, figures);
  return Object.keys(contradictions).length > 0 ? { problems: contradictions, figures: stored } : { problems: {}, figures };
}
