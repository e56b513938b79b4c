import type { AdoptionRow } from '@app/dal';
import { Position, POSITION_LABELS, toVietnamIso } from '@app/domain';

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
