import { Controller, Get, Param, Put, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, FiguresWorkbooks, XLSX_MEDIA_TYPE } from '@app/core';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { attachmentDisposition } from '../documents/attachment-disposition';
import { BinaryBody } from '../http/binary-body.decorator';
import { Heavy } from '../http/heavy.decorator';
import { UploadedBytes } from '../http/uploaded-bytes';
import { ReportView } from '../reports/report-view.dto';
import { UploadRefusedView } from './cell-problem.dto';

/** A report's appendix of figures as an Excel workbook: the template to fill offline, and its upload. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportFiguresController {
  constructor(private readonly workbooks: FiguresWorkbooks) {}

  @Get(':id/indicators.xlsx')
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ description: 'The workbook', content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary: 'The report’s appendix of figures as an .xlsx template',
    description:
      'One sheet per appendix table: each figure with its Vietnamese label, unit of measure, kind and current value (blank = not reported); derived percentages shown computed; the figure key in the hidden column “Mã” so an upload maps back. For whoever may read the report.',
  })
  async template(@Param('id', UUID) id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const { fileName, content } = await this.workbooks.template(id, actor.id);
    return new StreamableFile(content, { type: XLSX_MEDIA_TYPE, disposition: attachmentDisposition(fileName) });
  }

  @Put(':id/indicators.xlsx')
  @Heavy()
  @BinaryBody(XLSX_MEDIA_TYPE, '2mb', 'The filled template (GET …/indicators.xlsx), as the body itself (not multipart)')
  @ApiOperation({
    summary: 'Uploads the filled appendix while drafting (the report’s drafter)',
    description:
      'Read after authentication, as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet only (415 otherwise), at most 2 MB (413). Applied as one audited figures edit (blank cells clear a figure) and answered with the report; or refused whole with 400 and `problems: [{sheet, row, column, cell, key?, message}]` listing every bad cell in Vietnamese, nothing changed.',
  })
  @ApiBadRequestResponse({ type: UploadRefusedView, description: 'Every bad cell, in Vietnamese; nothing changed' })
  @ApiOkResponse({ type: ReportView, description: 'The report with its figures as uploaded' })
  upload(@Param('id', UUID) id: string, @UploadedBytes() bytes: Buffer, @CurrentActor() actor: Actor) {
    return this.workbooks.upload(id, bytes, actor);
  }
}
