/** The brief's sections about what to settle and what to offer. */
import { useIntl } from 'react-intl';
import type { RfmSegment } from '../../../../shared/domain/rfm/rfm.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { Badge } from '../../../ui/Badge.js';
import { ComplaintCategoryText } from '../../complaints/index.js';
import type { crossSell, OpenComplaint, stoppedProducts } from '../compute.js';
import type { BriefRows } from '../queries.js';
import { BriefList, ProductLine, Section, type Ids, type Level } from './parts.js';

export function ComplaintsSection({
  openClaims,
  level,
  s,
}: {
  openClaims: OpenComplaint<BriefRows['complaints'][number]>[];
  level: Level;
  s: Ids;
}) {
  return (
    <Section id={s('complaints')} name="complaints" level={level} title={<Msg id="brief.complaints" />}>
      <BriefList items={openClaims} empty="brief.complaintsEmpty" keyOf={(c) => c.complaint.id}>
        {({ complaint, ageDays }) => (
          <>
            <strong>
              <ComplaintCategoryText stored={complaint.category} />
            </strong>{' '}
            <Badge
              tone={
                complaint.severity === 'high'
                  ? 'danger'
                  : complaint.severity === 'medium'
                    ? 'warning'
                    : 'neutral'
              }
            >
              <Msg id={`severity.${complaint.severity}`} />
            </Badge>{' '}
            <span className="muted">
              <Msg id={`complaintStatus.${complaint.status}`} />
              {' · '}
              <Msg id="brief.age" values={{ days: ageDays }} />
            </span>
            {complaint.description ? <span className="brief__summary">{complaint.description}</span> : null}
          </>
        )}
      </BriefList>
    </Section>
  );
}

export function StoppedSection({
  stopped,
  level,
  s,
}: {
  stopped: ReturnType<typeof stoppedProducts>;
  level: Level;
  s: Ids;
}) {
  const intl = useIntl();
  return (
    <Section id={s('stopped')} name="stopped" level={level} title={<Msg id="brief.stopped" />}>
      <p className="muted brief__rule">
        <Msg id="brief.stoppedRule" values={{ days: stopped.quietDays }} />
      </p>
      <BriefList items={stopped.products} empty="brief.stoppedEmpty" keyOf={(p) => p.productId}>
        {(p) => (
          <ProductLine name={p.name} reference={p.reference}>
            <Msg
              id="brief.stoppedLine"
              values={{
                orders: p.ordersBefore,
                date: intl.formatDate(p.lastBoughtAt, { dateStyle: 'medium' }),
              }}
            />
          </ProductLine>
        )}
      </BriefList>
    </Section>
  );
}

export function CrossSellSection({
  suggestions,
  segment,
  level,
  s,
}: {
  suggestions: ReturnType<typeof crossSell> | undefined;
  segment: RfmSegment | null | undefined;
  level: Level;
  s: Ids;
}) {
  const intl = useIntl();
  return (
    <Section id={s('cross-sell')} name="cross-sell" level={level} title={<Msg id="brief.crossSell" />}>
      {suggestions === undefined ? (
        <Text as="p" className="muted" aria-busy="true" msg="brief.computing" />
      ) : (
        <BriefList
          items={suggestions}
          empty={segment ? 'brief.crossSellEmpty' : 'brief.crossSellNoSegment'}
          keyOf={(p) => p.productId}
        >
          {(p) => (
            <ProductLine name={p.name} reference={p.reference}>
              <Msg
                id="brief.crossSellLine"
                values={{
                  share: intl.formatNumber(p.share, { style: 'percent' }),
                  segment: segment ? intl.formatMessage({ id: `segment.${segment}` }) : '',
                }}
              />
            </ProductLine>
          )}
        </BriefList>
      )}
    </Section>
  );
}
