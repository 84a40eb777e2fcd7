/** RFC 4180 CSV reading: quoting, line ends, BOM, truncation, and a round-trip property. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv } from '../../../../main/core/interop/csv';

/** An independent RFC 4180 writer: quote every field that needs it. */
const writeCsv = (rows: string[][], eol: string) =>
  rows
    .map(row =>
      row
        .map(cell =>
          /[",\r\n]/u.test(cell) || cell === '' ? `"${cell.replace(/"/gu, '""')}"` : cell,
        )
        .join(','),
    )
    .join(eol) + eol;

describe('parseCsv', () => {
  it.each([
    [
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a\r1\r', [['a'], ['1']]],
    ['\uFEFFx,"y ""q"", z"\n', [['x', 'y "q", z']]],
    ['"multi\nline",2\n', [['multi\nline', '2']]],
    [',,\n', [['', '', '']]],
    ['ab"c,d\n', [['ab"c', 'd']]],
  ])('reads %j', (text, rows) => {
    expect(parseCsv(text)).toEqual({ ok: true, rows });
  });

  it('refuses a file that ends inside a quoted field', () => {
    expect(parseCsv('a,"b\n')).toMatchObject({ ok: false });
  });

  it('gives back what an RFC 4180 writer wrote, with either line end', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom('\r\n', '\n'),
        (rows, eol) => {
          expect(parseCsv(writeCsv(rows, eol))).toEqual({ ok: true, rows });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), text => {
        parseCsv(text);
      }),
      { numRuns: 500 },
    );
  });

  it('keys records by the trimmed, lower-cased header and drops blank lines', () => {
    const parsed = parseCsv('Name, LOGIN_TOTP\nx\n\ny,z\n');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(csvRecords(parsed.rows).records).toEqual([
      { name: 'x', login_totp: '' },
      { name: 'y', login_totp: 'z' },
    ]);
  });
});
