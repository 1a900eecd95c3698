/**
 * "Campaigns": those the user may see, read from head office — a manager their team's, an
 * admin every one, a rep those that target their customers (limited to them). Each row opens
 * the campaign's results. Campaigns are made from the figures' segments (a segment, a
 * migration cell, the churn-risk list): the empty state says where.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useIntl } from 'react-intl';
import type { CampaignSummary } from '../../../shared/contract/campaigns.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';
import { formatDay } from '../../i18n/format.js';
import { useHeadOfficeQuery } from '../../lib/headOffice.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Page } from '../../ui/PageHeader.js';
import { KeptNotice, NotLoaded } from '../review/index.js';
import { useSyncStatus } from '../sync/index.js';

const column = createColumnHelper<CampaignSummary>();

export function CampaignsScreen() {
  const { db, platform, engine, user } = useApp();
  const intl = useIntl();
  const online = useSyncStatus(engine).state !== 'offline';
  const { loaded, reload } = useHeadOfficeQuery(platform, 'campaign-list', {}, online, { keepIn: db });
  const day = (d: string) => formatDay(intl, d, { dateStyle: 'medium' });

  const columns = [
    column.accessor('name', {
      header: () => <Msg id="campaigns.col.name" />,
      cell: (i) => <a href={hrefFor({ name: 'campaign', id: i.row.original.id })}>{i.getValue()}</a>,
    }),
    column.accessor('from', {
      header: () => <Msg id="campaigns.col.period" />,
      cell: (i) => (
        <Msg id="campaigns.period" values={{ from: day(i.row.original.from), to: day(i.row.original.to) }} />
      ),
    }),
    column.accessor('channel', {
      header: () => <Msg id="campaigns.col.channel" />,
      cell: (i) => <Msg id={`campaigns.channel.${i.getValue()}`} />,
    }),
    column.accessor('sourceLabel', {
      header: () => <Msg id="campaigns.col.source" />,
      cell: (i) => i.getValue() || <Msg id={`campaigns.source.${i.row.original.source}`} />,
    }),
    column.accessor('targeted', {
      header: () => <Msg id="campaigns.col.targeted" />,
      cell: (i) => intl.formatNumber(i.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('control', {
      header: () => <Msg id="campaigns.col.control" />,
      cell: (i) => intl.formatNumber(i.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('tasksDone', {
      header: () => <Msg id="campaigns.col.done" />,
      cell: (i) => intl.formatNumber(i.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('createdByName', { header: () => <Msg id="campaigns.col.by" /> }),
  ];

  return (
    <Page titleId="campaigns-title" className="page--list campaigns" title={<Msg id="campaigns.title" />}>
      {loaded.state !== 'ready' ? (
        <NotLoaded loaded={loaded} online={online} onRetry={reload} rows={5} />
      ) : (
        <>
          <KeptNotice kept={loaded.kept} />
          <DataTable
            data={loaded.value.campaigns}
            columns={columns}
            getRowId={(c) => c.id}
            label={intl.formatMessage({ id: 'campaigns.title' })}
            className="figures__table"
            scrollClassName="figures__scroll"
            initialSorting={[{ id: 'from', desc: true }]}
            empty={
              <EmptyState title={<Msg id="campaigns.empty" />}>
                <p>
                  <Msg id={user.role === 'rep' ? 'campaigns.empty.rep' : 'campaigns.empty.body'} />
                </p>
                {user.role === 'rep' ? null : (
                  <a
                    className="btn"
                    href={hrefFor({ name: 'figures', tab: 'segments', from: null, to: null, repId: null })}
                  >
                    <Msg id="campaigns.empty.action" />
                  </a>
                )}
              </EmptyState>
            }
          />
        </>
      )}
    </Page>
  );
}
