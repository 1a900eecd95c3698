export { authHandlers } from './handlers.js';
export { createLoginLink, consumeLoginLink, LOGIN_LINK_TTL_MS } from './loginLinks.js';
export { hashPassword, verifyPassword, productionHashOptions, testHashOptions } from './passwords.js';
export type { PasswordHashOptions } from './passwords.js';
export { authenticate, createSession, revokeSession, SESSION_TTL_MS } from './sessions.js';
export { findUserByEmail, findUserById, normaliseEmail, toUser } from './users.js';
