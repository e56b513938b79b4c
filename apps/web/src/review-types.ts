/** What the engine answers about a report's review: where its decision stands, and the remarks on its items. */
import type { Task } from './api-types';

export interface DecisionMember {
  username: string;
  fullName: string;
  state: 'approved' | 'returned' | 'waiting';
  comment: string | null;
  decidedAt: string | null;
}

export interface DecisionState {
  reportId: string;
  stage: string;
  stageKind: 'draft' | 'approval' | 'consolidation' | null;
  round: number;
  rule: { type: 'any' | 'all' | 'majority' | 'quorum'; min?: number } | null;
  needed: number | null;
  approvals: number;
  returns: number;
  /** "1/2 đã đồng ý, chờ Nguyễn Văn A" (null outside an approval stage). */
  summary: string | null;
  ruleText: string | null;
  members: DecisionMember[];
}

export interface RemarkReply {
  id: string;
  text: string;
  author: string;
  authorName: string;
  createdAt: string;
}

export interface Remark {
  id: string;
  reportId: string;
  section: string;
  quote: string | null;
  text: string;
  author: string;
  authorName: string;
  stage: string;
  round: number;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolvedByName: string | null;
  replies: RemarkReply[];
}

/** A task of the inbox with what the engine adds about its report: returned and why, and where its round stands. */
export interface InboxTask extends Task {
  returnedCount?: number;
  lastReturnReason?: string | null;
  roundApprovals?: number | null;
  roundSeats?: number | null;
}
