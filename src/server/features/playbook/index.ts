export { playbookHandlers } from './handlers.js';
export { readPlaybookState, savePlaybook } from './repo.js';
export { playbookScope, selectSyncedPlaybooks } from './wire.js';
