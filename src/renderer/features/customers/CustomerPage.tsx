import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormattedDate } from 'react-intl';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Msg } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { CustomerEditForm } from './CustomerEditForm.js';
import { NoteForm } from './NoteForm.js';
import { NotesList } from './NotesList.js';
import { useCustomer, usePendingEdits } from './queries.js';

/** The customer record: identity (editable) and the notes timeline. */
export function CustomerPage({ id }: { id: string }) {
  const { db } = useApp();
  const customer = useCustomer(db, id);
  const pendingEdits = usePendingEdits(db, id);
  const [editing, setEditing] = useState(false);
  const [feedback, setFeedback] = useState<MessageKey | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);

  // Shell renders this page with key={id}: state resets per customer; focus the title.
  const loaded = customer !== undefined;
  useEffect(() => {
    if (loaded) titleRef.current?.focus();
  }, [id, loaded]);

  if (customer === undefined) {
    return (
      <section className="page">
        <SkeletonRows rows={6} label="" />
      </section>
    );
  }
  if (customer === null) {
    return (
      <section className="page">
        <EmptyState title={<Msg id="customer.notFoundTitle" />}>
          <p>
            <Msg id="customer.notFoundBody" />
          </p>
          <a className="btn" href={hrefFor({ name: 'customers' })}>
            <Msg id="customer.back" />
          </a>
        </EmptyState>
      </section>
    );
  }

  const value = (text: string): ReactNode =>
    text.trim() ? (
      text
    ) : (
      <span className="muted">
        <Msg id="customer.notSet" />
      </span>
    );

  return (
    <article className="page page--record" aria-labelledby="customer-title">
      <nav className="breadcrumb">
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
        {pendingEdits ? (
          <Badge tone="warning">
            <Msg id="customer.pendingEdit" />
          </Badge>
        ) : null}
        <div className="record__actions">
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
      </header>
      <p className="record__feedback" aria-live="polite">
        {feedback ? <Msg id={feedback} /> : null}
      </p>

      <div className="record__grid">
        <section className="card" aria-labelledby="identity-title">
          {editing ? (
            <CustomerEditForm
              customer={customer}
              onDone={(outcome) => {
                setEditing(false);
                setFeedback(
                  outcome === 'saved'
                    ? 'customer.saved'
                    : outcome === 'unchanged'
                      ? 'customer.noChange'
                      : null,
                );
                requestAnimationFrame(() => editButtonRef.current?.focus());
              }}
            />
          ) : (
            <>
              <h2 id="identity-title" className="section-title">
                <Msg id="customer.identity" />
              </h2>
              <dl className="props">
                <dt>
                  <Msg id="customer.field.address" />
                </dt>
                <dd>{value(customer.address)}</dd>
                <dt>
                  <Msg id="customer.field.postcode" />
                </dt>
                <dd className="tabular">{value(customer.postcode)}</dd>
                <dt>
                  <Msg id="customer.field.city" />
                </dt>
                <dd>{value(customer.city)}</dd>
                <dt>
                  <Msg id="customer.field.phone" />
                </dt>
                <dd className="tabular">
                  {customer.phone ? (
                    <a href={`tel:${customer.phone.replace(/\s+/g, '')}`}>{customer.phone}</a>
                  ) : (
                    value('')
                  )}
                </dd>
                <dt>
                  <Msg id="customer.field.email" />
                </dt>
                <dd>
                  {customer.email ? <a href={`mailto:${customer.email}`}>{customer.email}</a> : value('')}
                </dd>
                <dt>
                  <Msg id="customer.field.owner" />
                </dt>
                <dd>
                  {customer.ownerName ?? (
                    <span className="muted">
                      <Msg id="customer.noOwner" />
                    </span>
                  )}
                </dd>
                <dt>
                  <Msg id="customer.field.updatedAt" />
                </dt>
                <dd>
                  <FormattedDate value={customer.updatedAt} dateStyle="medium" timeStyle="short" />
                </dd>
              </dl>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="notes-title">
          <h2 id="notes-title" className="section-title">
            <Msg id="notes.title" />
          </h2>
          <NoteForm customerId={customer.id} />
          <NotesList customerId={customer.id} />
        </section>
      </div>
    </article>
  );
}
