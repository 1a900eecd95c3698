/** Small line icons (16 px, currentColor), decorative: the control around them carries the name. */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

export function SyncIcon() {
  return (
    <svg {...common}>
      <path d="M13.5 8a5.5 5.5 0 0 1-9.9 3.3" />
      <path d="M2.5 8a5.5 5.5 0 0 1 9.9-3.3" />
      <path d="M12.8 1.8v3h-3" />
      <path d="M3.2 14.2v-3h3" />
    </svg>
  );
}

export function DetailsIcon() {
  return (
    <svg {...common}>
      <path d="M5.5 4h8M5.5 8h8M5.5 12h8" />
      <path d="M2.5 4h.01M2.5 8h.01M2.5 12h.01" strokeWidth={2} />
    </svg>
  );
}
