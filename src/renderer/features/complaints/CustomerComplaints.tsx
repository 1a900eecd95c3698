import { useEffect, useId, useState, type FormEvent } from 'react';
import { FormattedDate, useIntl } from 'react-intl';
import type { ComplaintStatus } from '../../../shared/domain/complaint/complaint.js';
import { nextStatuses, safeAttachmentType } from '../../../shared/domain/complaint/complaint.js';
import { useApp } from '../../app/context.js';
import type { ComplaintAttachmentRow, ComplaintEventRow } from '../../db/schema.js';
import type { MessageKey } from '../../i18n/index.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { isQuotaError, StorageFullError } from '../../sync/storage.js';
import { addComplaintEvent, ComplaintInputError, sha256Hex } from './mutators.js';
import { Badge } from '../../ui/Badge.js';
import { ComplaintCategoryText } from './category.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { LogComplaintDialog } from './LogComplaintDialog.js';
import { problemMessage } from './messages.js';
import type { ComplaintDetails } from './queries.js';
import { attachmentBytes, useCustomerComplaints } from './queries.js';

export const complaintTone = {
  received: 'danger',
  acknowledged: 'warning',
  'in-progress': 'info',
  resolved: 'success',
  closed: 'neutral',
} as const;

/** The complaints tab of the customer page: log one, follow each one's history, add a note. */
export function CustomerComplaints({ customerId }: { customerId: string }) {
  const { db } = useApp();
  const intl = useIntl();
  const complaints = useCustomerComplaints(db, customerId);
  const [logging, setLogging] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className="complaints">
      <div className="complaints__toolbar">
        <button type="button" className="btn btn--primary" onClick={() => setLogging(true)}>
          <Msg id="complaints.log" />
        </button>
        <p role="status" className="muted">
          {message}
        </p>
      </div>
      {complaints === undefined ? (
        <SkeletonRows rows={4} label="" />
      ) : complaints.length === 0 ? (
        <EmptyState title={<Msg id="c360.complaints.empty" />} />
      ) : (
        <ol className="complaint-list">
          {complaints.map((details) => (
            <ComplaintCard key={details.complaint.id} details={details} />
          ))}
        </ol>
      )}
      <LogComplaintDialog
        customerId={customerId}
        isOpen={logging}
        onClose={(outcome) => {
          setLogging(false);
          if (outcome === 'saved') setMessage(intl.formatMessage({ id: 'complaints.saved' }));
        }}
      />
    </section>
  );
}

function ComplaintCard({ details }: { details: ComplaintDetails }) {
  const { complaint, events, attachments, localContent, productName, orderNumber } = details;
  const titleId = useId();
  return (
    <li className="complaint card" aria-labelledby={titleId}>
      <h3 id={titleId} className="complaint__title">
        <FormattedDate value={complaint.createdAt} dateStyle="medium" /> ·{' '}
        <ComplaintCategoryText stored={complaint.category} />{' '}
        <Badge tone={complaintTone[complaint.status]}>
          <Msg id={`complaintStatus.${complaint.status}`} />
        </Badge>{' '}
        <span className="muted">
          <Msg id={`severity.${complaint.severity}`} />
        </span>{' '}
        <span
          className={
            complaint.version === 0 ? 'complaint__where complaint__where--local' : 'complaint__where'
          }
        >
          <Msg id={complaint.version === 0 ? 'complaints.local' : 'complaints.atHeadOffice'} />
        </span>
      </h3>
      {productName || orderNumber ? (
        <p className="muted">{[productName, orderNumber].filter(Boolean).join(' · ')}</p>
      ) : null}
      <p className="pre-wrap">{complaint.description}</p>
      {attachments.length > 0 ? (
        <>
          <Text as="h4" className="complaint__subtitle" msg="complaints.attachments" />
          <ul className="complaint-files">
            {attachments.map((a) => (
              <AttachmentItem key={a.id} attachment={a} local={localContent.has(a.id)} />
            ))}
          </ul>
        </>
      ) : null}
      <Text as="h4" className="complaint__subtitle" msg="complaints.history" />
      <ol className="complaint-events">
        {events.map((e) => (
          <EventItem key={e.id} event={e} />
        ))}
      </ol>
      {complaint.status === 'closed' ? null : (
        <NoteForm complaintId={complaint.id} status={complaint.status} />
      )}
    </li>
  );
}

function EventItem({ event }: { event: ComplaintEventRow }) {
  const intl = useIntl();
  const status = (s: ComplaintStatus) => intl.formatMessage({ id: `complaintStatus.${s}` });
  return (
    <li className="complaint-events__item">
      <strong>
        {event.previousStatus === null ? (
          <Msg id="complaints.event.received" />
        ) : event.previousStatus === event.status ? (
          <Msg id="complaints.event.note" />
        ) : (
          <Msg
            id="complaints.event.status"
            values={{ from: status(event.previousStatus), to: status(event.status) }}
          />
        )}
      </strong>{' '}
      <span className="muted">
        <Msg id="complaints.event.by" values={{ name: event.byName }} /> ·{' '}
        <FormattedDate value={event.at} dateStyle="medium" timeStyle="short" />
        {event.version === 0 ? (
          <>
            {' · '}
            <Msg id="complaints.local" />
          </>
        ) : null}
      </span>
      {event.note ? <p className="pre-wrap">{event.note}</p> : null}
    </li>
  );
}

/** Decodes base64 (the wire form of an attachment's content). */
function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

type Fetching = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; key: MessageKey };

/**
 * One photo or file: previewed (images) and openable when its content is on this laptop; one
 * taken on another device is fetched from head office on demand, checked against its SHA-256,
 * and kept here for offline use.
 */
function AttachmentItem({ attachment, local }: { attachment: ComplaintAttachmentRow; local: boolean }) {
  const { db, platform } = useApp();
  const intl = useIntl();
  const [url, setUrl] = useState<string | null>(null);
  const [fetching, setFetching] = useState<Fetching>({ kind: 'idle' });
  const isImage = safeAttachmentType(attachment.mimeType).startsWith('image/');
  useEffect(() => {
    if (!local) return undefined;
    let created: string | null = null;
    let live = true;
    void attachmentBytes(db, attachment.id).then((bytes) => {
      if (!live || bytes === null) return;
      created = URL.createObjectURL(
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: safeAttachmentType(attachment.mimeType) }),
      );
      setUrl(created);
    });
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [db, attachment.id, attachment.mimeType, local]);

  const fetchFromHeadOffice = async () => {
    setFetching({ kind: 'busy' });
    try {
      const reply = await platform.transport.invoke('complaint-attachment-get', { id: attachment.id });
      if (!reply.ok) {
        setFetching({ kind: 'failed', key: `error.${reply.error.code}` });
        return;
      }
      const bytes = base64ToBytes(reply.value.contentBase64);
      if ((await sha256Hex(bytes)) !== attachment.sha256) {
        setFetching({ kind: 'failed', key: 'complaints.file.corrupt' });
        return;
      }
      await db.attachmentBlobs.put({ id: attachment.id, complaintId: attachment.complaintId, bytes });
      setFetching({ kind: 'idle' });
    } catch (error) {
      console.error('Attachment not fetched', error);
      setFetching({
        kind: 'failed',
        key: isQuotaError(error) ? 'error.storage-full' : 'complaints.file.offline',
      });
    }
  };

  return (
    <li className="complaint-files__item">
      {url && isImage ? (
        <img
          className="complaint-files__preview"
          src={url}
          alt={intl.formatMessage({ id: 'complaints.file.preview' }, { name: attachment.fileName })}
        />
      ) : null}
      {url ? (
        <a className="complaint-files__name" href={url} download={attachment.fileName}>
          {attachment.fileName}
        </a>
      ) : (
        <span className="complaint-files__name">{attachment.fileName}</span>
      )}{' '}
      <span className="muted">
        <Msg id="complaints.file.size" values={{ size: Math.ceil(attachment.sizeBytes / 1024) }} /> ·{' '}
        <Msg id={attachment.version === 0 ? 'complaints.local' : 'complaints.atHeadOffice'} />
      </span>
      {!local && attachment.version > 0 ? (
        <>
          {' '}
          <button
            type="button"
            className="btn btn--small"
            disabled={fetching.kind === 'busy'}
            onClick={() => void fetchFromHeadOffice()}
          >
            <Msg id={fetching.kind === 'busy' ? 'complaints.file.fetching' : 'complaints.file.fetch'} />
          </button>
          <span role="status" className="field__error">
            {fetching.kind === 'failed' ? <Msg id={fetching.key} /> : null}
          </span>
        </>
      ) : null}
    </li>
  );
}

/** A note by the rep, optionally with the one move a rep may make (close or reopen once resolved). */
function NoteForm({ complaintId, status }: { complaintId: string; status: ComplaintStatus }) {
  const { engine } = useApp();
  const intl = useIntl();
  const id = useId();
  const [note, setNote] = useState('');
  const [next, setNext] = useState<ComplaintStatus>(status);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const moves = nextStatuses(status, 'rep');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await engine.write(addComplaintEvent, {
        complaintId,
        status: moves.includes(next) ? next : status,
        note,
      });
      setNote('');
      setNext(status);
      setSaved(true);
    } catch (e) {
      setError(
        e instanceof ComplaintInputError && e.problems[0]
          ? problemMessage(intl, e.problems[0])
          : intl.formatMessage({
              id: e instanceof StorageFullError ? 'complaints.error.storage' : 'complaints.error.failed',
            }),
      );
    }
  };
  return (
    <form className="complaint-note" onSubmit={(e) => void submit(e)} noValidate>
      <Text as="label" htmlFor={`${id}-note`} className="field__label" msg="complaints.addNote" />
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          <Text as="span" className="visually-hidden" msg="form.errorPrefix" />
          {error}
        </p>
      ) : null}
      <textarea
        id={`${id}-note`}
        className="input textarea"
        rows={2}
        value={note}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="complaint-note__actions">
        {moves.length > 0 ? (
          <label className="complaint-note__move">
            <Msg id="complaints.noteAction" />{' '}
            <select
              className="input"
              value={next}
              onChange={(e) => setNext(e.target.value as ComplaintStatus)}
            >
              <option value={status}>{intl.formatMessage({ id: 'complaints.noteOnly' })}</option>
              {moves.map((m) => (
                <option key={m} value={m}>
                  {intl.formatMessage(
                    { id: 'complaints.moveTo' },
                    { status: intl.formatMessage({ id: `complaintStatus.${m}` }) },
                  )}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit" className="btn btn--small">
          <Msg id="complaints.noteSave" />
        </button>
        <span role="status" className="muted">
          {saved ? <Msg id="complaints.noteSaved" /> : null}
        </span>
      </div>
    </form>
  );
}
