/**
 * SIRET (14 digits) = SIREN (9) + NIC (5). Both carry a Luhn checksum, except La Poste's
 * establishments (SIREN 356 000 000), whose SIRET digits sum to a multiple of 5 (INSEE rule);
 * La Poste's head office itself (356 000 000 00048) follows the ordinary Luhn rule.
 */
const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE = '35600000000048';

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Strips spaces and dots people type ("123 456 789 00012"). */
export function normaliseSiret(raw: string): string {
  return raw.replace(/[\s.\u00a0\u202f-]/g, '');
}

export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhnValid(siren);
}

export function isValidSiret(raw: string): boolean {
  const siret = normaliseSiret(raw);
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== LA_POSTE_HEAD_OFFICE) {
    const sum = [...siret].reduce((acc, c) => acc + Number(c), 0);
    return sum % 5 === 0;
  }
  return luhnValid(siret.slice(0, 9)) && luhnValid(siret);
}

/** Completes 13 digits with the Luhn check digit (for generated demo data and tests). */
export function withLuhnCheckDigit(partial: string): string {
  for (let d = 0; d <= 9; d += 1) {
    if (luhnValid(`${partial}${d}`)) return `${partial}${d}`;
  }
  throw new Error('unreachable: one check digit always fits');
}
