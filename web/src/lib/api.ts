import { t } from './i18n.ts';

/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie, the
 * CSRF token on every state-changing request, and RFC 9457 problem+json errors turned into ApiError.
 */

export interface FieldError {
  /** Field path as the form knows it, e.g. "name" or "roles.0" (the server's "body." prefix removed). */
  field: string;
  message: string;
}

/** A failed API call, with the server's German title and detail. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  /** The whole problem document (e.g. `current` on a 409 conflict). */
  readonly problem: Record<string, unknown>;

  constructor(status: number, problem: Record<string, unknown>) {
    const title = typeof problem.title === 'string' ? problem.title : t.errors.statusTitle(status);
    const detail = typeof problem.detail === 'string' ? problem.detail : t.errors.statusDetail(status);
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = typeof problem.type === 'string' ? problem.type : 'about:blank';
    this.requestId = typeof problem.requestId === 'string' ? problem.requestId : undefined;
    this.errors = Array.isArray(problem.errors) ? problem.errors.filter(isFieldError).map(normaliseField) : [];
    this.problem = problem;
  }

  /** The message for one field, if the server rejected it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

function isFieldError(e: unknown): e is FieldError {
  return typeof e === 'object' && e !== null && typeof (e as FieldError).field === 'string';
}

/** Schema validation reports "body.name"; services report "name". Forms know only "name". */
function normaliseField(e: FieldError): FieldError {
  return { field: e.field.replace(/^(body|querystring|params)\./, ''), message: String(e.message ?? '') };
}

let csrfToken = '';
/** Set from the session (login or session fetch); sent as x-csrf-token on every non-GET request. */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

type UnauthorizedHandler = (error: ApiError) => void;
let unauthorizedHandler: UnauthorizedHandler | undefined;
/** The app registers what happens on a 401 (clear the session, go to the login page). */
export function onUnauthorized(handler: UnauthorizedHandler) {
  unauthorizedHandler = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** false for calls where a 401 is an answer, not an expired session (login, session probe). */
  redirectOn401?: boolean;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: t.errors.networkTitle, detail: t.errors.networkDetail });
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await res.json().catch(() => undefined) : undefined;
  if (!res.ok) {
    const error = new ApiError(res.status, typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {});
    if (res.status === 401 && opts.redirectOn401 !== false) unauthorizedHandler?.(error);
    throw error;
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'query' | 'body'>) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T = void>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, body }),
  put: <T = void>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...opts, body }),
  patch: <T = void>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...opts, body }),
  delete: <T = void>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};
