/**
 * Placeholder rows while a list loads (no spinner). The label is read as text by a
 * screen reader: an `aria-label` on a plain div is a prohibited attribute (axe
 * `aria-prohibited-attr`), and a `status` role would collide with the screens' own.
 */
export function SkeletonRows({ rows = 12, label }: { rows?: number; label: string }) {
  return (
    <div className="skeleton" aria-busy="true">
      {label === '' ? null : <span className="visually-hidden">{label}</span>}
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton__row" aria-hidden="true" />
      ))}
    </div>
  );
}
