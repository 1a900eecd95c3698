import type { ReactNode } from 'react';
import type { RfmSegment } from '../../shared/domain/rfm/rfm.js';

/** One colour per RFM segment (tokens.css), the same everywhere the segment shows. */
export function SegmentBadge({ segment, children }: { segment: RfmSegment; children: ReactNode }) {
  return (
    <span className={`segment segment--${segment}`}>
      <span className="segment__dot" aria-hidden="true" />
      {children}
    </span>
  );
}
