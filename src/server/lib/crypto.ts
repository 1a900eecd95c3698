import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url (43 characters): session tokens and login-link codes. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
