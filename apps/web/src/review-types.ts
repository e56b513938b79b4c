/**
 * What the engine answers about a report's review: where its decision stands, and the remarks on its
 * items. Aliases of the types generated from the OpenAPI document (libs/contract).
 */
import type { components } from '@app/contract';

export type DecisionMember = components['schemas']['DecisionMemberView'];
export type DecisionState = components['schemas']['DecisionStateView'];
export type RemarkReply = components['schemas']['RemarkReplyView'];
export type Remark = components['schemas']['RemarkView'];
