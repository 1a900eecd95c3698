/** ISO-8601 UTC with milliseconds and `Z`, as on the wire. */
export function toIso(date: Date): string {
  return date.toISOString();
}

export function toIsoOrNull(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
