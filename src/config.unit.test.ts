import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('has working defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      sessionIdleMinutes: 30,
      trustProxy: false,
      warmFigures: true,
      logLevel: 'info',
    });
  });

  it('treats empty and blank variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ', HOST: '' })).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
    });
  });

  it('takes valid values', () => {
    expect(
      loadConfig({
        PORT: '8080',
        HOST: '0.0.0.0',
        TEILHABE_DATA_DIR: '/var/lib/teilhabe',
        DATABASE_URL: 'postgresql://teilhabe@db.example:5432/teilhabe',
        TEILHABE_SESSION_IDLE_MINUTES: '15',
        TEILHABE_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16',
        TEILHABE_WARM_FIGURES: 'false',
        LOG_LEVEL: 'warn',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/teilhabe',
      databaseUrl: 'postgresql://teilhabe@db.example:5432/teilhabe',
      sessionIdleMinutes: 15,
      trustProxy: ['10.0.0.1', '192.168.0.0/16'],
      warmFigures: false,
      logLevel: 'warn',
    });
  });

  const failure = (env: NodeJS.ProcessEnv): ConfigError => {
    try {
      loadConfig(env);
    } catch (err) {
      if (err instanceof ConfigError) return err;
      throw err;
    }
    throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
  };

  it.each([
    ['abc', 'PORT muss eine ganze Zahl sein'],
    ['80.5', 'PORT muss eine ganze Zahl sein'],
    ['0x50', 'PORT muss eine ganze Zahl sein'],
    ['1e3', 'PORT muss eine ganze Zahl sein'],
    ['-1', 'PORT muss eine ganze Zahl sein'],
    ['0', 'PORT muss zwischen 1 und 65535 liegen'],
    ['65536', 'PORT muss zwischen 1 und 65535 liegen'],
  ])('a bad PORT (%s) is a ConfigError in German that names the variable', (value, message) => {
    const err = failure({ PORT: value });
    expect(err.message).toBe(`Die Konfiguration ist ungültig:\n  PORT: ${message}`);
  });

  it.each([
    ['mysql://db/teilhabe', 'DATABASE_URL muss mit postgres:// oder postgresql:// beginnen'],
    ['db.example:5432', 'DATABASE_URL muss mit postgres:// oder postgresql:// beginnen'],
    ['postgres://user@host:port/db', 'DATABASE_URL ist keine gültige Adresse'],
  ])('a bad DATABASE_URL (%s) is a ConfigError in German that names the variable', (value, message) => {
    const err = failure({ DATABASE_URL: value });
    expect(err.message).toMatch(/^Die Konfiguration ist ungültig:\n {2}DATABASE_URL: /);
    expect(err.message).toContain(message);
  });

  it('never repeats a DATABASE_URL (it may hold a password) in the message', () => {
    const err = failure({ DATABASE_URL: 'postgres://teilhabe:geheim@host:noport/db' });
    expect(err.message).not.toContain('geheim');
  });

  it('TEILHABE_TRUST_PROXY: true, false or addresses; anything else is named', () => {
    expect(loadConfig({ TEILHABE_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TEILHABE_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(failure({ TEILHABE_TRUST_PROXY: 'ja' }).message).toContain(
      'TEILHABE_TRUST_PROXY muss true, false oder eine Liste von IP-Adressen/Netzen sein',
    );
  });

  it('TEILHABE_WARM_FIGURES: true or false; anything else is named', () => {
    expect(loadConfig({ TEILHABE_WARM_FIGURES: 'false' }).warmFigures).toBe(false);
    expect(failure({ TEILHABE_WARM_FIGURES: 'nein' }).message).toContain('TEILHABE_WARM_FIGURES muss true oder false sein');
  });

  it('names every bad variable at once, in German', () => {
    const err = failure({ PORT: 'x', TEILHABE_SESSION_IDLE_MINUTES: '0', LOG_LEVEL: 'verbose' });
    expect(err.message.split('\n')).toEqual([
      'Die Konfiguration ist ungültig:',
      '  PORT: PORT muss eine ganze Zahl sein',
      '  TEILHABE_SESSION_IDLE_MINUTES: TEILHABE_SESSION_IDLE_MINUTES muss zwischen 1 und 1440 liegen',
      '  LOG_LEVEL: LOG_LEVEL muss einer der Werte fatal, error, warn, info, debug, trace, silent sein',
    ]);
  });
});
