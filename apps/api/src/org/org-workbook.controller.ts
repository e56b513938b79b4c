import { Controller, Get, HttpStatus, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Writable } from 'node:stream';
import { Actor, Clock, OrgWorkbooks, XLSX_MEDIA_TYPE } from '@app/core';
import { formatVietnamDate } from '@app/domain';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { attachmentDisposition } from '../documents/attachment-disposition';
import { BinaryBody } from '../http/binary-body.decorator';
import { Heavy } from '../http/heavy.decorator';
import { streamedAnswer } from '../http/raw-answer';
import { UploadedBytes } from '../http/uploaded-bytes';
import { OrgImportDoneDto, OrgImportPendingDto } from './org-import-answer.dto';
import { OrgWorkbookPreviewDto, OrgWorkbookQueryDto } from './org-workbook.dto';

/** A workbook as the answer's body. */
const WORKBOOK_ANSWER = { content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } } } as const;

/** The organisation as an Excel workbook: its template, the export of what is stored, and an upload previewed or applied. */
@ApiTags('org')
@ApiBearerAuth()
@AdminOnly()
@Controller('org')
export class OrgWorkbookController {
  constructor(
    private readonly workbooks: OrgWorkbooks,
    private readonly clock: Clock,
  ) {}

  @Get('import-template.xlsx')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({
    summary: 'The empty workbook to fill: units, people (one row per person and unit), a guide',
    description:
      'Headings frozen, kinds, roles and positions as drop-down lists in Vietnamese, code columns as text. No password column: new people get a set-password link by e-mail.',
  })
  @ApiOkResponse({ description: 'The .xlsx', ...WORKBOOK_ANSWER })
  template(@Res() res: FastifyReply): Promise<void> {
    return this.send(res, 'mau-nhap-to-chuc.xlsx', (out) => this.workbooks.writeTemplate(out));
  }

  @Get('export.xlsx')
  @Heavy()
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOperation({ summary: 'Every unit and person as stored, in the template’s form: edit it and upload it again (unchanged, it changes nothing)' })
  @ApiOkResponse({ description: 'The .xlsx, written as it is built', ...WORKBOOK_ANSWER })
  export(@Res() res: FastifyReply): Promise<void> {
    const day = formatVietnamDate(this.clock.now()).split('/').reverse().join('-');
    return this.send(res, `to-chuc-${day}.xlsx`, (out) => this.workbooks.writeExport(out));
  }

  @Post('import.xlsx')
  @Heavy()
  @BinaryBody(XLSX_MEDIA_TYPE, '8mb', 'The filled workbook (GET /api/org/import-template.xlsx or /api/org/export.xlsx), as the body itself (not multipart)')
  @ApiOperation({
    summary: 'Imports units and people from the workbook: ?dryRun=true previews, without it applies',
    description:
      'Read after authentication and the admin check, as .xlsx only (415 otherwise), at most 8 MB (413). With dryRun=true: 200 with what would be created, changed and removed ' +
      '(units, people, roles, positions, before and after) and every problem by sheet, row and column, nothing written. Without it: a file with any problem is refused whole ' +
      '(400 with the same `problems`), else it is applied as one org import (the job of POST /api/org/import: 201 with the counts, or 202 with its progress at statusUrl; ' +
      'Location names it), audited with what changed. New people get a set-password link by e-mail; known ones keep their password.',
  })
  @ApiOkResponse({ type: OrgWorkbookPreviewDto, description: 'dryRun=true' })
  @ApiCreatedResponse({ type: OrgImportDoneDto })
  @ApiAcceptedResponse({ type: OrgImportPendingDto })
  @ApiBadRequestResponse({ description: '`{statusCode: 400, message, problems: [{sheet, row, column, heading, cell, message}]}`; nothing changed' })
  async upload(
    @Query() query: OrgWorkbookQueryDto,
    @UploadedBytes() bytes: Buffer,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<OrgWorkbookPreviewDto | OrgImportDoneDto | OrgImportPendingDto> {
    if (query.dryRun === 'true') {
      void res.code(HttpStatus.OK);
      return this.workbooks.preview(bytes);
    }
    const view = await this.workbooks.apply(bytes, actor);
    const statusUrl = `/api/org/imports/${view.id}`;
    void res.header('Location', statusUrl);
    if (view.status === 'done') return { units: view.units, users: view.users };
    void res.code(HttpStatus.ACCEPTED);
    return { id: view.id, status: view.status, progress: view.progress, statusUrl };
  }

  private async send(reply: FastifyReply, fileName: string, write: (out: Writable) => Promise<void>): Promise<void> {
    await write(streamedAnswer(reply, XLSX_MEDIA_TYPE, { 'Content-Disposition': attachmentDisposition(fileName) }));
  }
}
