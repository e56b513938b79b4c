/** The appendix of figures as a form, table by table: typed inputs, computed percentages, problems beside each field, Excel in and out. */
import { useRef, useState } from 'react';
import { ApiError, api, errorText } from './api-client';
import type { CellProblem, FigureDefinition, FigureGroup, Report } from './api-types';
import { derivedFigure, figureInputProblem, shownFigure } from './figure-input';
import { ErrorBox, Notice } from './ui';
import { ScrollRegion } from './ScrollRegion';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  report: Report;
  definitions: FigureDefinition[];
  groups: FigureGroup[];
  typed: Record<string, string>;
  /** What the engine refused, per figure, from its last answer. */
  refused: Record<string, string>;
  editable: boolean;
  onChange: (key: string, text: string) => void;
  /** Saves the figures still pending: a template shows what is saved, and a file replaces it. */
  flush: () => Promise<void>;
  onUploaded: (report: Report) => void;
}

export function FiguresForm({ report, definitions, groups, typed, refused, editable, onChange, flush, onUploaded }: Props) {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const [uploading, setUploading] = useState(false);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [cells, setCells] = useState<CellProblem[]>([]);
  const cellsBox = useRef<HTMLDivElement>(null);

  const download = () => {
    setFileError(null);
    flush()
      .catch(() => undefined)
      .then(() => api.download(`/api/reports/${report.id}/indicators.xlsx`, `so-lieu-${report.unitCode}.xlsx`))
      .catch((e) => setFileError(errorText(e)));
  };

  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setUploading(true);
    setUploaded(null);
    setFileError(null);
    setCells([]);
    try {
      await flush().catch(() => undefined);
      const answer = await api.upload<Report>(`/api/reports/${report.id}/indicators.xlsx`, file, XLSX);
      onUploaded(answer);
      setUploaded(`Đã cập nhật số liệu từ tệp ${file.name}.`);
    } catch (e) {
      const listed = e instanceof ApiError ? e.cellProblems.filter((p) => p.sheet) : [];
      if (listed.length) {
        setCells(listed);
        setTimeout(() => cellsBox.current?.focus(), 0);
      }
      setFileError(errorText(e));
    } finally {
      setUploading(false);
      input.value = '';
    }
  };

  return (
    <section className="card figures-form" aria-labelledby="figures-title">
      <h2 id="figures-title">Phụ lục số liệu</h2>
      <p className="small muted">
        Để trống là chưa báo cáo (khác số 0). Tỷ lệ % được tính tự động từ các số liệu tương ứng. Có thể tải mẫu Excel về, điền rồi tải lên lại.
      </p>
      <div className="toolbar">
        <button type="button" className="secondary" onClick={download}>
          Tải mẫu Excel (.xlsx)
        </button>
        <label className="file-button">
          <span>{uploading ? 'Đang tải lên…' : 'Tải lên tệp Excel đã điền'}</span>
          <input type="file" accept={`.xlsx,${XLSX}`} disabled={!editable || uploading} onChange={(e) => void upload(e.currentTarget)} />
        </label>
      </div>
      <Notice>{uploaded}</Notice>
      <ErrorBox>{fileError}</ErrorBox>
      {cells.length > 0 && (
        <div className="message error" role="alert" tabIndex={-1} ref={cellsBox} data-testid="upload-problems">
          <strong>Các ô chưa hợp lệ trong tệp (chưa lưu số liệu nào):</strong>
          <ul>
            {cells.map((p) => (
              <li key={`${p.sheet}!${p.cell}:${p.key ?? ''}`}>
                Trang “{p.sheet}”, dòng {p.row}, cột {p.column}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset disabled={!editable} className="plain">
        <legend className="visually-hidden">Số liệu theo các bảng phụ lục</legend>
        {groups.map((group) => (
          <ScrollRegion key={group.key} label={group.title}>
            <table className="compact-table figures-table">
              <caption>{group.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Chỉ tiêu</th>
                  <th scope="col">Số liệu</th>
                  <th scope="col">Đơn vị tính</th>
                </tr>
              </thead>
              <tbody>
                {group.keys.map((key) => {
                  const d = byKey.get(key);
                  if (!d) return null;
                  const id = `figure-${key}`;
                  if (d.derivedFrom) {
                    const value = derivedFigure(d, typed);
                    return (
                      <tr key={key}>
                        <th scope="row" id={`${id}-label`}>
                          {d.label}
                        </th>
                        <td>
                          <output id={id} aria-labelledby={`${id}-label`} data-figure={key}>
                            {value === null ? '—' : shownFigure(value)}
                          </output>{' '}
                          <span className="muted small">(tự tính)</span>
                        </td>
                        <td>{d.unit}</td>
                      </tr>
                    );
                  }
                  const problem = figureInputProblem(d, typed[key] ?? '') ?? refused[key] ?? null;
                  return (
                    <tr key={key} className={problem ? 'invalid' : undefined}>
                      <th scope="row">
                        <label htmlFor={id}>{d.label}</label>
                      </th>
                      <td>
                        <input
                          id={id}
                          inputMode={d.kind === 'count' ? 'numeric' : 'decimal'}
                          size={10}
                          value={typed[key] ?? ''}
                          aria-invalid={problem !== null}
                          aria-describedby={`${id}-unit${problem ? ` ${id}-problem` : ''}`}
                          onChange={(e) => onChange(key, e.target.value)}
                        />
                        {problem && (
                          <span className="error-text small field-problem" id={`${id}-problem`}>
                            {problem}
                          </span>
                        )}
                      </td>
                      <td id={`${id}-unit`}>{d.unit}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        ))}
      </fieldset>
    </section>
  );
}
