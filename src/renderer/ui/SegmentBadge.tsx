import type { CSSProperties, ReactNode } from 'react';
import type { RfmSegment } from '../../shared/domain/rfm/rfm.js';

/**
 * The segment's colours (tokens.css) as `--segment-fg` / `--segment-bg` on the element, so one
 * CSS rule colours badges and map points alike; none without a segment.
 */
export function segmentColours(segment: RfmSegment | null): CSSProperties | undefined {
  if (segment === null) return undefined;
  // Custom properties are not in CSSProperties' keys.
  return {
    '--segment-fg': `var(--segment-${segment}-fg)`,
    '--segment-bg': `var(--segment-${segment}-bg)`,
  } as CSSProperties;
}

/** One colour per RFM segment (tokens.css), the same everywhere the segment shows. */
export function SegmentBadge({ segment, children }: { segment: RfmSegment; children: ReactNode }) {
  return (
    <span className={`segment segment--${segment}`} style={segmentColours(segment)}>
      <span className="segment__dot" aria-hidden="true" />
      {children}
    </span>
  );
}
