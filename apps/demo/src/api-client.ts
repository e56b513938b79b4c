/** An HTTP answer the demo did not expect; the message names the request, the user and the answer. */
export class ApiError extends Error {
  constructor(
    readonly request: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${request} answered ${status}: ${body.slice(0, 600)}`);
  }
}

type Method = 'GET' | 'POST' | 'PUT';

/** A thin client over Node's fetch for one signed-in user (or nobody, for login and health). */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly username = 'anonymous',
    private readonly token?: string,
  ) {}

  /** Signs in and returns a client that sends that user's bearer token. */
  async login(username: string, password: string): Promise<ApiClient> {
    const answer = await this.call<{ accessToken: string }>('POST', '/api/auth/login', { username, password }, [200]);
    if (!answer.accessToken) throw new Error(`Login of ${username} returned no accessToken`);
    return new ApiClient(this.baseUrl, username, answer.accessToken);
  }

  get<T>(path: string, expected = [200]): Promise<T> {
    return this.call<T>('GET', path, undefined, expected);
  }

  post<T>(path: string, body?: unknown, expected = [200, 201]): Promise<T> {
    return this.call<T>('POST', path, body, expected);
  }

  put<T>(path: string, body: unknown, expected = [200]): Promise<T> {
    return this.call<T>('PUT', path, body, expected);
  }

  /** A file the API answers (a Word document, a workbook), byte for byte. */
  async download(path: string): Promise<Buffer> {
    const response = await fetch(this.baseUrl + path, {
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
      signal: AbortSignal.timeout(30_000),
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new ApiError(`GET ${path} as ${this.username}`, response.status, body.toString('utf8'));
    return body;
  }

  /** Sends one request; any status outside `expected` throws an ApiError with the whole story. */
  async call<T>(method: Method, path: string, body: unknown, expected: number[]): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const request = `${method} ${path} as ${this.username}`;
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      // fetch says only "fetch failed": the cause (ECONNREFUSED, ECONNRESET, …) tells what happened.
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
      const detail = cause ? ` (${cause.code ?? cause.message})` : '';
      throw new Error(`${request} failed: ${(error as Error).message}${detail}`, { cause: error });
    }
    const text = await response.text();
    if (!expected.includes(response.status)) throw new ApiError(request, response.status, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
