/**
 * One complaint as head office holds it: what the customer said, the files (fetched from head
 * office on demand), the timeline (who, when, what), and the form that moves it to the next
 * legal status with a note (a note alone needs text), checked by the shared lifecycle.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { FormattedDate, useIntl } from 'react-intl';
import { z } from 'zod';
import type { ComplaintReview } from '../../../shared/contract/complaints.js';
import type { ComplaintAttachment, ComplaintStatus } from '../../../shared/domain/complaint/complaint.js';
import {
  complaintNoteSchema,
  complaintStatuses,
  nextStatuses,
  safeAttachmentType,
} from '../../../shared/domain/complaint/complaint.js';
import { useApp } from '../../app/context.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { ComplaintCategoryText } from '../complaints/index.js';
import { Field, FormActions } from '../../ui/form/index.js';
import { callHeadOffice, type Failure } from '../../lib/headOffice.js';
import { complaintStatusTone, FailureBanner, FailureText, severityTone } from './parts.js';

export function ComplaintDetail({
  review,
  online,
  onChanged,
}: {
  review: ComplaintReview;
  online: boolean;
  onChanged: (changed: ComplaintReview) => void;
}) {
  const intl = useIntl();
  const { complaint, events, attachments } = review;
  const status = (s: ComplaintStatus) => intl.formatMessage({ id: `complaintStatus.${s}` });
  // The screen's own live region is hidden behind this dialog: it announces here too.
  const [saved, setSaved] = useState<ComplaintStatus | null>(null);
  return (
    <div className="dialog__body review__complaint">
      <p className="review__badges">
        <Badge tone={complaintStatusTone[complaint.status]}>
          <Msg id={`complaintStatus.${complaint.status}`} />
        </Badge>{' '}
        <Badge tone={severityTone[complaint.severity]}>
          <Msg id={`severity.${complaint.severity}`} />
        </Badge>{' '}
        <span className="muted">
          <ComplaintCategoryText stored={complaint.category} /> · {review.repName ?? ''} ·{' '}
          <FormattedDate value={complaint.createdAt} dateStyle="medium" />
        </span>
      </p>
      <p className="pre-wrap">{complaint.description}</p>

      {attachments.length > 0 ? (
        <section aria-labelledby={`files-${complaint.id}`}>
          <Text
            as="h3"
            id={`files-${complaint.id}`}
            className="complaint__subtitle"
            msg="complaints.attachments"
          />
          <ul className="complaint-files">
            {attachments.map((a) => (
              <AttachmentItem key={a.id} attachment={a} online={online} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby={`history-${complaint.id}`}>
        <Text
          as="h3"
          id={`history-${complaint.id}`}
          className="complaint__subtitle"
          msg="complaints.history"
        />
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id} className="timeline__item">
              <strong>
                {e.previousStatus === null ? (
                  <Msg id="complaints.event.received" />
                ) : e.previousStatus === e.status ? (
                  <Msg id="complaints.event.note" />
                ) : (
                  <Msg
                    id="complaints.event.status"
                    values={{ from: status(e.previousStatus), to: status(e.status) }}
                  />
                )}
              </strong>
              <p className="timeline__meta">
                <Msg id="complaints.event.by" values={{ name: e.byName }} /> ·{' '}
                <FormattedDate value={e.at} dateStyle="medium" timeStyle="short" />
              </p>
              {e.note ? <p className="pre-wrap">{e.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <p className="review__announce" role="status">
        {saved ? <Msg id="review.complaint.saved" values={{ status: status(saved) }} /> : null}
      </p>
      {complaint.status === 'closed' ? (
        <Text as="p" className="muted" msg="review.complaint.closed" />
      ) : (
        <StatusForm
          key={`${complaint.status}-${events.length}`}
          review={review}
          online={online}
          onChanged={(changed) => {
            setSaved(changed.complaint.status);
            onChanged(changed);
          }}
        />
      )}
    </div>
  );
}

function AttachmentItem({ attachment, online }: { attachment: ComplaintAttachment; online: boolean }) {
  const { platform } = useApp();
  const intl = useIntl();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    setFailure(null);
    const called = await callHeadOffice(platform, 'complaint-attachment-get', { id: attachment.id });
    setBusy(false);
    if (!called.ok) {
      setFailure(called.failure);
      return;
    }
    const binary = atob(called.value.contentBase64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    const url = URL.createObjectURL(new Blob([bytes], { type: safeAttachmentType(attachment.mimeType) }));
    const link = document.createElement('a');
    link.href = url;
    link.download = attachment.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  return (
    <li className="complaint-files__item">
      <span className="complaint-files__name">{attachment.fileName}</span>{' '}
      <span className="muted">
        <Msg id="complaints.file.size" values={{ size: Math.ceil(attachment.sizeBytes / 1024) }} /> ·{' '}
        <Msg id="complaints.event.by" values={{ name: attachment.byName }} />
      </span>{' '}
      <button
        type="button"
        className="btn btn--small"
        disabled={!online || busy}
        aria-label={intl.formatMessage({ id: 'review.complaint.downloadOf' }, { name: attachment.fileName })}
        onClick={() => void download()}
      >
        <Msg id="review.complaint.download" />
      </button>
      {failure ? (
        <span className="field__error" role="alert">
          <FailureText failure={failure} />
        </span>
      ) : null}
    </li>
  );
}

const formSchema = z.object({
  status: z.enum(complaintStatuses),
  note: complaintNoteSchema,
  /** '' = not asked; otherwise 1–5, sent only with the move to "resolved". */
  satisfaction: z.enum(['', '1', '2', '3', '4', '5']),
});
type FormValues = z.infer<typeof formSchema>;

function StatusForm({
  review,
  online,
  onChanged,
}: {
  review: ComplaintReview;
  online: boolean;
  onChanged: (changed: ComplaintReview) => void;
}) {
  const { platform } = useApp();
  const intl = useIntl();
  const id = useId();
  const current = review.complaint.status;
  const moves = nextStatuses(current, 'staff');
  const [failure, setFailure] = useState<Failure | null>(null);
  const schema = formSchema.refine((v) => v.status !== current || v.note.trim() !== '', {
    path: ['note'],
    message: 'empty-note',
  });
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: { status: moves[0] ?? current, note: '', satisfaction: '' },
  });
  const resolving = useWatch({ control, name: 'status' }) === 'resolved';

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const called = await callHeadOffice(platform, 'complaint-update-status', {
      complaintId: review.complaint.id,
      status: values.status,
      note: values.note,
      ...(values.status === 'resolved' && values.satisfaction !== ''
        ? { satisfaction: Number(values.satisfaction) }
        : {}),
    });
    if (!called.ok) {
      setFailure(called.failure);
      return;
    }
    onChanged({
      ...review,
      complaint: called.value.complaint,
      events: [...review.events, called.value.event],
    });
  });

  const noteError = errors.note
    ? errors.note.message === 'empty-note'
      ? 'review.complaint.error.noteEmpty'
      : 'review.complaint.error.noteLong'
    : null;
  return (
    <form className="review__form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <Text as="h3" className="complaint__subtitle" msg="review.complaint.next" />
      {failure ? <FailureBanner failure={failure} title={<Msg id="review.complaint.failed" />} /> : null}
      <fieldset className="fieldset">
        <Text as="legend" className="fieldset__legend" msg="review.complaint.statusLegend" />
        {moves.map((m) => (
          <label key={m} className="checkbox-row">
            <input type="radio" value={m} {...register('status')} />{' '}
            {intl.formatMessage(
              { id: 'complaints.moveTo' },
              { status: intl.formatMessage({ id: `complaintStatus.${m}` }) },
            )}
          </label>
        ))}
        <label className="checkbox-row">
          <input type="radio" value={current} {...register('status')} />{' '}
          {intl.formatMessage({ id: 'complaints.noteOnly' })}
        </label>
      </fieldset>
      <Field
        id={`${id}-note`}
        label={<Msg id="review.complaint.note" />}
        error={noteError ? <Msg id={noteError} /> : null}
      >
        {(control) => <textarea {...control} className="input textarea" rows={3} {...register('note')} />}
      </Field>
      {resolving ? (
        <Field
          id={`${id}-satisfaction`}
          label={<Msg id="review.complaint.satisfaction" />}
          hint={<Msg id="review.complaint.satisfactionHint" />}
        >
          {(control) => (
            <select {...control} className="input" {...register('satisfaction')}>
              <option value="">{intl.formatMessage({ id: 'review.complaint.satisfaction.none' })}</option>
              {(['5', '4', '3', '2', '1'] as const).map((v) => (
                <option key={v} value={v}>
                  {intl.formatMessage({ id: `review.complaint.satisfaction.${v}` })}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <FormActions
        submit={{ label: <Msg id="review.complaint.save" />, saving: isSubmitting, disabled: !online }}
      />
    </form>
  );
}
