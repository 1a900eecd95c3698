/** Who the rep may meet and what was said at the last visits. */
import { FormattedDate, useIntl } from 'react-intl';
import type { AppointmentRow, ContactRow } from '../../../db/schema.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { ContactRoleText } from '../../../i18n/contactRole.js';
import { Badge } from '../../../ui/Badge.js';
import type { lastReport, objectionsHeard } from '../compute.js';
import type { BriefRows } from '../queries.js';
import { BriefList, contactName, Section, SpacedBadge, type Ids, type Level } from './parts.js';

export function PeopleSection({
  people,
  appointment,
  level,
  s,
}: {
  people: ContactRow[];
  appointment: AppointmentRow | null;
  level: Level;
  s: Ids;
}) {
  return (
    <Section id={s('people')} name="people" level={level} title={<Msg id="brief.people" />}>
      <BriefList items={people} empty="brief.peopleEmpty" keyOf={(c) => c.id}>
        {(c) => (
          <>
            <strong>{contactName(c)}</strong>
            {c.role ? (
              <span className="muted">
                {' — '}
                <ContactRoleText stored={c.role} />
              </span>
            ) : null}
            {c.id === appointment?.contactId ? (
              <SpacedBadge tone="info">
                <Msg id="brief.toMeet" />
              </SpacedBadge>
            ) : null}
            {c.decisionMaker ? (
              <SpacedBadge tone="accent">
                <Msg id="brief.decisionMaker" />
              </SpacedBadge>
            ) : null}
            {c.anonymisedAt ? null : (
              <span className="brief__reach">
                {[c.phone, c.mobile].filter(Boolean).map((p) => (
                  <a key={p} className="tabular" href={`tel:${p.replace(/[^\d+]/g, '')}`}>
                    {p}
                  </a>
                ))}
                {c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}
              </span>
            )}
          </>
        )}
      </BriefList>
    </Section>
  );
}

export function VisitsSection({
  reported,
  recentVisits,
  level,
  s,
}: {
  reported: ReturnType<typeof lastReport>;
  recentVisits: BriefRows['visits'];
  level: Level;
  s: Ids;
}) {
  const intl = useIntl();
  return (
    <Section id={s('visits')} name="visits" level={level} title={<Msg id="brief.lastVisits" />}>
      {reported ? (
        <dl className="brief__agreed">
          {reported.nextStep.trim() !== '' ? (
            <>
              <dt>
                <Msg
                  id="brief.nextStepAgreed"
                  values={{ date: intl.formatDate(reported.at, { dateStyle: 'medium' }) }}
                />
              </dt>
              <dd>{reported.nextStep}</dd>
            </>
          ) : null}
          {reported.needs.length > 0 ? (
            <>
              <Text as="dt" msg="brief.needsExpressed" />
              <dd>{reported.needs.join(' · ')}</dd>
            </>
          ) : null}
          {reported.motives.length > 0 ? (
            <>
              <Text as="dt" msg="brief.motives" />
              <dd>
                {reported.motives.map((m) => intl.formatMessage({ id: `visit.motive.${m}` })).join(', ')}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <BriefList items={recentVisits} empty="brief.visitsEmpty" keyOf={(v) => v.id}>
        {(v) => (
          <>
            <span className="tabular">
              <FormattedDate value={v.at} dateStyle="medium" />
            </span>{' '}
            <span className="muted">
              <Msg id={`channel.${v.channel}`} />
            </span>{' '}
            <Badge tone={v.outcome === 'order' ? 'success' : v.outcome === 'no-sale' ? 'warning' : 'neutral'}>
              <Msg id={`visitOutcome.${v.outcome}`} />
            </Badge>
            {v.noSaleReason !== null ? (
              <span className="muted">
                {' ('}
                <Msg id={`visit.report.reason.${v.noSaleReason}`} />)
              </span>
            ) : null}
            {v.summary ? <span className="brief__summary">{v.summary}</span> : null}
          </>
        )}
      </BriefList>
    </Section>
  );
}

export function ObjectionsSection({
  objections,
  level,
  s,
}: {
  objections: ReturnType<typeof objectionsHeard>;
  level: Level;
  s: Ids;
}) {
  const intl = useIntl();
  return (
    <Section id={s('objections')} name="objections" level={level} title={<Msg id="brief.objections" />}>
      <BriefList items={objections.slice(0, 8)} empty="brief.objectionsEmpty" keyOf={(o) => o.text}>
        {(o) => (
          <>
            « {o.text} »{' '}
            <span className="muted tabular">
              <Msg
                id="brief.heard"
                values={{
                  times: o.times,
                  date: intl.formatDate(o.lastHeardAt, { dateStyle: 'medium' }),
                }}
              />
            </span>{' '}
            <Badge tone={o.liftedLastTime ? 'success' : 'warning'}>
              <Msg id={o.liftedLastTime ? 'brief.lifted' : 'brief.notLifted'} />
            </Badge>
          </>
        )}
      </BriefList>
    </Section>
  );
}
