import type { IntlShape } from 'react-intl';
import type { SyncStatus } from '../../sync/engine.js';
import { missingCaseError } from '../../../shared/lib/result.js';

/** "Hors ligne" / "Synchronisation… (2 en attente)" / "À jour · synchronisé il y a 3 min". */
export function syncStatusText(intl: IntlShape, status: SyncStatus, now: number): string {
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  switch (status.state) {
    case 'offline':
      return status.pending > 0 ? t('sync.offlinePending', { count: status.pending }) : t('sync.offline');
    case 'syncing':
      return t('sync.syncing', { count: status.pending });
    case 'error':
      return t('sync.failed');
    case 'idle': {
      if (status.pending > 0) return t('sync.pendingOnly', { count: status.pending });
      if (!status.lastSyncAt) return t('sync.never');
      return t('sync.upToDate', { when: relativeTime(intl, Date.parse(status.lastSyncAt), now) });
    }
    default:
      return missingCaseError(status.state);
  }
}

/** Relative time through Intl.RelativeTimeFormat ("il y a 3 min"). */
export function relativeTime(intl: IntlShape, at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return intl.formatMessage({ id: 'sync.justNow' });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return intl.formatRelativeTime(-minutes, 'minute', { style: 'short' });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return intl.formatRelativeTime(-hours, 'hour', { style: 'short' });
  return intl.formatRelativeTime(-Math.floor(hours / 24), 'day', { numeric: 'auto' });
}
