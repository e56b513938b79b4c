import { FIELD_LIMITS, sheetCodeProblem, sheetEmailProblem, sheetLineProblem, sheetUsernameProblem } from './org-sheet-fields';
import { PERSON_COLUMNS, PersonColumn } from './org-sheet-layout';
import { positionOfName, ROLE_SHEET_NAMES, roleOfName, splitRoleNames } from './org-sheet-names';
import { SheetProblem, SheetProblems, SheetTable } from './org-sheet-problems';
import { Position, POSITION_LABELS, POSITIONS } from './positions';
import { Role, ROLES } from './types';

/**
 * A person as the workbook gives them: gathered from their rows (one per unit), with exactly the
 * roles and positions those rows list. A role held everywhere (Quản trị) has no unit.
 */
export interface SheetPerson {
  username: string;
  fullName: string;
  email: string;
  roles: { unit: string | null; role: Role }[];
  positions: { unit: string; position: Position }[];
}

export interface ReadPeople {
  /** The people none of whose rows has a problem. */
  people: SheetPerson[];
  /** Where each person's first row is, by username. */
  firstRow: Map<string, number>;
  /** Where each position was given: `${unit}\u0000${username}` → row. */
  positionRow: Map<string, number>;
}

const ROLE_CHOICES = ROLES.map((r) => ROLE_SHEET_NAMES[r]).join(', ');
const POSITION_CHOICES = POSITIONS.map((p) => POSITION_LABELS[p]).join(', ');

interface Gathered {
  rows: number[];
  troubled: boolean;
  /** Whether any row wrote a name or an address at all, right or wrong: a wrong one is reported where it is. */
  fullNameGiven: boolean;
  emailGiven: boolean;
  fullName?: { value: string; row: number };
  email?: { value: string; row: number };
  unitRows: Map<string, number>;
  roles: SheetPerson['roles'];
  positions: SheetPerson['positions'];
}

/**
 * Reads the people sheet: every cell checked, then each person gathered from their rows. A name or
 * address may be written on one row only, but two rows of a person must not disagree; a person has
 * one row per unit; a unit has one Bí thư. `unitKnown` says whether a code is a unit of the file or
 * of the engine.
 */
export function readPeopleRows(table: SheetTable<PersonColumn>, problems: SheetProblem[], unitKnown: (code: string) => boolean): ReadPeople {
  const report = new SheetProblems(table, PERSON_COLUMNS, problems);
  const byUsername = new Map<string, Gathered>();
  const secretaryOf = new Map<string, { username: string; row: number }>();
  const positionRow = new Map<string, number>();

  for (const { row, cells } of table.rows) {
    if (Object.values(cells).every((value) => value === '')) continue;
    const before = problems.length;
    const { username, fullName, email, unit, roles: roleNames, position: positionName } = cells;
    const usernameProblem = username === '' ? 'Chưa có tên đăng nhập' : sheetUsernameProblem(username);
    if (usernameProblem) report.at(row, 'username', username === '' ? usernameProblem : `Tên đăng nhập “${username}” ${usernameProblem}`);
    const person = usernameProblem ? null : gathered(byUsername, username);
    person?.rows.push(row);

    if (fullName !== '') {
      if (person) person.fullNameGiven = true;
      const problem = sheetLineProblem(fullName, FIELD_LIMITS.fullName);
      if (problem) report.at(row, 'fullName', `Họ và tên ${problem}`);
      else if (person?.fullName && person.fullName.value !== fullName) {
        report.at(row, 'fullName', `Họ và tên khác với dòng ${person.fullName.row} (“${person.fullName.value}”) của cùng tên đăng nhập`);
      } else if (person) person.fullName ??= { value: fullName, row };
    }
    if (email !== '') {
      if (person) person.emailGiven = true;
      const problem = sheetEmailProblem(email);
      if (problem) report.at(row, 'email', `Thư điện tử “${email}” ${problem}`);
      else if (person?.email && person.email.value !== email) {
        report.at(row, 'email', `Thư điện tử khác với dòng ${person.email.row} (“${person.email.value}”) của cùng tên đăng nhập`);
      } else if (person) person.email ??= { value: email, row };
    }

    let unitUsable = unit === '';
    if (unit !== '') {
      const problem = sheetCodeProblem(unit);
      if (problem) report.at(row, 'unit', `Mã đơn vị “${unit}” ${problem}`);
      else if (!unitKnown(unit)) report.at(row, 'unit', `Mã đơn vị “${unit}” không có trong trang “Đơn vị” và chưa có trong hệ thống`);
      else unitUsable = true;
    }
    const earlierRow = person?.unitRows.get(unit);
    if (person && earlierRow !== undefined) {
      report.at(
        row,
        'unit',
        unit === ''
          ? `Đồng chí ${username} đã có dòng ${earlierRow} không ghi đơn vị; mỗi người một dòng cho mỗi đơn vị`
          : `Đồng chí ${username} đã có dòng ${earlierRow} cho đơn vị ${unit}; mỗi người một dòng cho mỗi đơn vị`,
      );
    } else person?.unitRows.set(unit, row);

    for (const name of splitRoleNames(roleNames)) {
      const role = roleOfName(name);
      if (!role) report.at(row, 'roles', `Vai trò “${name}” không có; dùng: ${ROLE_CHOICES} (nhiều vai trò cách nhau bằng dấu phẩy)`);
      else if (role !== 'admin' && unit === '') report.at(row, 'roles', `Vai trò “${ROLE_SHEET_NAMES[role]}” cần ghi Mã đơn vị`);
      else if (person && unitUsable && !person.roles.some((r) => r.role === role && r.unit === (unit || null))) person.roles.push({ unit: unit || null, role });
    }

    if (positionName !== '') {
      const position = positionOfName(positionName);
      if (!position) report.at(row, 'position', `Chức vụ “${positionName}” không có; dùng: ${POSITION_CHOICES}`);
      else if (unit === '') report.at(row, 'position', `Chức vụ “${POSITION_LABELS[position]}” cần ghi Mã đơn vị`);
      else if (person && unitUsable) {
        const secretary = secretaryOf.get(unit);
        if (position === 'bi_thu' && secretary && secretary.username !== username) {
          report.at(row, 'position', `Đơn vị ${unit} đã có Bí thư là đồng chí ${secretary.username} (dòng ${secretary.row}); mỗi đơn vị chỉ có một Bí thư`);
        } else {
          if (position === 'bi_thu') secretaryOf.set(unit, { username, row });
          person.positions.push({ unit, position });
          positionRow.set(`${unit}\u0000${username}`, row);
        }
      }
    }
    if (person && problems.length > before) person.troubled = true;
  }

  const result: ReadPeople = { people: [], firstRow: new Map(), positionRow };
  for (const [username, person] of byUsername) {
    const first = person.rows[0];
    result.firstRow.set(username, first);
    if (!person.fullNameGiven) report.at(first, 'fullName', `Chưa có họ và tên của đồng chí ${username} (ghi ở ít nhất một dòng của người này)`);
    if (!person.emailGiven) report.at(first, 'email', `Chưa có thư điện tử của đồng chí ${username} (ghi ở ít nhất một dòng của người này)`);
    if (person.troubled || !person.fullName || !person.email) continue;
    result.people.push({ username, fullName: person.fullName.value, email: person.email.value, roles: person.roles, positions: person.positions });
  }
  return result;
}

function gathered(byUsername: Map<string, Gathered>, username: string): Gathered {
  let person = byUsername.get(username);
  if (!person)
    byUsername.set(username, (person = { rows: [], troubled: false, fullNameGiven: false, emailGiven: false, unitRows: new Map(), roles: [], positions: [] }));
  return person;
}
