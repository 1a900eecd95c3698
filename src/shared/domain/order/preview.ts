/** The order screen's live preview, from the shared pricing (pricing.ts) and the order rule. */
import type { OrderLine } from './order.js';
import { orderTotals } from './order.js';
import { priceOrder, type Catalogue, type LineInput, type PricingProblemCode } from './pricing.js';

/** One line of a preview: priced, or the first reason it cannot be. */
export type PreviewLine = { line: OrderLine; problem: null } | { line: null; problem: PricingProblemCode };

export interface OrderPreview {
  /** In the input's order, one per input line. */
  lines: PreviewLine[];
  /** Totals of the lines that price (the order rule, `orderTotals`). */
  totalExclCents: number;
  totalVatCents: number;
  totalInclCents: number;
  /** A line that prices has a discount above the rep's limit. */
  needsApproval: boolean;
}

/**
 * The order screen's preview while the rep types: each line priced on its own by `priceOrder`
 * (so one bad line does not hide the others' prices), totals over the lines that price.
 */
export function previewOrder(
  catalogue: Catalogue,
  input: { priceGroup: string; day: string; repMaxDiscountBp: number; lines: readonly LineInput[] },
): OrderPreview {
  const lines = input.lines.map((line): PreviewLine => {
    const priced = priceOrder(catalogue, { ...input, lines: [line] });
    const first = priced.ok ? priced.value.lines[0] : undefined;
    if (first) return { line: first, problem: null };
    return {
      line: null,
      problem: priced.ok ? 'quantity-invalid' : (priced.problems[0]?.code ?? 'quantity-invalid'),
    };
  });
  const ok = lines.flatMap((l) => (l.line ? [l.line] : []));
  return {
    lines,
    ...orderTotals(ok),
    needsApproval: ok.some((l) => l.discountBp > input.repMaxDiscountBp),
  };
}
