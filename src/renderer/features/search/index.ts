/**
 * Instant customer search: a flat in-memory index of normalised strings, built once per data
 * version, searched synchronously on every keystroke. Pure (no React, no Dexie) so tests and
 * benchmarks import it directly. The palette UI lives in SearchPalette.tsx (exported below).
 *
 * Matching is accent- and case-insensitive ("Épicerie" ~ "epicerie"), punctuation counts as
 * a word break ("l'étoile" has the word "etoile"), and phone numbers match on digits only
 * ("0472" finds "04 72 …", "+33 4 72" is read as "04 72"). Ranking: exact match of a field,
 * then prefix of the whole field, then prefix of a word, then substring; within a rank, the
 * field kind (name first) and then the name decide.
 */
import { normalizeForSearch } from '../../ui/normalize.js';

export const searchFieldKinds = ['name', 'contact', 'city', 'postcode', 'siret', 'phone'] as const;
export type SearchFieldKind = (typeof searchFieldKinds)[number];

export const matchRanks = ['exact', 'prefix', 'wordPrefix', 'substring', 'allWords'] as const;
export type MatchRank = (typeof matchRanks)[number];

export interface SearchableCustomer {
  id: string;
  name: string;
  city: string;
  postcode: string;
  siret: string;
  phone: string;
}
export interface SearchableContact {
  customerId: string;
  firstName: string;
  lastName: string;
  phone: string;
  mobile: string;
}

export interface SearchResult {
  customerId: string;
  name: string;
  city: string;
  /** The field that matched best, as stored (for display: "Contact : Jean Dupont"). */
  field: SearchFieldKind;
  matched: string;
  rank: MatchRank;
}

interface Entry {
  customer: number;
  kind: number;
  /** Normalised text (letters and digits, single spaces) or digits only for phones. */
  text: string;
  display: string;
}

export interface SearchIndex {
  readonly customers: readonly SearchableCustomer[];
  readonly textEntries: readonly Entry[];
  readonly digitEntries: readonly Entry[];
  /** Normalised names, for the final tie-break. */
  readonly sortNames: readonly string[];
}

/** Lower case, no accents, punctuation as spaces. */
export function normaliseText(text: string): string {
  return normalizeForSearch(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Digits only; a French international prefix (+33 / 0033) becomes the national 0. */
export function phoneDigits(text: string): string {
  let digits = text.replace(/\D+/g, '');
  if (digits.startsWith('0033')) digits = `0${digits.slice(4)}`;
  else if (text.trim().startsWith('+33') && digits.startsWith('33')) digits = `0${digits.slice(2)}`;
  return digits;
}

export function buildSearchIndex(
  customers: readonly SearchableCustomer[],
  contacts: readonly SearchableContact[],
): SearchIndex {
  const textEntries: Entry[] = [];
  const digitEntries: Entry[] = [];
  const position = new Map<string, number>();
  const kind = (k: SearchFieldKind) => searchFieldKinds.indexOf(k);
  const addText = (customer: number, k: SearchFieldKind, display: string) => {
    const text = normaliseText(display);
    if (text) textEntries.push({ customer, kind: kind(k), text, display });
  };
  const addDigits = (customer: number, k: SearchFieldKind, display: string) => {
    const text = phoneDigits(display);
    if (text) digitEntries.push({ customer, kind: kind(k), text, display });
  };
  customers.forEach((c, i) => {
    position.set(c.id, i);
    addText(i, 'name', c.name);
    addText(i, 'city', c.city);
    addText(i, 'postcode', c.postcode);
    addDigits(i, 'postcode', c.postcode);
    addDigits(i, 'siret', c.siret);
    addDigits(i, 'phone', c.phone);
  });
  for (const contact of contacts) {
    const i = position.get(contact.customerId);
    if (i === undefined) continue;
    const full = `${contact.firstName} ${contact.lastName}`.trim();
    addText(i, 'contact', full);
    // "Dupont Jean" is typed as often as "Jean Dupont".
    if (contact.firstName.trim()) {
      const text = normaliseText(`${contact.lastName} ${contact.firstName}`);
      if (text) textEntries.push({ customer: i, kind: kind('contact'), text, display: full });
    }
    addDigits(i, 'phone', contact.phone);
    addDigits(i, 'phone', contact.mobile);
  }
  return { customers, textEntries, digitEntries, sortNames: customers.map((c) => normaliseText(c.name)) };
}

function rankOf(text: string, query: string): number {
  if (text === query) return 0;
  if (text.startsWith(query)) return 1;
  const at = text.indexOf(query);
  if (at < 0) return -1;
  if (text.indexOf(` ${query}`) >= 0) return 2;
  return 3;
}

const NO_MATCH = 0x7fffffff;

/**
 * Customers matching `query`, best first, at most `limit`. Synchronous: a linear scan of the
 * flat arrays (≈ 40,000 short strings at 2,000 customers / 8,000 contacts).
 */
export function searchCustomers(index: SearchIndex, query: string, limit = 50): SearchResult[] {
  const text = normaliseText(query);
  if (!text) return [];
  const n = index.customers.length;
  // best[i] = rank * 16 + kind; lower is better. entry[i] = the entry that gave it.
  const best = new Int32Array(n).fill(NO_MATCH);
  const bestEntry: (Entry | undefined)[] = new Array<Entry | undefined>(n);
  const consider = (entry: Entry, rank: number) => {
    const score = rank * 16 + entry.kind;
    if (score < best[entry.customer]!) {
      best[entry.customer] = score;
      bestEntry[entry.customer] = entry;
    }
  };
  for (const entry of index.textEntries) {
    const rank = rankOf(entry.text, text);
    if (rank >= 0) consider(entry, rank);
  }
  // Digits: only when the query is made of digits and phone punctuation, at least 2 digits.
  if (/^[\d\s.+()-]+$/.test(query.trim())) {
    const digits = phoneDigits(query);
    if (digits.length >= 2) {
      for (const entry of index.digitEntries) {
        const rank = rankOf(entry.text, digits);
        if (rank >= 0) consider(entry, rank === 2 ? 3 : rank);
      }
    }
  }
  // Several words that are not found together: every word in some field of the customer.
  const words = text.split(' ');
  if (words.length > 1) {
    const perCustomer = new Map<number, Set<string>>();
    for (const entry of index.textEntries) {
      if (best[entry.customer] !== NO_MATCH) continue;
      for (const w of words) {
        if (entry.text.includes(w)) {
          let found = perCustomer.get(entry.customer);
          if (!found) perCustomer.set(entry.customer, (found = new Set()));
          found.add(w);
        }
      }
    }
    for (const [customer, found] of perCustomer) {
      if (found.size === new Set(words).size) {
        const nameEntry = index.textEntries.find((e) => e.customer === customer && e.kind === 0);
        if (nameEntry) consider(nameEntry, 4);
      }
    }
  }
  const hits: number[] = [];
  for (let i = 0; i < n; i += 1) if (best[i] !== NO_MATCH) hits.push(i);
  hits.sort((a, b) => best[a]! - best[b]! || compare(index.sortNames[a]!, index.sortNames[b]!) || a - b);
  return hits.slice(0, limit).map((i) => {
    const c = index.customers[i]!;
    const entry = bestEntry[i]!;
    return {
      customerId: c.id,
      name: c.name,
      city: c.city,
      field: searchFieldKinds[entry.kind]!,
      matched: entry.display,
      rank: matchRanks[best[i]! >> 4]!,
    };
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The same matching, for any list whose fields are words (products: name, reference, family):
 * every query word must start a word of one of the fields ("gin" finds « Gin Citadelle », not
 * « Orangina »; « café grains » finds « Café en grains Bistrot »). Best first: the whole query
 * as an exact field, then a field's start, then a word's start (customer search's ranks), then
 * the words found apart; within a rank the earlier field (its position in `fieldsOf`), then the
 * caller's order. Returns the items with their rank, at most `limit`.
 */
export function searchByWordPrefix<T>(
  items: readonly T[],
  fieldsOf: (item: T) => readonly string[],
  query: string,
  limit = 50,
): { item: T; rank: MatchRank }[] {
  const text = normaliseText(query);
  if (!text) return [];
  const words = [...new Set(text.split(' '))];
  const hits: { item: T; score: number; at: number }[] = [];
  items.forEach((item, at) => {
    const fields = fieldsOf(item).map(normaliseText);
    let score = NO_MATCH;
    fields.forEach((field, kind) => {
      const rank = rankOf(field, text);
      if (rank >= 0 && rank < 3) score = Math.min(score, rank * 16 + kind);
    });
    if (score === NO_MATCH) {
      const fieldWords = fields.flatMap((f, kind) => f.split(' ').map((w) => ({ w, kind })));
      const firstKinds = words.map((q) => fieldWords.find(({ w }) => w.startsWith(q))?.kind);
      if (firstKinds.every((k) => k !== undefined)) score = 4 * 16 + Math.min(...firstKinds);
    }
    if (score !== NO_MATCH) hits.push({ item, score, at });
  });
  hits.sort((a, b) => a.score - b.score || a.at - b.at);
  return hits.slice(0, limit).map(({ item, score }) => ({ item, rank: matchRanks[score >> 4]! }));
}
