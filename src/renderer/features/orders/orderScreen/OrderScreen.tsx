/**
 * Order taking: a new order for a customer (#/orders/new/<customerId>) or an order on this
 * laptop (#/orders/<id>). Prices come from the local price list with the quantity breaks (a
 * preview: head office prices again on receipt); each bad line says why; nothing is written
 * unless the whole order passes the shared pricing (the mutator checks again in its
 * transaction). An order head office confirmed is read-only, and says why. Taken during a visit
 * (#/orders/new/<customerId>?visit=<draftId>), saving records it in the visit and goes back there.
 */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useApp } from '../../../app/context.js';
import { hrefFor } from '../../../app/router.js';
import { Msg } from '../../../i18n/Msg.js';
import { EmptyState } from '../../../ui/EmptyState.js';
import { OrderActions } from './OrderActions.js';
import { OrderBanners } from './OrderBanners.js';
import { OrderFields } from './OrderFields.js';
import { OrderHeader } from './OrderHeader.js';
import { OrderLines } from './OrderLines.js';
import { OrderTotals } from './OrderTotals.js';
import { ProductSearch } from './ProductSearch.js';
import { useCatalogueRows, useLastOrder, useOrder, useOrderCustomer } from './queries.js';
import { RenewLastOrder } from './RenewLastOrder.js';
import { useOrderDraft } from './useOrderDraft.js';

export function OrderScreen({
  customerId,
  orderId,
  visitId,
}: {
  customerId: string | null;
  orderId: string | null;
  /** The visit in progress the order is taken from (new orders only). */
  visitId: string | null;
}) {
  const { db } = useApp();
  const intl = useIntl();
  // A new order, once saved, stays on this screen (the address changes, the screen does not).
  const [createdId, setCreatedId] = useState<string | null>(null);
  const order = useOrder(db, orderId ?? createdId);
  const customer = useOrderCustomer(db, customerId ?? order?.customerId ?? null);
  const catalogueRows = useCatalogueRows(db);
  const isNew = orderId === null && createdId === null;
  const lastOrder = useLastOrder(db, isNew ? customerId : null);
  const draft = useOrderDraft({ order, customer, catalogueRows, visitId, onCreated: setCreatedId });

  if (order === undefined || customer === undefined || catalogueRows === undefined) {
    return <section className="page" aria-busy="true" />;
  }
  if (orderId !== null && order === null) {
    return (
      <section className="page">
        <EmptyState title={<Msg id="orders.notFound" />}>
          <a className="btn" href={hrefFor({ name: 'orders' })}>
            <Msg id="orders.title" />
          </a>
        </EmptyState>
      </section>
    );
  }
  if (customer === null) {
    return (
      <section className="page">
        <EmptyState title={<Msg id="orders.customerNotFound" />}>
          <a className="btn" href={hrefFor({ name: 'customers' })}>
            <Msg id="nav.customers" />
          </a>
        </EmptyState>
      </section>
    );
  }

  return (
    <article className="page page--record order-page" aria-labelledby="order-title">
      <nav className="breadcrumb" aria-label={intl.formatMessage({ id: 'orders.customer' })}>
        {visitId !== null ? (
          <a href={hrefFor({ name: 'visit', draftId: visitId })}>
            <span aria-hidden="true">← </span>
            <Msg id="orders.backToVisit" values={{ customer: customer.name }} />
          </a>
        ) : (
          <a href={hrefFor({ name: 'customer', id: customer.id })}>
            <span aria-hidden="true">← </span>
            {customer.name}
          </a>
        )}
      </nav>
      <OrderHeader order={order} customer={customer} />
      <OrderBanners order={order} draft={draft} />
      {isNew && lastOrder !== undefined ? <RenewLastOrder last={lastOrder} draft={draft} /> : null}
      {!draft.locked ? (
        <ProductSearch products={catalogueRows.products} breaksOf={draft.breaksOf} onAdd={draft.addProduct} />
      ) : null}
      <OrderLines draft={draft} />
      <OrderTotals totals={draft.preview.totals} />
      <OrderFields draft={draft} saved={order !== null} />
      {!draft.locked ? <OrderActions draft={draft} saved={order !== null} /> : null}
    </article>
  );
}
