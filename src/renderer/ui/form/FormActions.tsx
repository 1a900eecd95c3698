/**
 * The end of a form: its failure to save, if any (said at once), then the row of buttons: the
 * submit button, which says when it is saving, a cancel button, and any others.
 */
import type { ReactNode } from 'react';

export function FormActions({
  className,
  error,
  submit,
  cancel,
  children,
}: {
  className?: string;
  /** Why the last save failed; absent or `null`: nothing to say. */
  error?: ReactNode;
  submit?: { label: ReactNode; saving: boolean; savingLabel?: ReactNode; disabled?: boolean };
  cancel?: { label: ReactNode; onCancel: () => void };
  /** Further buttons, after submit and cancel. */
  children?: ReactNode;
}) {
  return (
    <>
      <FormError>{error}</FormError>
      <div className={className ? `form-actions ${className}` : 'form-actions'}>
        {submit ? (
          <SubmitButton saving={submit.saving} disabled={submit.disabled} savingLabel={submit.savingLabel}>
            {submit.label}
          </SubmitButton>
        ) : null}
        {cancel ? (
          <button type="button" className="btn" onClick={cancel.onCancel}>
            {cancel.label}
          </button>
        ) : null}
        {children}
      </div>
    </>
  );
}

/** Why the last save failed, said at once; nothing when absent or `null`. */
export function FormError({
  id,
  children,
}: {
  /** For a form of one control, which it describes: `${control id}-error`. */
  id?: string;
  children?: ReactNode;
}) {
  if (children === undefined || children === null) return null;
  return (
    <p id={id} className="form-error" role="alert">
      {children}
    </p>
  );
}

export function SubmitButton({
  saving = false,
  disabled = false,
  savingLabel,
  className,
  children,
}: {
  saving?: boolean;
  disabled?: boolean;
  /** Classes beside `btn btn--primary` (`btn--block`). */
  className?: string;
  /** Shown instead of the label while saving (none: the label stays). */
  savingLabel?: ReactNode;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      className={className ? `btn btn--primary ${className}` : 'btn btn--primary'}
      disabled={disabled || saving}
    >
      {saving && savingLabel !== undefined ? savingLabel : children}
    </button>
  );
}
