import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import {
  ApprovalRule,
  approvalRuleProblem,
  PlanRecipients,
  GUIDANCE_MAX_LENGTH,
  OUTLINE_PARTS,
  OutlinePart,
  PlanDeadlines,
  RULE_TYPES,
  SECTION_PARTS,
  SectionPart,
  UNIT_KINDS,
  UnitKind,
} from '@app/domain';
import { IsCode, MultiLineText, SingleLine } from '../common/text-rules';
import { IsPlanRecipients } from '../documents/plan-recipients.dto';
import { IsDeadlines } from './deadlines.validator';
import { DEADLINES, LINES_BY_KIND } from '../common/openapi-shapes';
import { StageRuleDto } from '../workflows/workflow.dto';

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const KEY = /^[a-z][a-z0-9_]{0,63}$/;

export class BasisDocumentDto {
  @ApiProperty({ example: '48-CV/TBĐLĐ' }) @IsString() @IsCode() code: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) issuedOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) @SingleLine() issuer?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) @SingleLine() title?: string;
}

export class OutlineSectionDto {
  @ApiProperty() @IsString() @Matches(KEY) key: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) @SingleLine() title: string;
  @ApiProperty() @IsBoolean() required: boolean;
  @ApiPropertyOptional({ enum: OUTLINE_PARTS, description: 'The part of the report (I–V) the item belongs to' })
  @IsOptional()
  @IsIn(OUTLINE_PARTS)
  part?: OutlinePart;
  @ApiPropertyOptional({
    enum: SECTION_PARTS,
    isArray: true,
    example: ['strengths', 'limitations', 'causes'],
    description: 'The texts the item takes: `text` (one text) or some of the five parts; absent, the five parts of the earlier outline',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: `takes must name at least one of ${SECTION_PARTS.join(', ')}` })
  @ArrayUnique({ message: 'takes names a text twice' })
  @IsIn(SECTION_PARTS, { each: true, message: `takes must hold only ${SECTION_PARTS.join(', ')}` })
  takes?: SectionPart[];
  @ApiPropertyOptional({ description: `A guidance text shown to the writer beside the editor (line breaks kept; at most ${GUIDANCE_MAX_LENGTH} characters)` })
  @IsOptional()
  @IsString()
  @MaxLength(GUIDANCE_MAX_LENGTH)
  @MultiLineText()
  guidance?: string;
}

export class ReminderSettingsDto {
  @ApiProperty({ example: ['P7D', 'P2D', 'PT0S'] })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(ISO_DURATION, { each: true, message: 'before must hold ISO 8601 durations such as P7D or PT0S' })
  before: string[];
  @ApiPropertyOptional({ example: 'P1D' })
  @IsOptional()
  @Matches(ISO_DURATION, { message: 'escalateAfter must be an ISO 8601 duration' })
  escalateAfter?: string;
}

export class DeadlinesDto {
  @ApiProperty({ ...DEADLINES }) @IsDeadlines() deadlines: PlanDeadlines;
  @ApiPropertyOptional({
    example: true,
    description:
      'Confirms deadlines that would otherwise be refused (400 naming each field): for a new plan, dates already past (a plan entered ' +
      'afterwards); for a new plan or an edit, dates out of the order the work happens in (a later stage due before an earlier one of the same ' +
      'level, a lower level due after the same stage of a level that consolidates it, a data cut-off after its consolidation deadline, a report ' +
      "stage after the root's cut-off). Past dates in an edit of a running plan need no confirmation.",
  })
  @IsOptional()
  @IsBoolean()
  confirmDeadlines?: boolean;
}

/** The Standing Committee's rule, checked by the domain's own rule check (a quorum needs an integer min ≥ 1, nothing else takes min). */
function IsRootApprovalRule() {
  return ValidateBy({
    name: 'isRootApprovalRule',
    validator: {
      validate: (value: unknown) => approvalRuleProblem('rootApproval', value) === null,
      defaultMessage: (args?: ValidationArguments) => approvalRuleProblem('rootApproval', args?.value) ?? 'rootApproval is invalid',
    },
  });
}

export class CreatePlanDto {
  @ApiProperty({ example: '144-KH/ĐUK', description: 'Vietnamese letters, digits and - . / _ (at most 64)' }) @IsString() @IsCode() code: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) @SingleLine() title: string;
  @ApiProperty({ example: '2019-06-05' }) @IsDateString({ strict: true }) issuedOn: string;
  @ApiProperty({ example: '2015-2020' }) @IsString() @MinLength(1) @MaxLength(32) @SingleLine() term: string;
  @ApiProperty({ type: [BasisDocumentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BasisDocumentDto)
  basis: BasisDocumentDto[];
  @ApiProperty({ example: 'DUK' }) @IsString() @IsCode() rootUnit: string;
  @ApiPropertyOptional({ example: 'tongket' }) @IsOptional() @IsString() @Matches(KEY) workflow?: string;
  @ApiPropertyOptional({ type: [OutlineSectionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OutlineSectionDto)
  outline?: OutlineSectionDto[];
  @ApiPropertyOptional({ description: 'Indicator keys (GET /api/plans/:id gives their definitions); defaults to the whole appendix of figures for the term' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(KEY, { each: true })
  indicators?: string[];
  @ApiProperty({ ...DEADLINES }) @IsDeadlines() deadlines: PlanDeadlines;
  @ApiProperty({ type: ReminderSettingsDto }) @IsObject() @ValidateNested() @Type(() => ReminderSettingsDto) reminders: ReminderSettingsDto;
  @ApiPropertyOptional({ example: ['bloc', 'upper'], description: 'Levels that consolidate the reports below them; the root always does' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(UNIT_KINDS, { each: true })
  consolidateAt?: UnitKind[];
  @ApiPropertyOptional({
    type: () => StageRuleDto,
    example: { type: 'quorum', min: 3 },
    description: `How the root's Standing Committee decides the consolidated report: {type: ${RULE_TYPES.join('|')}, min?} (min only, and required, for quorum); majority when absent`,
  })
  @IsOptional()
  @IsRootApprovalRule()
  rootApproval?: ApprovalRule;
  @ApiPropertyOptional({
    ...LINES_BY_KIND,
    nullable: true,
    example: { cell: ['Đảng ủy cấp trên trực tiếp (để báo cáo)', 'Các đồng chí chi ủy viên'] },
    description:
      'The Nơi nhận of the plan’s reports per unit kind, one line each; a kind left out keeps its usual lines, and "- Lưu: …" always ends them (PUT /api/plans/:id/recipients changes them later)',
  })
  @IsOptional()
  @IsPlanRecipients()
  recipients?: PlanRecipients | null;
  @ApiPropertyOptional({
    example: true,
    description:
      'Confirms deadlines that would otherwise be refused (400 naming each field): for a new plan, dates already past (a plan entered ' +
      'afterwards); for a new plan or an edit, dates out of the order the work happens in (a later stage due before an earlier one of the same ' +
      'level, a lower level due after the same stage of a level that consolidates it, a data cut-off after its consolidation deadline, a report ' +
      "stage after the root's cut-off). Past dates in an edit of a running plan need no confirmation.",
  })
  @IsOptional()
  @IsBoolean()
  confirmDeadlines?: boolean;
}
