import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Controller, useForm, type FieldErrors } from 'react-hook-form';
import { useIntl } from 'react-intl';
import type { CustomerChanges, CustomerEditable } from '../../../shared/domain/customer/customer.js';
import {
  companySizes,
  customerEditableFields,
  customerEditableSchema,
  customerStatuses,
  weekdays,
} from '../../../shared/domain/customer/customer.js';
import { useApp } from '../../app/context.js';
import type { CustomerRow } from '../../db/schema.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { StorageFullError } from '../../sync/storage.js';
import { updateCustomer } from './mutators.js';
import {
  DatePicker,
  ErrorSummary,
  Field,
  FieldError,
  FormActions,
  controlProps,
  type ControlProps,
  type CustomFieldProps,
} from '../../ui/form/index.js';
import { weekdayName } from './c360/format.js';

type Field = keyof CustomerEditable;
/** The fields this form shows, in order (coordinates and price group keep their values). */
const shownFields = [
  'name',
  'siret',
  'nafCode',
  'legalForm',
  'sector',
  'size',
  'address',
  'postcode',
  'city',
  'phone',
  'email',
  'firstContactDate',
  'status',
  'needs',
  'preferredVisitDays',
  'preferredVisitHours',
  'openingHours',
  'competitors',
  'budgetCycle',
  'declarativeNotes',
] as const satisfies readonly Field[];
type ShownField = (typeof shownFields)[number];

/** The message a field error shows, inline and in the summary (what is wrong, how to fix it). */
export function errorKey(field: Field, errors: FieldErrors<CustomerEditable>): MessageKey | null {
  const error = errors[field];
  if (!error) return null;
  switch (field) {
    case 'name':
      return 'customer.error.name';
    case 'postcode':
      return 'customer.error.postcode';
    case 'email':
      return 'customer.error.email';
    case 'siret':
      return 'customer.error.siret';
    case 'nafCode':
      return 'customer.error.nafCode';
    case 'firstContactDate':
      return 'customer.error.date';
    case 'competitors':
      return 'customer.error.competitors';
    default:
      return 'type' in error && error.type === 'too_big'
        ? 'customer.error.tooLong'
        : 'customer.error.invalid';
  }
}

/** Edits the customer file locally; the change is queued with the version the rep saw. */
export function CustomerEditForm({
  customer,
  onDone,
}: {
  customer: CustomerRow;
  onDone: (outcome: 'saved' | 'unchanged' | 'cancelled') => void;
}) {
  const { engine } = useApp();
  const intl = useIntl();
  const id = useId();
  // The version the rep is editing from: a newer one arriving meanwhile makes it a conflict.
  const [baseVersion] = useState(customer.version);
  const [saveError, setSaveError] = useState<MessageKey | null>(null);
  const [defaults] = useState(
    () => Object.fromEntries(customerEditableFields.map((f) => [f, customer[f]])) as CustomerEditable,
  );
  const {
    register,
    control,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<CustomerEditable>({ resolver: zodResolver(customerEditableSchema), defaultValues: defaults });

  const onSubmit = handleSubmit(async (values) => {
    const changes: Record<string, unknown> = {};
    for (const field of customerEditableFields) {
      // Arrays come back as new arrays: compare by value.
      if (JSON.stringify(values[field]) !== JSON.stringify(defaults[field])) changes[field] = values[field];
    }
    if (Object.keys(changes).length === 0) {
      onDone('unchanged');
      return;
    }
    try {
      await engine.write(updateCustomer, {
        id: customer.id,
        baseVersion,
        changes: changes as CustomerChanges,
      });
      onDone('saved');
    } catch (e) {
      setSaveError(e instanceof StorageFullError ? 'error.storage-full' : 'error.unexpected');
    }
  });

  const inputId = (name: ShownField) => `${id}-${name}`;
  const errorOf = (name: ShownField) => errorKey(name, errors);
  const message = (name: ShownField) => {
    const key = errorOf(name);
    return key ? <Msg id={key} /> : null;
  };
  const invalidProps = (name: ShownField) => controlProps(inputId(name), { error: errorOf(name) !== null });
  const inlineError = (name: ShownField) => <FieldError id={inputId(name)}>{message(name)}</FieldError>;
  const field = (name: ShownField, control: (props: ControlProps) => ReactNode, className = '') => (
    <Field
      id={inputId(name)}
      label={<Msg id={`customer.field.${name}`} />}
      error={message(name)}
      className={`field--${name}${className}`}
    >
      {control}
    </Field>
  );

  const text = (
    name: Exclude<ShownField, 'preferredVisitDays' | 'competitors' | 'size' | 'status' | 'firstContactDate'>,
    options: {
      type?: 'text' | 'email' | 'tel';
      inputMode?: 'numeric';
      autoComplete?: string;
      multiline?: boolean;
      wide?: boolean;
    } = {},
  ) =>
    field(
      name,
      (props) =>
        options.multiline ? (
          <textarea className="input textarea" rows={3} {...props} {...register(name)} />
        ) : (
          <input
            type={options.type ?? 'text'}
            className="input"
            inputMode={options.inputMode}
            autoComplete={options.autoComplete}
            {...props}
            {...register(name)}
          />
        ),
      options.wide || options.multiline ? ' field--wide' : '',
    );

  const summary = shownFields.flatMap((f) => {
    const key = errorOf(f);
    return key ? [[f, key] as const] : [];
  });

  return (
    <form className="edit-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
      <Text as="h2" id={`${id}-title`} className="section-title" msg="customer.editTitle" />
      {/* GOV.UK pattern: the summary takes the focus and links to each field. */}
      {submitCount > 0 ? (
        <ErrorSummary
          id={id}
          heading="h3"
          focusKey={submitCount}
          problems={summary.map(([name, key]) => ({
            target: inputId(name),
            message: <Msg id={key} />,
            ...(name === 'preferredVisitDays' || name === 'competitors'
              ? {}
              : { focus: () => setFocus(name) }),
          }))}
        />
      ) : null}

      <fieldset className="fieldset">
        <Text as="legend" className="fieldset__legend" msg="customer.identity" />
        <div className="form-grid">
          {text('name', { autoComplete: 'organization', wide: true })}
          {text('siret', { inputMode: 'numeric' })}
          {text('nafCode')}
          {text('legalForm')}
          {text('sector')}
          {field('size', ({ id: sizeId }) => (
            <select id={sizeId} className="input" {...register('size')}>
              {companySizes.map((s) => (
                <option key={s} value={s}>
                  {intl.formatMessage({ id: s === '' ? 'customer.notSet' : `size.${s}` })}
                </option>
              ))}
            </select>
          ))}
          {text('address', { autoComplete: 'street-address', wide: true })}
          {text('postcode', { inputMode: 'numeric', autoComplete: 'postal-code' })}
          {text('city')}
          {text('phone', { type: 'tel' })}
          {text('email', { type: 'email' })}
          {field('firstContactDate', (props) => (
            <Controller
              control={control}
              name="firstContactDate"
              render={({ field: f }) => (
                <DatePicker
                  control={props}
                  value={f.value ?? ''}
                  onChange={(v) => f.onChange(v === '' ? null : v)}
                  onBlur={f.onBlur}
                  ref={f.ref}
                />
              )}
            />
          ))}
          {field('status', ({ id: statusId }) => (
            <select id={statusId} className="input" {...register('status')}>
              {customerStatuses.map((s) => (
                <option key={s} value={s}>
                  {intl.formatMessage({ id: `status.${s}` })}
                </option>
              ))}
            </select>
          ))}
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <Text as="legend" className="fieldset__legend" msg="c360.declarative" />
        <div className="form-grid">
          {text('needs', { multiline: true })}
          <Controller
            control={control}
            name="preferredVisitDays"
            render={({ field }) => (
              <fieldset
                className="field field--wide field--days"
                aria-invalid={invalidProps('preferredVisitDays')['aria-invalid']}
                aria-describedby={invalidProps('preferredVisitDays')['aria-describedby']}
              >
                <Text as="legend" className="field__label" msg="customer.field.preferredVisitDays" />
                {inlineError('preferredVisitDays')}
                <div className="checkbox-row">
                  {weekdays.map((day) => (
                    <label key={day} className="checkbox">
                      <input
                        id={day === 1 ? inputId('preferredVisitDays') : undefined}
                        type="checkbox"
                        checked={field.value.includes(day)}
                        onChange={(e) =>
                          field.onChange(
                            e.target.checked
                              ? [...field.value, day].sort((a, b) => a - b)
                              : field.value.filter((d) => d !== day),
                          )
                        }
                        onBlur={field.onBlur}
                      />
                      {weekdayName(intl, day)}
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
          />
          {text('preferredVisitHours')}
          {text('openingHours')}
          <Controller
            control={control}
            name="competitors"
            render={({ field }) => (
              <CompetitorsInput
                id={inputId('competitors')}
                value={field.value}
                onChange={field.onChange}
                error={inlineError('competitors')}
                invalid={invalidProps('competitors')}
              />
            )}
          />
          {text('budgetCycle')}
          {text('declarativeNotes', { multiline: true })}
        </div>
      </fieldset>

      <FormActions
        error={saveError ? <Msg id={saveError} /> : null}
        submit={{ label: <Msg id="customer.save" />, saving: isSubmitting }}
        cancel={{ label: <Msg id="customer.cancel" />, onCancel: () => onDone('cancelled') }}
      />
    </form>
  );
}

/** Competitors as removable chips plus an input: Enter or "Add" adds one (no duplicates). */
function CompetitorsInput({ id, value, onChange, error, invalid }: CustomFieldProps<string[]>) {
  const intl = useIntl();
  const [draft, setDraft] = useState('');
  const add = () => {
    const name = draft.trim();
    if (!name) return;
    if (!value.some((v) => v.toLocaleLowerCase() === name.toLocaleLowerCase())) onChange([...value, name]);
    setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };
  return (
    <div className="field field--wide field--competitors">
      <Text as="label" htmlFor={id} className="field__label" msg="customer.field.competitors" />
      {error}
      {value.length > 0 ? (
        <ul className="chips">
          {value.map((name) => (
            <li key={name} className="chip">
              {name}
              <button
                type="button"
                className="chip__remove"
                aria-label={intl.formatMessage({ id: 'customer.competitors.remove' }, { name })}
                onClick={() => onChange(value.filter((v) => v !== name))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="chips__add">
        <input
          className="input"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={intl.formatMessage({ id: 'customer.competitors.placeholder' })}
          {...invalid}
        />
        <button type="button" className="btn" onClick={add}>
          <Msg id="customer.competitors.add" />
        </button>
      </div>
    </div>
  );
}
