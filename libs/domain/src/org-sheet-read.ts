import { ORG_SHEETS, PERSON_COLUMNS, PersonColumn, SheetColumn, UNIT_COLUMNS, UnitColumn } from './org-sheet-layout';
import { ReadPeople, readPeopleRows, SheetPerson } from './org-sheet-people';
import { SheetProblem, SheetProblems, SheetTable, sortProblems } from './org-sheet-problems';
import { readUnitRows, ReadUnits, SheetUnit } from './org-sheet-units';
import { secondSecretaryMessage } from './positions';

/** What the engine holds now that a workbook is checked against. */
export interface KnownOrg {
  /** Every stored unit's parent code, by code. */
  unitParents: ReadonlyMap<string, string | null>;
  /** Who holds the post of Bí thư of a unit now: unit code → username. */
  secretaries: ReadonlyMap<string, string>;
  /** The usernames of the active administrators. */
  activeAdmins: ReadonlySet<string>;
  /** Deactivated people among those the workbook names (an admin role of theirs keeps nobody in charge). */
  inactiveUsers: ReadonlySet<string>;
}

/** A workbook's two sheets as read (null: the sheet is missing), and any other heading found on them. */
export interface OrgSheets {
  units: SheetTable<UnitColumn> | null;
  people: SheetTable<PersonColumn> | null;
  otherHeadings: { sheet: string; column: string; heading: string }[];
}

/** The import a workbook makes (no passwords: new people set theirs from a link), and everything wrong with it. */
export interface OrgSheetImport {
  units: SheetUnit[];
  users: SheetPerson[];
  problems: SheetProblem[];
}

const PASSWORD_HEADING = /mật\s*khẩu|password|passwd/iu;

/**
 * Reads and checks an organisation workbook against what is stored: every cell of both sheets, then
 * what only the whole can tell: parents that exist, no cycle once the file's parents replace the
 * stored ones, one Bí thư per unit counting those who keep theirs, an administrator left. The import
 * is applied only when `problems` is empty; until then it holds the rows that are right, for the preview.
 */
export function readOrgSheets(sheets: OrgSheets, known: KnownOrg): OrgSheetImport {
  const problems: SheetProblem[] = [];
  for (const other of sheets.otherHeadings) {
    if (PASSWORD_HEADING.test(other.heading.normalize('NFC'))) {
      problems.push({
        sheet: other.sheet,
        row: 1,
        column: other.column,
        heading: other.heading,
        cell: `${other.column}1`,
        message: 'Tệp không được có cột mật khẩu: hãy xóa cột này. Người mới nhận thư điện tử để tự đặt mật khẩu; người đã có tài khoản giữ mật khẩu của mình',
      });
    }
  }
  const unitTable = usable(sheets.units, ORG_SHEETS.units, UNIT_COLUMNS, problems);
  const peopleTable = usable(sheets.people, ORG_SHEETS.people, PERSON_COLUMNS, problems);
  const units: ReadUnits = unitTable ? readUnitRows(unitTable, problems) : { units: [], rowOf: new Map() };
  const unitKnown = (code: string) => units.rowOf.has(code) || known.unitParents.has(code);
  const peopleProblemsBefore = problems.length;
  const people: ReadPeople = peopleTable ? readPeopleRows(peopleTable, problems, unitKnown) : { people: [], firstRow: new Map(), positionRow: new Map() };
  const peopleClean = peopleTable !== null && problems.length === peopleProblemsBefore;

  if (unitTable) checkTree(unitTable, units, known, problems);
  if (peopleTable) checkSecretaries(peopleTable, people, known, problems);
  if (peopleClean) checkAnAdminRemains(peopleTable, people, known, problems);
  if (unitTable && peopleTable && units.rowOf.size === 0 && people.firstRow.size === 0 && problems.length === 0) {
    problems.push({ sheet: unitTable.sheet, row: null, column: null, heading: null, cell: null, message: 'Tệp chưa có đơn vị hay người dùng nào' });
  }
  return { units: units.units, users: people.people, problems: sortProblems(problems, [ORG_SHEETS.units, ORG_SHEETS.people]) };
}

/** The sheet when it is there with every required heading; else its problem, and its rows are not read. */
function usable<K extends string>(
  table: SheetTable<K> | null,
  name: string,
  layout: readonly SheetColumn<K>[],
  problems: SheetProblem[],
): SheetTable<K> | null {
  if (!table) {
    problems.push({ sheet: name, row: null, column: null, heading: null, cell: null, message: `Không có trang “${name}”; hãy dùng mẫu tải về từ hệ thống` });
    return null;
  }
  const missing = layout.filter((c) => c.required && !table.columns[c.key]);
  const report = new SheetProblems(table, layout, problems);
  for (const column of missing) report.ofSheet(`Thiếu cột “${column.heading}” ở dòng tiêu đề (dòng 1)`);
  return missing.length ? null : table;
}

/** Parents that exist, and no unit its own ancestor once the file's parents replace the stored ones. */
function checkTree(table: SheetTable<UnitColumn>, read: ReadUnits, known: KnownOrg, problems: SheetProblem[]): void {
  const report = new SheetProblems(table, UNIT_COLUMNS, problems);
  const parentOf = new Map(known.unitParents);
  for (const unit of read.units) parentOf.set(unit.code, unit.parent);
  for (const unit of read.units) {
    const row = read.rowOf.get(unit.code)!;
    if (unit.parent !== null && !read.rowOf.has(unit.parent) && !known.unitParents.has(unit.parent)) {
      report.at(row, 'parent', `Mã đơn vị cấp trên “${unit.parent}” không có trong trang “Đơn vị” và chưa có trong hệ thống`);
      continue;
    }
    const cycle = cycleThrough(unit.code, parentOf);
    if (cycle) report.at(row, 'parent', `Đơn vị ${unit.code} nằm trong một vòng cấp trên khép kín: ${cycle.join(' → ')}`);
  }
}

/** The codes from `code` up its parents and back to it, when it is its own ancestor; else null. */
function cycleThrough(code: string, parentOf: ReadonlyMap<string, string | null>): string[] | null {
  const path = [code];
  const seen = new Set(path);
  for (let at = parentOf.get(code); at !== null && at !== undefined; at = parentOf.get(at)) {
    path.push(at);
    if (at === code) return path;
    if (seen.has(at)) return null;
    seen.add(at);
  }
  return null;
}

/** A unit whose Bí thư is someone the file leaves as they are cannot get another one from the file. */
function checkSecretaries(table: SheetTable<PersonColumn>, read: ReadPeople, known: KnownOrg, problems: SheetProblem[]): void {
  const report = new SheetProblems(table, PERSON_COLUMNS, problems);
  for (const person of read.people) {
    for (const { unit, position } of person.positions) {
      if (position !== 'bi_thu') continue;
      const holder = known.secretaries.get(unit);
      if (!holder || holder === person.username || read.firstRow.has(holder)) continue;
      report.at(
        read.positionRow.get(`${unit}\u0000${person.username}`)!,
        'position',
        `${secondSecretaryMessage(unit, holder)} (đồng chí ${holder} không có trong tệp nên giữ nguyên chức vụ)`,
      );
    }
  }
}

/** Somebody must be able to manage the engine after the import: an active administrator the file keeps or names. */
function checkAnAdminRemains(table: SheetTable<PersonColumn>, read: ReadPeople, known: KnownOrg, problems: SheetProblem[]): void {
  const kept = [...known.activeAdmins].some((username) => !read.firstRow.has(username));
  const named = read.people.some((p) => p.roles.some((r) => r.role === 'admin') && !known.inactiveUsers.has(p.username));
  if (!kept && !named) {
    new SheetProblems(table, PERSON_COLUMNS, problems).ofSheet(
      'Sau khi nhập sẽ không còn quản trị viên nào đang hoạt động: hãy giữ vai trò “Quản trị” cho ít nhất một người',
    );
  }
}
