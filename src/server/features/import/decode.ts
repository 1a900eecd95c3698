/**
 * Bytes → text. Spreadsheets save CSV as UTF-8 (with or without a BOM, Excel adds one) or, on
 * older French Windows set-ups, as Windows-1252 ("CSV (séparateur : point-virgule)"). We try
 * strict UTF-8 first: Windows-1252 text with accents is almost never valid UTF-8, so a decoding
 * failure is a reliable signal. UTF-16 and binary files are refused with `wrong-encoding`.
 */
import type { ImportError } from './errors.js';

export type TextEncodingName = 'utf-8' | 'windows-1252';

export type DecodeResult =
  { ok: true; text: string; encoding: TextEncodingName; bom: boolean } | { ok: false; error: ImportError };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Windows-1252 bytes 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ). Some Node
 * builds decode 'windows-1252' as ISO-8859-1 and return C1 controls for these bytes, so we map
 * them ourselves; the five undefined bytes stay controls and are refused below.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** C0 controls other than tab, LF, FF and CR, DEL, and C1 controls (undefined 1252 bytes). */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/; // eslint-disable-line no-control-regex

function wrongEncoding(reason: string): DecodeResult {
  return {
    ok: false,
    error: { line: null, column: null, field: null, value: null, code: 'wrong-encoding', reason },
  };
}

const ADVICE = 'save the file as "CSV UTF-8" (or CSV Windows) and import it again';

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return wrongEncoding(`wrong encoding: the file is UTF-16; ${ADVICE}`);
  }
  if (bytes.includes(0)) {
    return wrongEncoding(`wrong encoding: the file contains NUL bytes (UTF-16 or binary); ${ADVICE}`);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string;
  let encoding: TextEncodingName;
  try {
    text = utf8.decode(body);
    encoding = 'utf-8';
  } catch {
    if (bom)
      return wrongEncoding(`wrong encoding: the file starts with a UTF-8 BOM but is not UTF-8; ${ADVICE}`);
    text = fixC1(windows1252.decode(body));
    encoding = 'windows-1252';
  }
  if (CONTROL.test(text)) {
    return wrongEncoding(`wrong encoding: the file contains control characters (binary?); ${ADVICE}`);
  }
  return { ok: true, text, encoding, bom };
}
