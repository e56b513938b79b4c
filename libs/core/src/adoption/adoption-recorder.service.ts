import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  adoptionRecorded,
  appendAuditEvents,
  chosenSignerOfRound,
  insertAdoption,
  issuingUnitOf,
  nextRegisterNumber,
  supersedeCurrentAdoption,
  usernameOf,
} from '@app/dal';
import { chooseSigner, documentSymbol, POSITION_LABELS, REPORT_TYPE_CODE, vietnamDateOnly, vietnamDay } from '@app/domain';
import { Clock } from '../common/clock';
import { issuerCode } from '../documents/party-forms';
import { signingHoldersOf } from '../positions/signing-holders';

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
    if (await adoptionRecorded(em, planId, unitId, round)) return;
    const unit = await issuingUnitOf(em, unitId);
    const now = this.clock.now();
    const number = await nextRegisterNumber(em, unitId, REPORT_TYPE_CODE, vietnamDay(now).year);
    const symbol = documentSymbol(number, REPORT_TYPE_CODE, issuerCode(unit));
    const signer = chooseSigner(await signingHoldersOf(em, unitId), await this.chosenSigner(em, adopting));
    await insertAdoption(em, {
      planId,
      unitId,
      reportId,
      round,
      stage,
      documentType: REPORT_TYPE_CODE,
      number,
      symbol,
      adoptedAt: now,
      adoptedOn: vietnamDateOnly(now),
      place: unit.place,
      signer,
    });
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
    const symbols = await supersedeCurrentAdoption(em, planId, unitId, reason);
    if (!symbols.length) return;
    await appendAuditEvents(em, [
      {
        actorId,
        actor: await usernameOf(em, actorId),
        action: 'report.adoption_superseded',
        planId,
        reportId,
        comment: `Văn bản Số ${symbols[0]} được thông qua lại sau khi bị trả lại`,
        data: { symbol: symbols[0], reason },
      },
    ]);
  }

  /** The latest signer chosen by an approver of the round, before the adoption. */
  private async chosenSigner(em: EntityManager, adopting: Adopting): Promise<string | null> {
    return chosenSignerOfRound(em, adopting);
  }
}
