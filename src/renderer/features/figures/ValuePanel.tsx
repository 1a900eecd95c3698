/**
 * "Value": how concentrated the portfolio's revenue is (the Pareto curve and the A/B/C classes
 * at 80 % / 95 %, for the scope or one rep, and each rep side by side), what each customer
 * should bring over the next twelve months (the method said on screen), and the customers lost
 * in the period with what may say why. Revenue is the twelve months up to the period's end.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LostCustomer } from '../../../shared/contract/figures.js';
import type { RfmCustomer } from '../../../shared/contract/rfm.js';
import type { Period } from '../../../shared/domain/figures/figures.js';
import {
  abcClasses,
  forecastNext12MonthsCents,
  paretoCurve,
  type AbcClass,
} from '../../../shared/domain/figures/value.js';
import { divideRoundHalfUp } from '../../../shared/lib/money.js';
import { addDays } from '../../../shared/lib/calendar.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/fr.js';
import { formatMoney, formatPercentBp } from '../../i18n/format.js';
import { downloadCsv, toCsv } from '../../lib/csv.js';
import { useHeadOfficeQuery } from '../../lib/headOffice.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { KeptNotice, NotLoaded } from '../review/index.js';

const abc: readonly AbcClass[] = ['A', 'B', 'C'];
const shareBp = (part: number, whole: number) =>
  whole <= 0 ? null : divideRoundHalfUp(Math.max(0, part) * 10_000, whole);
const pct = (intl: IntlShape, bp: number | null) => (bp === null ? '—' : formatPercentBp(intl, bp, 1));

interface Valued extends RfmCustomer {
  abc: AbcClass;
  forecastCents: number;
}

function valued(customers: readonly RfmCustomer[]): Valued[] {
  const classes = abcClasses(customers.map((c) => ({ id: c.customerId, cents: c.monetaryCents })));
  return customers.map((c) => ({
    ...c,
    abc: classes.get(c.customerId) ?? 'C',
    forecastCents: forecastNext12MonthsCents(c.monetaryCents, c.yearBeforeCents),
  }));
}

/** Why a lost customer may have left, in words. */
export function lostReason(intl: IntlShape, c: LostCustomer): string {
  const parts: string[] = [];
  if (c.lastNoSaleReason !== null) {
    parts.push(
      intl.formatMessage(
        { id: 'figures.value.lastNoSale' },
        { reason: intl.formatMessage({ id: `visit.report.reason.${c.lastNoSaleReason}` }) },
      ),
    );
  }
  if (c.complaints > 0) {
    parts.push(
      intl.formatMessage({ id: 'figures.value.complaints' }, { count: c.complaints, open: c.openComplaints }),
    );
  }
  return parts.length === 0 ? intl.formatMessage({ id: 'figures.value.noReason' }) : parts.join(' ; ');
}

function ParetoChart({ cents }: { cents: readonly number[] }) {
  const intl = useIntl();
  const data = paretoCurve(cents, 50).map((p) => ({
    x: Math.round(p.customersShare * 100),
    y: Math.round(p.revenueShare * 1000) / 10,
  }));
  return (
    <div aria-hidden="true" className="figures__chart-area">
      <ResponsiveContainer width="100%" height={240}>
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="x" type="number" domain={[0, 100]} unit=" %" tickCount={6} />
          <YAxis type="number" domain={[0, 100]} unit=" %" width={56} />
          <Tooltip
            formatter={(v) => `${intl.formatNumber(Number(v))} %`}
            labelFormatter={(l) => `${String(l)} %`}
          />
          <Line dataKey="y" stroke="var(--accent-600)" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

const lostColumn = createColumnHelper<LostCustomer>();
const forecastColumn = createColumnHelper<Valued>();

export function ValuePanel({ period, online }: { period: Period; online: boolean }) {
  const { db, platform } = useApp();
  const intl = useIntl();
  const id = useId();
  const rfm = useHeadOfficeQuery(
    platform,
    'rfm-customers',
    { from: addDays(period.from, -1), to: period.to },
    online,
    { keepIn: db },
  );
  const lost = useHeadOfficeQuery(platform, 'lost-customers', period, online, { keepIn: db });
  const [rep, setRep] = useState('');
  const all = useMemo(
    () => (rfm.loaded.state === 'ready' ? valued(rfm.loaded.value.customers) : []),
    [rfm.loaded],
  );
  const reps = useMemo(
    () =>
      [...new Set(all.flatMap((c) => (c.repName === null ? [] : [c.repName])))].sort((a, b) =>
        a.localeCompare(b, intl.locale),
      ),
    [all, intl.locale],
  );
  const money = (cents: number) => formatMoney(intl, cents);

  if (rfm.loaded.state !== 'ready')
    return <NotLoaded loaded={rfm.loaded} online={online} onRetry={rfm.reload} rows={8} />;
  if (all.length === 0) return <EmptyState title={<Msg id="figures.segments.empty" />} />;

  // One rep's portfolio is classed on its own: its A customers are that rep's largest.
  const shown = rep === '' ? all : valued(all.filter((c) => c.repName === rep));
  const total = shown.reduce((n, c) => n + Math.max(0, c.monetaryCents), 0);
  const forecastTotal = shown.reduce((n, c) => n + c.forecastCents, 0);
  const top = [...shown].sort((a, b) => b.forecastCents - a.forecastCents).slice(0, 20);

  const lostColumns = [
    lostColumn.accessor('name', {
      header: () => <Msg id="figures.customers.col.customer" />,
      cell: (i) => <a href={hrefFor({ name: 'customer', id: i.row.original.customerId })}>{i.getValue()}</a>,
    }),
    lostColumn.accessor('repName', {
      header: () => <Msg id="figures.col.rep" />,
      cell: (i) => i.getValue() ?? '—',
    }),
    lostColumn.accessor('lastOrderAt', {
      header: () => <Msg id="figures.customers.col.lastOrder" />,
      cell: (i) => intl.formatDate(i.getValue(), { dateStyle: 'medium' }),
    }),
    lostColumn.accessor('rhythmDays', {
      header: () => <Msg id="figures.customers.col.rhythm" />,
      cell: (i) => <Msg id="figures.customers.rhythm" values={{ days: i.getValue() }} />,
      meta: { numeric: true },
    }),
    lostColumn.accessor('previousRevenueCents', {
      header: () => <Msg id="figures.customers.col.previousRevenue" />,
      cell: (i) => money(i.getValue()),
      meta: { numeric: true },
    }),
    lostColumn.display({
      id: 'why',
      header: () => <Msg id="figures.churn.col.reason" />,
      cell: (i) => lostReason(intl, i.row.original),
      meta: { className: 'figures__reason' },
    }),
  ];
  const forecastColumns = [
    forecastColumn.accessor('name', {
      header: () => <Msg id="figures.customers.col.customer" />,
      cell: (i) => <a href={hrefFor({ name: 'customer', id: i.row.original.customerId })}>{i.getValue()}</a>,
    }),
    forecastColumn.accessor('repName', {
      header: () => <Msg id="figures.col.rep" />,
      cell: (i) => i.getValue() ?? '—',
    }),
    forecastColumn.accessor('abc', { header: () => <Msg id="figures.value.class" /> }),
    forecastColumn.accessor('monetaryCents', {
      header: () => <Msg id="figures.value.last12" />,
      cell: (i) => money(i.getValue()),
      meta: { numeric: true },
    }),
    forecastColumn.accessor('yearBeforeCents', {
      header: () => <Msg id="figures.value.previous12" />,
      cell: (i) => money(i.getValue()),
      meta: { numeric: true },
    }),
    forecastColumn.accessor('forecastCents', {
      header: () => <Msg id="figures.value.forecast" />,
      cell: (i) => money(i.getValue()),
      meta: { numeric: true },
    }),
  ];

  const exportCustomers = () => {
    const t = (key: MessageKey) => intl.formatMessage({ id: key });
    const plain = (cents: number) =>
      intl.formatNumber(cents / 100, {
        useGrouping: false,
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
    downloadCsv(
      `tournee-valeur-${period.to}.csv`,
      toCsv(
        [
          t('figures.customers.col.customer'),
          t('figures.customers.col.city'),
          t('figures.col.rep'),
          t('figures.value.class'),
          t('figures.value.last12'),
          t('figures.value.previous12'),
          t('figures.value.forecast'),
        ],
        [...shown]
          .sort((a, b) => b.monetaryCents - a.monetaryCents)
          .map((c) => [
            c.name,
            c.city,
            c.repName,
            c.abc,
            plain(c.monetaryCents),
            plain(c.yearBeforeCents),
            plain(c.forecastCents),
          ]),
      ),
    );
  };

  return (
    <div className="figures__value-panel">
      <KeptNotice kept={rfm.loaded.kept ?? (lost.loaded.state === 'ready' ? lost.loaded.kept : undefined)} />
      <div className="figures__toolbar">
        <label className="field" htmlFor={`${id}-rep`}>
          <Text as="span" className="field__label" msg="figures.col.rep" />
          <select id={`${id}-rep`} className="input" value={rep} onChange={(e) => setRep(e.target.value)}>
            <option value="">{intl.formatMessage({ id: 'figures.total' })}</option>
            {reps.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn--small" onClick={exportCustomers}>
          <Msg id="figures.export" />
        </button>
      </div>
      <div className="figures__failures">
        <section className="card figures__card" aria-labelledby="value-pareto">
          <Text as="h3" id="value-pareto" className="figures__card-title" msg="figures.value.pareto" />
          <ParetoChart cents={shown.map((c) => c.monetaryCents)} />
          <table className="table figures__matrix">
            <caption className="visually-hidden">
              <Msg id="figures.value.pareto" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Msg id="figures.value.class" />
                </th>
                <th scope="col" className="num">
                  <Msg id="figures.value.customers" />
                </th>
                <th scope="col" className="num">
                  <Msg id="figures.value.customersShare" />
                </th>
                <th scope="col" className="num">
                  <Msg id="figures.value.last12" />
                </th>
                <th scope="col" className="num">
                  <Msg id="figures.value.revenueShare" />
                </th>
              </tr>
            </thead>
            <tbody>
              {abc.map((k) => {
                const inClass = shown.filter((c) => c.abc === k);
                const cents = inClass.reduce((n, c) => n + Math.max(0, c.monetaryCents), 0);
                return (
                  <tr key={k}>
                    <th scope="row">
                      <Msg id={`figures.value.class.${k}`} />
                    </th>
                    <td className="num">{intl.formatNumber(inClass.length)}</td>
                    <td className="num">{pct(intl, shareBp(inClass.length, shown.length))}</td>
                    <td className="num">{money(cents)}</td>
                    <td className="num">{pct(intl, shareBp(cents, total))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <section className="card figures__card" aria-labelledby="value-reps">
          <Text as="h3" id="value-reps" className="figures__card-title" msg="figures.value.byRep" />
          <table className="table figures__matrix">
            <caption className="visually-hidden">
              <Msg id="figures.value.byRep" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Msg id="figures.col.rep" />
                </th>
                <th scope="col" className="num">
                  <Msg id="figures.value.customers" />
                </th>
                <th scope="col" className="num">
                  <Msg id="figures.value.last12" />
                </th>
                <th scope="col" className="num">
                  <Msg id="figures.value.topFifth" />
                </th>
                <th scope="col" className="num">
                  <Msg id="figures.value.forecast" />
                </th>
              </tr>
            </thead>
            <tbody>
              {reps.map((name) => {
                const mine = all.filter((c) => c.repName === name);
                const cents = mine.map((c) => Math.max(0, c.monetaryCents)).sort((a, b) => b - a);
                const sum = cents.reduce((n, c) => n + c, 0);
                const fifth = cents.slice(0, Math.ceil(cents.length / 5)).reduce((n, c) => n + c, 0);
                return (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td className="num">{intl.formatNumber(mine.length)}</td>
                    <td className="num">{money(sum)}</td>
                    <td className="num">{pct(intl, shareBp(fifth, sum))}</td>
                    <td className="num">{money(mine.reduce((n, c) => n + c.forecastCents, 0))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </div>

      <section aria-labelledby="value-forecast" className="figures__compare-table">
        <Text
          as="h3"
          id="value-forecast"
          className="section-title"
          msg="figures.value.forecastTitle"
          values={{ total: money(forecastTotal) }}
        />
        <Text as="p" className="muted" msg="figures.value.method" />
        <DataTable
          data={top}
          columns={forecastColumns}
          getRowId={(c) => c.customerId}
          label={intl.formatMessage({ id: 'figures.value.forecastTitle' }, { total: money(forecastTotal) })}
          className="figures__table"
          scrollClassName="figures__scroll"
        />
      </section>

      <section aria-labelledby="value-lost" className="figures__compare-table">
        {lost.loaded.state !== 'ready' ? (
          <NotLoaded loaded={lost.loaded} online={online} onRetry={lost.reload} rows={4} />
        ) : (
          <>
            <Text
              as="h3"
              id="value-lost"
              className="section-title"
              msg="figures.value.lost"
              values={{ count: lost.loaded.value.customers.length }}
            />
            <DataTable
              data={lost.loaded.value.customers.filter((c) => rep === '' || c.repName === rep)}
              columns={lostColumns}
              getRowId={(c) => c.customerId}
              label={intl.formatMessage(
                { id: 'figures.value.lost' },
                { count: lost.loaded.value.customers.length },
              )}
              className="figures__table"
              scrollClassName="figures__scroll"
              empty={<EmptyState title={<Msg id="figures.value.noLost" />} />}
            />
          </>
        )}
      </section>
    </div>
  );
}
