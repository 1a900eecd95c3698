/**
 * The team's figures: one row per rep and the scope's total, each figure with its change against
 * the period compared (the one before, or the same a year before); each rep's freshness; a chart
 * of revenue with its data as a table; the table as CSV. A rep's name leads to their customers.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ComparedFigures, Freshness, TeamReview } from '../../../shared/contract/figures.js';
import { Msg } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/fr.js';
import { formatMoney } from '../../i18n/format.js';
import { downloadCsv, toCsv } from '../../lib/csv.js';
import { Badge } from '../../ui/Badge.js';
import { DataTable } from '../../ui/DataTable.js';
import { change, csvMetric, formatMetric, lowerIsBetter, metricKeys, type MetricKey } from './metrics.js';

export type Compare = 'previous' | 'yearBefore';

interface Row {
  id: string;
  name: string;
  teamName: string | null;
  isTotal: boolean;
  figures: ComparedFigures;
  freshness: Freshness | null;
}

const column = createColumnHelper<Row>();
const STALE_MS = 24 * 3_600_000;

function ChangeText({
  metric,
  now,
  before,
}: {
  metric: MetricKey;
  now: number | null;
  before: number | null;
}) {
  const intl = useIntl();
  const delta = change(metric, now, before);
  if (delta === null || delta.bp === 0) {
    return (
      <span className="figures__delta muted">
        <Msg id="figures.compared" values={{ value: formatMetric(intl, metric, before) }} />
      </span>
    );
  }
  const better = lowerIsBetter.has(metric) ? delta.bp < 0 : delta.bp > 0;
  const signed = { maximumFractionDigits: 1, signDisplay: 'always' } as const;
  const shown =
    delta.kind === 'relative'
      ? intl.formatNumber(delta.bp / 10_000, { style: 'percent', ...signed })
      : intl.formatMessage({ id: 'figures.points' }, { value: intl.formatNumber(delta.bp / 100, signed) });
  return (
    <span className={`figures__delta ${better ? 'figures__delta--up' : 'figures__delta--down'}`}>
      <span aria-hidden="true">{delta.bp > 0 ? '▲' : '▼'} </span>
      {shown}
      <span className="visually-hidden">
        {' '}
        <Msg id="figures.compared" values={{ value: formatMetric(intl, metric, before) }} />
      </span>
    </span>
  );
}

export function FreshnessText({ freshness, now }: { freshness: Freshness; now: number }) {
  const intl = useIntl();
  if (freshness.lastSyncAt === null) {
    return (
      <Badge tone="warning">
        <Msg id="figures.fresh.never" />
      </Badge>
    );
  }
  const stale = now - Date.parse(freshness.lastSyncAt) > STALE_MS;
  const waiting = freshness.pending ?? 0;
  return (
    <span className="figures__fresh">
      <span className={stale ? 'figures__stale' : undefined}>
        {intl.formatDate(freshness.lastSyncAt, { dateStyle: 'short', timeStyle: 'short' })}
      </span>
      {waiting > 0 ? (
        <Badge tone="warning">
          <Msg id="figures.fresh.pending" values={{ count: waiting }} />
        </Badge>
      ) : freshness.pending === null ? (
        <span className="muted">
          {' '}
          <Msg id="figures.fresh.unknown" />
        </span>
      ) : null}
    </span>
  );
}

export function reviewCsv(intl: IntlShape, review: TeamReview, compare: Compare): string {
  const t = (id: MessageKey, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const header = [
    t('figures.col.rep'),
    t('figures.col.team'),
    ...metricKeys.flatMap((m) => [
      t(`figures.metric.${m}`),
      `${t(`figures.metric.${m}`)} (${t(`figures.compare.${compare}`)})`,
    ]),
    t('figures.col.lastSync'),
    t('figures.col.pending'),
  ];
  const line = (name: string, team: string, f: ComparedFigures, fresh: Freshness | null) => [
    name,
    team,
    ...metricKeys.flatMap((m) => [csvMetric(intl, m, f.current[m]), csvMetric(intl, m, f[compare][m])]),
    fresh?.lastSyncAt ?? '',
    fresh?.pending ?? '',
  ];
  return toCsv(header, [
    line(t('figures.total'), '', review.team, null),
    ...review.reps.map((r) => line(r.repName, r.teamName ?? '', r.figures, r.freshness)),
  ]);
}

function RevenueChart({ rows, compare }: { rows: readonly Row[]; compare: Compare }) {
  const intl = useIntl();
  const reps = rows.filter((r) => !r.isTotal);
  const nowLabel = intl.formatMessage({ id: 'figures.compare.current' });
  const beforeLabel = intl.formatMessage({ id: `figures.compare.${compare}` });
  const data = reps.map((r) => ({
    name: r.name,
    now: r.figures.current.revenueCents / 100,
    before: r.figures[compare].revenueCents / 100,
  }));
  const money = (euros: number) => formatMoney(intl, Math.round(euros * 100));
  return (
    <figure className="figures__chart card">
      <figcaption className="figures__chart-title">
        <Msg id="figures.chart.revenue" values={{ compared: beforeLabel }} />
      </figcaption>
      {/* The chart is for the eye; the same data follows as a table for everyone. */}
      <div aria-hidden="true" className="figures__chart-area">
        <ResponsiveContainer width="100%" height={260}>
          <BarChart
            accessibilityLayer={false}
            data={data}
            margin={{ top: 8, right: 16, bottom: 8, left: 16 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
            <YAxis tickFormatter={(v: number) => intl.formatNumber(v, { notation: 'compact' })} width={56} />
            <Tooltip formatter={(v) => money(Number(v))} />
            <Legend />
            <Bar dataKey="now" name={nowLabel} fill="var(--accent-600)" isAnimationActive={false} />
            <Bar dataKey="before" name={beforeLabel} fill="var(--grey-300)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="figures__chart-data">
        <summary>
          <Msg id="figures.chart.asTable" />
        </summary>
        <table className="table">
          <caption className="visually-hidden">
            <Msg id="figures.chart.revenue" values={{ compared: beforeLabel }} />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Msg id="figures.col.rep" />
              </th>
              <th scope="col" className="num">
                {nowLabel}
              </th>
              <th scope="col" className="num">
                {beforeLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {reps.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td className="num">{formatMoney(intl, r.figures.current.revenueCents)}</td>
                <td className="num">{formatMoney(intl, r.figures[compare].revenueCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function TeamFigures({
  review,
  compare,
  now,
  repHref,
}: {
  review: TeamReview;
  compare: Compare;
  now: number;
  /** Where a rep's name leads: their customers over the same period. */
  repHref: (repId: string) => string;
}) {
  const intl = useIntl();
  const rows = useMemo<Row[]>(
    () => [
      {
        id: 'total',
        name: intl.formatMessage({ id: 'figures.total' }),
        teamName: null,
        isTotal: true,
        figures: review.team,
        freshness: null,
      },
      ...review.reps.map((r) => ({
        id: r.repId,
        name: r.repName,
        teamName: r.teamName,
        isTotal: false,
        figures: r.figures,
        freshness: r.freshness,
      })),
    ],
    [review, intl],
  );
  const showTeams = new Set(review.reps.map((r) => r.teamName)).size > 1;

  const columns = [
    column.accessor('name', {
      header: () => <Msg id="figures.col.rep" />,
      cell: (info) => {
        const row = info.row.original;
        if (row.isTotal) return <strong>{row.name}</strong>;
        return (
          <>
            <a href={repHref(row.id)}>{row.name}</a>
            {showTeams && row.teamName !== null ? (
              <span className="muted figures__team"> {row.teamName}</span>
            ) : null}
          </>
        );
      },
      meta: { className: 'figures__name' },
    }),
    ...metricKeys.map((metric) =>
      column.display({
        id: metric,
        header: () => <Msg id={`figures.metric.${metric}`} />,
        cell: (info) => {
          const f = info.row.original.figures;
          return (
            <>
              <span className="figures__value">{formatMetric(intl, metric, f.current[metric])}</span>
              <ChangeText metric={metric} now={f.current[metric]} before={f[compare][metric]} />
            </>
          );
        },
        meta: { numeric: true },
      }),
    ),
    column.display({
      id: 'freshness',
      header: () => <Msg id="figures.col.freshness" />,
      cell: (info) => {
        const fresh = info.row.original.freshness;
        return fresh === null ? null : <FreshnessText freshness={fresh} now={now} />;
      },
    }),
  ];

  return (
    <div className="figures__team">
      <div className="figures__toolbar">
        <button
          type="button"
          className="btn btn--small"
          onClick={() =>
            downloadCsv(
              `tournee-equipe-${review.periods.current.from}-${review.periods.current.to}.csv`,
              reviewCsv(intl, review, compare),
            )
          }
        >
          <Msg id="figures.export" />
        </button>
      </div>
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        label={intl.formatMessage({ id: 'figures.table.team' })}
        className="figures__table"
        scrollClassName="figures__scroll"
        rowClassName={(r) => (r.isTotal ? 'figures__total' : undefined)}
      />
      {review.reps.length > 0 ? <RevenueChart rows={rows} compare={compare} /> : null}
    </div>
  );
}
