import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy, ValidationArguments } from 'class-validator';
import { PlanRecipients, planRecipientsProblem } from '@app/domain';

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
    nullable: true,
    example: { cell: ['Đảng ủy cấp trên trực tiếp (để báo cáo)', 'Các đồng chí chi ủy viên'], bloc: ['Ban Bí thư (để báo cáo)', 'Ban Tổ chức Trung ương'] },
    description: 'The Nơi nhận of the plan’s reports per unit kind (bloc, upper, grassroots, cell), one line each (at most 20 of 300 characters); ' +
      'a kind left out keeps its usual lines, null restores them all. "- Lưu: …" always ends the list, added when missing',
  })
  @IsPlanRecipients() recipients: PlanRecipients | null;
}
