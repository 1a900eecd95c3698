import { useEffect, useRef, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Msg } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { LoadingScreen, NotFoundScreen } from '../../ui/ScreenState.js';
import { SegmentBadge } from '../../ui/SegmentBadge.js';
import { StartVisitButton } from '../visit/index.js';
import { ComplaintsTab, ContactsTab, DataTab, OrdersTab, VisitsTab } from './c360/ListTabs.js';
import { OverviewTab } from './c360/OverviewTab.js';
import { CustomerEditForm } from './CustomerEditForm.js';
import { useCustomer, useCustomerOrders, usePendingEdits } from './queries.js';
import { usePortfolioRfm } from './rfmCache.js';

export const customerTabs = ['overview', 'contacts', 'orders', 'visits', 'complaints', 'data'] as const;

/**
 * The customer 360: header (name, status, RFM segment, owner, town) and tabs over the four
 * kinds of data. Reads go through indexes on customerId; the RFM comes from the portfolio
 * cache (computed once per data version), never recomputed on open.
 */
export function CustomerPage({ id }: { id: string }) {
  const { db } = useApp();
  const intl = useIntl();
  const customer = useCustomer(db, id);
  const orders = useCustomerOrders(db, id);
  const pendingEdits = usePendingEdits(db, id);
  const portfolio = usePortfolioRfm(db);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<Key>('overview');
  const [feedback, setFeedback] = useState<MessageKey | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);

  // Shell renders this page with key={id}: state resets per customer; focus the title.
  const loaded = customer !== undefined;
  useEffect(() => {
    if (loaded) titleRef.current?.focus();
  }, [id, loaded]);

  if (customer === undefined) {
    return <LoadingScreen className="page" rows={6} label={intl.formatMessage({ id: 'customer.loading' })} />;
  }
  if (customer === null) {
    return (
      <NotFoundScreen
        title={<Msg id="customer.notFoundTitle" />}
        body={<Msg id="customer.notFoundBody" />}
        back={
          <a className="btn" href={hrefFor({ name: 'customers' })}>
            <Msg id="customer.back" />
          </a>
        }
      />
    );
  }

  const rfm = portfolio ? { now: portfolio.now.get(id), past: portfolio.past.get(id) } : undefined;
  const segment = rfm?.now?.segment ?? null;

  return (
    <article className="page page--record" aria-labelledby="customer-title">
      <nav className="breadcrumb" aria-label={intl.formatMessage({ id: 'customer.breadcrumb' })}>
        <a href={hrefFor({ name: 'customers' })}>
          <span aria-hidden="true">← </span>
          <Msg id="customer.back" />
        </a>
      </nav>
      <header className="record__header">
        <h1 id="customer-title" className="page__title" tabIndex={-1} ref={titleRef}>
          {customer.name}
        </h1>
        <span className={`status status--${customer.status}`}>
          <Msg id={`status.${customer.status}`} />
        </span>
        {segment ? (
          <SegmentBadge segment={segment}>
            <Msg id={`segment.${segment}`} />
          </SegmentBadge>
        ) : null}
        {pendingEdits ? (
          <Badge tone="warning">
            <Msg id="customer.pendingEdit" />
          </Badge>
        ) : null}
        <div className="record__actions">
          <a className="btn btn--primary" href={hrefFor({ name: 'orderNew', customerId: customer.id })}>
            <Msg id="customer.newOrder" />
          </a>
          <StartVisitButton customerId={customer.id} appointmentId={null} className="btn" />
          {!editing ? (
            <button
              ref={editButtonRef}
              type="button"
              className="btn"
              onClick={() => {
                setFeedback(null);
                setEditing(true);
              }}
            >
              <Msg id="customer.edit" />
            </button>
          ) : null}
        </div>
        <p className="record__subtitle muted">
          {[
            customer.ownerName ?? intl.formatMessage({ id: 'customer.noOwner' }),
            [customer.postcode, customer.city].filter(Boolean).join(' '),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </header>
      <p className="record__feedback" aria-live="polite">
        {feedback ? <Msg id={feedback} /> : null}
      </p>

      {editing ? (
        <section className="card">
          <CustomerEditForm
            customer={customer}
            onDone={(outcome) => {
              setEditing(false);
              setFeedback(
                outcome === 'saved' ? 'customer.saved' : outcome === 'unchanged' ? 'customer.noChange' : null,
              );
              requestAnimationFrame(() => editButtonRef.current?.focus());
            }}
          />
        </section>
      ) : (
        <Tabs selectedKey={tab} onSelectionChange={setTab} className="tabs">
          <TabList aria-label={intl.formatMessage({ id: 'c360.tabs' })} className="tabs__list">
            {customerTabs.map((t) => (
              <Tab key={t} id={t} className="tabs__tab">
                <Msg id={`c360.tab.${t}`} />
              </Tab>
            ))}
          </TabList>
          <TabPanel id="overview" className="tabs__panel">
            <OverviewTab customer={customer} orders={orders} rfm={rfm} />
          </TabPanel>
          <TabPanel id="contacts" className="tabs__panel">
            <ContactsTab customerId={id} />
          </TabPanel>
          <TabPanel id="orders" className="tabs__panel">
            <OrdersTab orders={orders} />
          </TabPanel>
          <TabPanel id="visits" className="tabs__panel">
            <VisitsTab customerId={id} />
          </TabPanel>
          <TabPanel id="complaints" className="tabs__panel">
            <ComplaintsTab customerId={id} />
          </TabPanel>
          <TabPanel id="data" className="tabs__panel">
            <DataTab customer={customer} />
          </TabPanel>
        </Tabs>
      )}
    </article>
  );
}
