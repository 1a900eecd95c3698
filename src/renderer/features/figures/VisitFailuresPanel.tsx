/**
 * "Where visits fail" for the period: how on-site visits ended, at which step of the interview
 * those without an order stopped, the objections heard most and how often each was lifted, the
 * closing techniques and how often each led to an order — for the whole scope, one rep or one
 * product family — and the reps side by side. Charts for the eye, each with its table; the
 * comparison exports to CSV.
 */
import { Fragment, useId, useState } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Output } from '../../../shared/contract/index.js';
import { noSaleReasons, visitOutcomes, visitSteps } from '../../../shared/domain/activity/activity.js';
import type { FailureFigures } from '../../../shared/domain/figures/visitFailures.js';
import type { Period } from '../../../shared/domain/figures/figures.js';
import { useApp } from '../../app/context.js';
import { Msg, Text } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/fr.js';
import { formatPercentBp } from '../../i18n/format.js';
import { downloadCsv, toCsv } from '../../lib/csv.js';
import { useHeadOfficeQuery } from '../../lib/headOffice.js';
import { divideRoundHalfUp } from '../../../shared/lib/money.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { KeptNotice, NotLoaded } from '../review/index.js';
import { FigureTable } from './FigureTable.js';

type Failures = Output<'visit-failures'>;

const shareBp = (part: number, whole: number) =>
  whole === 0 ? null : divideRoundHalfUp(part * 10_000, whole);
const pct = (intl: IntlShape, bp: number | null) => (bp === null ? '—' : formatPercentBp(intl, bp, 1));

const reasonLabel = (r: (typeof noSaleReasons)[number] | 'unknown'): MessageKey =>
  r === 'unknown' ? 'figures.visits.unknown' : `visit.report.reason.${r}`;
const stepLabel = (s: (typeof visitSteps)[number] | 'unknown'): MessageKey =>
  s === 'unknown' ? 'figures.visits.unknown' : `visit.step.${s}`;

/** The step where most visits without an order stopped, and the main no-sale reason. */
function worst<K extends string>(counts: Record<K, number>): K | null {
  let best: K | null = null;
  for (const key of Object.keys(counts) as K[]) {
    if (key === 'unknown') continue;
    if (counts[key] > 0 && (best === null || counts[key] > counts[best])) best = key;
  }
  return best;
}

function liftedBp(f: FailureFigures): number | null {
  const heard = f.objections.reduce((n, o) => n + o.heard, 0);
  return shareBp(
    f.objections.reduce((n, o) => n + o.lifted, 0),
    heard,
  );
}

function StoppedChart({ figures }: { figures: FailureFigures }) {
  const intl = useIntl();
  const data = visitSteps.map((s) => ({
    step: intl.formatMessage({ id: `visit.step.${s}` }),
    visits: figures.stoppedAt[s],
  }));
  return (
    <div aria-hidden="true" className="figures__chart-area">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="step" width={170} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="visits" fill="var(--danger-fg)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function Detail({ figures }: { figures: FailureFigures }) {
  const intl = useIntl();
  const n = (v: number) => intl.formatNumber(v);
  const notOrdered = figures.outcomes['follow-up'] + figures.outcomes['no-sale'];
  return (
    <div className="figures__failures">
      <section className="card figures__card" aria-labelledby="failures-outcomes">
        <Text as="h3" id="failures-outcomes" className="figures__card-title" msg="figures.visits.outcomes" />
        <table className="table figures__matrix">
          <thead>
            <tr>
              <th scope="col">
                <Msg id="review.visits.col.outcome" />
              </th>
              <th scope="col" className="num">
                <Msg id="figures.metric.visits" />
              </th>
              <th scope="col" className="num">
                <Msg id="figures.visits.share" />
              </th>
            </tr>
          </thead>
          <tbody>
            {visitOutcomes.map((o) => (
              <Fragment key={o}>
                <tr>
                  <th scope="row">
                    <Msg id={`visitOutcome.${o}`} />
                  </th>
                  <td className="num">{n(figures.outcomes[o])}</td>
                  <td className="num">{pct(intl, shareBp(figures.outcomes[o], figures.visits))}</td>
                </tr>
                {o !== 'no-sale'
                  ? null
                  : [...noSaleReasons, 'unknown' as const]
                      .filter((r) => figures.noSaleReasons[r] > 0)
                      .map((r) => (
                        <tr key={r} className="figures__sub">
                          <th scope="row">
                            <Msg
                              id="figures.visits.noSaleBecause"
                              values={{ reason: intl.formatMessage({ id: reasonLabel(r) }) }}
                            />
                          </th>
                          <td className="num">{n(figures.noSaleReasons[r])}</td>
                          <td className="num">
                            {pct(intl, shareBp(figures.noSaleReasons[r], figures.visits))}
                          </td>
                        </tr>
                      ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card figures__card" aria-labelledby="failures-stopped">
        <Text
          as="h3"
          id="failures-stopped"
          className="figures__card-title"
          msg="figures.visits.stopped"
          values={{ count: notOrdered }}
        />
        <StoppedChart figures={figures} />
        <table className="table figures__matrix">
          <caption className="visually-hidden">
            <Msg id="figures.visits.stopped" values={{ count: notOrdered }} />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Msg id="figures.visits.step" />
              </th>
              <th scope="col" className="num">
                <Msg id="figures.metric.visits" />
              </th>
              <th scope="col" className="num">
                <Msg id="figures.visits.share" />
              </th>
            </tr>
          </thead>
          <tbody>
            {[...visitSteps, 'unknown' as const]
              .filter((s) => s !== 'unknown' || figures.stoppedAt.unknown > 0)
              .map((s) => (
                <tr key={s}>
                  <th scope="row">
                    <Msg id={stepLabel(s)} />
                  </th>
                  <td className="num">{n(figures.stoppedAt[s])}</td>
                  <td className="num">{pct(intl, shareBp(figures.stoppedAt[s], notOrdered))}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>

      <section className="card figures__card" aria-labelledby="failures-objections">
        <Text
          as="h3"
          id="failures-objections"
          className="figures__card-title"
          msg="figures.visits.objections"
        />
        {figures.objections.length === 0 ? (
          <Text as="p" className="muted" msg="figures.visits.noObjection" />
        ) : (
          <FigureTable
            caption="figures.visits.objections"
            head={[
              { label: 'figures.visits.objection' },
              { label: 'figures.visits.heard', numeric: true },
              { label: 'figures.visits.lifted', numeric: true },
            ]}
            rowHeaderClassName="figures__reason"
            rows={figures.objections.map((o) => ({
              key: o.text,
              cells: [
                o.text,
                n(o.heard),
                <>
                  {n(o.lifted)} <span className="muted">({pct(intl, shareBp(o.lifted, o.heard))})</span>
                </>,
              ],
            }))}
          />
        )}
      </section>

      <section className="card figures__card" aria-labelledby="failures-closings">
        <Text as="h3" id="failures-closings" className="figures__card-title" msg="figures.visits.closings" />
        {figures.closings.length === 0 ? (
          <Text as="p" className="muted" msg="figures.visits.noClosing" />
        ) : (
          <FigureTable
            caption="figures.visits.closings"
            head={[
              { label: 'figures.visits.closing' },
              { label: 'figures.visits.used', numeric: true },
              { label: 'figures.visits.withOrder', numeric: true },
            ]}
            rows={figures.closings.map((c) => ({
              key: c.id,
              cells: [
                c.name,
                n(c.used),
                <>
                  {n(c.withOrder)} <span className="muted">({pct(intl, shareBp(c.withOrder, c.used))})</span>
                </>,
              ],
            }))}
          />
        )}
      </section>
    </div>
  );
}

interface Line {
  key: string;
  name: string;
  figures: FailureFigures;
}

function comparisonRow(intl: IntlShape, line: Line) {
  const f = line.figures;
  const step = worst(f.stoppedAt);
  const reason = worst(f.noSaleReasons);
  return {
    visits: f.visits,
    orderBp: shareBp(f.outcomes.order, f.visits),
    notMetBp: shareBp(f.outcomes['not-met'], f.visits),
    step: step === null ? '—' : intl.formatMessage({ id: stepLabel(step) }),
    reason: reason === null ? '—' : intl.formatMessage({ id: reasonLabel(reason) }),
    liftedBp: liftedBp(f),
  };
}

function Comparison({
  lines,
  title,
  first,
}: {
  lines: readonly Line[];
  title: MessageKey;
  first: MessageKey;
}) {
  const intl = useIntl();
  const exportCsv = () => {
    const t = (id: MessageKey) => intl.formatMessage({ id });
    const plain = (bp: number | null) =>
      bp === null ? '' : intl.formatNumber(bp / 100, { useGrouping: false, maximumFractionDigits: 2 });
    downloadCsv(
      `tournee-visites-${t(title)}.csv`,
      toCsv(
        [
          t(first),
          t('figures.metric.visits'),
          t('figures.visits.orderRate'),
          t('figures.visits.notMetRate'),
          t('figures.visits.mostStopped'),
          t('figures.visits.mainReason'),
          t('figures.visits.liftRate'),
        ],
        lines.map((line) => {
          const r = comparisonRow(intl, line);
          return [
            line.name,
            r.visits,
            plain(r.orderBp),
            plain(r.notMetBp),
            r.step,
            r.reason,
            plain(r.liftedBp),
          ];
        }),
      ),
    );
  };
  return (
    <section aria-labelledby={`failures-${title}`} className="figures__compare-table">
      <div className="figures__toolbar">
        <Text as="h3" id={`failures-${title}`} className="section-title" msg={title} />
        <button type="button" className="btn btn--small" onClick={exportCsv} disabled={lines.length === 0}>
          <Msg id="figures.export" />
        </button>
      </div>
      <div className="figures__scroll">
        <table className="table figures__matrix">
          <caption className="visually-hidden">
            <Msg id={title} />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Msg id={first} />
              </th>
              <th scope="col" className="num">
                <Msg id="figures.metric.visits" />
              </th>
              <th scope="col" className="num">
                <Msg id="figures.visits.orderRate" />
              </th>
              <th scope="col" className="num">
                <Msg id="figures.visits.notMetRate" />
              </th>
              <th scope="col">
                <Msg id="figures.visits.mostStopped" />
              </th>
              <th scope="col">
                <Msg id="figures.visits.mainReason" />
              </th>
              <th scope="col" className="num">
                <Msg id="figures.visits.liftRate" />
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const r = comparisonRow(intl, line);
              return (
                <tr key={line.key}>
                  <th scope="row">{line.name}</th>
                  <td className="num">{intl.formatNumber(r.visits)}</td>
                  <td className="num">{pct(intl, r.orderBp)}</td>
                  <td className="num">{pct(intl, r.notMetBp)}</td>
                  <td>{r.step}</td>
                  <td>{r.reason}</td>
                  <td className="num">{pct(intl, r.liftedBp)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function VisitFailuresPanel({ period, online }: { period: Period; online: boolean }) {
  const { db, platform } = useApp();
  const intl = useIntl();
  const id = useId();
  const { loaded, reload } = useHeadOfficeQuery(platform, 'visit-failures', period, online, {
    keepIn: db,
  });
  const [view, setView] = useState('team');
  if (loaded.state !== 'ready')
    return <NotLoaded loaded={loaded} online={online} onRetry={reload} rows={8} />;
  const data: Failures = loaded.value;
  if (data.team.visits === 0) return <EmptyState title={<Msg id="figures.visits.empty" />} />;

  const shown =
    view === 'team'
      ? data.team
      : view.startsWith('rep:')
        ? data.reps.find((r) => `rep:${r.repId}` === view)?.figures
        : data.families.find((f) => `family:${f.family}` === view)?.figures;

  return (
    <div className="figures__visits">
      <KeptNotice kept={loaded.kept} />
      <div className="figures__toolbar">
        <label className="field" htmlFor={`${id}-view`}>
          <Text as="span" className="field__label" msg="figures.visits.view" />
          <select id={`${id}-view`} className="input" value={view} onChange={(e) => setView(e.target.value)}>
            <option value="team">{intl.formatMessage({ id: 'figures.total' })}</option>
            <optgroup label={intl.formatMessage({ id: 'figures.visits.byRep' })}>
              {data.reps.map((r) => (
                <option key={r.repId} value={`rep:${r.repId}`}>
                  {r.repName}
                </option>
              ))}
            </optgroup>
            <optgroup label={intl.formatMessage({ id: 'figures.visits.byFamily' })}>
              {data.families.map((f) => (
                <option key={f.family} value={`family:${f.family}`}>
                  {f.family}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <Text as="p" className="muted" msg="figures.visits.count" values={{ count: shown?.visits ?? 0 }} />
      </div>
      {shown === undefined ? (
        <EmptyState title={<Msg id="figures.visits.empty" />} />
      ) : (
        <Detail figures={shown} />
      )}
      <Comparison
        title="figures.visits.byRep"
        first="figures.col.rep"
        lines={data.reps.map((r) => ({ key: r.repId, name: r.repName, figures: r.figures }))}
      />
      <Comparison
        title="figures.visits.byFamily"
        first="figures.visits.family"
        lines={data.families.map((f) => ({ key: f.family, name: f.family, figures: f.figures }))}
      />
    </div>
  );
}
