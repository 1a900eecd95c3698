/**
 * "Complaints" in the figures: those of the period by cause (opened, resolved, median time to
 * resolve), by product and by the customer's segment; those open now by age, the oldest listed
 * (each opening the customer's 360); the satisfaction customers gave at resolution.
 */
import { useIntl } from 'react-intl';
import { ageBuckets } from '../../../shared/contract/figures.js';
import type { Period } from '../../../shared/domain/figures/figures.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { useHeadOfficeQuery } from '../../lib/headOffice.js';
import { Badge } from '../../ui/Badge.js';
import { ComplaintCategoryText, complaintCategoryLabel } from '../complaints/index.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SegmentBadge } from '../../ui/SegmentBadge.js';
import { KeptNotice, NotLoaded, complaintStatusTone, severityTone } from '../review/index.js';
import { FigureTable } from './FigureTable.js';

export function ComplaintsFigures({ period, online }: { period: Period; online: boolean }) {
  const { db, platform } = useApp();
  const intl = useIntl();
  const { loaded, reload } = useHeadOfficeQuery(platform, 'complaints-review', period, online, {
    keepIn: db,
  });
  if (loaded.state !== 'ready')
    return <NotLoaded loaded={loaded} online={online} onRetry={reload} rows={8} />;
  const r = loaded.value;
  const n = (v: number) => intl.formatNumber(v);
  const hours = (h: number | null) =>
    h === null
      ? '—'
      : intl.formatNumber(h, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 });
  const answered = r.satisfaction.scores.reduce((a, b) => a + b, 0);

  return (
    <div className="figures__failures">
      <KeptNotice kept={loaded.kept} />
      <section className="card figures__card" aria-labelledby="complaints-cause">
        <Text
          as="h3"
          id="complaints-cause"
          className="figures__card-title"
          msg="figures.complaints.byCause"
        />
        {r.byCategory.length === 0 ? (
          <Text as="p" className="muted" msg="figures.complaints.none" />
        ) : (
          <FigureTable
            caption="figures.complaints.byCause"
            head={[
              { label: 'figures.complaints.cause' },
              { label: 'figures.metric.complaintsOpened', numeric: true },
              { label: 'figures.metric.complaintsClosed', numeric: true },
              { label: 'figures.metric.medianResolveHours', numeric: true },
            ]}
            rows={r.byCategory.map((c) => ({
              key: c.category,
              cells: [
                c.category === ''
                  ? intl.formatMessage({ id: 'figures.visits.unknown' })
                  : complaintCategoryLabel(intl, c.category),
                n(c.opened),
                n(c.closed),
                hours(c.medianResolveHours),
              ],
            }))}
          />
        )}
      </section>

      <section className="card figures__card" aria-labelledby="complaints-open">
        <Text
          as="h3"
          id="complaints-open"
          className="figures__card-title"
          msg="figures.complaints.openByAge"
        />
        <FigureTable
          caption="figures.complaints.openByAge"
          head={[{ label: 'figures.complaints.age' }, { label: 'figures.complaints.open', numeric: true }]}
          rows={ageBuckets.map((age) => ({
            key: age,
            cells: [
              <Msg key="a" id={`figures.complaints.age.${age}`} />,
              n(r.openByAge.find((b) => b.age === age)?.open ?? 0),
            ],
          }))}
        />
        {r.oldestOpen.length > 0 ? (
          <>
            <Text as="h4" className="figures__card-subtitle" msg="figures.complaints.oldest" />
            <ul className="figures__oldest">
              {r.oldestOpen.map((c) => (
                <li key={c.complaintId}>
                  <a href={hrefFor({ name: 'customer', id: c.customerId })}>{c.customerName}</a>{' '}
                  <span className="muted">
                    <ComplaintCategoryText stored={c.category} />
                  </span>{' '}
                  <Badge tone={complaintStatusTone[c.status]}>
                    <Msg id={`complaintStatus.${c.status}`} />
                  </Badge>{' '}
                  <Badge tone={severityTone[c.severity]}>
                    <Msg id={`severity.${c.severity}`} />
                  </Badge>{' '}
                  <Msg id="figures.complaints.days" values={{ days: c.ageDays }} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card figures__card" aria-labelledby="complaints-product">
        <Text
          as="h3"
          id="complaints-product"
          className="figures__card-title"
          msg="figures.complaints.byProduct"
        />
        {r.byProduct.length === 0 ? (
          <Text as="p" className="muted" msg="figures.complaints.none" />
        ) : (
          <FigureTable
            caption="figures.complaints.byProduct"
            head={[
              { label: 'figures.complaints.product' },
              { label: 'figures.metric.complaintsOpened', numeric: true },
            ]}
            rows={r.byProduct.map((p) => ({ key: p.productId, cells: [p.productName, n(p.opened)] }))}
          />
        )}
        <Text as="h4" className="figures__card-subtitle" msg="figures.complaints.bySegment" />
        {r.bySegment.length === 0 ? (
          <Text as="p" className="muted" msg="figures.complaints.none" />
        ) : (
          <FigureTable
            caption="figures.complaints.bySegment"
            head={[
              { label: 'figures.segments.col.segment' },
              { label: 'figures.metric.complaintsOpened', numeric: true },
            ]}
            rows={r.bySegment.map((s) => ({
              key: s.segment,
              cells: [
                s.segment === 'none' ? (
                  <Msg key="s" id="figures.segments.none" />
                ) : (
                  <SegmentBadge key="s" segment={s.segment}>
                    <Msg id={`segment.${s.segment}`} />
                  </SegmentBadge>
                ),
                n(s.opened),
              ],
            }))}
          />
        )}
      </section>

      <section className="card figures__card" aria-labelledby="complaints-satisfaction">
        <Text
          as="h3"
          id="complaints-satisfaction"
          className="figures__card-title"
          msg="figures.complaints.satisfaction"
        />
        {answered === 0 ? (
          <EmptyState title={<Msg id="figures.complaints.noSatisfaction" />} />
        ) : (
          <>
            <Text
              as="p"
              msg="figures.complaints.average"
              values={{
                average: intl.formatNumber(r.satisfaction.average ?? 0, { maximumFractionDigits: 1 }),
                count: answered,
              }}
            />
            <FigureTable
              caption="figures.complaints.satisfaction"
              head={[
                { label: 'figures.complaints.score' },
                { label: 'figures.complaints.answers', numeric: true },
              ]}
              rows={[5, 4, 3, 2, 1].map((score) => ({
                key: String(score),
                cells: [
                  <Msg key="s" id={`review.complaint.satisfaction.${score as 1 | 2 | 3 | 4 | 5}`} />,
                  n(r.satisfaction.scores[score - 1] ?? 0),
                ],
              }))}
            />
          </>
        )}
      </section>
    </div>
  );
}
