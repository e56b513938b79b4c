import { ApiProperty } from '@nestjs/swagger';
import { POSITIONS } from '@app/domain';

export class AdoptionSignerDto {
  @ApiProperty({ nullable: true, type: String }) username: string | null;
  @ApiProperty({ description: 'As printed under the signature; empty when nobody held the post at adoption' }) fullName: string;
  @ApiProperty({ type: String, nullable: true, enum: ['bi_thu', 'pho_bi_thu'], description: 'bi_thu signs BÍ THƯ, pho_bi_thu signs K/T BÍ THƯ, PHÓ BÍ THƯ' })
  position: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Bí thư' }) title: string | null;
  @ApiProperty({
    enum: ['chosen', 'secretary', 'deputy', 'vacant'],
    description: 'Chosen by an approver, the Bí thư by default, a Phó Bí thư for want of one, or nobody',
  })
  how: string;
}

export class AdoptionDto {
  @ApiProperty() id: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for the root’s report' }) reportId: string | null;
  @ApiProperty({ example: 12, description: 'Number in the issuer’s register of reports for the year' }) number: number;
  @ApiProperty({ example: '12-BC/ĐU' }) symbol: string;
  @ApiProperty({ example: '2019-06-05', description: 'The adoption date, in Viet Nam' }) adoptedOn: string;
  @ApiProperty({ example: '2019-06-05T15:30:00.000+07:00' }) adoptedAt: string;
  @ApiProperty({ example: 'Hà Nội' }) place: string;
  @ApiProperty({ type: AdoptionSignerDto }) signer: AdoptionSignerDto;
  @ApiProperty({ nullable: true, type: String, description: 'Set when the report went back to be adopted again: this adoption stays in the history' })
  supersededAt: string | null;
  @ApiProperty({ nullable: true, type: String }) supersededReason: string | null;
}

export class AdoptionsDto {
  @ApiProperty({ type: AdoptionDto, nullable: true, description: 'The adoption in force; null before adoption (the document is a draft)' })
  current: AdoptionDto | null;
  @ApiProperty({ type: [AdoptionDto], description: 'Every adoption, newest first, superseded ones included' }) history: AdoptionDto[];
}

export class SignerCandidateDto {
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: POSITIONS }) position: string;
  @ApiProperty({ example: 'Phó Bí thư' }) title: string;
}

export class TaskSignersDto {
  @ApiProperty({ description: 'Whether approving this task adopts the report, so that a signer may be chosen with it' }) adopting: boolean;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ type: [SignerCandidateDto], description: 'The unit’s Bí thư and Phó Bí thư (empty when the task adopts nothing)' })
  signers: SignerCandidateDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Who signs when nobody is chosen' }) defaultSigner: string | null;
}
