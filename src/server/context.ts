/** What every handler receives: the database, server config, the caller and response effects. */
import type { Role, User } from '../shared/domain/user/user.js';
import type { Db } from './db/types.js';
import type { PasswordHashOptions } from './features/auth/passwords.js';
import type { SyncWaits } from './features/sync/wake.js';

export interface ServerConfig {
  passwordHashing: PasswordHashOptions;
  /** Injected clock for tests; wall clock otherwise. */
  now: () => Date;
}

export interface Logger {
  error(obj: object, msg?: string): void;
}

/** Side effects a handler asks the transport for (HTTP sets or clears the session cookie). */
export interface ResponseEffects {
  session?: { kind: 'set'; token: string; expiresAt: Date } | { kind: 'clear' };
}

export interface RequestContext {
  db: Db;
  config: ServerConfig;
  /** Session token from `Authorization: Bearer` or the session cookie. */
  token?: string;
  ip?: string;
  log?: Logger;
  effects: ResponseEffects;
  /** Progress of a long method (imports), for transports that can show it (the local CLI). */
  progress?: (phase: 'parse' | 'write', done: number, total: number) => void;
  /** This process's open long polls (HTTP only); without it a `sync-wait` never waits. */
  syncWaits?: SyncWaits;
}

export interface Principal {
  user: User;
  sessionId: string;
}

export type PublicContext = RequestContext & { principal: Principal | null };
export type AuthedContext = RequestContext & { principal: Principal };

export type { Role };
