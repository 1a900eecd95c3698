/**
 * A form field, GOV.UK order: label, hint, error, control. The control gets the ids and ARIA
 * that tie it to its label, hint and error, whatever it is (a registered input, a controlled
 * one, a select, a group), through a render prop.
 */
import type { ReactNode } from 'react';
import { Text } from '../../i18n/Msg.js';

/** What a field's control spreads: its id, and its hint and error as description. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface Described {
  hint?: boolean;
  error?: boolean;
  /** A note under the control (`${id}-help`). */
  note?: boolean;
}

/** What a custom controlled field takes (a combobox, a list of chips) from its form. */
export interface CustomFieldProps<T> {
  id: string;
  value: T;
  onChange: (next: T) => void;
  /** The field's error, rendered (a `FieldError`), or `null`. */
  error: ReactNode;
  invalid: ControlProps;
}

/** The ids a control with this hint, error and note is described by (none: `undefined`). */
export function describedBy(id: string, { hint = false, error = false, note = false }: Described) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, note ? `${id}-help` : null].filter(
    (x) => x !== null,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function controlProps(id: string, state: Described): ControlProps {
  return {
    id,
    'aria-invalid': state.error ? true : undefined,
    'aria-describedby': describedBy(id, state),
  };
}

/**
 * A field's error, said "Error:" first to screen readers (unless `prefix` is false: the
 * message says it already); nothing when there is none.
 */
export function FieldError({
  id,
  prefix = true,
  children,
}: {
  id: string;
  prefix?: boolean;
  children: ReactNode;
}) {
  if (children === null || children === undefined || children === false) return null;
  return (
    <p id={`${id}-error`} className="field__error">
      {prefix ? <Text as="span" className="visually-hidden" msg="form.errorPrefix" /> : null}
      {children}
    </p>
  );
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className="field__hint">
      {children}
    </p>
  );
}

export function Field({
  id,
  label,
  hint,
  error,
  errorPrefix = true,
  labelHidden = false,
  errorLast = false,
  note,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  /** The label is for screen readers only (a card's heading says it already). */
  labelHidden?: boolean;
  hint?: ReactNode;
  /** A muted note under the control (limits, what a choice changes). */
  note?: ReactNode;
  /** The error's text; `null` or absent: the field is valid. */
  error?: ReactNode;
  /** Whether the error is said "Error:" first to screen readers (see `FieldError`). */
  errorPrefix?: boolean;
  /** The error under the control rather than above it (a dense form that keeps its rows). */
  errorLast?: boolean;
  /** Classes beside `field` (`field--wide`, a feature's own). */
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const hasHint = hint !== undefined && hint !== null;
  const hasError = error !== undefined && error !== null && error !== false;
  const hasNote = note !== undefined && note !== null;
  const errorText = (
    <FieldError id={id} prefix={errorPrefix}>
      {error}
    </FieldError>
  );
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id} id={`${id}-label`} className={labelHidden ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {hasHint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      {hasError && !errorLast ? errorText : null}
      {children(controlProps(id, { hint: hasHint, error: hasError, note: hasNote }))}
      {hasError && errorLast ? errorText : null}
      {hasNote ? (
        <p id={`${id}-help`} className="hint muted">
          {note}
        </p>
      ) : null}
    </div>
  );
}
