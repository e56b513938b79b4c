import { ApiProperty } from '@nestjs/swagger';
import { StageDto } from './workflow.dto';

/** A version of a workflow, as `GET /api/workflows/:key` answers it (OpenAPI only). */
export class WorkflowView {
  @ApiProperty() key: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: [StageDto], description: 'In order; each as it was stored' }) stages: StageDto[];
}

/** A stored version with who made it and when (OpenAPI only). */
export class WorkflowVersionView extends WorkflowView {
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'In the list of versions, the creator’s username; in the answer to a new version, the creator’s id. Null for the built-in version and a creator since removed',
  })
  createdBy: string | null;
}
