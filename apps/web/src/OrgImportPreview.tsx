/** The preview of an organisation workbook: every problem by sheet, row and column, the counts, and what would be created, changed and removed. */
import { ReactNode } from 'react';
import type { ImportUnitChange, ImportUserChange, OrgWorkbookPreview, SheetProblem } from './api-types';
import { changesNothing, countLines, FieldChange, positionText, roleText, unitFieldChanges, userFieldChanges } from './org-import-labels';
import { ScrollRegion } from './ScrollRegion';

/** Rows shown per table: a Bloc's file can create thousands of people; the counts above say how many in all. */
const SHOWN = 300;

export function ProblemsTable({ problems }: { problems: SheetProblem[] }) {
  return (
    <ScrollRegion label="Lỗi theo trang, dòng và cột">
      <table data-testid="org-import-problems">
        <caption>Lỗi theo trang, dòng và cột ({problems.length})</caption>
        <thead>
          <tr>
            <th scope="col">Trang</th>
            <th scope="col">Dòng</th>
            <th scope="col">Cột</th>
            <th scope="col">Lỗi</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td>{p.sheet || 'Cả tệp'}</td>
              <td>{p.row ?? ''}</td>
              <td>{p.column ? `${p.column}${p.heading ? ` (${p.heading})` : ''}` : ''}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function OrgImportPreview({ preview }: { preview: OrgWorkbookPreview }) {
  const units = { created: preview.changes.units.filter((u) => u.change === 'created'), changed: preview.changes.units.filter((u) => u.change === 'changed') };
  const users = { created: preview.changes.users.filter((u) => u.change === 'created'), changed: preview.changes.users.filter((u) => u.change === 'changed') };
  return (
    <div className="preview" data-testid="org-import-preview">
      <h2>Xem trước: chưa ghi gì vào hệ thống</h2>
      {preview.valid ? (
        <div className="message ok" role="status">
          Tệp hợp lệ: {preview.units} đơn vị, {preview.users} người.{' '}
          {changesNothing(preview.counts) ? 'Áp dụng tệp này sẽ không thay đổi gì.' : 'Kiểm tra các thay đổi dưới đây rồi bấm “Ghi vào hệ thống”.'}
        </div>
      ) : (
        <div className="message error" role="alert">
          Tệp có {preview.problems.length} lỗi, chưa thể ghi vào hệ thống. Sửa các ô được nêu trong bảng lỗi rồi chọn lại tệp.
        </div>
      )}
      {preview.problems.length > 0 && <ProblemsTable problems={preview.problems} />}
      <h3>Tóm tắt</h3>
      <table className="compact-table" data-testid="org-import-counts">
        <tbody>
          {countLines(preview.counts).map((line) => (
            <tr key={line.label}>
              <th scope="row">{line.label}</th>
              <td>{line.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ChangeTable
        title="Đơn vị thêm mới"
        rows={units.created}
        columns={['Mã đơn vị', 'Thông tin']}
        render={(u) => [u.code, <Fields key="f" changes={unitFieldChanges(undefined, u.after)} created />]}
      />
      <ChangeTable
        title="Đơn vị thay đổi"
        rows={units.changed}
        columns={['Mã đơn vị', 'Thay đổi']}
        render={(u) => [u.code, <Fields key="f" changes={unitFieldChanges(u.before, u.after)} />]}
      />
      <ChangeTable
        title="Người dùng thêm mới"
        rows={users.created}
        columns={['Tên đăng nhập', 'Thông tin', 'Vai trò, chức vụ']}
        render={(u) => [u.username, <Fields key="f" changes={userFieldChanges(undefined, u.after)} created />, <Assignments key="a" change={u} />]}
      />
      <ChangeTable
        title="Người dùng thay đổi"
        rows={users.changed}
        columns={['Tên đăng nhập', 'Thông tin', 'Vai trò, chức vụ']}
        render={(u) => [u.username, <Fields key="f" changes={userFieldChanges(u.before, u.after)} />, <Assignments key="a" change={u} />]}
      />
    </div>
  );
}

function ChangeTable<T extends ImportUnitChange | ImportUserChange>({
  title,
  rows,
  columns,
  render,
}: {
  title: string;
  rows: T[];
  columns: string[];
  render: (row: T) => ReactNode[];
}) {
  if (rows.length === 0) return null;
  return (
    <ScrollRegion label="Những gì sẽ thay đổi">
      <table>
        <caption>
          {title} ({rows.length}){rows.length > SHOWN ? `: ${SHOWN} dòng đầu` : ''}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((row, i) => (
            <tr key={i}>
              {render(row).map((cell, j) =>
                j === 0 ? (
                  <th scope="row" key={j}>
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Fields({ changes, created = false }: { changes: FieldChange[]; created?: boolean }) {
  if (changes.length === 0) return <span className="muted">Không đổi</span>;
  return (
    <ul className="plain">
      {changes.map((c) => (
        <li key={c.label}>
          {c.label}:{' '}
          {created ? (
            c.after
          ) : (
            <>
              <del>{c.before || '(trống)'}</del> → <ins>{c.after || '(trống)'}</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function Assignments({ change }: { change: ImportUserChange }) {
  const lines = [
    ...(change.rolesAdded ?? []).map((r) => ['Thêm vai trò', roleText(r)]),
    ...(change.rolesRemoved ?? []).map((r) => ['Bỏ vai trò', roleText(r)]),
    ...(change.positionsAdded ?? []).map((p) => ['Thêm chức vụ', positionText(p)]),
    ...(change.positionsRemoved ?? []).map((p) => ['Bỏ chức vụ', positionText(p)]),
  ];
  if (lines.length === 0) return <span className="muted">Không đổi</span>;
  return (
    <ul className="plain">
      {lines.map(([what, text], i) => (
        <li key={i} className={what.startsWith('Bỏ') ? 'error-text' : undefined}>
          {what}: {text}
        </li>
      ))}
    </ul>
  );
}
