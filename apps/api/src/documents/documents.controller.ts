import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, DocumentsService } from '@app/core';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Reports as Word documents in the Party form. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('reports/:id/document.docx')
  @ApiProduces(DOCX)
  async report(@Param('id', UUID) id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const { fileName, content } = await this.documents.reportDocx(id, actor.id);
    return new StreamableFile(content, { type: DOCX, disposition: `attachment; filename="${fileName}"` });
  }
}
