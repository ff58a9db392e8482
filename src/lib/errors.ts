/**
 * Errors that services throw and the HTTP layer turns into RFC 9457 problem+json.
 * Messages are German, for the person at the screen; they never carry social data values.
 */
export interface FieldProblem {
  /** Path of the failing field, e.g. "roles.0" or "validFrom". */
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly type = 'about:blank',
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export class ValidationError extends AppError {
  constructor(
    readonly fields: FieldProblem[],
    detail = 'Bitte prüfen Sie die markierten Felder.',
  ) {
    super(422, 'Eingabe ungültig', detail, '/problems/validation', { errors: fields });
  }
}

export class NotFoundError extends AppError {
  constructor(detail = 'Der angeforderte Datensatz wurde nicht gefunden.') {
    super(404, 'Nicht gefunden', detail, '/problems/not-found');
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'Sie haben keine Berechtigung für diese Aktion.') {
    super(403, 'Keine Berechtigung', detail, '/problems/forbidden');
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = 'Bitte melden Sie sich an.') {
    super(401, 'Nicht angemeldet', detail, '/problems/unauthorized');
  }
}

/** Optimistic concurrency: someone else saved the record since it was loaded. */
export class ConflictError extends AppError {
  constructor(detail: string, extra: Record<string, unknown> = {}) {
    super(409, 'Konflikt', detail, '/problems/conflict', extra);
  }
}

/**
 * A record exists but lies outside the caller's scope. Answered as 404 (for social data even
 * existence is confidential) and recorded in the audit log as a denied access. Give it the same
 * `detail` as the NotFoundError for an unknown id of that entity, or the two answers differ and
 * tell the caller that the record exists.
 */
export class ScopeDeniedError extends NotFoundError {
  constructor(
    readonly entityType: string,
    readonly entityId: string,
    readonly permission: string,
    detail?: string,
  ) {
    super(detail);
  }
}
