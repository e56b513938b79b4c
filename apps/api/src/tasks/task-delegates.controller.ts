import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Actor, DELEGATE_CANDIDATES_MAX, DelegateCandidates } from '@app/core';
import { POSITIONS, Position } from '@app/domain';
import { CurrentActor } from '../common/current-actor.decorator';
import { UUID } from '../common/uuid-param';

export class DelegatesQueryDto {
  @ApiPropertyOptional({ description: 'Words of the name or username, diacritics and case ignored ("dang" finds "Đặng")', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'Từ khóa tìm kiếm dài tối đa 100 ký tự' })
  q?: string;
}

export class DelegateCandidateView {
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: POSITIONS, nullable: true, description: 'Their position (chức vụ) at the unit, if any' }) position: Position | null;
  @ApiProperty({ nullable: true, type: String, description: 'The position in Vietnamese, e.g. "Phó Bí thư"' }) positionTitle: string | null;
}

/** The people picker of a delegation: whom the holder may hand the task to. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TaskDelegatesController {
  constructor(private readonly candidates: DelegateCandidates) {}

  @Get(':id/delegates')
  @ApiOperation({
    summary: `For the task’s holder (or an administrator): up to ${DELEGATE_CANDIDATES_MAX} people POST /api/tasks/:id/delegate would accept, by name`,
    description: 'The other active holders of the task’s role at its unit who hold and have decided no task of its round.',
  })
  @ApiOkResponse({ type: [DelegateCandidateView] })
  @ApiForbiddenResponse({ description: 'The task is someone else’s' })
  @ApiNotFoundResponse({ description: 'No such task' })
  delegates(@Param('id', UUID) id: string, @Query() query: DelegatesQueryDto, @CurrentActor() actor: Actor): Promise<DelegateCandidateView[]> {
    return this.candidates.of(id, actor.id, query.q);
  }
}
