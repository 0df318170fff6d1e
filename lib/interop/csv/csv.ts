// RFC 4180 CSV for spreadsheet apps: CRLF between records, a field quoted
// when it holds a comma, a double quote, CR or LF (quotes doubled), and a
// UTF-8 byte order mark so Excel reads the file as UTF-8. A cell that a
// spreadsheet would run as a formula — starting with =, +, -, @, tab or CR
// (OWASP "CSV injection") — gets a leading apostrophe, which spreadsheets
// show as text and do not evaluate.

export const BYTE_ORDER_MARK = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value) : neutralizeFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return BYTE_ORDER_MARK + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
