/**
 * CSV for French spreadsheets: fields separated by `;`, decimal commas left to the caller's
 * formatting, every field quoted when it holds `;`, a quote or a line break, lines ended by CRLF,
 * and a UTF-8 byte-order mark so that Excel reads accents right.
 */
export type CsvCell = string | number | null;

const BOM = '\uFEFF';

function field(value: CsvCell): string {
  if (value === null) return '';
  const text = String(value);
  // A leading = + - @ would be read as a formula by a spreadsheet: quote it behind an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(field).join(';')).join('\r\n') + '\r\n';
}

/** Offers `csv` as a file download named `fileName` (in Electron as in a browser). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
