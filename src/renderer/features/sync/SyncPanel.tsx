import type { Table } from 'dexie';
import type { Key, ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { FormattedDate, useIntl, type IntlShape } from 'react-intl';
import type { AppointmentEditableField } from '../../../shared/domain/appointment/appointment.js';
import { appointmentEditableFields } from '../../../shared/domain/appointment/appointment.js';
import { missingCaseError } from '../../../shared/lib/result.js';
import { isMutationName, mutationLabel, mutationSubject } from '../../../shared/sync/mutations.js';
import type { OutboxEntry } from '../../db/schema.js';
import { useApp } from '../../app/context.js';
import { Msg, Text } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/fr.js';
import { ErrorText, useErrorText } from '../../i18n/errorText.js';
import { downloadCsv, toCsv } from '../../lib/csv.js';
import type { MutationOutcome } from '../../../shared/sync/protocol.js';
import type { SyncStatus } from '../../sync/engine.js';
import { IconButton } from '../../ui/IconButton.js';
import { DetailsIcon } from '../../ui/icons.js';

/** What is waiting, what was refused and why, and the conflict log. */
export function SyncPanel({ status }: { status: SyncStatus }) {
  const intl = useIntl();
  return (
    <DialogTrigger>
      <IconButton className="btn btn--small btn--icon" label={intl.formatMessage({ id: 'sync.details' })}>
        <DetailsIcon />
      </IconButton>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <div className="dialog__header">
                  <Heading slot="title" className="dialog__title">
                    <Msg id="sync.panel.title" />
                  </Heading>
                  <Button className="btn btn--small btn--ghost" onPress={close}>
                    <Msg id="sync.panel.close" />
                  </Button>
                </div>
                <SyncPanelBody status={status} />
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

export function SyncPanelBody({ status }: { status: SyncStatus }) {
  const { db } = useApp();
  const intl = useIntl();
  const errorText = useErrorText();
  const data = useLiveQuery(async () => {
    const pending = await db.outbox.orderBy('mid').limit(200).toArray();
    const outcomes = await db.outcomes.orderBy('at').reverse().limit(200).toArray();
    const conflicts = await db.conflicts.orderBy('at').reverse().limit(200).toArray();
    // Writes about an appointment, a complaint or an order name their customer through that
    // row (one map: ids never collide).
    const through = {
      appointment: pending.flatMap((e) =>
        e.name === 'appointment-update' || e.name === 'appointment-cancel' ? [e.args.id] : [],
      ),
      complaint: pending.flatMap((e) =>
        e.name === 'complaint-event' || e.name === 'attachment-add' ? [e.args.complaintId] : [],
      ),
      order: pending.flatMap((e) =>
        e.name === 'order-update' || e.name === 'order-cancel' ? [e.args.id] : [],
      ),
    };
    const tables = db.serverTables();
    const customerOfAppointment = new Map<string, string>();
    for (const entity of ['appointment', 'complaint', 'order'] as const) {
      const table: Pick<Table<{ id: string; customerId: string }, string>, 'bulkGet'> = tables[entity];
      for (const row of await table.bulkGet(through[entity])) {
        if (row) customerOfAppointment.set(row.id, row.customerId);
      }
    }
    const ids = pending.map((e) => customerIdOf(e, customerOfAppointment));
    const customers = await db.customers.bulkGet(ids);
    const names = new Map(customers.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
    const contactIds = conflicts.flatMap((c) =>
      c.entity === 'appointment' && c.field === 'contactId' ? [c.lostValue, c.keptValue] : [],
    );
    const contacts = await db.contacts.bulkGet(contactIds);
    const contactNames = new Map(
      contacts.flatMap((c) =>
        c ? [[c.id, [c.firstName, c.lastName].filter(Boolean).join(' ')] as const] : [],
      ),
    );
    return { pending, outcomes, conflicts, names, customerOfAppointment, contactNames };
  }, [db]);
  if (!data) return null;
  const unknown = intl.formatMessage({ id: 'sync.unknownCustomer' });
  return (
    <div className="dialog__body">
      {status.lastSyncAt ? (
        <p className="muted">
          <Msg
            id="sync.panel.lastSync"
            values={{
              date: <FormattedDate value={status.lastSyncAt} dateStyle="medium" timeStyle="short" />,
            }}
          />
        </p>
      ) : null}
      {status.error ? (
        <p className="form-error" role="alert">
          <Msg id={`error.${status.error}` as 'error.internal'} />
        </p>
      ) : null}
      <PanelList
        id="sync-pending"
        title="sync.panel.pending"
        empty="sync.panel.pendingEmpty"
        items={data.pending}
        keyOf={(entry) => entry.mid}
      >
        {(entry) => {
          const customerId = customerIdOf(entry, data.customerOfAppointment);
          const customer = data.names.get(customerId) ?? unknown;
          return (
            <>
              <Msg id={mutationLabel(entry.name)} values={{ customer }} />{' '}
              <span className="muted">
                <FormattedDate value={entry.createdAt} dateStyle="short" timeStyle="short" />
              </span>
            </>
          );
        }}
      </PanelList>
      {data.outcomes.length > 0 ? (
        <div className="sync__actions">
          <button
            type="button"
            className="btn btn--small"
            onClick={() => exportRefused(intl, data.outcomes, errorText, unknown)}
          >
            <Msg id="sync.panel.refusedExport" />
          </button>
        </div>
      ) : null}
      <PanelList
        id="sync-refused"
        title="sync.panel.refused"
        empty="sync.panel.refusedEmpty"
        items={data.outcomes}
        keyOf={(o) => o.id}
      >
        {(o) => (
          <>
            <strong>
              {isMutationName(o.name) ? (
                <Msg id={mutationLabel(o.name)} values={{ customer: o.customerName ?? unknown }} />
              ) : (
                <Msg id="sync.mutation.other" values={{ name: o.name }} />
              )}
            </strong>
            {' — '}
            <ErrorText error={o} />{' '}
            {o.name.startsWith('order-') && o.code === 'conflict' && o.key === undefined ? (
              <>
                <Msg id="orders.refused.locked" />{' '}
              </>
            ) : null}
            <span className="muted">
              <FormattedDate value={o.at} dateStyle="short" timeStyle="short" />
            </span>
            {o.handled ? (
              <p className="refused-handled">
                <Msg
                  id={
                    o.handled.action === 'reapplied'
                      ? 'sync.panel.handled.reapplied'
                      : 'sync.panel.handled.dismissed'
                  }
                  values={{ by: o.handled.byName, reason: o.handled.reason }}
                />
              </p>
            ) : null}
            {o.detail ? (
              <blockquote className="refused-detail">
                <Text as="span" className="visually-hidden" msg="sync.panel.refusedText" />
                {o.detail}
              </blockquote>
            ) : null}
          </>
        )}
      </PanelList>
      <PanelList
        id="sync-conflicts"
        title="sync.panel.conflicts"
        empty="sync.panel.conflictsEmpty"
        items={data.conflicts}
        keyOf={(c) => c.id}
      >
        {(c) => (
          <>
            <Msg
              id="sync.panel.conflict"
              values={
                c.entity === 'appointment'
                  ? {
                      entity: c.entityLabel,
                      field: appointmentFieldName(intl, c.field),
                      lost: appointmentValue(intl, c.field, c.lostValue, data.contactNames),
                      lostBy: c.lostBy,
                      kept: appointmentValue(intl, c.field, c.keptValue, data.contactNames),
                      keptBy: c.keptBy,
                    }
                  : {
                      entity: c.entityLabel,
                      field: c.field,
                      lost: c.lostValue,
                      lostBy: c.lostBy,
                      kept: c.keptValue,
                      keptBy: c.keptBy,
                    }
              }
            />{' '}
            <span className="muted">
              <FormattedDate value={c.at} dateStyle="short" timeStyle="short" />
            </span>
          </>
        )}
      </PanelList>
    </div>
  );
}

/**
 * Everything head office refused, with the rep's own words, as a CSV file: kept outside the app,
 * to send to a manager or type again (French Excel: `;`, UTF-8 with BOM).
 */
function exportRefused(
  intl: IntlShape,
  outcomes: readonly MutationOutcome[],
  errorText: (error: MutationOutcome) => string,
  unknown: string,
): void {
  const t = (id: MessageKey) => intl.formatMessage({ id });
  const rows = outcomes.map((o) => [
    intl.formatDate(o.at, { dateStyle: 'short', timeStyle: 'short' }),
    isMutationName(o.name)
      ? intl.formatMessage({ id: mutationLabel(o.name) }, { customer: o.customerName ?? unknown })
      : o.name,
    errorText(o),
    o.detail,
  ]);
  const header = [
    t('sync.panel.refusedCol.at'),
    t('sync.panel.refusedCol.what'),
    t('sync.panel.refusedCol.reason'),
    t('sync.panel.refusedCol.text'),
  ];
  downloadCsv(`tournee-refus-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(header, rows));
}

/** One list of the panel under its heading, or the sentence saying it is empty. */
function PanelList<T>({
  id,
  title,
  empty,
  items,
  keyOf,
  children,
}: {
  id: string;
  title: MessageKey;
  empty: MessageKey;
  items: readonly T[];
  keyOf: (item: T) => Key;
  children: (item: T) => ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="section-title">
        <Msg id={title} />
      </h3>
      {items.length === 0 ? (
        <p className="muted">
          <Msg id={empty} />
        </p>
      ) : (
        <ul className="plain-list">
          {items.map((item) => (
            <li key={keyOf(item)}>{children(item)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The customer a pending write is about (appointment writes go through their appointment). */
function customerIdOf(entry: OutboxEntry, customerOfAppointment: ReadonlyMap<string, string>): string {
  const subject = mutationSubject(entry);
  return subject.kind === 'customer' ? subject.id : (customerOfAppointment.get(subject.id) ?? subject.id);
}

/** An appointment field as people name it. */
function appointmentFieldName(intl: IntlShape, field: string): string {
  return isAppointmentField(field) ? intl.formatMessage({ id: `agenda.field.${field}` }) : field;
}

function isAppointmentField(field: string): field is AppointmentEditableField {
  return (appointmentEditableFields as readonly string[]).includes(field);
}

/** A logged appointment value, readable: times in the user's time zone through Intl. */
function appointmentValue(
  intl: IntlShape,
  field: string,
  value: string,
  contactNames: ReadonlyMap<string, string>,
): string {
  if (!isAppointmentField(field)) return value;
  switch (field) {
    case 'startAt': {
      const at = Date.parse(value);
      return Number.isNaN(at) ? value : intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
    }
    case 'durationMinutes': {
      const minutes = Number(value);
      return Number.isFinite(minutes)
        ? intl.formatMessage({ id: 'agenda.conflict.minutes' }, { minutes })
        : value;
    }
    case 'kind':
      return value === 'visit' || value === 'call'
        ? intl.formatMessage({ id: `agenda.kind.${value}` })
        : value;
    case 'status':
      return value === 'planned' || value === 'done' || value === 'cancelled'
        ? intl.formatMessage({ id: `agenda.status.${value}` })
        : value;
    case 'contactId':
      return value === 'null'
        ? intl.formatMessage({ id: 'agenda.field.noContact' })
        : (contactNames.get(value) ?? value);
    case 'objective':
    case 'notes':
      return value;
    default:
      return missingCaseError(field);
  }
}
