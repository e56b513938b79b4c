import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, FiguresWorkbooks, XLSX_MEDIA_TYPE } from '@app/core';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { attachmentDisposition } from '../documents/attachment-disposition';
import { Heavy } from '../http/heavy.decorator';
import { streamedAnswer } from '../http/raw-answer';
import { ConsolidatedQueryDto } from '../plans/consolidated-query.dto';

/** A consolidating unit's figures, unit by unit, as an Excel workbook. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlanFiguresController {
  constructor(private readonly workbooks: FiguresWorkbooks) {}

  /** Written as it is built: for a whole Bloc it is ten thousand rows per appendix table. */
  @Get(':id/indicators.xlsx')
  @Heavy()
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ description: 'The workbook', content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary: 'The consolidated figures of a consolidating unit (the root by default, `?unit=CODE` for any level that consolidates), unit by unit, as .xlsx',
    description:
      'A summary sheet of the totals, one sheet per appendix table with a row per included unit (code and name) and the totals, and the units still missing. Blank = not reported; percentages recomputed, never summed. Same readers as GET /api/plans/:id/consolidated.',
  })
  async consolidated(
    @Param('id', UUID) id: string,
    @Query() query: ConsolidatedQueryDto,
    @CurrentActor() actor: Actor,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { fileName, write } = await this.workbooks.consolidatedByUnit(id, actor.id, query.unit);
    await write(streamedAnswer(reply, XLSX_MEDIA_TYPE, { 'Content-Disposition': attachmentDisposition(fileName) }));
  }
}
