import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One bad cell of an uploaded appendix (OpenAPI only). */
export class CellProblemView {
  @ApiProperty({ example: 'Tổ chức, đảng viên', description: 'The sheet; empty when the file as a whole is refused' }) sheet: string;
  @ApiProperty({ example: 11 }) row: number;
  @ApiProperty({ example: 'F' }) column: string;
  @ApiProperty({ example: 'F11' }) cell: string;
  @ApiPropertyOptional({ example: 'members_end' }) key?: string;
  @ApiProperty({ example: 'Đảng viên cuối nhiệm kỳ: Không được là số âm' }) message: string;
}

/** The 400 of a refused upload (OpenAPI only). */
export class UploadRefusedView {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty() message: string;
  @ApiProperty({ type: [CellProblemView] }) problems: CellProblemView[];
}
