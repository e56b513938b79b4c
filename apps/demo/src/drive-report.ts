import { Report } from './api-types';
import { log } from './log';
import { CORRECTION, RETURN_REASON } from './report-content';
import { ReportActions } from './report-actions';
import { WorkflowCatalog } from './workflow-catalog';

/** The one report the demo sends back once, to show a return with a reason and a resubmission. */
export const RETURN_SCENARIO = { unitCode: 'KBNN-KT', stage: 'committee_review', by: 'kbnn.bithu' } as const;

/**
 * Takes one report from drafting to the consolidation stage: fill, submit, then every approval stage
 * in the workflow's order. The scenario's report is returned once, corrected, resubmitted, and then
 * goes through every approval stage again from the start. `beforeDrafting`, when given, runs first:
 * the late drafter waits there for its reminders and escalation.
 */
export async function driveToConsolidation(
  actions: ReportActions,
  workflow: WorkflowCatalog,
  reportId: string,
  unitIndex: number,
  beforeDrafting?: (report: Report) => Promise<void>,
): Promise<Report> {
  let report = await actions.get(reportId);
  const approvalStages = (await workflow.stages(report.workflowVersion)).filter((s) => s.kind === 'approval');
  let returnPending = report.unitCode === RETURN_SCENARIO.unitCode;

  if (beforeDrafting) await beforeDrafting(report);
  await actions.fill(report, unitIndex);
  report = await actions.submit(report);
  for (let i = 0; i < approvalStages.length; i++) {
    const stage = approvalStages[i].key;
    if (returnPending && stage === RETURN_SCENARIO.stage) {
      returnPending = false;
      report = await actions.returnWithReason(report, stage, RETURN_SCENARIO.by, RETURN_REASON);
      await checkReturnRecorded(report);
      await correct(actions, report);
      report = await actions.submit(report);
      i = -1; // a resubmitted report goes through every approval stage again
      continue;
    }
    report = await actions.approve(report, stage);
  }
  return report;
}

/** The contract keeps the count and the reason, exactly as the reviewer wrote it. */
async function checkReturnRecorded(report: Report): Promise<void> {
  if (report.returnedCount !== 1) {
    throw new Error(`${report.unitCode}: returnedCount is ${report.returnedCount} after one return, expected 1`);
  }
  if (report.lastReturnReason !== RETURN_REASON) {
    throw new Error(`${report.unitCode}: lastReturnReason is ${JSON.stringify(report.lastReturnReason)}, expected the reviewer's text`);
  }
}

/**
 * The drafter adds what the reviewer asked for, sending only the parts it rewrites: the contract's
 * section edit leaves the others as they are (the resubmission would be refused otherwise).
 */
async function correct(actions: ReportActions, report: Report): Promise<void> {
  const drafterName = await actions.drafterOf(report);
  const drafter = await actions.sessionOf(drafterName);
  await actions.writeSection(drafter, report, CORRECTION.key, CORRECTION.parts);
  log(`${report.unitCode.padEnd(10)} ${drafterName} corrected section ${CORRECTION.key} as asked`);
}
