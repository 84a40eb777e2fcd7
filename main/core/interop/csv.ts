/**
 * RFC 4180 CSV reading for imports (core, pure): quoted fields with embedded commas, quotes
 * ("") and line breaks; CRLF, LF or CR line ends; a UTF-8 BOM. Lenient where exporters are
 * sloppy (a quote inside an unquoted field is kept as text), strict where data would be lost
 * (an unterminated quoted field is an error). Never throws.
 */

export type CsvOutcome =
  | { readonly ok: true; readonly rows: readonly (readonly string[])[] }
  | { readonly ok: false; readonly message: string };

/** Most rows read; more than any export holds (the caller also caps entries). */
export const MAX_CSV_ROWS = 100_000;

export function parseCsv(input: string): CsvOutcome {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let i = 0;
  const endField = (): void => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = (): boolean => {
    endField();
    rows.push(row);
    row = [];
    return rows.length <= MAX_CSV_ROWS;
  };
  while (i < text.length) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted && field === '') {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      if (!endRow()) return { ok: false, message: `The file has more than ${MAX_CSV_ROWS} rows.` };
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) {
    return { ok: false, message: 'The CSV file ends inside a quoted field: it may be truncated.' };
  }
  // A final line without a line break; a trailing line break adds no empty row.
  if (fieldStarted || field !== '' || row.length > 0) endRow();
  return { ok: true, rows };
}

/**
 * Rows as records keyed by the header row (first row), names trimmed and lower-cased. Missing
 * trailing cells read as ''. Blank lines are dropped.
 */
export function csvRecords(rows: readonly (readonly string[])[]): {
  readonly header: readonly string[];
  readonly records: readonly Readonly<Record<string, string>>[];
} {
  const [first, ...rest] = rows;
  const header = (first ?? []).map(name => name.trim().toLowerCase());
  const records = rest
    .filter(cells => !(cells.length === 1 && cells[0] === ''))
    .map(cells => {
      const record: Record<string, string> = Object.create(null) as Record<string, string>;
      header.forEach((name, index) => {
        record[name] = cells[index] ?? '';
      });
      return record;
    });
  return { header, records };
}
