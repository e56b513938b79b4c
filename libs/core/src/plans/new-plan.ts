import type { BasisDocument } from '@app/dal';
import type { ApprovalRule, OutlineSection, PlanDeadlines, PlanRecipients, ReminderSettings, UnitKind } from '@app/domain';

/** What `POST /api/plans` carries once validated (the `plan` object of the fixture). */
export interface NewPlan {
  code: string;
  title: string;
  issuedOn: string;
  term: string;
  basis: BasisDocument[];
  rootUnit: string;
  workflow?: string;
  outline?: OutlineSection[];
  indicators?: string[];
  deadlines: PlanDeadlines;
  reminders: ReminderSettings;
  consolidateAt?: UnitKind[];
  /** How the root's Standing Committee decides the consolidated report; majority when absent. */
  rootApproval?: ApprovalRule | null;
  /** The plan's own Nơi nhận per level; the levels' usual ones when absent. */
  recipients?: PlanRecipients | null;
  /** Deadlines past or out of order are meant as given (otherwise 400 naming each). */
  confirmDeadlines?: boolean;
}
