import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Adoptions, PlanVisibility, SignerChoice } from '@app/core';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { AdoptionsDto, TaskSignersDto } from './adoption-view.dto';

/** Adoption (thông qua): a report's number, date and signer once its committee adopted it, and who may be chosen to sign. */
@ApiTags('adoption')
@ApiBearerAuth()
@Controller()
export class AdoptionController {
  constructor(
    private readonly adoptions: Adoptions,
    private readonly signers: SignerChoice,
    private readonly visibility: PlanVisibility,
  ) {}

  @Get('reports/:id/adoption')
  @ApiOperation({ summary: 'The report’s adoption: number, date, place and signer (null before adoption), and the superseded ones' })
  @ApiOkResponse({ type: AdoptionsDto })
  ofReport(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.adoptions.ofReport(id, actor.id);
  }

  @Get('plans/:id/adoption')
  @ApiOperation({ summary: 'The adoption of the root’s own report by its Standing Committee, for whoever sees the plan' })
  @ApiOkResponse({ type: AdoptionsDto })
  async ofPlan(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    const { plan } = await this.visibility.visiblePlan(id, actor.id);
    return this.adoptions.ofUnit(plan.id, plan.rootUnitId);
  }

  @Get('tasks/:id/signers')
  @ApiOperation({
    summary: 'For the task’s holder: whether approving it adopts the report, and whom it may name to sign (POST /api/tasks/:id/complete `signer`)',
  })
  @ApiOkResponse({ type: TaskSignersDto })
  signersOf(@Param('id', UUID) id: string, @CurrentActor() actor: Actor) {
    return this.signers.candidates(id, actor.id);
  }
}
