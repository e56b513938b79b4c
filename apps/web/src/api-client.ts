/** A tiny typed client of the engine's HTTP API: the bearer token, JSON in and out, errors as ApiError. */
import { vietnameseMessage } from './api-errors';
import type { CellProblem } from './api-types';
import { reportAnswer, reportNoAnswer } from './connection';
import { downloadName } from './download-name';

/**
 * The token is kept in localStorage, shared by the browser's tabs: a link opened in a new tab or
 * from an e-mail finds the session signed in, until it expires or is ended (sign-out ends it on
 * the server, and then in every tab).
 */
const TOKEN_KEY = 'tongket.token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }

  /** Section keys a refused submit names (422). */
  get missing(): string[] {
    return Array.isArray(this.body.missing) ? (this.body.missing as string[]) : [];
  }

  /** What makes a workflow definition unsound (422). */
  get problems(): string[] {
    return Array.isArray(this.body.problems) ? (this.body.problems as string[]) : [];
  }

  /** Figures a refused figures edit names, each with its Vietnamese message (400 `problems: {key: message}`). */
  get figureProblems(): Record<string, string> {
    const problems = this.body.problems;
    return problems && typeof problems === 'object' && !Array.isArray(problems) ? (problems as Record<string, string>) : {};
  }

  /** The bad cells of a refused spreadsheet upload (400 `problems: [{sheet, row, column, cell, message}]`). */
  get cellProblems(): CellProblem[] {
    const problems = this.body.problems;
    return Array.isArray(problems)
      ? problems.filter((p): p is CellProblem => !!p && typeof p === 'object' && typeof (p as CellProblem).message === 'string')
      : [];
  }
}

let token: string | null = localStorage.getItem(TOKEN_KEY);
let onUnauthorized: (refused: string) => Promise<boolean> = async () => false;

// Signing in again in another tab renews this tab's token too.
addEventListener('storage', (event) => {
  if (event.key === TOKEN_KEY && event.newValue) token = event.newValue;
});

export function setToken(value: string | null): void {
  token = value;
  if (value) localStorage.setItem(TOKEN_KEY, value);
  else localStorage.removeItem(TOKEN_KEY);
}

/** The token another tab stored since this one read it, if any. */
export function storedToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function hasToken(): boolean {
  return token !== null;
}

/**
 * Signing out: ends this session on the server (POST /api/auth/logout, so the token stops working
 * even if someone copied it), then forgets the token. Best effort: offline or already ended, the
 * token is dropped all the same.
 */
export async function endSession(): Promise<void> {
  const ending = token;
  setToken(null);
  if (!ending) return;
  await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${ending}` } }).catch(() => undefined);
}

/**
 * Called when a request with a token answers 401 (the session expired or was ended), with the
 * refused token. It answers whether a new token is there (the person signed in again): the request
 * is then sent once more with it, so a save waiting behind the expiry goes through.
 */
export function whenUnauthorized(handler: (refused: string) => Promise<boolean>): void {
  onUnauthorized = handler;
}

/** A request that got no answer at all: the server stopped or the network is gone. */
export class NoAnswerError extends TypeError {
  constructor() {
    super('no answer from the engine');
  }
}

async function send(method: string, path: string, body?: unknown, file?: { content: Blob; type: string }, renewed = false): Promise<Response> {
  const sentToken = token;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (sentToken) headers.Authorization = `Bearer ${sentToken}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (file) headers['Content-Type'] = file.type;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: file ? file.content : body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    reportNoAnswer();
    throw new NoAnswerError();
  }
  reportAnswer();
  if (response.ok) return response;
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status === 401 && sentToken && !renewed && path !== '/api/auth/login' && (await onUnauthorized(sentToken))) {
    return send(method, path, body, file, true);
  }
  const message = Array.isArray(data.message) ? data.message.join('; ') : String(data.message ?? response.statusText);
  throw new ApiError(response.status, message, data);
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => json<T>('GET', path),
  post: <T>(path: string, body?: unknown) => json<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => json<T>('PUT', path, body),
  /** PUTs a file as the body itself (not a form), as the engine's uploads take it; JSON back. */
  async upload<T>(path: string, content: Blob, type: string): Promise<T> {
    const response = await send('PUT', path, undefined, { content, type });
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  },
  /** POSTs a file as the body itself: the answer's status and Location (where a queued import is followed) with its JSON. */
  async postFile<T>(path: string, content: Blob, type: string): Promise<{ status: number; location: string | null; body: T }> {
    const response = await send('POST', path, undefined, { content, type });
    const text = await response.text();
    return { status: response.status, location: response.headers.get('Location'), body: (text ? JSON.parse(text) : undefined) as T };
  },
  /** Fetches a file with the token and hands it to the browser as a download. */
  async download(path: string, fallbackName: string): Promise<void> {
    const response = await send('GET', path);
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const name = downloadName(disposition);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name || fallbackName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

/** The message to show for a failed request: always Vietnamese (api-errors.ts), never the API's English. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Phiên đăng nhập đã hết hạn hoặc thông tin đăng nhập không đúng.';
    if (error.status === 403) return 'Đồng chí không có quyền thực hiện thao tác này.';
    if (error.status === 404) return 'Không tìm thấy dữ liệu.';
    return vietnameseMessage(error.status, error.message);
  }
  // The request never got an answer (offline, the server away): the browser's own words are English.
  if (error instanceof TypeError) return 'Không kết nối được với máy chủ; vui lòng kiểm tra mạng và thử lại.';
  return vietnameseMessage(0, error instanceof Error ? error.message : String(error));
}
