import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';

/** `POST /api/plans/:id/nudges`: the units to remind, by code. */
export class NudgeDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 500, example: ['KBNN-KT'], description: 'Codes of the plan’s units whose overdue reports to nudge' })
  @IsArray({ message: 'units phải là danh sách mã đơn vị' })
  @ArrayMinSize(1, { message: 'units phải có ít nhất một mã đơn vị' })
  @ArrayMaxSize(500, { message: 'units có nhiều nhất 500 mã đơn vị mỗi lần' })
  @IsString({ each: true, message: 'Mỗi phần tử của units phải là mã đơn vị (chuỗi)' })
  @Length(1, 100, { each: true, message: 'Mỗi mã đơn vị trong units dài từ 1 đến 100 ký tự' })
  units: string[];
}

export class NudgeSentView {
  @ApiProperty({ example: 'KBNN-KT' }) unitCode: string;
  @ApiProperty({ example: 'Chi bộ Phòng Kế toán' }) unitName: string;
  @ApiProperty({ description: 'How many people (the holders of the report’s open tasks) received the notice', example: 2 }) recipients: number;
}

export class NudgeSkippedView {
  @ApiProperty({ example: 'KBNN-TT' }) unitCode: string;
  @ApiProperty({ example: 'Chi bộ Phòng Thanh toán' }) unitName: string;
  @ApiProperty({
    enum: ['already_today', 'not_overdue', 'nobody'],
    description: 'already_today: nudged already this Hà Nội day; not_overdue: the report is not overdue (or done); nobody: no one holds an open task of it',
  })
  reason: string;
  @ApiProperty({ description: 'Why, in Vietnamese', example: 'Hôm nay đơn vị đã được đôn đốc; mỗi đơn vị chỉ được đôn đốc một lần mỗi ngày.' }) message: string;
}

export class NudgeAnswerView {
  @ApiProperty({ type: [NudgeSentView] }) sent: NudgeSentView[];
  @ApiProperty({ type: [NudgeSkippedView] }) skipped: NudgeSkippedView[];
}

export class NudgeRefusedView {
  @ApiProperty({ example: 409 }) statusCode: number;
  @ApiProperty({ example: 'Conflict' }) error: string;
  @ApiProperty({ description: 'Vietnamese: each unit and why it was not nudged' }) message: string;
  @ApiProperty({ type: [NudgeSentView], description: 'Always empty' }) sent: NudgeSentView[];
  @ApiProperty({ type: [NudgeSkippedView] }) skipped: NudgeSkippedView[];
}
