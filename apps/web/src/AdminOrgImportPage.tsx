/**
 * Nhập tổ chức từ Excel: the template and the current organisation to download, a file previewed
 * (every problem by sheet, row and column; what would be created, changed and removed) before
 * anything is written, then applied as one import, followed with its progress until it is done.
 */
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, errorText } from './api-client';
import type { OrgImportStatus, OrgWorkbookPreview, SheetProblem } from './api-types';
import { countLines, problemPlace } from './org-import-labels';
import { OrgImportPreview, ProblemsTable } from './OrgImportPreview';
import { ErrorBox, Notice, PageTitle } from './ui';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const POLL_MS = 700;

const STATUS_TEXT: Record<OrgImportStatus['status'], string> = {
  queued: 'Đang chờ xử lý',
  hashing: 'Đang chuẩn bị tài khoản',
  applying: 'Đang ghi vào hệ thống',
  done: 'Đã xong',
  failed: 'Không thành công',
};

export function AdminOrgImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<OrgWorkbookPreview | null>(null);
  const [refused, setRefused] = useState<SheetProblem[]>([]);
  const [importStatus, setImportStatus] = useState<OrgImportStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | 'download' | null>(null);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setRefused([]);
    setImportStatus(null);
    setError(null);
  };

  const download = async (path: string, name: string) => {
    setBusy('download');
    setError(null);
    try {
      await api.download(path, name);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const runPreview = async () => {
    if (!file) return;
    setBusy('preview');
    setError(null);
    setRefused([]);
    setImportStatus(null);
    try {
      setPreview((await api.postFile<OrgWorkbookPreview>('/api/org/import.xlsx?dryRun=true', file, XLSX)).body);
    } catch (e) {
      setPreview(null);
      setError(errorText(e));
      setRefused(problemsOf(e));
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!file) return;
    setBusy('apply');
    setError(null);
    try {
      const answer = await api.postFile<{ id?: string }>('/api/org/import.xlsx', file, XLSX);
      const statusPath = answer.location ?? (answer.body.id ? `/api/org/imports/${answer.body.id}` : null);
      if (!statusPath) throw new Error('Không rõ kết quả nhập; hãy tải lại trang và xem danh sách người dùng.');
      let status = await api.get<OrgImportStatus>(statusPath);
      setImportStatus(status);
      while (mounted.current && (status.status === 'queued' || status.status === 'hashing' || status.status === 'applying')) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        status = await api.get<OrgImportStatus>(statusPath);
        setImportStatus(status);
      }
      if (status.status === 'done') setPreview(null);
    } catch (e) {
      setError(errorText(e));
      setRefused(problemsOf(e));
    } finally {
      setBusy(null);
    }
  };

  const running = importStatus && importStatus.status !== 'done' && importStatus.status !== 'failed';
  return (
    <section>
      <PageTitle title="Nhập tổ chức từ Excel">Nhập tổ chức từ Excel</PageTitle>
      <div className="card">
        <h2>1. Tải tệp mẫu</h2>
        <p>
          Tệp gồm trang “Đơn vị”, trang “Người dùng” (mỗi người một dòng cho mỗi đơn vị) và trang “Hướng dẫn”. Tệp không có cột mật khẩu: người mới nhận thư
          điện tử để tự đặt mật khẩu. Tải tổ chức hiện tại để sửa rồi nhập lại.
        </p>
        <div className="toolbar">
          <button
            type="button"
            className="secondary"
            disabled={busy !== null}
            onClick={() => download('/api/org/import-template.xlsx', 'mau-nhap-to-chuc.xlsx')}
          >
            Tải mẫu trống (.xlsx)
          </button>
          <button type="button" className="secondary" disabled={busy !== null} onClick={() => download('/api/org/export.xlsx', 'to-chuc.xlsx')}>
            Tải tổ chức hiện tại (.xlsx)
          </button>
        </div>
      </div>

      <div className="card">
        <h2>2. Chọn tệp và xem trước</h2>
        <div className="toolbar">
          <div className="field">
            <label htmlFor="org-file">Tệp Excel (.xlsx)</label>
            <input id="org-file" type="file" accept={`.xlsx,${XLSX}`} aria-describedby="org-file-hint" onChange={(e) => choose(e.target.files?.[0] ?? null)} />
            <p id="org-file-hint" className="muted small">
              Xem trước không ghi gì vào hệ thống; tối đa 8 MB.
            </p>
          </div>
          <button type="button" onClick={runPreview} disabled={!file || busy !== null}>
            {busy === 'preview' ? 'Đang kiểm tra…' : 'Xem trước'}
          </button>
        </div>
      </div>

      <ErrorBox>{error}</ErrorBox>
      {refused.some((p) => p.sheet) && <ProblemsTable problems={refused} />}
      {preview && <OrgImportPreview preview={preview} />}
      {preview && !preview.valid && preview.problems[0] && <p className="muted">Lỗi đầu tiên: {problemPlace(preview.problems[0])}.</p>}

      {preview?.valid && !importStatus && (
        <div className="card">
          <h2>3. Ghi vào hệ thống</h2>
          <p>Mọi thay đổi được ghi một lần, có nhật ký. Người mới nhận thư điện tử có liên kết để tự đặt mật khẩu.</p>
          <button type="button" onClick={apply} disabled={busy !== null}>
            {busy === 'apply' ? 'Đang gửi…' : 'Ghi vào hệ thống'}
          </button>
        </div>
      )}

      {importStatus && (
        <div className="card" data-testid="org-import-status">
          <h2>Tiến độ nhập</h2>
          <p role="status">
            {STATUS_TEXT[importStatus.status]}: {importStatus.progress.done}/{importStatus.progress.total} người.
          </p>
          {running && <progress aria-label="Tiến độ nhập" max={Math.max(1, importStatus.progress.total)} value={importStatus.progress.done} />}
          {importStatus.status === 'done' && importStatus.result && (
            <Notice>
              Đã nhập xong.{' '}
              {countLines(importStatus.result)
                .filter((line) => line.value > 0)
                .map((line) => `${line.label}: ${line.value}`)
                .join('; ') || 'Không có gì thay đổi.'}
            </Notice>
          )}
          {importStatus.status === 'failed' && (
            <ErrorBox>Không nhập được: {importStatus.error?.message ?? 'lỗi không rõ'}. Không có thay đổi nào được ghi.</ErrorBox>
          )}
        </div>
      )}
    </section>
  );
}

/** The problems a refused upload names (400 `problems`), to show by sheet, row and column. */
function problemsOf(error: unknown): SheetProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.body.problems)) return [];
  return (error.body.problems as SheetProblem[]).filter((p) => p && typeof p.message === 'string' && typeof p.sheet === 'string');
}
