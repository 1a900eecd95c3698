/** How fresh the brief's figures are: prices, last sync, when it was prepared. */
import { useIntl } from 'react-intl';
import { Msg } from '../../../i18n/Msg.js';
import { formatDay } from '../../../i18n/format.js';
import { relativeTime } from '../../sync/index.js';
import type { freshness } from '../compute.js';
import { SpacedBadge } from './parts.js';

export function Freshness({
  fresh,
  now,
  at,
}: {
  fresh: ReturnType<typeof freshness>;
  now: number;
  at: Date;
}) {
  const intl = useIntl();
  return (
    <footer className="brief__freshness" data-section="freshness">
      <span>
        {fresh.pricesFrom ? (
          <Msg
            id="brief.pricesAsOf"
            values={{
              date: formatDay(intl, fresh.pricesFrom, { dateStyle: 'medium' }),
              list: fresh.priceListName ?? '',
            }}
          />
        ) : fresh.catalogueAt ? (
          <Msg
            id="brief.catalogueAsOf"
            values={{
              date: intl.formatDate(fresh.catalogueAt, { dateStyle: 'medium', timeStyle: 'short' }),
            }}
          />
        ) : (
          <Msg id="brief.pricesUnknown" />
        )}
      </span>
      <span>
        {fresh.lastSyncAt ? (
          <Msg id="brief.lastSync" values={{ when: relativeTime(intl, Date.parse(fresh.lastSyncAt), now) }} />
        ) : (
          <Msg id="brief.neverSynced" />
        )}
        {fresh.stale ? (
          <SpacedBadge tone="warning">
            <Msg id="brief.stale" />
          </SpacedBadge>
        ) : null}
      </span>
      <span className="brief__printed muted">
        <Msg
          id="brief.preparedAt"
          values={{ date: intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' }) }}
        />
      </span>
    </footer>
  );
}
