import { randomBytes, randomUUID } from 'node:crypto';
import { Workbook } from 'exceljs';
import type { Test } from 'supertest';
import { session } from './support/api';
import { createPlan, fillReport, importFixture, importOrg, launchPlan, openTask, reportsByUnit, submitReport, waitForStage } from './support/factories';
import { loadFixture } from './support/fixture';
import { orgWorkbook } from './support/org-workbook';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';
import { waitFor } from './kit/poll';
import { TONGKET_V1 } from './support/workflows';

/**
 * Access: one table, every endpoint × every caller, for the caller's own unit and for
 * another unit. Each row is a request template; each `it` is generated from (row, caller).
 *
 * Fixture state built in beforeAll:
 *  - plan A (consolidating at the upper units and the root) launched; KBNN-KT's report (`:kt`) filled, submitted and in cell_approval, with an open
 *    task (`:ktTask`) of kbnn-kt.bithu; HLHPN-TG's report (`:tg`) still in drafting with the open
 *    draft task (`:tgTask`) of hlhpn-tg.bithu (the "other unit");
 *  - plan B (`:draft`) created, not launched; a second version of tongket exists (for dry runs);
 *  - a notification of kbnn-kt.soanthao (`:ktNotice`);
 *  - the fixture's org import, done (`:orgImport`);
 *  - another Bloc (KHOI-KHAC) whose only user holds roles there alone, and a user with no role at all.
 * Rows that would change state on success are either self-contained (they refuse for a reason that
 * comes after the access check: 409/422) or act on throwaway data, and come last.
 */

const CALLERS = {
  anonymous: null,
  admin: 'admin',
  unitDrafter: 'kbnn-kt.soanthao', // drafter of KBNN-KT (the report's unit)
  otherDrafter: 'hlhpn-tg.bithu', // drafter + approver of HLHPN-TG (another unit)
  unitApprover: 'kbnn-kt.bithu', // approver of KBNN-KT
  parentReviewer: 'kbnn.bithu', // reviewer + approver of KBNN (parent of KBNN-KT)
  elsewhereReviewer: 'bvnn.bithu', // reviewer/approver/drafter of BVNN (unrelated branch)
  rootConsolidator: 'tgv.lan', // consolidator of DUK (the root)
  otherTree: 'khac.bithu', // drafter + reviewer in another Bloc (KHOI-KHAC), nothing in DUK's tree
  noRole: 'khong.vaitro', // signed in, no role anywhere
} as const;
type Caller = keyof typeof CALLERS;
const CALLER_NAMES = Object.keys(CALLERS) as Caller[];
type Expect = Record<Caller, number>;

/** Public: no token needed, everybody gets `status`. */
const pub = (status: number): Expect => fill(() => status);
/** Any signed-in user gets `status`; anonymous 401. */
const signedIn = (status: number): Expect => ({ ...fill(() => status), anonymous: 401 });
/** Admin gets `status`; everybody else signed in 403; anonymous 401. */
const adminOnly = (status: number): Expect => ({ ...fill(() => 403), anonymous: 401, admin: status });
/** Only the listed callers get their status; the rest 403; anonymous 401. */
const only = (allowed: Partial<Expect>): Expect => ({ ...fill(() => 403), anonymous: 401, ...allowed });
function fill(f: (c: Caller) => number): Expect {
  return Object.fromEntries(CALLER_NAMES.map((c) => [c, f(c)])) as Expect;
}

type Ids = Record<string, string>;
interface Row {
  method: 'get' | 'post' | 'put';
  /** `:name` segments are replaced by ids from beforeAll. */
  path: string;
  body?: Record<string, unknown> | ((ids: Ids, caller: Caller) => unknown);
  expect: Expect;
  note?: string;
  /** Sent instead of JSON (a file upload). */
  contentType?: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An appendix as a drafter fills it offline: the headings the engine reads, and one figure. */
let appendixFile: Buffer;
/** The fixture's own units as an organisation workbook (an upload that changes nothing). */
let orgFile: Buffer;

const section = { strengths: 'Ưu điểm: chấp hành nghiêm Điều lệ Đảng.', limitations: 'Hạn chế: sinh hoạt còn hình thức.' };
const fixture = loadFixture();

/** Who may read a report of KBNN-KT / of HLHPN-TG (canSeeUnit: a role on the unit or above, or admin). */
const readKt = only({ admin: 200, unitDrafter: 200, unitApprover: 200, parentReviewer: 200, rootConsolidator: 200 });
const readTg = only({ admin: 200, otherDrafter: 200, rootConsolidator: 200 });
/** Who sees plan A (rooted at DUK): anyone with a role in DUK's tree, or admin (PlanVisibility); progress then shows their units and those below. */
const seePlanA: Expect = { ...signedIn(200), otherTree: 403, noRole: 403 };

const TABLE: Row[] = [
  // Auth and me
  { method: 'post', path: '/api/auth/login', body: { username: 'kbnn-kt.soanthao', password: FIXTURE_PASSWORD }, expect: pub(200) },
  // one failure per username, so the login throttle (429 after repeated failures) stays out of it
  {
    method: 'post',
    path: '/api/auth/login',
    body: (_ids, caller) => ({ username: CALLERS[caller] ?? 'btv.mai', password: 'sai-mat-khau' }),
    expect: pub(401),
    note: 'wrong password',
  },
  // a password too short: refused by validation before any lookup, so the address's count of failures stays as it is (test/set-password)
  {
    method: 'post',
    path: '/api/auth/set-password',
    body: { token: 'khong-phai-token', password: 'ngan' },
    expect: pub(400),
    note: 'public: the token is the proof',
  },
  { method: 'get', path: '/api/me', expect: signedIn(200) },
  { method: 'get', path: '/api/me/notifications', expect: signedIn(200) },
  { method: 'get', path: '/api/me/notifications?unread=true', expect: signedIn(200) },
  { method: 'get', path: '/api/me/notifications/unread-count', expect: signedIn(200) },
  // someone else's notice is "unknown" to them (ids reveal nothing)
  { method: 'post', path: '/api/me/notifications/:ktNotice/read', expect: { ...signedIn(404), unitDrafter: 200 } },
  { method: 'post', path: '/api/me/notifications/read-all', expect: signedIn(200) },
  // a wrong current password: every caller passes the access check and is refused (422); nothing changes
  {
    method: 'put',
    path: '/api/me/password',
    body: { currentPassword: 'sai-mat-khau', newPassword: 'mat-khau-moi-2025' },
    expect: signedIn(422),
    note: 'wrong current password',
  },

  // Organisation
  { method: 'get', path: '/api/org-units', expect: signedIn(200) },
  { method: 'get', path: '/api/org-units/:ktUnit', expect: signedIn(200) },
  { method: 'get', path: '/api/org-units/:unknown', expect: signedIn(404) },
  { method: 'post', path: '/api/org/import', body: { units: fixture.units, users: [] }, expect: adminOnly(201), note: 'idempotent re-import' },
  { method: 'get', path: '/api/org/imports/:orgImport', expect: adminOnly(200), note: 'an import: status, progress, result' },
  { method: 'get', path: '/api/org/imports/:unknown', expect: adminOnly(404), note: 'non-admins learn nothing: 403 before the lookup' },
  { method: 'get', path: '/api/org/import-template.xlsx', expect: adminOnly(200) },
  { method: 'get', path: '/api/org/export.xlsx', expect: adminOnly(200) },
  {
    method: 'post',
    path: '/api/org/import.xlsx?dryRun=true',
    body: () => orgFile,
    contentType: XLSX,
    expect: adminOnly(200),
    note: 'the preview writes nothing; others refused unread',
  },

  // Workflows
  { method: 'get', path: '/api/workflows/tongket', expect: signedIn(200) },
  { method: 'get', path: '/api/workflows/tongket?version=1', expect: signedIn(200) },
  { method: 'get', path: '/api/workflows/tongket/versions', expect: adminOnly(200) },

  // Plans
  { method: 'get', path: '/api/plans', expect: signedIn(200), note: 'each caller gets only the plans they see' },
  { method: 'get', path: '/api/plans/:planA', expect: seePlanA },
  { method: 'get', path: '/api/plans/:unknown', expect: signedIn(404) },
  { method: 'get', path: '/api/plans/:planA/progress', expect: seePlanA, note: 'the units at or below the caller’s (test/plan-visibility)' },
  {
    method: 'get',
    path: '/api/plans/:planA/events',
    expect: only({ admin: 200, rootConsolidator: 200 }),
    note: 'the plan-level trail: a role at the root (or admin)',
  },
  { method: 'put', path: '/api/plans/:draft/deadlines', body: { deadlines: fixture.plan.deadlines }, expect: adminOnly(200) },
  {
    method: 'post',
    path: '/api/plans/:planA/deadlines/preview',
    body: { deadlines: fixture.plan.deadlines },
    expect: adminOnly(200),
    note: 'a dry run: changes nothing',
  },
  { method: 'get', path: '/api/plans/:planA/consolidated', expect: only({ admin: 200, rootConsolidator: 200 }), note: 'default unit: the root' },
  { method: 'get', path: '/api/plans/:planA/consolidated.docx', expect: only({ admin: 200, rootConsolidator: 200 }) },
  { method: 'get', path: '/api/plans/:planA/consolidated?unit=KBNN', expect: only({ admin: 200, parentReviewer: 200, rootConsolidator: 200 }) },
  { method: 'get', path: '/api/plans/:planA/consolidated.docx?unit=KBNN', expect: only({ admin: 200, parentReviewer: 200, rootConsolidator: 200 }) },
  // the root's adoption by its Standing Committee (none yet): whoever sees the plan
  { method: 'get', path: '/api/plans/:planA/adoption', expect: seePlanA },
  { method: 'get', path: '/api/plans/:unknown/adoption', expect: signedIn(404) },
  // the consolidated figures unit by unit, as .xlsx: the readers of the consolidated view
  { method: 'get', path: '/api/plans/:planA/indicators.xlsx', expect: only({ admin: 200, rootConsolidator: 200 }) },
  { method: 'get', path: '/api/plans/:planA/indicators.xlsx?unit=KBNN', expect: only({ admin: 200, parentReviewer: 200, rootConsolidator: 200 }) },

  // The Khối's own report (created when plan A's root collected, at once: its cut-off is long past): read at the root, written by its working group
  { method: 'get', path: '/api/plans/:planA/level-report', expect: only({ admin: 200, rootConsolidator: 200 }) },
  { method: 'get', path: '/api/plans/:planA/level-report/versions', expect: only({ admin: 200, rootConsolidator: 200 }) },
  { method: 'get', path: '/api/plans/:unknown/level-report', expect: signedIn(404) },
  { method: 'put', path: '/api/plans/:planA/level-report/sections/political', body: section, expect: only({ rootConsolidator: 200 }), note: 'idempotent' },
  { method: 'put', path: '/api/plans/:planA/level-report/indicators', body: { resolutions_issued: 1 }, expect: only({ rootConsolidator: 200 }) },
  // required items still empty: the working group passes the access check and meets the rule (422); nothing moves
  { method: 'post', path: '/api/plans/:planA/level-report/submit', expect: only({ rootConsolidator: 422 }) },
  // what a consolidating level writes from: anyone with a role on that level or above it
  { method: 'get', path: '/api/plans/:planA/level-report/sources', expect: only({ admin: 200, rootConsolidator: 200 }), note: 'the root’s' },
  {
    method: 'get',
    path: '/api/plans/:planA/level-report/sources?level=KBNN&section=political&limit=5',
    expect: only({ admin: 200, parentReviewer: 200, rootConsolidator: 200 }),
  },
  { method: 'get', path: '/api/plans/:planA/level-report/figures?indicator=lecturers', expect: only({ admin: 200, rootConsolidator: 200 }) },
  { method: 'get', path: '/api/plans/:planA/level-report/figures?level=KBNN', expect: only({ admin: 200, parentReviewer: 200, rootConsolidator: 200 }) },
  { method: 'get', path: '/api/plans/:planA/level-report/completeness', expect: only({ admin: 200, rootConsolidator: 200 }) },
  { method: 'get', path: '/api/plans/:planA/level-report/completeness?level=KBNN', expect: only({ admin: 200, parentReviewer: 200, rootConsolidator: 200 }) },
  { method: 'post', path: '/api/plans/:planA/migrations', body: { toVersion: 2, dryRun: true }, expect: adminOnly(200), note: 'dry run' },
  { method: 'get', path: '/api/plans/:planA/migrations', expect: adminOnly(200) },
  // nudged once today in beforeAll: the committees above (and admin) pass the access check and are told so (409); the unit's own people and others may not
  {
    method: 'post',
    path: '/api/plans/:planA/nudges',
    body: { units: ['KBNN-KT'] },
    expect: only({ admin: 409, parentReviewer: 409, rootConsolidator: 409 }),
    note: 'đôn đốc, once a day',
  },
  { method: 'get', path: '/api/plans/:planA/recipients', expect: adminOnly(200), note: 'the plan’s own Nơi nhận and what each level prints' },
  { method: 'get', path: '/api/migrations/:unknown', expect: adminOnly(404), note: 'non-admins learn nothing: 403 before the lookup' },

  // Reports: own unit (KBNN-KT, submitted) and another unit (HLHPN-TG, drafting)
  { method: 'get', path: '/api/reports?planId=:planA', expect: signedIn(200) },
  { method: 'get', path: '/api/reports/:kt', expect: readKt },
  { method: 'get', path: '/api/reports/:tg', expect: readTg },
  { method: 'get', path: '/api/reports/:unknown', expect: signedIn(404) },
  { method: 'get', path: '/api/reports/:kt/events', expect: readKt },
  { method: 'get', path: '/api/reports/:tg/events', expect: readTg },
  { method: 'get', path: '/api/reports/:kt/versions', expect: readKt },
  { method: 'get', path: '/api/reports/:tg/versions', expect: readTg },
  { method: 'get', path: '/api/reports/:kt/document.docx', expect: readKt },
  { method: 'get', path: '/api/reports/:tg/document.docx', expect: readTg },
  { method: 'get', path: '/api/reports/:kt/adoption', expect: readKt, note: 'number, date and signer once adopted' },
  { method: 'get', path: '/api/reports/:tg/adoption', expect: readTg },
  { method: 'get', path: '/api/reports/:unknown/adoption', expect: signedIn(404) },
  // where the decision on the current stage stands, and the remarks on the items: whoever reads the report
  { method: 'get', path: '/api/reports/:kt/decision', expect: readKt },
  { method: 'get', path: '/api/reports/:tg/decision', expect: readTg },
  { method: 'get', path: '/api/reports/:unknown/decision', expect: signedIn(404) },
  { method: 'get', path: '/api/reports/:kt/remarks', expect: readKt },
  { method: 'get', path: '/api/reports/:tg/remarks', expect: readTg },
  { method: 'get', path: '/api/reports/:unknown/remarks', expect: signedIn(404) },
  // a remark on an item the outline lacks: the holder of the task passes the access check and is refused (400); nothing stored
  { method: 'post', path: '/api/reports/:kt/remarks', body: { section: 'khong-co', text: 'Góp ý.' }, expect: only({ unitApprover: 400 }) },
  { method: 'post', path: '/api/reports/:unknown/remarks', body: { section: 'political', text: 'Góp ý.' }, expect: signedIn(404) },
  { method: 'post', path: '/api/remarks/:unknown/replies', body: { text: 'Trả lời.' }, expect: signedIn(404) },
  { method: 'post', path: '/api/remarks/:unknown/resolve', expect: signedIn(404) },
  { method: 'get', path: '/api/reports/:kt/indicators.xlsx', expect: readKt, note: 'the appendix template' },
  { method: 'get', path: '/api/reports/:tg/indicators.xlsx', expect: readTg, note: 'the appendix template' },
  // KBNN-KT is past drafting: its drafter passes the access check and meets the state (409)
  { method: 'put', path: '/api/reports/:kt/sections/political', body: section, expect: only({ unitDrafter: 409 }) },
  { method: 'put', path: '/api/reports/:kt/indicators', body: { resolutions_issued: 1 }, expect: only({ unitDrafter: 409 }) },
  {
    method: 'put',
    path: '/api/reports/:kt/indicators.xlsx',
    body: () => appendixFile,
    contentType: XLSX,
    expect: only({ unitDrafter: 409 }),
    note: 'refused before the file is read',
  },
  { method: 'post', path: '/api/reports/:kt/submit', expect: only({ unitDrafter: 409 }) },
  // HLHPN-TG is in drafting: only its drafter edits (200, idempotent); submit refused as incomplete (422)
  { method: 'put', path: '/api/reports/:tg/sections/political', body: section, expect: only({ otherDrafter: 200 }) },
  { method: 'put', path: '/api/reports/:tg/indicators', body: { resolutions_issued: 1 }, expect: only({ otherDrafter: 200 }) },
  {
    method: 'put',
    path: '/api/reports/:tg/indicators.xlsx',
    body: () => appendixFile,
    contentType: XLSX,
    expect: only({ otherDrafter: 200 }),
    note: 'an appendix filled offline',
  },
  { method: 'post', path: '/api/reports/:tg/submit', expect: only({ otherDrafter: 422 }) },

  // Tasks: kbnn-kt.bithu's approval task and hlhpn-tg.bithu's draft task
  { method: 'get', path: '/api/tasks', expect: signedIn(200) },
  { method: 'get', path: '/api/tasks?state=completed', expect: signedIn(200) },
  { method: 'get', path: '/api/tasks/:ktTask', expect: only({ admin: 200, unitApprover: 200 }) },
  { method: 'get', path: '/api/tasks/:tgTask', expect: only({ admin: 200, otherDrafter: 200 }) },
  { method: 'get', path: '/api/tasks/:unknown', expect: signedIn(404) },
  // whom the task's holder may name to sign the adopted document
  { method: 'get', path: '/api/tasks/:ktTask/signers', expect: only({ admin: 200, unitApprover: 200 }) },
  { method: 'get', path: '/api/tasks/:tgTask/signers', expect: only({ admin: 200, otherDrafter: 200 }) },
  { method: 'get', path: '/api/tasks/:unknown/signers', expect: signedIn(404) },
  { method: 'get', path: '/api/tasks/:ktTask/delegates?q=dung', expect: only({ admin: 200, unitApprover: 200 }), note: 'the people picker of a delegation' },
  { method: 'get', path: '/api/tasks/:unknown/delegates', expect: signedIn(404) },
  // naming a signer who is neither Bí thư nor Phó Bí thư: the holder passes the access check and meets the rule (422); nothing changes
  { method: 'post', path: '/api/tasks/:ktTask/complete', body: { decision: 'approve', signer: 'kbnn-kt.soanthao' }, expect: only({ unitApprover: 422 }) },
  // a return without comment: the holder passes the access check and meets the rule (422); nothing changes
  { method: 'post', path: '/api/tasks/:ktTask/complete', body: { decision: 'return' }, expect: only({ unitApprover: 422 }) },
  // delegating to someone without the role: the holder gets 422; nothing changes
  { method: 'post', path: '/api/tasks/:ktTask/delegate', body: { username: 'kbnn.bithu' }, expect: only({ unitApprover: 422 }) },
  { method: 'post', path: '/api/tasks/:tgTask/delegate', body: { username: 'kbnn.bithu' }, expect: only({ otherDrafter: 422 }) },

  // Users and audit (admin only)
  { method: 'get', path: '/api/users?unit=KBNN-KT', expect: adminOnly(200) },
  { method: 'get', path: '/api/users/kbnn-kt.capuy', expect: adminOnly(200) },
  { method: 'get', path: '/api/users/khong-co-ai', expect: adminOnly(404) },
  { method: 'post', path: '/api/users/khong-co-ai/deactivate', expect: adminOnly(404) },
  { method: 'post', path: '/api/users/khong-co-ai/reactivate', expect: adminOnly(404) },
  { method: 'put', path: '/api/users/khong-co-ai/password', body: { password: 'mat-khau-moi-2025' }, expect: adminOnly(404) },
  { method: 'post', path: '/api/users/khong-co-ai/set-password-link', expect: adminOnly(404) },
  { method: 'get', path: '/api/users?q=dang', expect: adminOnly(200), note: 'names without diacritics' },
  {
    method: 'post',
    path: '/api/users',
    body: { username: 'kbnn-kt.capuy', fullName: 'Ngô Thị Dung', email: 'dung@example.vn' },
    expect: adminOnly(409),
    note: 'a username taken: nothing changes',
  },
  { method: 'get', path: '/api/audit/configuration', expect: adminOnly(200) },
  { method: 'get', path: '/api/audit/verify', expect: adminOnly(200) },

  // Operations
  { method: 'get', path: '/health', expect: pub(200) },
  { method: 'get', path: '/metrics', expect: adminOnly(200), note: 'or the bearer METRICS_TOKEN (test/operations)' },
  { method: 'get', path: '/docs-json', expect: adminOnly(200) },
  { method: 'get', path: '/docs/', expect: adminOnly(200), note: 'Swagger UI; in a browser by the cookie of POST /api/admin/docs/session' },
  { method: 'post', path: '/api/admin/docs/session', expect: adminOnly(204) },
  { method: 'get', path: '/admin/queues', expect: adminOnly(200) },
  { method: 'post', path: '/api/admin/queues/session', expect: adminOnly(204) },
  { method: 'put', path: '/admin/queues/api/queues/transitions/resume', expect: adminOnly(200), note: 'a dashboard action, audited; the queue runs already' },

  // State-changing successes, last, on throwaway data (only the admin's request succeeds)
  {
    method: 'put',
    path: '/api/users/kbnn-kt.capuy/roles',
    body: { roles: [{ unit: 'KBNN-KT', role: 'approver' }] },
    expect: adminOnly(200),
    note: 'same roles again',
  },
  {
    method: 'put',
    path: '/api/users/kbnn-kt.capuy/positions',
    body: { positions: [{ unit: 'KBNN-KT', position: 'pho_bi_thu' }] },
    expect: adminOnly(200),
    note: 'same positions again',
  },
  { method: 'put', path: '/api/org-units/:ktUnit/place', body: { place: 'Hà Nội' }, expect: adminOnly(200), note: 'same place again' },
  { method: 'put', path: '/api/plans/:draft/recipients', body: { recipients: null }, expect: adminOnly(200), note: 'the levels’ usual recipients' },
  { method: 'post', path: '/api/users/tgv.lan/reassign', body: { to: 'btv.mai' }, expect: adminOnly(200) },
  { method: 'post', path: '/api/workflows/tongket/versions', body: { stages: TONGKET_V1 }, expect: adminOnly(201) },
  {
    method: 'post',
    path: '/api/plans',
    // the fixture's deadlines are historical (2019): confirmed as given
    body: (_ids, caller) => ({ ...fixture.plan, code: `${caller}-${randomBytes(2).toString('hex')}-KH/ĐUK`, confirmDeadlines: true }),
    expect: adminOnly(201),
  },
  { method: 'post', path: '/api/plans/:draft/launch', expect: adminOnly(202) },
  // bvnn-noi.bithu and bvnn-ngoai.bithu are no caller here: ending their sessions ends none of the table's
  { method: 'post', path: '/api/users/bvnn-noi.bithu/deactivate', expect: adminOnly(200) },
  { method: 'post', path: '/api/users/bvnn-noi.bithu/reactivate', expect: adminOnly(200) },
  { method: 'put', path: '/api/users/bvnn-ngoai.bithu/password', body: { password: 'mat-khau-moi-2025' }, expect: adminOnly(204) },
  {
    method: 'post',
    path: '/api/users/bvnn-ngoai.bithu/set-password-link',
    expect: adminOnly(202),
    note: 'a new link by e-mail; the password stays until it is used',
  },
  {
    method: 'post',
    path: '/api/org/import.xlsx',
    body: () => orgFile,
    contentType: XLSX,
    expect: adminOnly(201),
    note: 'the fixture’s units again: applied, nothing changes',
  },
  // remarks: the task's holder writes them (a new one each time), the drafter and the task's holders answer, the drafter resolves
  { method: 'post', path: '/api/reports/:kt/remarks', body: { section: 'political', text: 'Đề nghị bổ sung số liệu.' }, expect: only({ unitApprover: 201 }) },
  { method: 'post', path: '/api/remarks/:ktRemark/replies', body: { text: 'Đã bổ sung.' }, expect: only({ unitDrafter: 201, unitApprover: 201 }) },
  { method: 'post', path: '/api/remarks/:ktRemark/resolve', expect: only({ unitDrafter: 200 }) },
  // ends each caller's own session: the very last row
  { method: 'post', path: '/api/auth/logout', expect: signedIn(204) },
];

describe('access table: every endpoint × every caller', () => {
  let ctx: E2eContext;
  const ids: Ids = {};
  const tokens = new Map<Caller, string>();

  beforeAll(async () => {
    ctx = await startE2e();
    const workbook = new Workbook();
    workbook.addWorksheet('Số liệu').addRows([
      ['Mã', 'Chỉ tiêu', 'Số liệu'],
      ['resolutions_issued', 'Nghị quyết đã ban hành', 1],
    ]);
    appendixFile = Buffer.from(await workbook.xlsx.writeBuffer());
    orgFile = await orgWorkbook({
      units: fixture.units.map((u) => [
        u.code,
        u.name,
        { bloc: 'Đảng bộ Khối', upper: 'Đảng bộ cấp trên cơ sở', grassroots: 'Đảng bộ cơ sở', cell: 'Chi bộ trực thuộc' }[u.kind],
        u.parent ?? '',
        '',
      ]),
    });
    await importFixture(ctx);
    await importOrg(ctx, {
      units: [
        { code: 'KHOI-KHAC', name: 'Đảng bộ Khối khác', kind: 'bloc', parent: null },
        { code: 'KHAC-CB', name: 'Chi bộ của Khối khác', kind: 'cell', parent: 'KHOI-KHAC' },
      ],
      users: [
        {
          username: 'khac.bithu',
          fullName: 'Đinh Văn Khác',
          email: 'khac@example.vn',
          password: FIXTURE_PASSWORD,
          roles: [
            { unit: 'KHAC-CB', role: 'drafter' },
            { unit: 'KHOI-KHAC', role: 'reviewer' },
          ],
        },
        { username: 'khong.vaitro', fullName: 'Lã Thị Không', email: 'khong@example.vn', password: FIXTURE_PASSWORD, roles: [] },
      ],
    });
    // KBNN consolidates its cells too, so ?unit=KBNN is a consolidation its reviewer may read.
    const planA = (await createPlan(ctx, { consolidateAt: ['upper'] } as never)).id;
    await launchPlan(ctx, planA);
    await (await session(ctx, 'admin')).post('/api/workflows/tongket/versions').send({ stages: TONGKET_V1 }).expect(201);
    const reports = await reportsByUnit(ctx, planA);
    const kt = reports.get('KBNN-KT')!.id;
    const tg = reports.get('HLHPN-TG')!.id;
    const drafter = await session(ctx, 'kbnn-kt.soanthao');
    await fillReport(ctx, kt, drafter);
    await submitReport(kt, drafter);
    await waitForStage(ctx, kt, 'cell_approval');
    const ktTask = await openTask(await session(ctx, 'kbnn-kt.bithu'), kt, 'cell_approval');
    const tgTask = await openTask(await session(ctx, 'hlhpn-tg.bithu'), tg, 'drafting');
    const ktRemark = (
      await (await session(ctx, 'kbnn-kt.bithu')).post(`/api/reports/${kt}/remarks`).send({ section: 'political', text: 'Góp ý về mục này.' }).expect(201)
    ).body.id;
    // KBNN-KT is overdue (the fixture's deadlines are in 2019): nudged today, so the table's nudge is refused after the access check.
    await (
      await session(ctx, 'admin')
    )
      .post(`/api/plans/${planA}/nudges`)
      .send({ units: ['KBNN-KT'] })
      .expect(200);
    const ktUnit = (await ctx.db.query<{ id: string }>(`SELECT id FROM org_units WHERE code = 'KBNN-KT'`)).rows[0].id;
    const orgImport = (await ctx.db.query<{ id: string }>(`SELECT id FROM org_imports WHERE status = 'done' ORDER BY created_at LIMIT 1`)).rows[0].id;
    const ktNotice = await waitFor(
      async () =>
        (await ctx.db.query<{ id: string }>(`SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'kbnn-kt.soanthao' LIMIT 1`))
          .rows[0]?.id,
      { what: 'a notification of kbnn-kt.soanthao' },
    );
    const draft = (await createPlan(ctx)).id;
    // The Khối's report exists once the worker has collected plan A's root.
    await waitFor(async () => (await ctx.db.query(`SELECT 1 FROM level_reports WHERE plan_id = $1`, [planA])).rows.length > 0, {
      what: 'the level report of plan A',
    });
    Object.assign(ids, { planA, draft, kt, tg, ktTask: ktTask.id, tgTask: tgTask.id, ktRemark, ktUnit, ktNotice, orgImport, unknown: randomUUID() });
    for (const caller of CALLER_NAMES) {
      const username = CALLERS[caller];
      if (username) tokens.set(caller, (await session(ctx, username)).token);
    }
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  const fillPath = (path: string) => path.replace(/:([A-Za-z]+)/g, (whole, name: string) => ids[name] ?? whole);

  for (const row of TABLE) {
    describe(`${row.method.toUpperCase()} ${row.path}${row.note ? ` (${row.note})` : ''}`, () => {
      for (const caller of CALLER_NAMES) {
        const expected = row.expect[caller];
        it(`${caller} (${CALLERS[caller] ?? 'no token'}) → ${expected}`, async () => {
          const path = fillPath(row.path);
          let req: Test = ctx.http[row.method](path);
          const token = tokens.get(caller);
          if (token) req = req.set('Authorization', `Bearer ${token}`);
          if (row.contentType) req = req.set('Content-Type', row.contentType);
          const body = typeof row.body === 'function' ? (row.body as (i: Ids, c: Caller) => unknown)(ids, caller) : row.body;
          const res = body === undefined ? await req : await req.send(body as object);
          if (res.status !== expected) {
            throw new Error(
              `${row.method.toUpperCase()} ${path} as ${caller}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`,
            );
          }
          if (res.status >= 400 && path.startsWith('/api')) expect(res.body).toMatchObject({ statusCode: res.status });
        });
      }
    });
  }
});
