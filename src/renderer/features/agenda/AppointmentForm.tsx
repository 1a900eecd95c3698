/**
 * New appointment or move/edit, in a dialog. The form's own schema checks what is typed; the
 * shared validator (run by the mutator inside its transaction) decides the rest: past start
 * and bad durations refuse, an overlap asks for an explicit "save anyway", a long drive is
 * only flagged on the agenda. Nothing is written unless the whole save succeeds.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useIntl } from 'react-intl';
import { z } from 'zod';
import type { AppointmentChanges } from '../../../shared/domain/appointment/appointment.js';
import { appointmentEndMs, appointmentKinds } from '../../../shared/domain/appointment/appointment.js';
import type { AppointmentProblem } from '../../../shared/domain/appointment/check.js';
import { useApp } from '../../app/context.js';
import type { AppointmentRow } from '../../db/schema.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Msg } from '../../i18n/Msg.js';
import { StorageFullError } from '../../sync/storage.js';
import { ErrorSummary, FieldError, FormActions } from '../../ui/form/index.js';
import { buildSearchIndex, searchCustomers } from '../search/index.js';
import { instantOn, timeOfInstant, dayOfInstant } from '../../../shared/lib/calendar.js';
import { AppointmentCheckError, createAppointment, updateAppointment } from './mutators.js';

const formSchema = z.object({
  customerId: z.string().min(1),
  contactId: z.string(),
  kind: z.enum(appointmentKinds),
  date: z.iso.date(),
  time: z.string().regex(/^\d{2}:\d{2}$/),
  durationMinutes: z.number(),
  objective: z.string().trim().max(500),
  notes: z.string().trim().max(5000),
});
type FormValues = z.infer<typeof formSchema>;
type Field = keyof FormValues;

export type FormMode = { mode: 'new'; day: string } | { mode: 'edit'; appointment: AppointmentRow };

interface SummaryEntry {
  field: Field;
  key: MessageKey;
  values?: Record<string, string | number>;
}

const fieldErrorKeys: Record<Field, MessageKey> = {
  customerId: 'agenda.error.customer',
  contactId: 'agenda.error.customer',
  kind: 'agenda.error.customer',
  date: 'agenda.error.date',
  time: 'agenda.error.time',
  durationMinutes: 'agenda.error.duration-not-positive',
  objective: 'agenda.error.tooLong',
  notes: 'agenda.error.tooLong',
};

export function AppointmentForm({
  form,
  onDone,
}: {
  form: FormMode;
  onDone: (outcome: 'saved' | 'unchanged' | 'cancelled') => void;
}) {
  const { db, engine } = useApp();
  const intl = useIntl();
  const timeZone = intl.timeZone ?? 'Europe/Paris';
  const id = useId();
  // Bumped by each refused save: the summary takes the focus.
  const [summaryFocus, setSummaryFocus] = useState(0);
  const editing = form.mode === 'edit' ? form.appointment : null;
  const [baseVersion] = useState(editing?.version ?? 0);
  const [problems, setProblems] = useState<SummaryEntry[]>([]);
  const [overlapOnly, setOverlapOnly] = useState(false);
  const [saveError, setSaveError] = useState<MessageKey | null>(null);
  const [defaults] = useState<FormValues>(() =>
    editing
      ? {
          customerId: editing.customerId,
          contactId: editing.contactId ?? '',
          kind: editing.kind,
          date: dayOfInstant(editing.startAt, timeZone),
          time: timeOfInstant(editing.startAt, timeZone),
          durationMinutes: editing.durationMinutes,
          objective: editing.objective,
          notes: editing.notes,
        }
      : {
          customerId: '',
          contactId: '',
          kind: 'visit',
          date: form.mode === 'new' ? form.day : '',
          time: '09:00',
          durationMinutes: 60,
          objective: '',
          notes: '',
        },
  );
  const {
    register,
    control,
    handleSubmit,
    watch,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: defaults });
  const customerId = watch('customerId');
  const contacts = useLiveQuery(
    () => (customerId ? db.contacts.where('customerId').equals(customerId).sortBy('lastName') : []),
    [db, customerId],
  );

  const focusSummary = () => setSummaryFocus((n) => n + 1);

  const describeOverlap = async (p: AppointmentProblem): Promise<SummaryEntry> => {
    if (p.code !== 'overlap') return { field: 'time', key: 'agenda.error.time' };
    const other = await db.appointments.get(p.otherId);
    const customer = other ? await db.customers.get(other.customerId) : undefined;
    return {
      field: 'time',
      key: 'agenda.error.overlap',
      values: {
        other: customer?.name ?? intl.formatMessage({ id: 'sync.unknownCustomer' }),
        time: other
          ? intl.formatDateTimeRange(Date.parse(other.startAt), appointmentEndMs(other), {
              hour: '2-digit',
              minute: '2-digit',
            })
          : '',
      },
    };
  };

  const entriesOf = async (list: readonly AppointmentProblem[]): Promise<SummaryEntry[]> => {
    const entries: SummaryEntry[] = [];
    for (const p of list) {
      switch (p.code) {
        case 'start-in-past':
          entries.push({ field: 'date', key: 'agenda.error.start-in-past' });
          break;
        case 'duration-not-positive':
          entries.push({ field: 'durationMinutes', key: 'agenda.error.duration-not-positive' });
          break;
        case 'duration-too-short':
          entries.push({
            field: 'durationMinutes',
            key: 'agenda.error.duration-too-short',
            values: { min: p.min },
          });
          break;
        case 'duration-too-long':
          entries.push({
            field: 'durationMinutes',
            key: 'agenda.error.duration-too-long',
            values: { max: p.max },
          });
          break;
        case 'overlap':
          entries.push(await describeOverlap(p));
          break;
        case 'travel-too-short':
          break; // a warning shown on the agenda, never a refusal
      }
    }
    return entries;
  };

  const save = (confirmOverlap: boolean) =>
    handleSubmit(
      async (values) => {
        setSaveError(null);
        const startAt = instantOn(values.date, values.time, timeZone);
        try {
          if (editing) {
            const changes: AppointmentChanges = {};
            if (startAt !== editing.startAt) changes.startAt = startAt;
            if (values.durationMinutes !== editing.durationMinutes)
              changes.durationMinutes = values.durationMinutes;
            if (values.kind !== editing.kind) changes.kind = values.kind;
            const contactId = values.contactId === '' ? null : values.contactId;
            if (contactId !== editing.contactId) changes.contactId = contactId;
            if (values.objective !== editing.objective) changes.objective = values.objective;
            if (values.notes !== editing.notes) changes.notes = values.notes;
            if (Object.keys(changes).length === 0) {
              onDone('unchanged');
              return;
            }
            await engine.write(
              updateAppointment,
              { id: editing.id, baseVersion, changes },
              { timeZone, confirmOverlap },
            );
          } else {
            await engine.write(
              createAppointment,
              {
                customerId: values.customerId,
                contactId: values.contactId === '' ? null : values.contactId,
                kind: values.kind,
                startAt,
                durationMinutes: values.durationMinutes,
                objective: values.objective,
                notes: values.notes,
              },
              { timeZone, confirmOverlap },
            );
          }
          onDone('saved');
        } catch (e) {
          if (e instanceof AppointmentCheckError) {
            setProblems(await entriesOf(e.problems));
            setOverlapOnly(e.problems.every((p) => p.severity !== 'block'));
            focusSummary();
          } else {
            setSaveError(e instanceof StorageFullError ? 'error.storage-full' : 'error.unexpected');
          }
        }
      },
      () => {
        setProblems([]);
        setOverlapOnly(false);
        focusSummary();
      },
    );

  const inputId = (name: Field) => `${id}-${name}`;
  const schemaErrors: SummaryEntry[] = (Object.keys(fieldErrorKeys) as Field[]).flatMap((f) => {
    const error = errors[f];
    if (!error) return [];
    const tooLong = 'type' in error && error.type === 'too_big';
    return [{ field: f, key: tooLong ? 'agenda.error.tooLong' : fieldErrorKeys[f] }];
  });
  const summary = schemaErrors.length > 0 ? schemaErrors : problems;
  const errorOf = (name: Field) => summary.find((s) => s.field === name);
  const invalidProps = (name: Field) =>
    errorOf(name)
      ? ({ 'aria-invalid': true, 'aria-describedby': `${inputId(name)}-error` } as const)
      : ({} as const);
  const inlineError = (name: Field) => {
    const e = errorOf(name);
    return e ? (
      <FieldError id={inputId(name)}>
        <Msg id={e.key} values={e.values} />
      </FieldError>
    ) : null;
  };
  const label = (name: Field, key: MessageKey) => (
    <label htmlFor={inputId(name)} className="field__label">
      <Msg id={key} />
    </label>
  );

  return (
    <form
      className="edit-form agenda-form"
      onSubmit={(e) => void save(false)(e)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      {summary.length > 0 ? (
        <ErrorSummary
          id={id}
          heading="h3"
          focusKey={summaryFocus}
          tone={overlapOnly && schemaErrors.length === 0 ? 'warning' : 'danger'}
          title={
            overlapOnly && schemaErrors.length === 0 ? (
              <Msg id="agenda.overlap.title" />
            ) : (
              <Msg id="form.errorSummary" />
            )
          }
          problems={summary.map((s, i) => ({
            key: String(i),
            target: inputId(s.field),
            message: <Msg id={s.key} values={s.values} />,
            ...(s.field === 'customerId' ? {} : { focus: () => setFocus(s.field) }),
          }))}
        >
          {overlapOnly && schemaErrors.length === 0 ? (
            <>
              <p>
                <Msg id="agenda.overlap.body" />
              </p>
              <button
                type="button"
                className="btn"
                onClick={(e) => void save(true)(e)}
                disabled={isSubmitting}
              >
                <Msg id="agenda.overlap.saveAnyway" />
              </button>
            </>
          ) : null}
        </ErrorSummary>
      ) : null}

      <div className="form-grid">
        {editing ? (
          <EditingCustomer customerId={editing.customerId} />
        ) : (
          <Controller
            control={control}
            name="customerId"
            render={({ field }) => (
              <CustomerCombobox
                id={inputId('customerId')}
                value={field.value}
                onChange={field.onChange}
                error={inlineError('customerId')}
                invalid={invalidProps('customerId')}
              />
            )}
          />
        )}
        <div className="field">
          {label('contactId', 'agenda.field.contact')}
          <select id={inputId('contactId')} className="input" {...register('contactId')}>
            <option value="">{intl.formatMessage({ id: 'agenda.field.noContact' })}</option>
            {(contacts ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {[c.firstName, c.lastName].filter(Boolean).join(' ')}
                {c.role ? ` (${c.role})` : ''}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field agenda-form__kind">
          <legend className="field__label">
            <Msg id="agenda.field.kind" />
          </legend>
          <div className="checkbox-row">
            {appointmentKinds.map((k) => (
              <label key={k} className="checkbox">
                <input type="radio" value={k} {...register('kind')} />
                <Msg id={`agenda.kind.${k}`} />
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          {label('date', 'agenda.field.date')}
          {inlineError('date')}
          <input
            id={inputId('date')}
            type="date"
            className="input"
            {...invalidProps('date')}
            {...register('date')}
          />
        </div>
        <div className="field">
          {label('time', 'agenda.field.time')}
          {inlineError('time')}
          <input
            id={inputId('time')}
            type="time"
            step={300}
            className="input"
            {...invalidProps('time')}
            {...register('time')}
          />
        </div>
        <div className="field">
          {label('durationMinutes', 'agenda.field.durationMinutes')}
          {inlineError('durationMinutes')}
          <input
            id={inputId('durationMinutes')}
            type="number"
            inputMode="numeric"
            step={5}
            className="input"
            {...invalidProps('durationMinutes')}
            {...register('durationMinutes', { valueAsNumber: true })}
          />
        </div>
        <div className="field field--wide">
          {label('objective', 'agenda.field.objective')}
          {inlineError('objective')}
          <input
            id={inputId('objective')}
            className="input"
            {...invalidProps('objective')}
            {...register('objective')}
          />
        </div>
        <div className="field field--wide">
          {label('notes', 'agenda.field.notes')}
          {inlineError('notes')}
          <textarea
            id={inputId('notes')}
            className="input textarea"
            rows={3}
            {...invalidProps('notes')}
            {...register('notes')}
          />
        </div>
      </div>
      <FormActions
        error={saveError ? <Msg id={saveError} /> : null}
        submit={{ label: <Msg id="agenda.form.save" />, saving: isSubmitting }}
        cancel={{ label: <Msg id="agenda.form.cancel" />, onCancel: () => onDone('cancelled') }}
      />
    </form>
  );
}

function EditingCustomer({ customerId }: { customerId: string }) {
  const { db } = useApp();
  const customer = useLiveQuery(() => db.customers.get(customerId), [db, customerId]);
  return (
    <div className="field field--wide">
      <span className="field__label">
        <Msg id="agenda.field.customer" />
      </span>
      <span className="agenda-form__customer">
        {customer?.name} {customer?.city ? <span className="muted">{customer.city}</span> : null}
      </span>
    </div>
  );
}

/** A searchable combobox over the local portfolio (accent-insensitive, by name, town, postcode…). */
function CustomerCombobox({
  id,
  value,
  onChange,
  error,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (customerId: string) => void;
  error: React.ReactNode;
  invalid: { 'aria-invalid'?: true; 'aria-describedby'?: string };
}) {
  const { db } = useApp();
  const intl = useIntl();
  const index = useLiveQuery(async () => {
    const [customers, contacts] = await Promise.all([db.customers.toArray(), db.contacts.toArray()]);
    return buildSearchIndex(customers, contacts);
  }, [db]);
  const selected = useLiveQuery(() => (value ? db.customers.get(value) : undefined), [db, value]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const results = useMemo(
    () => (index && query.trim() !== '' ? searchCustomers(index, query, 20) : []),
    [index, query],
  );
  const activeIndex = Math.min(active, Math.max(0, results.length - 1));
  const shown = open && query.trim() !== '';
  const choose = (customerId: string, name: string) => {
    onChange(customerId);
    setQuery(name);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      setOpen(true);
      setActive(Math.min(results.length - 1, activeIndex + 1));
    } else if (e.key === 'ArrowUp') {
      setActive(Math.max(0, activeIndex - 1));
    } else if (e.key === 'Enter' && shown) {
      const hit = results[activeIndex];
      if (hit) choose(hit.customerId, hit.name);
    } else if (e.key === 'Escape' && shown) {
      setOpen(false);
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  };
  const displayed = open || !selected ? query : selected.name;
  return (
    <div className="field field--wide agenda-combobox">
      <label htmlFor={id} className="field__label">
        <Msg id="agenda.field.customer" />
      </label>
      <p id={`${id}-hint`} className="field__hint muted">
        <Msg id="agenda.field.customerHint" />
      </p>
      {error}
      <input
        id={id}
        className="input"
        role="combobox"
        aria-expanded={shown && results.length > 0}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={shown && results.length > 0 ? `${id}-option-${activeIndex}` : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- a new appointment starts with its customer
        autoFocus
        value={displayed}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          if (value) onChange('');
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        {...invalid}
        aria-describedby={[`${id}-hint`, invalid['aria-describedby']].filter(Boolean).join(' ')}
      />
      <ul
        id={`${id}-listbox`}
        role="listbox"
        className="agenda-combobox__list"
        aria-label={intl.formatMessage({ id: 'agenda.field.customer' })}
        hidden={!shown}
      >
        {results.map((r, i) => (
          // Chosen with the keyboard from the input (aria-activedescendant) or the mouse.
          <li
            key={r.customerId}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === activeIndex}
            className="agenda-combobox__option"
            onMouseDown={(e) => {
              e.preventDefault();
              choose(r.customerId, r.name);
            }}
          >
            <span>{r.name}</span> <span className="muted">{r.city}</span>
          </li>
        ))}
        {shown && index && results.length === 0 ? (
          <li role="option" aria-selected={false} aria-disabled className="agenda-combobox__option muted">
            <Msg id="agenda.customer.noResult" />
          </li>
        ) : null}
      </ul>
    </div>
  );
}
