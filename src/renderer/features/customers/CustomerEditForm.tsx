import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { useIntl } from 'react-intl';
import type { CustomerChanges, CustomerEditable } from '../../../shared/domain/customer/customer.js';
import {
  customerEditableFields,
  customerEditableSchema,
  customerStatuses,
} from '../../../shared/domain/customer/customer.js';
import { useApp } from '../../app/context.js';
import type { CustomerRow } from '../../db/schema.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Msg } from '../../i18n/Msg.js';
import { StorageFullError } from '../../sync/engine.js';

type Field = keyof CustomerEditable;
/** The fields this form shows (the others keep their values; their inputs come with the customer file UI). */
type ShownField = 'name' | 'address' | 'postcode' | 'city' | 'phone' | 'email';

function errorKey(field: Field, errors: FieldErrors<CustomerEditable>): MessageKey | null {
  const error = errors[field];
  if (!error) return null;
  switch (field) {
    case 'name':
      return 'customer.error.name';
    case 'postcode':
      return 'customer.error.postcode';
    case 'email':
      return 'customer.error.email';
    case 'address':
    case 'city':
    case 'phone':
      return error.type === 'too_big' ? 'customer.error.tooLong' : 'customer.error.invalid';
    case 'status':
      return 'customer.error.invalid';
    default:
      return error.type === 'too_big' ? 'customer.error.tooLong' : 'customer.error.invalid';
  }
}

/** Edits the customer's fields locally; the change is queued with the version the rep saw. */
export function CustomerEditForm({
  customer,
  onDone,
}: {
  customer: CustomerRow;
  onDone: (outcome: 'saved' | 'unchanged' | 'cancelled') => void;
}) {
  const { engine } = useApp();
  const id = useId();
  // The version the rep is editing from: a newer one arriving meanwhile makes it a conflict.
  const [baseVersion] = useState(customer.version);
  const [saveError, setSaveError] = useState<MessageKey | null>(null);
  const defaults = Object.fromEntries(
    customerEditableFields.map((f) => [f, customer[f]]),
  ) as CustomerEditable;
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<CustomerEditable>({ resolver: zodResolver(customerEditableSchema), defaultValues: defaults });

  const onSubmit = handleSubmit(
    async (values) => {
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
        await engine.updateCustomer({ id: customer.id, baseVersion, changes: changes as CustomerChanges });
        onDone('saved');
      } catch (e) {
        setSaveError(e instanceof StorageFullError ? 'error.storage-full' : 'error.unexpected');
      }
    },
    (errs) => {
      const first = customerEditableFields.find((f) => errs[f]);
      if (first) setFocus(first);
    },
  );

  const field = (
    name: ShownField,
    type: 'text' | 'email' | 'tel' = 'text',
    extra: { inputMode?: 'numeric'; autoComplete?: string } = {},
  ) => {
    const key = errorKey(name, errors);
    return (
      <div className={`field field--${name}`}>
        <label htmlFor={`${id}-${name}`} className="field__label">
          <Msg id={`customer.field.${name}`} />
        </label>
        <input
          id={`${id}-${name}`}
          type={type}
          className="input"
          aria-invalid={key ? true : undefined}
          aria-describedby={key ? `${id}-${name}-error` : undefined}
          {...extra}
          {...register(name)}
        />
        {key ? (
          <p id={`${id}-${name}-error`} className="field__error">
            <Msg id={key} />
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form className="edit-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        <Msg id="customer.editTitle" />
      </h2>
      <div className="form-grid">
        {field('name', 'text', { autoComplete: 'organization' })}
        {field('address', 'text', { autoComplete: 'street-address' })}
        {field('postcode', 'text', { inputMode: 'numeric', autoComplete: 'postal-code' })}
        {field('city')}
        {field('phone', 'tel')}
        {field('email', 'email')}
        <div className="field field--status">
          <label htmlFor={`${id}-status`} className="field__label">
            <Msg id="customer.field.status" />
          </label>
          <select id={`${id}-status`} className="input" {...register('status')}>
            {customerStatuses.map((s) => (
              <StatusOption key={s} status={s} />
            ))}
          </select>
        </div>
      </div>
      {saveError ? (
        <p className="form-error" role="alert">
          <Msg id={saveError} />
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          <Msg id="customer.save" />
        </button>
        <button type="button" className="btn" onClick={() => onDone('cancelled')}>
          <Msg id="customer.cancel" />
        </button>
      </div>
    </form>
  );
}

function StatusOption({ status }: { status: CustomerEditable['status'] }) {
  const intl = useIntl();
  return <option value={status}>{intl.formatMessage({ id: `status.${status}` })}</option>;
}
