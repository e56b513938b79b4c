import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy, ValidationArguments } from 'class-validator';
import { PlanRecipients, planRecipientsProblem, UNIT_KINDS, UnitKind } from '@app/domain';
import { LINES_BY_KIND } from '../common/openapi-shapes';

/** Lists of single lines by unit kind, checked by the domain's own check (which names the bad field). */
export function IsPlanRecipients() {
  return ValidateBy({
    name: 'isPlanRecipients',
    validator: {
      validate: (value: unknown) => value === null || planRecipientsProblem(value) === null,
      defaultMessage: (args?: ValidationArguments) => planRecipientsProblem(args?.value) ?? 'recipients is invalid',
    },
  });
}

export class PlanRecipientsDto {
  @ApiProperty({
    ...LINES_BY_KIND,
    nullable: true,
    example: { cell: ['Đảng ủy cấp trên trực tiếp (để báo cáo)', 'Các đồng chí chi ủy viên'], bloc: ['Ban Bí thư (để báo cáo)', 'Ban Tổ chức Trung ương'] },
    description:
      'The Nơi nhận of the plan’s reports per unit kind (bloc, upper, grassroots, cell), one line each (at most 20 of 300 characters); ' +
      'a kind left out keeps its usual lines, null restores them all. "- Lưu: …" always ends the list, added when missing',
  })
  @IsPlanRecipients()
  recipients: PlanRecipients | null;
}

export class LevelRecipientsDto {
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({
    description: 'The unit of this level the lines are shown for (the usual lines name the committee above it)',
    example: 'Đảng bộ Kho bạc Nhà nước',
  })
  exampleUnit: string;
  @ApiProperty({ description: 'True when the plan sets its own lines for this level; false: the usual lines' }) own: boolean;
  @ApiProperty({
    type: [String],
    description: 'The Nơi nhận as the level’s reports print it, the file copy ("Lưu: …") last',
    example: ['Đảng ủy Khối (để báo cáo)', 'Lưu: Văn phòng Đảng ủy'],
  })
  lines: string[];
}

/** `PUT /api/plans/:id/recipients`: the plan's own lines as stored, trimmed (OpenAPI only). */
export class PlanRecipientsSetView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ ...LINES_BY_KIND, nullable: true, description: 'null: the usual lines everywhere' }) recipients: PlanRecipients | null;
}

export class PlanRecipientsAnswerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    ...LINES_BY_KIND,
    nullable: true,
    description: 'The plan’s own lines per unit kind, as set; null: the usual lines everywhere',
    example: { cell: ['Đảng ủy cấp trên trực tiếp (để báo cáo)'] },
  })
  recipients: PlanRecipients | null;
  @ApiProperty({ type: [LevelRecipientsDto], description: 'For each level of the plan’s tree, what its reports print' })
  levels: LevelRecipientsDto[];
}
