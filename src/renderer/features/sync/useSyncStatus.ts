import { useSyncExternalStore } from 'react';
import type { SyncEngine, SyncStatus } from '../../sync/engine.js';

export function useSyncStatus(engine: SyncEngine): SyncStatus {
  return useSyncExternalStore(engine.subscribe, engine.getStatus, engine.getStatus);
}
