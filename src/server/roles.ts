import type { Role } from '../shared/domain/user/user.js';

/** Who may call a handler (kept apart from dispatch.ts so feature modules import no cycle). */
export const ALL_ROLES = ['rep', 'manager', 'admin'] as const satisfies readonly Role[];
export const STAFF_ROLES = ['manager', 'admin'] as const satisfies readonly Role[];
export const ADMIN_ONLY = ['admin'] as const satisfies readonly Role[];
