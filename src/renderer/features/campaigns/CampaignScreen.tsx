/**
 * A campaign's results (read the results): what was offered to whom, then the targeted group
 * against the control group over the days counted so far — customers reached, visits, calls,
 * orders, revenue, buyers, average ticket, repurchase, revenue per customer, with the gap
 * between the groups — how both groups moved between segments, and every member (each opening
 * their 360; the control group listed, as drawn). Members export to CSV. Read from head office
 * over what the reader may see.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useState, type ReactNode } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { CampaignGroup, CampaignMember, CampaignResults } from '../../../shared/contract/campaigns.js';
import { migrationFromSegments } from '../../../shared/contract/rfm.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/fr.js';
import { formatDay, formatMoney, formatPercentBp } from '../../i18n/format.js';
import { downloadCsv, toCsv } from '../../lib/csv.js';
import { callHeadOffice, useHeadOfficeQuery, type Failure } from '../../lib/headOffice.js';
import { Badge } from '../../ui/Badge.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Page } from '../../ui/PageHeader.js';
import { SegmentBadge } from '../../ui/SegmentBadge.js';
import { ConfirmDialog, FailureBanner, KeptNotice, NotLoaded } from '../review/index.js';
import { todayIn } from '../../../shared/lib/calendar.js';
import { useNow } from '../../ui/useNow.js';
import { Banner } from '../../ui/Banner.js';
import { useSyncStatus } from '../sync/index.js';

type Segment = (typeof migrationFromSegments)[number];

function SegmentCell({ segment }: { segment: Segment }) {
  return segment === 'none' ? (
    <Msg id="figures.segments.none" />
  ) : (
    <SegmentBadge segment={segment}>
      <Msg id={`segment.${segment}`} />
    </SegmentBadge>
  );
}

/** A figure of both groups: the value as said, and the gap when it compares groups of any size. */
interface Row {
  key: string;
  label: MessageKey;
  targeted: string;
  control: string;
  gap: string;
}

function rate(intl: IntlShape, bp: number | null): string {
  return bp === null ? '—' : formatPercentBp(intl, bp, 1);
}

function points(intl: IntlShape, a: number | null, b: number | null): string {
  if (a === null || b === null) return '—';
  return intl.formatMessage(
    { id: 'campaigns.gap.points' },
    { value: intl.formatNumber((a - b) / 100, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }) },
  );
}

function money(intl: IntlShape, cents: number | null): string {
  return cents === null ? '—' : formatMoney(intl, cents);
}

function moneyGap(intl: IntlShape, a: number | null, b: number | null): string {
  if (a === null || b === null) return '—';
  return intl.formatNumber((a - b) / 100, { style: 'currency', currency: 'EUR', signDisplay: 'exceptZero' });
}

function comparisonRows(intl: IntlShape, t: CampaignGroup, c: CampaignGroup): Row[] {
  const n = (v: number) => intl.formatNumber(v);
  const withRate = (count: number, bp: number | null) =>
    bp === null ? n(count) : `${n(count)} (${rate(intl, bp)})`;
  return [
    {
      key: 'customers',
      label: 'campaigns.metric.customers',
      targeted: n(t.customers),
      control: n(c.customers),
      gap: '',
    },
    {
      key: 'reached',
      label: 'campaigns.metric.reached',
      targeted: withRate(t.reached, t.reachedBp),
      control: withRate(c.reached, c.reachedBp),
      gap: points(intl, t.reachedBp, c.reachedBp),
    },
    { key: 'visits', label: 'campaigns.metric.visits', targeted: n(t.visits), control: n(c.visits), gap: '' },
    { key: 'calls', label: 'campaigns.metric.calls', targeted: n(t.calls), control: n(c.calls), gap: '' },
    { key: 'orders', label: 'campaigns.metric.orders', targeted: n(t.orders), control: n(c.orders), gap: '' },
    {
      key: 'buyers',
      label: 'campaigns.metric.buyers',
      targeted: withRate(t.buyers, t.buyersBp),
      control: withRate(c.buyers, c.buyersBp),
      gap: points(intl, t.buyersBp, c.buyersBp),
    },
    {
      key: 'revenue',
      label: 'campaigns.metric.revenue',
      targeted: money(intl, t.revenueCents),
      control: money(intl, c.revenueCents),
      gap: '',
    },
    {
      key: 'perCustomer',
      label: 'campaigns.metric.perCustomer',
      targeted: money(intl, t.revenuePerCustomerCents),
      control: money(intl, c.revenuePerCustomerCents),
      gap: moneyGap(intl, t.revenuePerCustomerCents, c.revenuePerCustomerCents),
    },
    {
      key: 'ticket',
      label: 'campaigns.metric.ticket',
      targeted: money(intl, t.averageTicketCents),
      control: money(intl, c.averageTicketCents),
      gap: moneyGap(intl, t.averageTicketCents, c.averageTicketCents),
    },
    {
      key: 'repurchase',
      label: 'campaigns.metric.repurchase',
      targeted: `${rate(intl, t.repurchaseBp)} (${n(t.repeatBuyers)} / ${n(t.previousBuyers)})`,
      control: `${rate(intl, c.repurchaseBp)} (${n(c.repeatBuyers)} / ${n(c.previousBuyers)})`,
      gap: points(intl, t.repurchaseBp, c.repurchaseBp),
    },
  ];
}

const memberColumn = createColumnHelper<CampaignMember>();

function membersCsv(intl: IntlShape, members: readonly CampaignMember[]): string {
  const t = (id: MessageKey) => intl.formatMessage({ id });
  const seg = (s: Segment) => t(s === 'none' ? 'figures.segments.none' : `segment.${s}`);
  return toCsv(
    [
      t('figures.customers.col.customer'),
      t('figures.customers.col.city'),
      t('figures.col.rep'),
      t('campaigns.col.group'),
      t('campaigns.col.task'),
      t('campaigns.col.before'),
      t('campaigns.col.now'),
      t('campaigns.col.reached'),
      t('campaigns.metric.orders'),
      t('campaigns.metric.revenue'),
    ],
    members.map((m) => [
      m.name,
      m.city,
      m.repName,
      t(m.control ? 'campaigns.group.control' : 'campaigns.group.targeted'),
      m.task === null ? '' : t(`campaigns.task.${m.task}`),
      seg(m.segmentBefore),
      seg(m.segmentNow),
      t(m.reached ? 'campaigns.yes' : 'campaigns.no'),
      m.orders,
      intl.formatNumber(m.revenueCents / 100, {
        useGrouping: false,
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }),
    ]),
  );
}

function Members({ results }: { results: CampaignResults }) {
  const intl = useIntl();
  const columns = [
    memberColumn.accessor('name', {
      header: () => <Msg id="figures.customers.col.customer" />,
      cell: (i) => <a href={hrefFor({ name: 'customer', id: i.row.original.customerId })}>{i.getValue()}</a>,
    }),
    memberColumn.accessor('city', { header: () => <Msg id="figures.customers.col.city" /> }),
    memberColumn.accessor('repName', {
      header: () => <Msg id="figures.col.rep" />,
      cell: (i) => i.getValue() ?? '—',
    }),
    memberColumn.accessor('control', {
      header: () => <Msg id="campaigns.col.group" />,
      cell: (i) =>
        i.getValue() ? (
          <Badge tone="neutral">
            <Msg id="campaigns.group.control" />
          </Badge>
        ) : (
          <Badge tone="accent">
            <Msg id="campaigns.group.targeted" />
          </Badge>
        ),
    }),
    memberColumn.accessor('task', {
      header: () => <Msg id="campaigns.col.task" />,
      cell: (i) => {
        const task = i.getValue();
        if (task === null) return i.row.original.control ? '' : <Msg id="campaigns.task.none" />;
        return (
          <Badge tone={task === 'done' ? 'success' : 'warning'}>
            <Msg id={`campaigns.task.${task}`} />
          </Badge>
        );
      },
    }),
    memberColumn.accessor('segmentBefore', {
      header: () => <Msg id="campaigns.col.before" />,
      cell: (i) => <SegmentCell segment={i.getValue()} />,
    }),
    memberColumn.accessor('segmentNow', {
      header: () => <Msg id="campaigns.col.now" />,
      cell: (i) => <SegmentCell segment={i.getValue()} />,
    }),
    memberColumn.accessor('orders', {
      header: () => <Msg id="campaigns.metric.orders" />,
      cell: (i) => intl.formatNumber(i.getValue()),
      meta: { numeric: true },
    }),
    memberColumn.accessor('revenueCents', {
      header: () => <Msg id="campaigns.metric.revenue" />,
      cell: (i) => formatMoney(intl, i.getValue()),
      meta: { numeric: true },
    }),
  ];
  return (
    <section aria-labelledby="campaign-members">
      <div className="figures__toolbar">
        <Text
          as="h2"
          id="campaign-members"
          className="section-title"
          msg="campaigns.members"
          values={{ count: results.members.length }}
        />
        <button
          type="button"
          className="btn btn--small"
          disabled={results.members.length === 0}
          onClick={() =>
            downloadCsv(`tournee-campagne-${results.campaign.from}.csv`, membersCsv(intl, results.members))
          }
        >
          <Msg id="figures.export" />
        </button>
      </div>
      <DataTable
        data={results.members}
        columns={columns}
        getRowId={(m) => m.customerId}
        label={intl.formatMessage({ id: 'campaigns.members' }, { count: results.members.length })}
        className="figures__table"
        scrollClassName="figures__scroll"
        initialSorting={[{ id: 'revenueCents', desc: true }]}
        empty={<EmptyState title={<Msg id="campaigns.members.empty" />} />}
      />
    </section>
  );
}

function Fact({ label, children }: { label: MessageKey; children: ReactNode }) {
  return (
    <div className="campaign__fact">
      <dt>
        <Msg id={label} />
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

function Results({ results }: { results: CampaignResults }) {
  const intl = useIntl();
  const { campaign, counted } = results;
  const day = (d: string) => formatDay(intl, d, { dateStyle: 'medium' });
  const rows = comparisonRows(intl, results.targeted, results.control);
  const offer = [
    campaign.offer,
    campaign.family,
    campaign.discountPercent === null
      ? null
      : intl.formatNumber(campaign.discountPercent / 100, { style: 'percent', maximumFractionDigits: 2 }),
  ]
    .filter((part) => part !== null && part !== '')
    .join(' · ');
  const moved = results.movements.filter((m) => m.customers > 0);
  return (
    <>
      <dl className="campaign__facts">
        <Fact label="campaigns.field.objective">{campaign.objective}</Fact>
        <Fact label="campaigns.field.offer">{offer === '' ? '—' : offer}</Fact>
        <Fact label="campaigns.field.channel">
          <Msg id={`campaigns.channel.${campaign.channel}`} />
        </Fact>
        <Fact label="campaigns.col.period">
          <Msg id="campaigns.period" values={{ from: day(campaign.from), to: day(campaign.to) }} />
        </Fact>
        <Fact label="campaigns.col.source">
          {campaign.sourceLabel || <Msg id={`campaigns.source.${campaign.source}`} />}
        </Fact>
        <Fact label="campaigns.field.control">
          <Msg
            id="campaigns.controlShare"
            values={{
              percent: campaign.controlPercent,
              held: campaign.control,
              total: campaign.control + campaign.targeted,
            }}
          />
        </Fact>
        <Fact label="campaigns.col.by">
          <Msg
            id="campaigns.createdBy"
            values={{
              name: campaign.createdByName,
              at: intl.formatDate(campaign.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
            }}
          />
        </Fact>
        <Fact label="campaigns.col.done">
          <Msg id="campaigns.doneOf" values={{ done: campaign.tasksDone, targeted: campaign.targeted }} />
        </Fact>
      </dl>

      <section aria-labelledby="campaign-comparison">
        <Text as="h2" id="campaign-comparison" className="section-title" msg="campaigns.comparison" />
        <Text
          as="p"
          className="muted"
          msg="campaigns.counted"
          values={{
            from: day(counted.from),
            to: day(counted.to),
            computed: intl.formatDate(results.computedAt, { dateStyle: 'medium', timeStyle: 'short' }),
          }}
        />
        <table className="table figures__matrix campaign__comparison">
          <caption className="visually-hidden">
            <Msg id="campaigns.comparison" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Msg id="campaigns.col.figure" />
              </th>
              <th scope="col" className="num">
                <Msg id="campaigns.group.targeted" />
              </th>
              <th scope="col" className="num">
                <Msg id="campaigns.group.control" />
              </th>
              <th scope="col" className="num">
                <Msg id="campaigns.col.gap" />
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-metric={r.key}>
                <th scope="row">
                  <Msg id={r.label} />
                </th>
                <td className="num">{r.targeted}</td>
                <td className="num">{r.control}</td>
                <td className="num">{r.gap}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {results.control.customers === 0 ? <Text as="p" className="muted" msg="campaigns.noControl" /> : null}
      </section>

      <section aria-labelledby="campaign-movements">
        <Text as="h2" id="campaign-movements" className="section-title" msg="campaigns.movements" />
        {moved.length === 0 ? (
          <EmptyState title={<Msg id="campaigns.movements.empty" />} />
        ) : (
          <table className="table figures__matrix">
            <caption className="visually-hidden">
              <Msg id="campaigns.movements" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Msg id="campaigns.col.before" />
                </th>
                <th scope="col">
                  <Msg id="campaigns.col.now" />
                </th>
                <th scope="col" className="num">
                  <Msg id="campaigns.group.targeted" />
                </th>
                <th scope="col" className="num">
                  <Msg id="campaigns.group.control" />
                </th>
              </tr>
            </thead>
            <tbody>
              {pairs(moved).map((p) => (
                <tr key={`${p.from}>${p.to}`}>
                  <th scope="row">
                    <SegmentCell segment={p.from} />
                  </th>
                  <td>
                    <SegmentCell segment={p.to} />
                  </td>
                  <td className="num">{intl.formatNumber(p.targeted)}</td>
                  <td className="num">{intl.formatNumber(p.control)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <Members results={results} />
    </>
  );
}

/** Movement cells with both groups side by side, in the segments' order. */
function pairs(moved: CampaignResults['movements']) {
  const order = (s: Segment) => migrationFromSegments.indexOf(s);
  const map = new Map<string, { from: Segment; to: Segment; targeted: number; control: number }>();
  for (const m of moved) {
    const key = `${m.fromSegment}>${m.toSegment}`;
    const found = map.get(key) ?? { from: m.fromSegment, to: m.toSegment, targeted: 0, control: 0 };
    if (m.control) found.control += m.customers;
    else found.targeted += m.customers;
    map.set(key, found);
  }
  return [...map.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
}

/**
 * Ending a campaign (managers of the creating team, admins): today if it runs — the open tasks
 * leave the reps' laptops, the done ones stay — or cancelling it if it has not started.
 */
function EndCampaign({
  results,
  online,
  onEnded,
}: {
  results: CampaignResults;
  online: boolean;
  onEnded: (outcome: 'ended' | 'cancelled') => void;
}) {
  const { platform, user } = useApp();
  const now = useNow(60_000);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const { campaign } = results;
  const today = todayIn(user.timeZone, now);
  if (user.role === 'rep' || campaign.to < today) return null;
  const cancelling = campaign.from > today;
  const end = async () => {
    setConfirming(false);
    setBusy(true);
    setFailure(null);
    const called = await callHeadOffice(platform, 'campaign-end', { id: campaign.id });
    setBusy(false);
    if (called.ok) onEnded(called.value.outcome);
    else setFailure(called.failure);
  };
  return (
    <>
      <button
        type="button"
        className="btn btn--small review__danger"
        disabled={!online || busy}
        onClick={() => setConfirming(true)}
      >
        <Msg id={cancelling ? 'campaigns.cancel' : 'campaigns.end'} />
      </button>
      <ConfirmDialog
        isOpen={confirming}
        title={<Msg id={cancelling ? 'campaigns.cancel.title' : 'campaigns.end.title'} />}
        confirmLabel={<Msg id={cancelling ? 'campaigns.cancel' : 'campaigns.end'} />}
        onConfirm={() => void end()}
        onCancel={() => setConfirming(false)}
      >
        <Msg
          id={cancelling ? 'campaigns.cancel.body' : 'campaigns.end.body'}
          values={{ open: campaign.targeted - campaign.tasksDone, done: campaign.tasksDone }}
        />
      </ConfirmDialog>
      {failure !== null ? (
        <FailureBanner failure={failure} title={<Msg id="campaigns.end.failed" />} />
      ) : null}
    </>
  );
}

export function CampaignScreen({ id }: { id: string }) {
  const { db, platform, engine } = useApp();
  const online = useSyncStatus(engine).state !== 'offline';
  const { loaded, reload } = useHeadOfficeQuery(platform, 'campaign-results', { id }, online, {
    keepIn: db,
  });
  const [gone, setGone] = useState(false);
  return (
    <Page
      titleId="campaign-title"
      className="page--list campaign"
      title={loaded.state === 'ready' ? loaded.value.campaign.name : <Msg id="campaigns.one" />}
      tools={
        <>
          {loaded.state === 'ready' && !gone ? (
            <EndCampaign
              results={loaded.value}
              online={online}
              onEnded={(outcome) => (outcome === 'cancelled' ? setGone(true) : reload())}
            />
          ) : null}
          <a className="btn btn--small" href={hrefFor({ name: 'campaigns' })}>
            <Msg id="campaigns.back" />
          </a>
        </>
      }
    >
      {gone ? (
        <Banner tone="success">
          <Msg id="campaigns.cancelled" />
        </Banner>
      ) : loaded.state === 'ready' ? (
        <>
          <KeptNotice kept={loaded.kept} />
          <Results results={loaded.value} />
        </>
      ) : (
        <NotLoaded loaded={loaded} online={online} onRetry={reload} rows={8} />
      )}
    </Page>
  );
}
