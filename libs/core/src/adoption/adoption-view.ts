import { Position, POSITION_LABELS, toVietnamIso } from '@app/domain';

export interface AdoptionRow {
  id: string;
  plan_id: string;
  unit_id: string;
  unit_code: string;
  report_id: string | null;
  round: number;
  stage: string;
  number: number;
  symbol: string;
  adopted_at: Date;
  adopted_on: string;
  place: string;
  signer_username: string | null;
  signer_name: string;
  signer_position: 'bi_thu' | 'pho_bi_thu' | null;
  signer_how: string;
  superseded_at: Date | null;
  superseded_reason: string | null;
}

export const ADOPTION_COLUMNS = `a.id, a.plan_id, a.unit_id, o.code AS unit_code, a.report_id, a.round, a.stage, a.number, a.symbol, a.adopted_at,
  to_char(a.adopted_on, 'YYYY-MM-DD') AS adopted_on, a.place, a.signer_username, a.signer_name, a.signer_position, a.signer_how,
  a.superseded_at, a.superseded_reason`;

/** An adoption as the API shows it: number and symbol, date, place and signer; superseded once the report went back. */
export function toAdoptionView(row: AdoptionRow) {
  return {
    id: row.id,
    unitCode: row.unit_code,
    reportId: row.report_id,
    number: row.number,
    symbol: row.symbol,
    adoptedOn: row.adopted_on,
    adoptedAt: toVietnamIso(new Date(row.adopted_at)),
    place: row.place,
    signer: {
      username: row.signer_username,
      fullName: row.signer_name,
      position: row.signer_position as Position | null,
      title: row.signer_position ? POSITION_LABELS[row.signer_position] : null,
      how: row.signer_how,
    },
    supersededAt: row.superseded_at ? toVietnamIso(new Date(row.superseded_at)) : null,
    supersededReason: row.superseded_reason,
  };
}

export type AdoptionView = ReturnType<typeof toAdoptionView>;
