// Tables as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted
// when they hold a comma, quote or line break), to open in a spreadsheet.

export type CsvValue = string | number | null | undefined;

// A text cell a spreadsheet would read as a formula ("=…", "+…", "-…",
// "@…") gets a leading apostrophe; numbers stay numbers.
const formula = /^[=+\-@\t\r]/;

function field(value: CsvValue): string {
  if (value == null) return '';
  let s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && formula.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header and the rows as CSV text (without a byte order mark). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * Offers `text` as a download named `filename`. A UTF-8 byte order mark
 * goes first so that spreadsheet programs read accented names right.
 */
export function downloadCsv(filename: string, text: string): void {
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has the blob once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
