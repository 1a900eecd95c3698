import type { ReactNode } from 'react';

/** A full-width message: what happened and what to do. `alert` interrupts screen readers. */
export function Banner({
  tone,
  children,
  urgent = false,
}: {
  tone: 'info' | 'warning' | 'danger' | 'success';
  children: ReactNode;
  urgent?: boolean;
}) {
  return (
    <div className={`banner banner--${tone}`} role={urgent ? 'alert' : undefined}>
      {children}
    </div>
  );
}
