/**
 * One rep's customers over the period (the drill-down of the team figures): what each ordered
 * now and before, visits, calls, complaints, and where they stand (new, repeat, lost…). A
 * customer opens their 360, which leads on to each order and visit report. Online only; a
 * refusal (another team's rep) is said as such, never shown as an empty list.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useIntl } from 'react-intl';
import type { CustomerStanding, ReviewCustomer } from '../../../shared/contract/figures.js';
import type { Period } from '../../../shared/domain/figures/figures.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/fr.js';
import { formatMoney } from '../../i18n/format.js';
import { downloadCsv, toCsv } from '../../lib/csv.js';
import { useHeadOfficeQuery } from '../../lib/headOffice.js';
import { Badge } from '../../ui/Badge.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { KeptNotice, NotLoaded } from '../review/index.js';

const column = createColumnHelper<ReviewCustomer>();

const standingTone: Record<
  CustomerStanding,
  'success' | 'info' | 'danger' | 'warning' | 'neutral' | 'accent'
> = {
  new: 'accent',
  repeat: 'success',
  returning: 'info',
  lost: 'danger',
  lapsed: 'warning',
  other: 'neutral',
};

export function RepCustomers({ period, repId, online }: { period: Period; repId: string; online: boolean }) {
  const { db, platform } = useApp();
  const intl = useIntl();
  const { loaded, reload } = useHeadOfficeQuery(
    platform,
    'team-review-customers',
    { from: period.from, to: period.to, repId },
    online,
    { keepIn: db },
  );
  const count = (n: number) => intl.formatNumber(n);
  const money = (cents: number) => formatMoney(intl, cents);

  const columns = [
    column.accessor('name', {
      header: () => <Msg id="figures.customers.col.customer" />,
      cell: (info) => (
        <a href={hrefFor({ name: 'customer', id: info.row.original.customerId })}>{info.getValue()}</a>
      ),
    }),
    column.accessor('city', { header: () => <Msg id="figures.customers.col.city" /> }),
    column.accessor('standing', {
      header: () => <Msg id="figures.customers.col.standing" />,
      cell: (info) => (
        <Badge tone={standingTone[info.getValue()]}>
          <Msg id={`figures.standing.${info.getValue()}`} />
        </Badge>
      ),
    }),
    column.accessor('orders', {
      header: () => <Msg id="figures.metric.orders" />,
      cell: (i) => count(i.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('revenueCents', {
      header: () => <Msg id="figures.metric.revenueCents" />,
      cell: (i) => money(i.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('previousRevenueCents', {
      header: () => <Msg id="figures.customers.col.previousRevenue" />,
      cell: (i) => money(i.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('visits', {
      header: () => <Msg id="figures.metric.visits" />,
      cell: (i) => count(i.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('calls', {
      header: () => <Msg id="figures.metric.calls" />,
      cell: (i) => count(i.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('complaintsOpened', {
      header: () => <Msg id="figures.metric.complaintsOpened" />,
      cell: (i) => count(i.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('lastOrderAt', {
      header: () => <Msg id="figures.customers.col.lastOrder" />,
      cell: (i) => {
        const at = i.getValue();
        return at === null ? '—' : intl.formatDate(at, { dateStyle: 'medium' });
      },
    }),
    column.accessor('rhythmDays', {
      header: () => <Msg id="figures.customers.col.rhythm" />,
      cell: (i) => {
        const days = i.getValue();
        return days === null ? '—' : <Msg id="figures.customers.rhythm" values={{ days }} />;
      },
      meta: { numeric: true },
    }),
  ];

  if (loaded.state !== 'ready')
    return <NotLoaded loaded={loaded} online={online} onRetry={reload} rows={8} />;
  const { customers, repName } = loaded.value;

  const exportCsv = () => {
    const t = (id: MessageKey) => intl.formatMessage({ id });
    const plain = (cents: number) =>
      intl.formatNumber(cents / 100, {
        useGrouping: false,
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
    const csv = toCsv(
      [
        t('figures.customers.col.customer'),
        t('figures.customers.col.city'),
        t('figures.customers.col.standing'),
        t('figures.metric.orders'),
        t('figures.metric.revenueCents'),
        t('figures.customers.col.previousOrders'),
        t('figures.customers.col.previousRevenue'),
        t('figures.metric.visits'),
        t('figures.metric.calls'),
        t('figures.metric.complaintsOpened'),
        t('figures.customers.col.lastOrder'),
        t('figures.customers.col.rhythm'),
      ],
      customers.map((c) => [
        c.name,
        c.city,
        t(`figures.standing.${c.standing}`),
        c.orders,
        plain(c.revenueCents),
        c.previousOrders,
        plain(c.previousRevenueCents),
        c.visits,
        c.calls,
        c.complaintsOpened,
        c.lastOrderAt === null ? '' : c.lastOrderAt.slice(0, 10),
        c.rhythmDays,
      ]),
    );
    downloadCsv(`tournee-clients-${repName}-${period.from}-${period.to}.csv`, csv);
  };

  return (
    <section className="figures__rep" aria-labelledby="figures-rep-title">
      <KeptNotice kept={loaded.kept} />
      <div className="figures__toolbar">
        <Text
          as="h2"
          id="figures-rep-title"
          className="section-title"
          msg="figures.customers.title"
          values={{ name: repName }}
        />
        <button
          type="button"
          className="btn btn--small"
          onClick={exportCsv}
          disabled={customers.length === 0}
        >
          <Msg id="figures.export" />
        </button>
      </div>
      <DataTable
        data={customers}
        columns={columns}
        getRowId={(c) => c.customerId}
        label={intl.formatMessage({ id: 'figures.customers.title' }, { name: repName })}
        className="figures__table"
        scrollClassName="figures__scroll"
        initialSorting={[{ id: 'revenueCents', desc: true }]}
        empty={<EmptyState title={<Msg id="figures.customers.empty" />} />}
      />
    </section>
  );
}
