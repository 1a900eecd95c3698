/** The brief's building blocks: headings at the right level, sections, the visit line. */
import { PropRow } from '../../../ui/PropRow.js';
import type { ReactNode } from 'react';
import { FormattedDate } from 'react-intl';
import type { AppointmentRow, ContactRow } from '../../../db/schema.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { ContactRoleText } from '../../../i18n/contactRole.js';
import { Badge } from '../../../ui/Badge.js';

/** Ids of the brief's headings: `s('people')` → `brief-<appointment>-people`. */
export type Ids = (name: string) => string;

export type Level = 1 | 2;

export function Heading({
  level,
  id,
  className,
  children,
}: {
  level: Level | 3;
  id?: string;
  className: string;
  children: ReactNode;
}) {
  if (level === 1)
    return (
      <h1 id={id} className={className}>
        {children}
      </h1>
    );
  if (level === 2)
    return (
      <h2 id={id} className={className}>
        {children}
      </h2>
    );
  return (
    <h3 id={id} className={className}>
      {children}
    </h3>
  );
}

export function contactName(c: ContactRow): ReactNode {
  return c.anonymisedAt ? <Msg id="brief.contactAnonymised" /> : `${c.firstName} ${c.lastName}`.trim();
}

export function AppointmentLine({
  appointment,
  contacts,
}: {
  appointment: AppointmentRow;
  contacts: ContactRow[];
}) {
  const contact = appointment.contactId ? contacts.find((c) => c.id === appointment.contactId) : undefined;
  return (
    <dl className="brief__visit props">
      <PropRow label={<Msg id="brief.when" />} valueProps={{ 'data-brief': 'when' }}>
        <FormattedDate value={appointment.startAt} dateStyle="full" timeStyle="short" />
        {' · '}
        <Msg id={`brief.kind.${appointment.kind}`} />
        {' · '}
        <Msg id="brief.duration" values={{ minutes: appointment.durationMinutes }} />
        {appointment.status !== 'planned' ? (
          <>
            {' '}
            <Badge tone={appointment.status === 'cancelled' ? 'danger' : 'neutral'}>
              <Msg id={`brief.status.${appointment.status}`} />
            </Badge>
          </>
        ) : null}
      </PropRow>
      <PropRow label={<Msg id="brief.objective" />} valueProps={{ 'data-brief': 'objective' }}>
        {appointment.objective || <Text as="span" className="muted" msg="brief.noObjective" />}
      </PropRow>
      {contact ? (
        <PropRow label={<Msg id="brief.meet" />} valueProps={{ 'data-brief': 'meet' }}>
          {contactName(contact)}
          {contact.role ? (
            <>
              {' — '}
              <ContactRoleText stored={contact.role} />
            </>
          ) : null}
        </PropRow>
      ) : null}
      {appointment.setByManagerName ? (
        <PropRow label={<Msg id="brief.setBy" />}>{appointment.setByManagerName}</PropRow>
      ) : null}
    </dl>
  );
}

export function Section({
  id,
  title,
  level,
  children,
  wide,
  name,
}: {
  id: string;
  title: ReactNode;
  level: Level;
  children: ReactNode;
  wide?: boolean;
  name: string;
}) {
  return (
    <section
      className={`brief__section${wide ? ' brief__section--wide' : ''}`}
      aria-labelledby={id}
      data-section={name}
    >
      <Heading level={(level + 1) as 2 | 3} id={id} className="brief__section-title">
        {title}
      </Heading>
      {children}
    </section>
  );
}

export function None({ id }: { id: Parameters<typeof Msg>[0]['id'] }) {
  return (
    <p className="muted brief__none">
      <Msg id={id} />
    </p>
  );
}

/** The section's list, or its "none" line when empty. */
export function BriefList<T>({
  items,
  empty,
  keyOf,
  children,
}: {
  items: readonly T[];
  empty: Parameters<typeof Msg>[0]['id'];
  keyOf: (item: T) => string;
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <None id={empty} />;
  return (
    <ul className="brief__list">
      {items.map((item) => (
        <li key={keyOf(item)}>{children(item)}</li>
      ))}
    </ul>
  );
}

/** A badge after the text, a space before it. */
export function SpacedBadge({
  tone,
  children,
}: {
  tone: Parameters<typeof Badge>[0]['tone'];
  children: ReactNode;
}) {
  return (
    <>
      {' '}
      <Badge tone={tone}>{children}</Badge>
    </>
  );
}

/** A product's name, its reference, then a muted detail. */
export function ProductLine({
  name,
  reference,
  children,
}: {
  name: string;
  reference: string;
  children: ReactNode;
}) {
  return (
    <>
      {name} <span className="muted tabular">{reference}</span> <span className="muted">{children}</span>
    </>
  );
}
