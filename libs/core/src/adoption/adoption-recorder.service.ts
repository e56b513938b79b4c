import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { appendAuditEvents, usernameOf } from '@app/dal';
import { chooseSigner, documentSymbol, POSITION_LABELS, REPORT_TYPE_CODE, UnitKind, vietnamDateOnly, vietnamDay } from '@app/domain';
import { Clock } from '../common/clock';
import { issuerCode } from '../documents/party-forms';
import { signingHoldersOf } from '../positions/signing-holders';
import { nextRegisterNumber } from './document-register';

/** What is being adopted: a unit's report in a round of its adopting stage, or (reportId null) the root's report. */
export interface Adopting {
  planId: string;
  unitId: string;
  reportId: string | null;
  round: number;
  stage: string;
  /** Who decided it (the last vote counted), for the audit trail; null when the engine re-decided. */
  actorId: string | null;
}

/**
 * Records adoptions (thông qua), in the transaction that moves the report past its adopting stage:
 * the next number of the issuer's register for its year, the adoption date in Viet Nam, the place
 * and the signer. Once written they never change (the table refuses it); a report sent back to be
 * adopted again has its adoption superseded, and the next one takes a new number.
 */
@Injectable()
export class AdoptionRecorder {
  constructor(private readonly clock: Clock) {}

  async adopt(em: EntityManager, adopting: Adopting): Promise<void> {
    const { planId, unitId, reportId, round, stage, actorId } = adopting;
    const done = await em.query(`SELECT 1 FROM adoptions WHERE plan_id = $1 AND unit_id = $2 AND round = $3`, [planId, unitId, round]);
    if (done.length) return;
    const [unit]: { code: string; name: string; kind: UnitKind; place: string }[] = await em.query(
      `SELECT code, name, kind, place FROM org_units WHERE id = $1`,
      [unitId],
    );
    const now = this.clock.now();
    const number = await nextRegisterNumber(em, unitId, REPORT_TYPE_CODE, vietnamDay(now).year);
    const symbol = documentSymbol(number, REPORT_TYPE_CODE, issuerCode(unit));
    const signer = chooseSigner(await signingHoldersOf(em, unitId), await this.chosenSigner(em, adopting));
    await em.query(
      `INSERT INTO adoptions (plan_id, unit_id, report_id, round, stage, document_type, number, symbol, adopted_at, adopted_on, place,
                              signer_id, signer_username, signer_name, signer_position, signer_how)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        planId,
        unitId,
        reportId,
        round,
        stage,
        REPORT_TYPE_CODE,
        number,
        symbol,
        now,
        vietnamDateOnly(now),
        unit.place,
        signer.userId,
        signer.username,
        signer.fullName,
        signer.position,
        signer.how,
      ],
    );
    const actor = await usernameOf(em, actorId);
    await appendAuditEvents(em, [
      {
        actorId,
        actor,
        action: 'report.adopted',
        planId,
        reportId,
        fromStage: stage,
        comment: `Thông qua: Số ${symbol}, ngày ${vietnamDateOnly(now).split('-').reverse().join('/')}`,
        data: {
          unit: unit.code,
          number,
          symbol,
          adoptedOn: vietnamDateOnly(now),
          place: unit.place,
          signer: { username: signer.username, fullName: signer.fullName, position: signer.position, how: signer.how },
        },
      },
      ...(signer.how === 'vacant'
        ? [
            {
              actorId: null,
              actor: 'system',
              action: 'adoption.signer_vacant',
              planId,
              reportId,
              fromStage: stage,
              comment: `Không có đồng chí nào giữ chức vụ ${POSITION_LABELS.bi_thu} hoặc ${POSITION_LABELS.pho_bi_thu} của ${unit.name}: văn bản được thông qua không có tên người ký`,
              data: { unit: unit.code, symbol },
            },
          ]
        : []),
    ]);
  }

  /** A report going back to be adopted again: its adoption stays in the history, superseded. */
  async supersede(em: EntityManager, planId: string, unitId: string, reportId: string | null, reason: string | null, actorId: string | null): Promise<void> {
    const [rows]: [{ symbol: string }[]] = await em.query(
      `UPDATE adoptions SET superseded_at = now(), superseded_reason = $3 WHERE plan_id = $1 AND unit_id = $2 AND superseded_at IS NULL RETURNING symbol`,
      [planId, unitId, reason],
    );
    if (!rows.length) return;
    await appendAuditEvents(em, [
      {
        actorId,
        actor: await usernameOf(em, actorId),
        action: 'report.adoption_superseded',
        planId,
        reportId,
        comment: `Văn bản Số ${rows[0].symbol} được thông qua lại sau khi bị trả lại`,
        data: { symbol: rows[0].symbol, reason },
      },
    ]);
  }

  /** The latest signer chosen by an approver of the round, before the adoption. */
  private async chosenSigner(em: EntityManager, adopting: Adopting): Promise<string | null> {
    const [row]: { chosen_signer_id: string }[] = await em.query(
      `SELECT chosen_signer_id FROM tasks
        WHERE plan_id = $1 AND report_id IS NOT DISTINCT FROM $2::uuid AND stage = $3 AND round = $4 AND decision = 'approve' AND chosen_signer_id IS NOT NULL
        ORDER BY completed_at DESC, updated_at DESC LIMIT 1`,
      [adopting.planId, adopting.reportId, adopting.stage, adopting.round],
    );
    return row?.chosen_signer_id ?? null;
  }
}
