import { Body, Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, OrgImports, OrgService } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { BodyLimit } from '../http/body-limit.decorator';
import { OrgImportDoneDto, OrgImportPendingDto, OrgImportStatusDto } from './org-import-answer.dto';
import { OrgImportDto } from './org-import.dto';
import { OrgUnitDetailView, OrgUnitView } from './org-unit-view.dto';

@ApiTags('org')
@ApiBearerAuth()
@Controller()
export class OrgController {
  constructor(
    private readonly org: OrgService,
    private readonly imports: OrgImports,
  ) {}

  @AdminOnly()
  @Post('org/import')
  // Tens of thousands of units and users in one request; larger organisations come in several.
  @BodyLimit('8mb')
  @ApiOperation({
    summary: 'Imports units and users (idempotent by code and username)',
    description:
      'A worker hashes the passwords and applies the import in one transaction. The request waits up to ORG_IMPORT_WAIT_MS: ' +
      '201 with the counts when applied by then, else 202 with the progress and where to follow it. Either way Location names the import.',
  })
  @ApiCreatedResponse({ type: OrgImportDoneDto })
  @ApiAcceptedResponse({ type: OrgImportPendingDto })
  async import(
    @Body() body: OrgImportDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<OrgImportDoneDto | OrgImportPendingDto> {
    const view = await this.imports.submit(body, actor);
    const statusUrl = `/api/org/imports/${view.id}`;
    void res.header('Location', statusUrl);
    if (view.status === 'done') return { units: view.units, users: view.users };
    void res.code(HttpStatus.ACCEPTED);
    return { id: view.id, status: view.status, progress: view.progress, statusUrl };
  }

  @AdminOnly()
  @Get('org/imports/:id')
  @ApiOperation({ summary: 'An import: its status, progress, and its result or why it failed' })
  @ApiOkResponse({ type: OrgImportStatusDto })
  async importStatus(@Param('id', UUID) id: string): Promise<OrgImportStatusDto> {
    const view = await this.imports.view(id);
    return view as unknown as OrgImportStatusDto;
  }

  @Get('org-units')
  @ApiOkResponse({ type: [OrgUnitView], description: 'Every unit, by depth then code' })
  async list() {
    const units = await this.org.listUnits();
    return units.map(({ id, code, name, kind, parentId, place }) => ({ id, code, name, kind, parentId, place }));
  }

  @Get('org-units/:id')
  @ApiOkResponse({ type: OrgUnitDetailView })
  async get(@Param('id', UUID) id: string) {
    const { id: unitId, code, name, kind, parentId, depth, place, children } = await this.org.getUnit(id);
    return { id: unitId, code, name, kind, parentId, depth, place, children };
  }
}
