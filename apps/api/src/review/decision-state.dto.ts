import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RULE_TYPES, STAGE_KINDS } from '@app/domain';

/** A member of the current round (OpenAPI only). */
export class DecisionMemberView {
  @ApiProperty() username: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) fullName: string;
  @ApiProperty({ enum: ['approved', 'returned', 'waiting'] }) state: string;
  @ApiProperty({ type: String, nullable: true, description: 'The comment given with the decision (a return’s reason, or an approval’s remark)' }) comment:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}

class ApprovalRuleView {
  @ApiProperty({ enum: RULE_TYPES }) type: string;
  @ApiPropertyOptional({ description: 'quorum only' }) min?: number;
}

/** Where the decision on a report's current stage stands (OpenAPI only). */
export class DecisionStateView {
  @ApiProperty({ format: 'uuid' }) reportId: string;
  @ApiProperty() stage: string;
  @ApiProperty({ type: String, enum: STAGE_KINDS, nullable: true, description: 'null once done' }) stageKind: string | null;
  @ApiProperty() round: number;
  @ApiProperty({ type: ApprovalRuleView, nullable: true, description: 'The stage’s rule; null outside an approval stage' })
  rule: ApprovalRuleView | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Approvals the rule needs of the members assigned now' }) needed: number | null;
  @ApiProperty() approvals: number;
  @ApiProperty() returns: number;
  @ApiProperty({ type: String, nullable: true, example: '1/2 đã đồng ý, chờ Nguyễn Văn An' }) summary: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Cần tất cả 2 đồng chí đồng ý' }) ruleText: string | null;
  @ApiProperty({ type: [DecisionMemberView], description: 'Decided first (in the order they decided), then those awaited; one per person' })
  members: DecisionMemberView[];
}
