/** Schemas of the maps the API answers with, which a DTO property cannot express by its type alone. */

/** Figures by key (a figure not reported is absent, never 0). */
export const FIGURES = { type: 'object', additionalProperties: { type: 'number' } } as const;

/** Counts by key (by stage, by timeliness…). */
export const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

/** An item's texts by part (text, strengths, limitations, causes, lessons, directions). */
export const TEXTS = { type: 'object', additionalProperties: { type: 'string' } } as const;

/** Texts by outline item key, then by part: a submitted version's content. */
export const TEXTS_BY_ITEM = { type: 'object', additionalProperties: TEXTS } as const;

/** Stage keys by stage key (a migration's stage map). */
export const STAGE_MAP = { type: 'object', additionalProperties: { type: 'string' } } as const;

/** Lines by unit kind (a plan's own Nơi nhận). */
export const LINES_BY_KIND = { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } as const;

/** Free-form details (an audit event's data). */
export const DETAILS = { type: 'object', additionalProperties: true } as const;

/** Per unit kind, per stage key, when the stage is due (+07:00). */
export const DEADLINES = {
  type: 'object',
  additionalProperties: { type: 'object', additionalProperties: { type: 'string', format: 'date-time' } },
  example: { cell: { drafting: '2019-07-10T17:00:00+07:00' } },
} as const;
