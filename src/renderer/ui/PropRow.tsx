import type { ComponentProps, ReactNode } from 'react';

/** One row of a `dl.props` list: the label, then the value. */
export function PropRow({
  label,
  children,
  valueProps,
}: {
  label: ReactNode;
  children: ReactNode;
  /** Attributes of the value (`dd`): its classes, a `data-*` hook. */
  valueProps?: ComponentProps<'dd'> & Record<`data-${string}`, string>;
}) {
  return (
    <div className="props__row">
      <dt>{label}</dt>
      <dd {...valueProps}>{children}</dd>
    </div>
  );
}
