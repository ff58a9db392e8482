import path from 'node:path';
import { z } from 'zod';

/**
 * All configuration comes from the environment and is validated once, here.
 * Every entry point (server, CLI, tests) calls loadConfig(), so a wrong value
 * fails at start with a message that names the variable.
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Digits only: Number() would also take "0x10", "1e3" or "3000.0". */
const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} muss eine ganze Zahl sein`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} muss zwischen ${min} und ${max} liegen`);

const schema = z.object({
  PORT: wholeNumber('PORT', 1, 65535).default(3000),
  HOST: z.string().min(1, 'HOST darf nicht leer sein').default('127.0.0.1'),
  TEILHABE_DATA_DIR: z.string().min(1, 'TEILHABE_DATA_DIR darf nicht leer sein').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL muss mit postgres:// oder postgresql:// beginnen')
    // The value itself is never repeated in a message: it may hold a password.
    .refine((v) => URL.canParse(v), 'DATABASE_URL ist keine gültige Adresse (Form: postgres://benutzer@host:5432/datenbank)')
    .optional(),
  /** Minutes without a request after which a session ends. */
  TEILHABE_SESSION_IDLE_MINUTES: wholeNumber('TEILHABE_SESSION_IDLE_MINUTES', 1, 24 * 60).default(30),
  /**
   * Behind a reverse proxy that terminates TLS: `true` (trust the nearest proxy) or a comma-separated
   * list of its addresses/networks. Then X-Forwarded-Proto decides whether the session cookie is Secure.
   */
  TEILHABE_TRUST_PROXY: z
    .string()
    .transform((v, ctx) => {
      if (v === 'true' || v === 'false') return v === 'true';
      const list = v.split(',').map((x) => x.trim());
      if (list.every((x) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(x))) return list;
      ctx.addIssue({
        code: 'custom',
        message: 'TEILHABE_TRUST_PROXY muss true, false oder eine Liste von IP-Adressen/Netzen sein',
      });
      return z.NEVER;
    })
    .default(false),
  /**
   * Load the key figures' facts of each Jobcenter at start (in the background), so that the first dashboard
   * after a restart does not wait for them. Off for a very large Jobcenter on a small machine.
   */
  TEILHABE_WARM_FIGURES: z
    .enum(['true', 'false'], { error: 'TEILHABE_WARM_FIGURES muss true oder false sein' })
    .transform((v) => v === 'true')
    .default(true),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL muss einer der Werte ${LOG_LEVELS.join(', ')} sein` }).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionIdleMinutes: number;
  trustProxy: boolean | string[];
  warmFigures: boolean;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset; surrounding blanks (a stray space in a unit file) are ignored.
  const relevant = Object.fromEntries(
    Object.keys(schema.shape).map((k) => {
      const v = env[k]?.trim();
      return [k, v === '' ? undefined : v];
    }),
  );
  const parsed = schema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Die Konfiguration ist ungültig:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.TEILHABE_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    sessionIdleMinutes: c.TEILHABE_SESSION_IDLE_MINUTES,
    trustProxy: c.TEILHABE_TRUST_PROXY,
    warmFigures: c.TEILHABE_WARM_FIGURES,
    logLevel: c.LOG_LEVEL,
  };
}
