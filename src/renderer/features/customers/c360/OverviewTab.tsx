import { useState, type ReactNode } from 'react';
import { FormattedDate } from 'react-intl';
import type { CustomerRfm } from '../../../../shared/domain/rfm/rfm.js';
import type { CustomerRow, OrderRow } from '../../../db/schema.js';
import type { MessageKey } from '../../../i18n/fr.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { SkeletonRows } from '../../../ui/Skeleton.js';
import { CustomerCampaignTasks } from '../../campaignTasks/index.js';
import { KeyFigures } from '../KeyFigures.js';
import { keyFigures, keyFiguresRfm } from '../keyFigures.js';
import { NoteForm } from '../NoteForm.js';
import { NotesList } from '../NotesList.js';
import { Declarative, NotSet, textOrNotSet } from './Declarative.js';

export function OverviewTab({
  customer,
  orders,
  rfm,
}: {
  customer: CustomerRow;
  orders: OrderRow[] | undefined;
  rfm: { now: CustomerRfm | undefined; past: CustomerRfm | undefined } | undefined;
}) {
  return (
    <div className="record__grid">
      <CustomerCampaignTasks customerId={customer.id} />
      <Identity customer={customer} />
      <section className="card" aria-labelledby="figures-title">
        <Text as="h2" id="figures-title" className="section-title" msg="c360.figures" />
        {orders === undefined ? (
          <SkeletonRows rows={5} label="" />
        ) : (
          <KeyFiguresList customerId={customer.id} orders={orders} rfm={rfm} />
        )}
      </section>
      <section className="card" aria-labelledby="notes-title">
        <Text as="h2" id="notes-title" className="section-title" msg="notes.title" />
        <NoteForm customerId={customer.id} />
        <NotesList customerId={customer.id} />
      </section>
      <section className="card" aria-labelledby="declarative-title">
        <Text as="h2" id="declarative-title" className="section-title" msg="c360.declarative" />
        <Declarative customer={customer} />
      </section>
    </div>
  );
}

function Identity({ customer }: { customer: CustomerRow }) {
  const rows: [MessageKey, ReactNode, string?][] = [
    ['customer.field.address', textOrNotSet(customer.address)],
    ['customer.field.postcode', textOrNotSet(customer.postcode), 'tabular'],
    ['customer.field.city', textOrNotSet(customer.city)],
    [
      'customer.field.phone',
      customer.phone ? (
        <a href={`tel:${customer.phone.replace(/\s+/g, '')}`}>{customer.phone}</a>
      ) : (
        <NotSet />
      ),
      'tabular',
    ],
    [
      'customer.field.email',
      customer.email ? <a href={`mailto:${customer.email}`}>{customer.email}</a> : <NotSet />,
    ],
    ['customer.field.siret', textOrNotSet(customer.siret), 'tabular'],
    ['customer.field.nafCode', textOrNotSet(customer.nafCode), 'tabular'],
    ['customer.field.legalForm', textOrNotSet(customer.legalForm)],
    ['customer.field.sector', textOrNotSet(customer.sector)],
    ['customer.field.size', customer.size ? <Msg id={`size.${customer.size}`} /> : <NotSet />],
    [
      'customer.field.firstContactDate',
      customer.firstContactDate ? (
        <FormattedDate value={`${customer.firstContactDate}T12:00:00Z`} dateStyle="medium" timeZone="UTC" />
      ) : (
        <NotSet />
      ),
    ],
    [
      'customer.field.owner',
      customer.ownerName ?? <Text as="span" className="muted" msg="customer.noOwner" />,
    ],
    [
      'customer.field.updatedAt',
      <FormattedDate key="u" value={customer.updatedAt} dateStyle="medium" timeStyle="short" />,
    ],
  ];
  return (
    <section className="card" aria-labelledby="identity-title">
      <Text as="h2" id="identity-title" className="section-title" msg="customer.identity" />
      <dl className="props">
        {rows.map(([label, value, className]) => (
          <div key={label} className="props__row">
            <dt>
              <Msg id={label} />
            </dt>
            <dd className={className} data-field={label.slice('customer.field.'.length)}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function KeyFiguresList({
  customerId,
  orders,
  rfm,
}: {
  customerId: string;
  orders: readonly OrderRow[];
  rfm: { now: CustomerRfm | undefined; past: CustomerRfm | undefined } | undefined;
}) {
  const [at] = useState(() => new Date());
  return (
    <KeyFigures
      view="record"
      figures={keyFigures(customerId, orders, at)}
      rfm={rfm === undefined ? undefined : keyFiguresRfm(rfm.now, rfm.past)}
    />
  );
}
