/**
 * New appointment or move/edit, in a dialog. The form's own schema checks what is typed; the
 * shared validator (run by the mutator inside its transaction) decides the rest: past start
 * and bad durations refuse, an overlap asks for an explicit "save anyway", a long drive is
 * only flagged on the agenda. Nothing is written unless the whole save succeeds.
 */
import { useId, type InputHTMLAttributes } from 'react';
import { Controller } from 'react-hook-form';
import { useIntl } from 'react-intl';
import { appointmentKinds } from '../../../../shared/domain/appointment/appointment.js';
import type { MessageKey } from '../../../i18n/fr.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import {
  DatePicker,
  ErrorSummary,
  Field,
  FieldError,
  FormActions,
  TimeInput,
  controlProps,
} from '../../../ui/form/index.js';
import { CustomerCombobox } from './CustomerCombobox.js';
import { EditingCustomer } from './EditingCustomer.js';
import { SlotNotes } from './SlotNotes.js';
import { useContactsOf } from './queries.js';
import { useAppointmentForm, type FieldName, type FormMode } from './useAppointmentForm.js';

export type { FormMode } from './useAppointmentForm.js';

/** The typed fields after the day and time, in order (notes, a textarea, follow). */
const inputs: readonly {
  name: 'durationMinutes' | 'objective';
  label: MessageKey;
  wide?: boolean;
  attrs: InputHTMLAttributes<HTMLInputElement>;
}[] = [
  {
    name: 'durationMinutes',
    label: 'agenda.field.durationMinutes',
    attrs: { type: 'number', inputMode: 'numeric', step: 5 },
  },
  { name: 'objective', label: 'agenda.field.objective', wide: true, attrs: {} },
];

export function AppointmentForm({
  form,
  onDone,
}: {
  form: FormMode;
  onDone: (outcome: 'saved' | 'unchanged' | 'cancelled') => void;
}) {
  const intl = useIntl();
  const id = useId();
  const { rhf, editing, slot, warnings, save, summary, summaryFocus, warningOnly, saveError, errorOf } =
    useAppointmentForm(form, onDone);
  const timeZone = intl.timeZone ?? 'Europe/Paris';
  const {
    register,
    control,
    watch,
    setFocus,
    formState: { isSubmitting },
  } = rhf;
  const contacts = useContactsOf(watch('customerId'));

  const inputId = (name: FieldName) => `${id}-${name}`;
  const errorText = (name: FieldName) => {
    const e = errorOf(name);
    return e ? <Msg id={e.key} values={e.values} /> : null;
  };

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
          tone={warningOnly ? 'warning' : 'danger'}
          title={warningOnly ? <Msg id="agenda.overlap.title" /> : <Msg id="form.errorSummary" />}
          problems={summary.map((s, i) => ({
            key: String(i),
            target: inputId(s.field),
            message: <Msg id={s.key} values={s.values} />,
            ...(s.field === 'customerId' ? {} : { focus: () => setFocus(s.field) }),
          }))}
        >
          {warningOnly ? (
            <>
              <Text as="p" msg="agenda.overlap.body" />
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
            render={({ field }) => {
              const error = errorText('customerId');
              return (
                <CustomerCombobox
                  id={inputId('customerId')}
                  value={field.value}
                  onChange={field.onChange}
                  error={error ? <FieldError id={inputId('customerId')}>{error}</FieldError> : null}
                  invalid={controlProps(inputId('customerId'), { error: error !== null })}
                />
              );
            }}
          />
        )}
        <Field id={inputId('contactId')} label={<Msg id="agenda.field.contact" />}>
          {(control) => (
            <select {...control} className="input" {...register('contactId')}>
              <option value="">{intl.formatMessage({ id: 'agenda.field.noContact' })}</option>
              {(contacts ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {[c.firstName, c.lastName].filter(Boolean).join(' ')}
                  {c.role ? ` (${c.role})` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="field agenda-form__kind">
          <Text as="legend" className="field__label" msg="agenda.field.kind" />
          <div className="checkbox-row">
            {appointmentKinds.map((k) => (
              <label key={k} className="checkbox">
                <input type="radio" value={k} {...register('kind')} />
                <Msg id={`agenda.kind.${k}`} />
              </label>
            ))}
          </div>
        </fieldset>
        <Controller
          control={control}
          name="date"
          render={({ field }) => (
            <Field id={inputId('date')} label={<Msg id="agenda.field.date" />} error={errorText('date')}>
              {(c) => (
                <DatePicker
                  control={c}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                />
              )}
            </Field>
          )}
        />
        <Controller
          control={control}
          name="time"
          render={({ field }) => (
            <Field id={inputId('time')} label={<Msg id="agenda.field.time" />} error={errorText('time')}>
              {(c) => (
                <TimeInput
                  control={c}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                />
              )}
            </Field>
          )}
        />
        {inputs.map(({ name, label, wide, attrs }) => (
          <Field
            key={name}
            id={inputId(name)}
            label={<Msg id={label} />}
            error={errorText(name)}
            className={wide ? 'field--wide' : undefined}
          >
            {(control) => (
              <input
                {...control}
                {...attrs}
                className="input"
                {...register(name, name === 'durationMinutes' ? { valueAsNumber: true } : {})}
              />
            )}
          </Field>
        ))}
        <SlotNotes note={slot.note} warnings={warnings} timeZone={timeZone} onTake={slot.take} />
        <Field
          id={inputId('notes')}
          label={<Msg id="agenda.field.notes" />}
          error={errorText('notes')}
          className="field--wide"
        >
          {(control) => <textarea {...control} className="input textarea" rows={3} {...register('notes')} />}
        </Field>
      </div>
      <FormActions
        error={saveError ? <Msg id={saveError} /> : null}
        submit={{ label: <Msg id="agenda.form.save" />, saving: isSubmitting }}
        cancel={{ label: <Msg id="agenda.form.cancel" />, onCancel: () => onDone('cancelled') }}
      />
    </form>
  );
}
