/** Placeholder rows while a list loads (no spinner). */
export function SkeletonRows({ rows = 12, label }: { rows?: number; label: string }) {
  return (
    <div className="skeleton" aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton__row" />
      ))}
    </div>
  );
}
