/** The sync state, from the same data as the rail's indicator: offline, waiting writes, last sync. */
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { syncStatusText, useSyncStatus } from '../sync/index.js';

export function SyncSummary({ now }: { now: number }) {
  const { engine } = useApp();
  const intl = useIntl();
  const id = useId();
  const status = useSyncStatus(engine);
  return (
    <section className="card today__section" aria-labelledby={`${id}-h`} data-testid="today-sync">
      <Text as="h2" id={`${id}-h`} className="card__title" msg="today.sync" />
      <p>{syncStatusText(intl, status, now)}</p>
      {status.state === 'offline' ? (
        <p className="muted">
          <Msg id="today.syncOffline" />
        </p>
      ) : null}
      <p className="muted">
        {status.pending > 0 ? (
          <Msg id="today.syncPending" values={{ count: status.pending }} />
        ) : (
          <Msg id="today.syncNothingPending" />
        )}
      </p>
    </section>
  );
}
