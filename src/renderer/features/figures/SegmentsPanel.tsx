/**
 * "Segments": RFM segments the day before the period and on its last day, read from head
 * office over the caller's scope — the distribution, the migration matrix (a cell per segment
 * then × segment now, `none` for customers who had not bought yet), a cell opening its
 * customers (each opening their 360), and the churn-risk list: customers past twice their own
 * rhythm or whose segment fell, with the reason in words. Every table exports to CSV.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { RfmCustomer } from '../../../shared/contract/rfm.js';
import { migrationFromSegments } from '../../../shared/contract/rfm.js';
import type { Period } from '../../../shared/domain/figures/figures.js';
import { rfmSegments, segmentTrend, type RfmSegment } from '../../../shared/domain/rfm/rfm.js';
import { addDays } from '../../../shared/lib/calendar.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/fr.js';
import { formatDay, formatMoney } from '../../i18n/format.js';
import { downloadCsv, toCsv } from '../../lib/csv.js';
import { useHeadOfficeQuery } from '../../lib/headOffice.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SegmentBadge } from '../../ui/SegmentBadge.js';
import { CampaignDialog, type CampaignTarget } from '../campaigns/index.js';
import { KeptNotice, NotLoaded } from '../review/index.js';

type From = RfmSegment | 'none';
type Cell = { from: From; to: RfmSegment };

const segmentLabel = (s: From): MessageKey => (s === 'none' ? 'figures.segments.none' : `segment.${s}`);

/** Why a customer is at risk, in words; null when they are not. */
export function churnReason(intl: IntlShape, c: RfmCustomer): string | null {
  const reasons: string[] = [];
  if (c.overdue && c.rhythmDays !== null) {
    reasons.push(
      intl.formatMessage({ id: 'figures.churn.overdue' }, { days: c.recencyDays, rhythm: c.rhythmDays }),
    );
  }
  if (c.fromSegment !== 'none' && segmentTrend(c.fromSegment, c.toSegment) === 'down') {
    reasons.push(
      intl.formatMessage(
        { id: 'figures.churn.fell' },
        {
          from: intl.formatMessage({ id: `segment.${c.fromSegment}` }),
          to: intl.formatMessage({ id: `segment.${c.toSegment}` }),
        },
      ),
    );
  }
  return reasons.length === 0 ? null : reasons.join(' ; ');
}

const column = createColumnHelper<RfmCustomer & { reason?: string }>();

function CustomerTable({
  rows,
  label,
  withReason,
}: {
  rows: readonly (RfmCustomer & { reason?: string })[];
  label: string;
  withReason: boolean;
}) {
  const intl = useIntl();
  const columns = [
    column.accessor('name', {
      header: () => <Msg id="figures.customers.col.customer" />,
      cell: (i) => <a href={hrefFor({ name: 'customer', id: i.row.original.customerId })}>{i.getValue()}</a>,
    }),
    column.accessor('city', { header: () => <Msg id="figures.customers.col.city" /> }),
    column.accessor('repName', {
      header: () => <Msg id="figures.col.rep" />,
      cell: (i) => i.getValue() ?? '—',
    }),
    column.accessor('fromSegment', {
      header: () => <Msg id="figures.segments.col.then" />,
      cell: (i) => {
        const s = i.getValue();
        return s === 'none' ? (
          <Msg id="figures.segments.none" />
        ) : (
          <SegmentBadge segment={s}>
            <Msg id={`segment.${s}`} />
          </SegmentBadge>
        );
      },
    }),
    column.accessor('toSegment', {
      header: () => <Msg id="figures.segments.col.now" />,
      cell: (i) => (
        <SegmentBadge segment={i.getValue()}>
          <Msg id={`segment.${i.getValue()}`} />
        </SegmentBadge>
      ),
    }),
    column.accessor('monetaryCents', {
      header: () => <Msg id="figures.segments.col.revenue" />,
      cell: (i) => formatMoney(intl, i.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('recencyDays', {
      header: () => <Msg id="figures.segments.col.recency" />,
      cell: (i) => <Msg id="figures.customers.rhythm" values={{ days: i.getValue() }} />,
      meta: { numeric: true },
    }),
    column.accessor('rhythmDays', {
      header: () => <Msg id="figures.customers.col.rhythm" />,
      cell: (i) => {
        const days = i.getValue();
        return days === null ? '—' : <Msg id="figures.customers.rhythm" values={{ days }} />;
      },
      meta: { numeric: true },
    }),
    ...(withReason
      ? [
          column.accessor('reason', {
            header: () => <Msg id="figures.churn.col.reason" />,
            cell: (i) => i.getValue() ?? '',
            meta: { className: 'figures__reason' },
          }),
        ]
      : []),
  ];
  return (
    <DataTable
      data={rows}
      columns={columns}
      getRowId={(c) => c.customerId}
      label={label}
      className="figures__table"
      scrollClassName="figures__scroll"
      initialSorting={[{ id: 'monetaryCents', desc: true }]}
      empty={<EmptyState title={<Msg id="figures.segments.noCustomer" />} />}
    />
  );
}

function customersCsv(intl: IntlShape, rows: readonly (RfmCustomer & { reason?: string })[]): string {
  const t = (id: MessageKey) => intl.formatMessage({ id });
  return toCsv(
    [
      t('figures.customers.col.customer'),
      t('figures.customers.col.city'),
      t('figures.col.rep'),
      t('figures.segments.col.then'),
      t('figures.segments.col.now'),
      t('figures.segments.col.revenue'),
      t('figures.segments.col.recency'),
      t('figures.customers.col.rhythm'),
      t('figures.churn.col.reason'),
    ],
    rows.map((c) => [
      c.name,
      c.city,
      c.repName,
      t(segmentLabel(c.fromSegment)),
      t(`segment.${c.toSegment}`),
      intl.formatNumber(c.monetaryCents / 100, {
        useGrouping: false,
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }),
      c.recencyDays,
      c.rhythmDays,
      c.reason ?? '',
    ]),
  );
}

export function SegmentsPanel({ period, online }: { period: Period; online: boolean }) {
  const { db, platform, user } = useApp();
  const intl = useIntl();
  const canTarget = user.role !== 'rep';
  const [campaign, setCampaign] = useState<{ target: CampaignTarget; name: string } | null>(null);
  const then = addDays(period.from, -1);
  const now = period.to;
  const { loaded, reload } = useHeadOfficeQuery(platform, 'rfm-customers', { from: then, to: now }, online, {
    keepIn: db,
  });
  const [cell, setCell] = useState<Cell | null>(null);
  const customers = useMemo(() => (loaded.state === 'ready' ? loaded.value.customers : []), [loaded]);

  const cells = useMemo(() => {
    const map = new Map<string, { customers: number; revenueCents: number }>();
    for (const c of customers) {
      const key = `${c.fromSegment}>${c.toSegment}`;
      const found = map.get(key) ?? { customers: 0, revenueCents: 0 };
      found.customers += 1;
      found.revenueCents += c.monetaryCents;
      map.set(key, found);
    }
    return map;
  }, [customers]);
  const atRisk = useMemo(
    () =>
      customers.flatMap((c) => {
        const reason = churnReason(intl, c);
        return reason === null ? [] : [{ ...c, reason }];
      }),
    [customers, intl],
  );

  if (loaded.state !== 'ready')
    return <NotLoaded loaded={loaded} online={online} onRetry={reload} rows={8} />;

  const day = (d: string) => formatDay(intl, d, { dateStyle: 'medium' });
  const count = (from: From | null, to: RfmSegment | null) =>
    customers.filter((c) => (from === null || c.fromSegment === from) && (to === null || c.toSegment === to))
      .length;
  const inCell =
    cell === null ? [] : customers.filter((c) => c.fromSegment === cell.from && c.toSegment === cell.to);
  const cellName = (c: Cell) =>
    intl.formatMessage(
      { id: 'figures.segments.cellTitle' },
      {
        from: intl.formatMessage({ id: segmentLabel(c.from) }),
        to: intl.formatMessage({ id: `segment.${c.to}` }),
      },
    );

  const periodWords = intl.formatMessage(
    { id: 'figures.segments.betweenShort' },
    { then: day(then), now: day(now) },
  );
  const target = (source: CampaignTarget['source'], name: string, ids: readonly string[]) =>
    setCampaign({ target: { source, label: `${name} · ${periodWords}`, customerIds: ids }, name });
  const targetButton = (label: string, onPress: () => void, disabled = false) =>
    canTarget ? (
      <button
        type="button"
        className="btn btn--small"
        onClick={onPress}
        disabled={disabled}
        aria-label={label}
      >
        <Msg id="figures.campaign.create" />
      </button>
    ) : null;

  return (
    <div className="figures__segments">
      <KeptNotice kept={loaded.kept} />
      {campaign !== null ? (
        <CampaignDialog
          target={campaign.target}
          defaultName={campaign.name}
          onDismiss={() => setCampaign(null)}
        />
      ) : null}
      <Text
        as="p"
        className="muted"
        msg="figures.segments.between"
        values={{ then: day(then), now: day(now), count: customers.length }}
      />
      {customers.length === 0 ? (
        <EmptyState title={<Msg id="figures.segments.empty" />} />
      ) : (
        <>
          <section aria-labelledby="figures-distribution">
            <Text
              as="h2"
              id="figures-distribution"
              className="section-title"
              msg="figures.segments.distribution"
            />
            <table className="table figures__matrix">
              <caption className="visually-hidden">
                <Msg id="figures.segments.distribution" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <Msg id="figures.segments.col.segment" />
                  </th>
                  <th scope="col" className="num">
                    {day(then)}
                  </th>
                  <th scope="col" className="num">
                    {day(now)}
                  </th>
                  <th scope="col" className="num">
                    <Msg id="figures.segments.col.revenue" />
                  </th>
                  {canTarget ? (
                    <th scope="col">
                      <Msg id="figures.campaign.col" />
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rfmSegments.map((s) => (
                  <tr key={s}>
                    <th scope="row">
                      <SegmentBadge segment={s}>
                        <Msg id={`segment.${s}`} />
                      </SegmentBadge>
                    </th>
                    <td className="num">{intl.formatNumber(count(s, null))}</td>
                    <td className="num">{intl.formatNumber(count(null, s))}</td>
                    <td className="num">
                      {formatMoney(
                        intl,
                        customers.filter((c) => c.toSegment === s).reduce((n, c) => n + c.monetaryCents, 0),
                      )}
                    </td>
                    {canTarget ? (
                      <td>
                        {targetButton(
                          intl.formatMessage(
                            { id: 'figures.campaign.fromSegment' },
                            { segment: intl.formatMessage({ id: `segment.${s}` }) },
                          ),
                          () =>
                            target(
                              'segment',
                              intl.formatMessage({ id: `segment.${s}` }),
                              customers.filter((c) => c.toSegment === s).map((c) => c.customerId),
                            ),
                          count(null, s) === 0,
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="figures-matrix">
            <Text as="h2" id="figures-matrix" className="section-title" msg="figures.segments.matrix" />
            <Text as="p" className="muted" msg="figures.segments.matrixHint" />
            <div className="figures__scroll">
              <table className="table figures__matrix">
                <caption className="visually-hidden">
                  <Msg id="figures.segments.matrix" />
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <Msg id="figures.segments.corner" values={{ then: day(then), now: day(now) }} />
                    </th>
                    {rfmSegments.map((to) => (
                      <th key={to} scope="col" className="num">
                        <Msg id={`segment.${to}`} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {migrationFromSegments.map((from) => (
                    <tr key={from}>
                      <th scope="row">
                        <Msg id={segmentLabel(from)} />
                      </th>
                      {rfmSegments.map((to) => {
                        const found = cells.get(`${from}>${to}`);
                        if (found === undefined) {
                          return (
                            <td key={to} className="num muted">
                              ·
                            </td>
                          );
                        }
                        const trend = from === 'none' ? 'new' : segmentTrend(from, to);
                        const selected = cell?.from === from && cell.to === to;
                        return (
                          <td key={to} className={`num figures__cell figures__cell--${trend ?? 'same'}`}>
                            <button
                              type="button"
                              className="figures__cell-button"
                              aria-pressed={selected}
                              aria-label={intl.formatMessage(
                                { id: 'figures.segments.cellLabel' },
                                {
                                  count: found.customers,
                                  revenue: formatMoney(intl, found.revenueCents),
                                  cell: cellName({ from, to }),
                                },
                              )}
                              onClick={() => setCell(selected ? null : { from, to })}
                            >
                              <span className="figures__value">{intl.formatNumber(found.customers)}</span>
                              <span className="figures__delta muted">
                                {formatMoney(intl, found.revenueCents)}
                              </span>
                            </button>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          {cell !== null ? (
            <section aria-labelledby="figures-cell" className="figures__cell-list">
              <div className="figures__toolbar">
                <h2 id="figures-cell" className="section-title">
                  {cellName(cell)}
                </h2>
                {targetButton(
                  intl.formatMessage({ id: 'figures.campaign.fromCell' }, { cell: cellName(cell) }),
                  () =>
                    target(
                      'migration',
                      cellName(cell),
                      inCell.map((c) => c.customerId),
                    ),
                  inCell.length === 0,
                )}
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() =>
                    downloadCsv(`tournee-segments-${then}-${now}.csv`, customersCsv(intl, inCell))
                  }
                >
                  <Msg id="figures.export" />
                </button>
              </div>
              <CustomerTable rows={inCell} label={cellName(cell)} withReason={false} />
            </section>
          ) : null}

          <section aria-labelledby="figures-churn">
            <div className="figures__toolbar">
              <Text
                as="h2"
                id="figures-churn"
                className="section-title"
                msg="figures.churn.title"
                values={{ count: atRisk.length }}
              />
              {targetButton(
                intl.formatMessage({ id: 'figures.campaign.fromChurn' }),
                () =>
                  target(
                    'list',
                    intl.formatMessage({ id: 'figures.campaign.churnName' }),
                    atRisk.map((c) => c.customerId),
                  ),
                atRisk.length === 0,
              )}
              <button
                type="button"
                className="btn btn--small"
                disabled={atRisk.length === 0}
                onClick={() => downloadCsv(`tournee-risque-${now}.csv`, customersCsv(intl, atRisk))}
              >
                <Msg id="figures.export" />
              </button>
            </div>
            <CustomerTable
              rows={atRisk}
              label={intl.formatMessage({ id: 'figures.churn.title' }, { count: atRisk.length })}
              withReason
            />
          </section>
        </>
      )}
    </div>
  );
}
