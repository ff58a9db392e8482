import { hash, verify } from '@node-rs/argon2';

/** argon2id with the OWASP (2023) minimum: 19 MiB memory, 2 iterations, 1 lane. */
const options = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable under verbatimModuleSyntax) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, options);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

/**
 * A real hash of a random secret, verified when the login name is unknown, so that an unknown
 * name costs the same time as a wrong password (no user enumeration by timing).
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummy;
}

export const PASSWORD_MIN_LENGTH = 12;

/** German reasons why a new password is refused; empty when it is acceptable. */
export function passwordProblems(plain: string, username?: string): string[] {
  const problems: string[] = [];
  if (plain.length < PASSWORD_MIN_LENGTH) problems.push(`Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.`);
  if (plain.length > 256) problems.push('Das Passwort darf höchstens 256 Zeichen lang sein.');
  if (username && plain.toLowerCase().includes(username.toLowerCase()))
    problems.push('Das Passwort darf den Benutzernamen nicht enthalten.');
  return problems;
}

/** A readable random password for demo accounts and resets (about 95 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12), chars.slice(12, 16)].map((g) => g.join('')).join('-');
}
