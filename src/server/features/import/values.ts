/**
 * Cell parsers: French and English spreadsheet values → typed values, exactly.
 * Money and rates are parsed from the decimal string (never `parseFloat(x) * 100`), so
 * `0.29` is 29 cents and `1 234,56` is 123456 cents, with no float drift.
 */
import { isValidSiret, normaliseSiret } from '../../../shared/domain/customer/siret.js';
import { vatRates } from '../../../shared/domain/catalog/catalog.js';
import type { VatRate } from '../../../shared/domain/catalog/catalog.js';
import type { IsoDate } from '../../../shared/lib/ids.js';
import type { ValueResult } from './errors.js';
import { valueFail, valueOk } from './errors.js';

/** A decimal number as written: sign, integer digits and fraction digits (strings, exact). */
export interface Decimal {
  negative: boolean;
  int: string;
  frac: string;
}

/** Spaces used as thousands separators: space, no-break space, narrow no-break space, thin space. */
const SPACES = /[\u0020\u00a0\u202f\u2009]/g;
const GROUPED = /^\d{1,3}(?:[.,]\d{3})+$/;

/**
 * Parses `1 234,56`, `1234.56`, `1,234.56`, `1.234,56`, `-3`, `12 €`, `€12`.
 * Rules: spaces are thousands separators; with both `,` and `.`, the last one is the decimal
 * separator and the other must group by three; a lone `,` is a decimal comma (French files);
 * a lone `.` is a decimal point; several identical separators are thousands groups.
 */
export function parseDecimal(raw: string): ValueResult<Decimal> {
  let s = raw.trim().replace(SPACES, '');
  if (s.endsWith('€')) s = s.slice(0, -1);
  else if (s.startsWith('€')) s = s.slice(1);
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  const bad = valueFail<Decimal>('bad-number', `"${raw}" is not a number`);
  if (s === '' || !/^[\d.,]+$/.test(s)) return bad;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let int: string;
  let frac: string;
  if (lastComma !== -1 && lastDot !== -1) {
    const sep = lastComma > lastDot ? lastComma : lastDot;
    int = s.slice(0, sep);
    frac = s.slice(sep + 1);
    const other = lastComma > lastDot ? '.' : ',';
    if (int.includes(s[sep]!) || !GROUPED.test(int) || int.replace(/\d/g, '').replaceAll(other, '') !== '') {
      return bad;
    }
    int = int.replaceAll(other, '');
  } else if (lastComma !== -1 || lastDot !== -1) {
    const sepChar = lastComma !== -1 ? ',' : '.';
    const parts = s.split(sepChar);
    if (parts.length === 2) {
      int = parts[0]!;
      frac = parts[1]!;
    } else {
      if (!GROUPED.test(s)) return bad;
      int = parts.join('');
      frac = '';
    }
  } else {
    int = s;
    frac = '';
  }
  if (int === '' && frac === '') return bad;
  if (!/^\d*$/.test(int) || !/^\d*$/.test(frac)) return bad;
  return valueOk({ negative, int: int.replace(/^0+(?=\d)/, '') || '0', frac });
}

/** The decimal × 10^scale as an integer if exact (extra fraction digits must be zeros). */
export function scaleDecimal(d: Decimal, scale: number): number | null {
  const frac = d.frac.replace(/0+$/, '');
  if (frac.length > scale) return null;
  const digits = `${d.int}${frac.padEnd(scale, '0')}`;
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return null;
  return d.negative && n !== 0 ? -n : n;
}

/** A plain number (coordinates, …). */
export function parseNumber(raw: string): ValueResult<number> {
  const d = parseDecimal(raw);
  if (!d.ok) return d;
  const n = Number(`${d.value.negative ? '-' : ''}${d.value.int}.${d.value.frac || '0'}`);
  return Number.isFinite(n) ? valueOk(n) : valueFail('bad-number', `"${raw}" is not a number`);
}

export function parseInteger(raw: string): ValueResult<number> {
  const d = parseDecimal(raw);
  if (!d.ok) return valueFail('bad-integer', `"${raw}" is not a whole number`);
  const n = scaleDecimal(d.value, 0);
  return n === null ? valueFail('bad-integer', `"${raw}" is not a whole number`) : valueOk(n);
}

/** Money → integer cents, exactly; more than two significant decimals is an error. */
export function parseMoneyCents(raw: string): ValueResult<number> {
  const d = parseDecimal(raw);
  if (!d.ok) return valueFail('bad-money', `"${raw}" is not an amount`);
  const n = scaleDecimal(d.value, 2);
  return n === null
    ? valueFail('bad-money', `"${raw}" is not an amount in euros and cents (at most 2 decimals)`)
    : valueOk(n);
}

function stripPercent(raw: string): string {
  return raw.trim().replace(/%$/, '').trim();
}

/** A percentage (`5`, `5 %`, `2,5`) → basis points (500, 250), 0–100 %, at most 2 decimals. */
export function parsePercentBp(raw: string): ValueResult<number> {
  const d = parseDecimal(stripPercent(raw));
  const bp = d.ok ? scaleDecimal(d.value, 2) : null;
  if (bp === null || bp < 0 || bp > 10_000) {
    return valueFail('bad-percent', `"${raw}" is not a percentage between 0 and 100`);
  }
  return valueOk(bp);
}

/**
 * A French VAT rate → basis points: `20`, `20 %`, `5,5`, `2.1`, or a fraction `0.2`, `0.055`
 * (unambiguous, since no French rate is below 1 %). Only 20 %, 10 %, 5.5 % and 2.1 %.
 */
export function parseVatRate(raw: string): ValueResult<VatRate> {
  const fail = valueFail<VatRate>('bad-vat-rate', `"${raw}" is not a French VAT rate (20, 10, 5.5 or 2.1 %)`);
  const d = parseDecimal(stripPercent(raw));
  if (!d.ok || d.value.negative) return fail;
  let bp = scaleDecimal(d.value, 2);
  if (d.value.int === '0') bp = scaleDecimal(d.value, 4); // a fraction: 0.055 → 550
  return bp !== null && (vatRates as readonly number[]).includes(bp) ? valueOk(bp as VatRate) : fail;
}

const TRUE = new Set(['oui', 'o', 'yes', 'y', '1', 'vrai', 'true', 'x']);
const FALSE = new Set(['non', 'n', 'no', '0', 'faux', 'false']);

export function parseBoolean(raw: string): ValueResult<boolean> {
  const s = raw.trim().toLowerCase();
  if (TRUE.has(s)) return valueOk(true);
  if (FALSE.has(s)) return valueOk(false);
  return valueFail('bad-boolean', `"${raw}" is not yes/no (oui/non, 1/0, vrai/faux, x)`);
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= days[m - 1]!;
}

function isoDate(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})[-/](\d{2})[-/](\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export interface ParsedDate {
  date: IsoDate;
  /** The UTC instant, when the cell was a datetime with `Z` or an offset. */
  instant: string | null;
}

/**
 * `dd/mm/yyyy`, `d/m/yyyy` (also `.` or `-`), ISO `yyyy-mm-dd`, ISO datetimes. The calendar is
 * checked (31/02 is an error). A datetime keeps its date as written; with an offset it also
 * gives its UTC instant.
 */
export function parseDateTime(raw: string): ValueResult<ParsedDate> {
  const s = raw.trim();
  const fail = valueFail<ParsedDate>('bad-date', `"${raw}" is not a date (dd/mm/yyyy or yyyy-mm-dd)`);
  let y: number;
  let m: number;
  let d: number;
  let instant: string | null = null;
  let match = FRENCH_DATE.exec(s);
  if (match) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = ISO_DATE.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = ISO_DATE_TIME.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const [hh, mm, ss] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
    if (hh > 23 || mm > 59 || ss > 59) return fail;
    if (match[8]) {
      const t = Date.parse(s.replace(' ', 'T'));
      if (Number.isNaN(t)) return fail;
      instant = new Date(t).toISOString();
    }
  } else {
    return fail;
  }
  if (!isRealDate(y, m, d)) {
    return valueFail('bad-date', `"${raw}" is not a real calendar date`);
  }
  return valueOk({ date: isoDate(y, m, d), instant });
}

export function parseDate(raw: string): ValueResult<IsoDate> {
  const r = parseDateTime(raw);
  return r.ok ? valueOk(r.value.date) : r;
}

/** SIRET via the shared validator; spaces and dots people type are removed. */
export function parseSiret(raw: string): ValueResult<string> {
  const siret = normaliseSiret(raw.trim());
  return isValidSiret(siret)
    ? valueOk(siret)
    : valueFail('bad-siret', `"${raw}" is not a valid SIRET (14 digits with a valid checksum)`);
}
