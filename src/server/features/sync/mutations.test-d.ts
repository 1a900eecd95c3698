/**
 * Checked by `tsc -p tsconfig.node.json`: head office's handler map must cover the whole shared
 * registry, so a mutation declared without a server handler does not compile.
 */
import type { ServerMutations } from '../../lib/mutations.js';
import { serverMutations } from './mutations.js';

export const complete: ServerMutations = serverMutations;

const { 'order-cancel': _orderCancel, ...withoutOrderCancel } = serverMutations;
// @ts-expect-error 'order-cancel' is in the registry but has no server handler here
export const missingHandler: ServerMutations = withoutOrderCancel;
