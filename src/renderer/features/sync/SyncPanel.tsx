import { useLiveQuery } from 'dexie-react-hooks';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { FormattedDate, useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { Msg } from '../../i18n/Msg.js';
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

function SyncPanelBody({ status }: { status: SyncStatus }) {
  const { db } = useApp();
  const intl = useIntl();
  const data = useLiveQuery(async () => {
    const pending = await db.outbox.orderBy('mid').limit(200).toArray();
    const outcomes = await db.outcomes.orderBy('at').reverse().limit(200).toArray();
    const conflicts = await db.conflicts.orderBy('at').reverse().limit(200).toArray();
    const ids = pending.map((e) => (e.name === 'note-add' ? e.args.customerId : e.args.id));
    const customers = await db.customers.bulkGet(ids);
    const names = new Map(customers.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
    return { pending, outcomes, conflicts, names };
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
      <section aria-labelledby="sync-pending">
        <h3 id="sync-pending" className="section-title">
          <Msg id="sync.panel.pending" />
        </h3>
        {data.pending.length === 0 ? (
          <p className="muted">
            <Msg id="sync.panel.pendingEmpty" />
          </p>
        ) : (
          <ul className="plain-list">
            {data.pending.map((entry) => {
              const customerId = entry.name === 'note-add' ? entry.args.customerId : entry.args.id;
              const customer = data.names.get(customerId) ?? unknown;
              return (
                <li key={entry.mid}>
                  <Msg id={`sync.mutation.${entry.name}`} values={{ customer }} />{' '}
                  <span className="muted">
                    <FormattedDate value={entry.createdAt} dateStyle="short" timeStyle="short" />
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="sync-refused">
        <h3 id="sync-refused" className="section-title">
          <Msg id="sync.panel.refused" />
        </h3>
        {data.outcomes.length === 0 ? (
          <p className="muted">
            <Msg id="sync.panel.refusedEmpty" />
          </p>
        ) : (
          <ul className="plain-list">
            {data.outcomes.map((o) => (
              <li key={o.id}>
                <strong>
                  {o.name === 'note-add' || o.name === 'customer-update' ? (
                    <Msg id={`sync.mutation.${o.name}`} values={{ customer: unknown }} />
                  ) : (
                    <Msg id="sync.mutation.other" values={{ name: o.name }} />
                  )}
                </strong>
                {' — '}
                <Msg id={`error.${o.code}`} />{' '}
                <span className="muted">
                  <FormattedDate value={o.at} dateStyle="short" timeStyle="short" />
                </span>
                {o.detail ? (
                  <blockquote className="refused-detail">
                    <span className="visually-hidden">
                      <Msg id="sync.panel.refusedText" />
                    </span>
                    {o.detail}
                  </blockquote>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="sync-conflicts">
        <h3 id="sync-conflicts" className="section-title">
          <Msg id="sync.panel.conflicts" />
        </h3>
        {data.conflicts.length === 0 ? (
          <p className="muted">
            <Msg id="sync.panel.conflictsEmpty" />
          </p>
        ) : (
          <ul className="plain-list">
            {data.conflicts.map((c) => (
              <li key={c.id}>
                <Msg
                  id="sync.panel.conflict"
                  values={{
                    entity: c.entityLabel,
                    field: c.field,
                    lost: c.lostValue,
                    lostBy: c.lostBy,
                    kept: c.keptValue,
                    keptBy: c.keptBy,
                  }}
                />{' '}
                <span className="muted">
                  <FormattedDate value={c.at} dateStyle="short" timeStyle="short" />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
