/**
 * Checked by `tsc -p tsconfig.web.json`: the laptop's handler map must cover the whole shared
 * registry, so a mutation declared without a client handler does not compile.
 */
import type { ClientMutations } from './mutation.js';
import { clientMutations } from './registry.js';

export const complete: ClientMutations = clientMutations;

const { 'visit-log': _visitLog, ...withoutVisitLog } = clientMutations;
// @ts-expect-error 'visit-log' is in the registry but has no client handler here
export const missingHandler: ClientMutations = withoutVisitLog;

export const wrongArgs: ClientMutations = {
  ...clientMutations,
  'note-add': {
    // @ts-expect-error a handler reads the args of its own mutation only
    applyLocal: async (_db, entry) => void entry.args.changes,
  },
};
