import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, DocumentsService } from '@app/core';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';
import { Heavy } from '../http/heavy.decorator';
import { ConsolidatedQueryDto } from '../plans/consolidated-query.dto';
import { attachmentDisposition } from './attachment-disposition';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DOCX_CONTENT = { [DOCX]: { schema: { type: 'string', format: 'binary' } } };

/** Reports as Word documents in the Party form. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('plans/:id/consolidated.docx')
  @ApiProduces(DOCX)
  @ApiOkResponse({ description: 'The consolidated report as a Word document', content: DOCX_CONTENT })
  @Heavy()
  async consolidated(@Param('id', UUID) id: string, @Query() query: ConsolidatedQueryDto, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const { fileName, content } = await this.documents.consolidatedDocx(id, actor.id, query.unit);
    return new StreamableFile(content, { type: DOCX, disposition: attachmentDisposition(fileName) });
  }

  @Get('reports/:id/document.docx')
  @ApiProduces(DOCX)
  @ApiOkResponse({ description: 'The report as a Word document', content: DOCX_CONTENT })
  @Heavy()
  async report(@Param('id', UUID) id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const { fileName, content } = await this.documents.reportDocx(id, actor.id);
    return new StreamableFile(content, { type: DOCX, disposition: attachmentDisposition(fileName) });
  }
}
