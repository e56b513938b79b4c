import { ApiProperty } from '@nestjs/swagger';

export class BrokenLinkView {
  @ApiProperty({ nullable: true, type: Number, description: 'Place in the chain of the link that does not hold; null for an event outside the chain' })
  seq: number | null;
  @ApiProperty({ description: 'Id of the audit event concerned' }) eventId: number;
  @ApiProperty({
    enum: ['altered', 'missing', 'gap', 'outside-chain'],
    description:
      'altered: the event (or the link before it) changed after it was sealed; missing: a sealed event was removed; gap: a seal was removed; ' +
      'outside-chain: an event neither sealed nor waiting to be (written past the engine)',
  })
  reason: string;
  @ApiProperty({ required: false, type: String, format: 'date-time' }) at?: Date;
  @ApiProperty({ required: false }) action?: string;
}

/** The answer of GET /api/audit/verify. */
export class AuditVerificationView {
  @ApiProperty({ description: 'Every sealed link holds and every event is in the chain or waiting to be sealed' }) ok: boolean;
  @ApiProperty({ description: 'Audit events stored' }) events: number;
  @ApiProperty({ description: 'Events sealed into the chain' }) sealed: number;
  @ApiProperty({ description: 'Events waiting to be sealed (a worker seals every AUDIT_SEAL_INTERVAL_MS)' }) queued: number;
  @ApiProperty({ type: BrokenLinkView, nullable: true, description: 'The first link that does not hold, or null' }) firstBroken: BrokenLinkView | null;
}
