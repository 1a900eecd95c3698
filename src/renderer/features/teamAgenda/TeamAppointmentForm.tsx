/**
 * A manager's appointment for a rep, sent to head office (never written on the manager's
 * laptop: the rep's laptop receives it at its next sync, marked as set by the manager). New:
 * customer of that rep, kind, day, time, duration, objective; move: day, time, duration. What
 * is typed is checked here (a start already past, a duration out of bounds); head office's
 * refusal is said at its field. Nothing is sent twice: the button waits for the answer.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useIntl } from 'react-intl';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { Appointment } from '../../../shared/domain/appointment/appointment.js';
import {
  appointmentKinds,
  maxAppointmentMinutes,
  minAppointmentMinutes,
} from '../../../shared/domain/appointment/appointment.js';
import { dayOfInstant, instantOn, timeOfInstant } from '../../../shared/lib/calendar.js';
import type { AppError } from '../../../shared/lib/result.js';
import { useApp } from '../../app/context.js';
import { Msg } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/fr.js';
import { ErrorText } from '../../i18n/errorText.js';
import { callHeadOffice, type Failure } from '../../lib/headOffice.js';
import { DatePicker, Field, FormActions, TimeInput } from '../../ui/form/index.js';
import { FailureText } from '../review/index.js';

const formSchema = z
  .object({
    customerId: z.string(),
    kind: z.enum(appointmentKinds),
    date: z.string(),
    time: z.string(),
    durationMinutes: z.number(),
    objective: z.string().trim().max(500),
  })
  .superRefine((v, ctx) => {
    const issue = (path: keyof typeof v, message: MessageKey) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.customerId === '') issue('customerId', 'agenda.error.customer');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) issue('date', 'agenda.error.date');
    if (!/^\d{2}:\d{2}$/.test(v.time)) issue('time', 'agenda.error.time');
    if (!Number.isInteger(v.durationMinutes) || v.durationMinutes < minAppointmentMinutes) {
      issue('durationMinutes', 'agenda.error.duration-too-short');
    } else if (v.durationMinutes > maxAppointmentMinutes) {
      issue('durationMinutes', 'agenda.error.duration-too-long');
    }
  });
type FormValues = z.infer<typeof formSchema>;
type FieldName = keyof FormValues;

export type TeamFormMode =
  { mode: 'new'; repId: string; day: string } | { mode: 'move'; appointment: Appointment };

export function TeamAppointmentForm({
  form,
  onDone,
}: {
  form: TeamFormMode;
  onDone: (outcome: { saved: Appointment } | 'cancelled') => void;
}) {
  const { db, platform, user } = useApp();
  const intl = useIntl();
  const id = useId();
  const zone = user.timeZone;
  const repId = form.mode === 'new' ? form.repId : form.appointment.repId;
  const customers = useLiveQuery(
    async () =>
      form.mode === 'new'
        ? (await db.customers.filter((c) => c.ownerId === repId).toArray()).sort((a, b) =>
            a.name.localeCompare(b.name, intl.locale),
          )
        : [],
    [db, repId, form.mode],
  );
  const [refusal, setRefusal] = useState<Failure | null>(null);
  const defaults: FormValues =
    form.mode === 'new'
      ? { customerId: '', kind: 'visit', date: form.day, time: '09:00', durationMinutes: 45, objective: '' }
      : {
          customerId: form.appointment.customerId,
          kind: form.appointment.kind,
          date: dayOfInstant(form.appointment.startAt, zone),
          time: timeOfInstant(form.appointment.startAt, zone),
          durationMinutes: form.appointment.durationMinutes,
          objective: form.appointment.objective,
        };
  const {
    register,
    control: formControl,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: defaults });

  const errorOf = (name: FieldName) => {
    const message = errors[name]?.message;
    if (message !== undefined) {
      return (
        <Msg id={message as MessageKey} values={{ min: minAppointmentMinutes, max: maxAppointmentMinutes }} />
      );
    }
    if (refusal?.kind === 'refused' && fieldOf(refusal.error) === name)
      return <ErrorText error={refusal.error} />;
    return null;
  };

  const submit = handleSubmit(async (values) => {
    const startAt = instantOn(values.date, values.time, zone);
    if (isPast(startAt)) {
      setError('date', { message: 'agenda.error.start-in-past' });
      return;
    }
    setRefusal(null);
    const called =
      form.mode === 'new'
        ? await callHeadOffice(platform, 'appointment-set', {
            id: uuidv7(),
            repId,
            customerId: values.customerId,
            contactId: null,
            kind: values.kind,
            startAt,
            durationMinutes: values.durationMinutes,
            objective: values.objective,
            notes: '',
          })
        : await callHeadOffice(platform, 'appointment-update', {
            id: form.appointment.id,
            baseVersion: form.appointment.version,
            changes: { startAt, durationMinutes: values.durationMinutes },
          });
    if (called.ok) onDone({ saved: called.value.appointment });
    else setRefusal(called.failure);
  });

  const refusedElsewhere =
    refusal !== null && !(refusal.kind === 'refused' && fieldOf(refusal.error) in defaults) ? refusal : null;

  return (
    <form className="edit-form agenda-form" onSubmit={(e) => void submit(e)} noValidate>
      {form.mode === 'new' ? (
        <>
          <Field
            id={`${id}-customer`}
            label={<Msg id="agenda.field.customer" />}
            error={errorOf('customerId')}
            className="field--wide"
          >
            {(control) => (
              <select {...control} className="input" {...register('customerId')}>
                <option value="">{intl.formatMessage({ id: 'teamAgenda.chooseCustomer' })}</option>
                {(customers ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.city === '' ? c.name : `${c.name} — ${c.city}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-kind`} label={<Msg id="agenda.field.kind" />}>
            {(control) => (
              <select {...control} className="input" {...register('kind')}>
                {appointmentKinds.map((k) => (
                  <option key={k} value={k}>
                    {intl.formatMessage({ id: `agenda.kind.${k}` })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      ) : null}
      <Field id={`${id}-date`} label={<Msg id="agenda.field.date" />} error={errorOf('date')}>
        {(control) => (
          <Controller
            control={formControl}
            name="date"
            render={({ field }) => (
              <DatePicker
                control={control}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
              />
            )}
          />
        )}
      </Field>
      <Field id={`${id}-time`} label={<Msg id="agenda.field.time" />} error={errorOf('time')}>
        {(control) => (
          <Controller
            control={formControl}
            name="time"
            render={({ field }) => (
              <TimeInput
                control={control}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
              />
            )}
          />
        )}
      </Field>
      <Field
        id={`${id}-duration`}
        label={<Msg id="agenda.field.durationMinutes" />}
        error={errorOf('durationMinutes')}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            step={5}
            className="input"
            {...register('durationMinutes', { valueAsNumber: true })}
          />
        )}
      </Field>
      {form.mode === 'new' ? (
        <Field
          id={`${id}-objective`}
          label={<Msg id="agenda.field.objective" />}
          error={errorOf('objective')}
          className="field--wide"
        >
          {(control) => <input {...control} className="input" {...register('objective')} />}
        </Field>
      ) : null}
      <FormActions
        error={refusedElsewhere === null ? null : <FailureText failure={refusedElsewhere} />}
        submit={{
          label: <Msg id={form.mode === 'new' ? 'teamAgenda.set' : 'teamAgenda.move'} />,
          saving: isSubmitting,
        }}
        cancel={{ label: <Msg id="teamAgenda.back" />, onCancel: () => onDone('cancelled') }}
      />
    </form>
  );
}

/** Whether an instant has already passed (asked when the form is sent). */
function isPast(iso: string): boolean {
  return Date.parse(iso) <= Date.now();
}

/** The form field head office names in a refusal (`startAt` is typed as day and time). */
function fieldOf(error: AppError): string {
  return error.field === 'startAt' ? 'date' : (error.field ?? '');
}
