import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldProblem } from '../lib/errors.ts';

/** RFC 9457 problem details, always German, never a stack trace. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId: string;
  errors?: FieldProblem[];
  [key: string]: unknown;
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  p: Pick<Problem, 'type' | 'title' | 'status' | 'detail' | 'errors'> & Record<string, unknown>,
) {
  return reply
    .code(p.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...p, instance: request.url.split('?')[0], requestId: request.id });
}

const fastifyCodes: Record<string, { status: number; title: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    title: 'Ungültige Anfrage',
    detail: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    title: 'Ungültige Anfrage',
    detail: 'Die Anfrage hat den Typ JSON, aber keinen Inhalt.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    title: 'Anfrage zu groß',
    detail: 'Der Inhalt der Anfrage ist größer als 1 MiB.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    title: 'Falscher Inhaltstyp',
    detail: 'Dieser Inhaltstyp wird nicht unterstützt; bitte senden Sie application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    title: 'Ungültige Anfrage',
    detail: 'Die angegebene Länge des Inhalts stimmt nicht.',
  },
};

/**
 * The field a schema violation names, in the same form as a service's ValidationError, so that a
 * form can put every message next to its input: body fields by their path ("name", "roles.0"),
 * query and path parameters with their place in front ("querystring.limit", "params.id").
 */
export function fieldName(context: string | undefined, instancePath: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (context === 'body' && parts.length) return parts.join('.');
  return [context ?? 'body', ...parts].join('.');
}

export interface ProblemOptions {
  /** The web app's index.html: served for any GET outside /api/ that matches no route. */
  spaIndex?: Buffer;
}

export function registerProblemHandlers(app: FastifyInstance, { spaIndex }: ProblemOptions = {}) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, request, {
        type: error.type,
        title: error.title,
        status: error.status,
        detail: error.message,
        ...error.extra,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        field: fieldName(error.validationContext, v.instancePath),
        message: v.message ?? 'ungültig',
      }));
      return sendProblem(reply, request, {
        type: '/problems/validation',
        title: 'Eingabe ungültig',
        status: 422,
        detail: `Bitte prüfen Sie: ${errors.map((e) => `${e.field} – ${e.message}`).join('; ')}`,
        errors,
      });
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return sendProblem(reply, request, { type: 'about:blank', ...known });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, request, {
        type: 'about:blank',
        title: 'Ungültige Anfrage',
        status: error.statusCode,
        detail: 'Die Anfrage konnte nicht verarbeitet werden.',
      });
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, request, {
      type: 'about:blank',
      title: 'Interner Fehler',
      status: 500,
      detail: `Ein unerwarteter Fehler ist aufgetreten. Bitte nennen Sie dem Support die Vorgangsnummer ${request.id}.`,
    });
  });

  // Fastify allows one not-found handler per prefix: API 404s and the web app's pages share it.
  app.setNotFoundHandler((request, reply) => {
    if (spaIndex && request.method === 'GET' && !request.url.startsWith('/api/') && request.url !== '/api')
      return reply.type('text/html; charset=utf-8').send(spaIndex);
    return sendProblem(reply, request, {
      type: '/problems/not-found',
      title: 'Nicht gefunden',
      status: 404,
      detail: 'Diese Adresse gibt es nicht.',
    });
  });
}
