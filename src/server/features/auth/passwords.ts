import { hash, verify } from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';

export interface PasswordHashOptions {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP-recommended argon2id parameters (19 MiB, 2 passes). */
export const productionHashOptions: PasswordHashOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
/** Cheap parameters for tests only: still argon2id. */
export const testHashOptions: PasswordHashOptions = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

const ARGON2ID = 2 as Algorithm.Argon2id;

export function hashPassword(password: string, options: PasswordHashOptions): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, ...options });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

const dummyHashes = new Map<string, Promise<string>>();

/** A hash to verify against for unknown emails, so both paths cost the same. */
export function dummyHash(options: PasswordHashOptions): Promise<string> {
  const key = `${options.memoryCost}:${options.timeCost}:${options.parallelism}`;
  let existing = dummyHashes.get(key);
  if (existing === undefined) {
    existing = hashPassword('tournee-dummy-password-for-timing', options);
    dummyHashes.set(key, existing);
  }
  return existing;
}
