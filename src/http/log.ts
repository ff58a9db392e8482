import { pgErrorOf } from '../db/errors.ts';

/**
 * What a log line may say about a request or an error. Logs leave the protected database (files,
 * journald, a log collector), so they carry method, route, ids and codes, never request bodies,
 * query strings or the values inside a failed query: no names, birth dates or addresses.
 */

/** Quoted values in driver messages, e.g. `invalid input syntax for type date: "1980-13-45"`. */
const QUOTED = /"[^"]*"|'[^']*'/g;

/** An error's message without values from the data: query parameters dropped, quoted parts elided. */
export function safeErrorMessage(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // DrizzleQueryError: "Failed query: <sql with $n placeholders>\nparams: <values>"
  if ('params' in err && 'query' in err) return `Failed query: ${String((err as { query: unknown }).query)}`;
  if (pgErrorOf(err)) return err.message.replace(QUOTED, '"…"');
  return err.message;
}

export interface SafeError {
  [key: string]: unknown;
  type: string;
  message: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack: string;
  cause?: SafeError;
}

/** pino serializer for `err`: the stack's frames, never its message line (which may carry values). */
export function serializeError(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) return { type: typeof err, message: 'kein Error-Objekt', stack: '' };
  const pg = pgErrorOf(err);
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .join('\n');
  const code = (err as { code?: unknown }).code;
  const out: SafeError = {
    type: err.constructor?.name ?? err.name,
    message: safeErrorMessage(err),
    ...(pg && { code: pg.code, constraint: pg.constraint, table: pg.table, column: pg.column }),
    ...(!pg && typeof code === 'string' && { code }),
    stack: frames,
  };
  if (err.cause && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

export const logSerializers = {
  req: (req: { method?: string; url?: string; id?: string }) => ({ method: req.method, url: req.url?.split('?')[0], id: req.id }),
  err: serializeError,
};
