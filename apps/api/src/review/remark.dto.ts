import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { REMARK_QUOTE_MAX, REMARK_TEXT_MAX } from '@app/domain';
import { MultiLineText } from '../common/text-rules';

/** Some text other than spaces: a blank remark or reply says nothing. */
const NOT_BLANK = /\S/;

export class NewRemarkDto {
  @ApiProperty({ example: 'political', description: 'The key of the outline item the remark is about' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/)
  section: string;
  @ApiPropertyOptional({
    example: 'sinh hoạt còn hình thức',
    description: `A passage of the item’s texts the remark points at (at most ${REMARK_QUOTE_MAX} characters; spaces and line breaks need not match)`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(REMARK_QUOTE_MAX)
  @MultiLineText()
  quote?: string;
  @ApiProperty({ example: 'Cần nêu rõ số chi bộ sinh hoạt chuyên đề.', description: `The remark (at most ${REMARK_TEXT_MAX} characters)` })
  @IsString()
  @Matches(NOT_BLANK, { message: 'text: cần nhập nội dung góp ý' })
  @MaxLength(REMARK_TEXT_MAX)
  @MultiLineText()
  text: string;
}

export class RemarkReplyDto {
  @ApiProperty({ example: 'Đã bổ sung số liệu vào mục này.', description: `The answer (at most ${REMARK_TEXT_MAX} characters)` })
  @IsString()
  @Matches(NOT_BLANK, { message: 'text: cần nhập nội dung trả lời' })
  @MaxLength(REMARK_TEXT_MAX)
  @MultiLineText()
  text: string;
}

/** One answer in a remark's thread (OpenAPI only). */
export class RemarkReplyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'Username of who answered' }) author: string;
  @ApiProperty({ example: 'Phạm Văn Soạn' }) authorName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** A remark on an item of a report, with its thread (OpenAPI only). */
export class RemarkView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty({ example: 'political', description: 'The outline item’s key' }) section: string;
  @ApiProperty({ type: String, nullable: true, description: 'The quoted passage, if any' }) quote: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'Username of the reviewer or approver who wrote it' }) author: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) authorName: string;
  @ApiProperty({ description: 'The stage it was written in' }) stage: string;
  @ApiProperty({ description: 'The report’s round then (a later round follows a return)' }) round: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a drafter marked it resolved' }) resolvedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) resolvedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) resolvedByName: string | null;
  @ApiProperty({ type: [RemarkReplyView], description: 'Oldest first' }) replies: RemarkReplyView[];
}
