export { playbookHandlers } from './handlers.js';
export { playbookScope, readPlaybookState, savePlaybook, selectSyncedPlaybooks } from './repo.js';
