/** The row of a form's buttons, and its submit button that says when it is saving. */
import type { ReactNode } from 'react';

export function FormActions({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={className ? `form-actions ${className}` : 'form-actions'}>{children}</div>;
}

export function SubmitButton({
  saving = false,
  disabled = false,
  savingLabel,
  children,
}: {
  saving?: boolean;
  disabled?: boolean;
  /** Shown instead of the label while saving (none: the label stays). */
  savingLabel?: ReactNode;
  children: ReactNode;
}) {
  return (
    <button type="submit" className="btn btn--primary" disabled={disabled || saving}>
      {saving && savingLabel !== undefined ? savingLabel : children}
    </button>
  );
}
