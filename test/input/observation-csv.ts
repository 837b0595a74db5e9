/**
 * Observation CSV files for the differential tests of readCsvStream's direct path: canonical rows mixed with every
 * kind of row the general checks must see (values written another way or at the edge of a measure's range, unknown
 * and qualitative indicators, headings, years out of range, duplicates and conflicts, localities spelled
 * differently, unit, source and reportedOn cells, blank lines, a repeated header), and the chunks to stream them in.
 */
import fc from "fast-check";

/** Indicators of every measure (rank, count, percent, index, ratio, growth), a qualitative one, a heading, unknown ids. */
const INDICATORS = ["PL1-1", "PL1-7", "PL1-8", "PL1-14", "PL1-18", "PL1-20", "PL1-2", "PL1-11", "PL9-9", "pl1-8", " PL1-8", ""];
export const PERIODS = ["2024", "2025", "2026", "1900", "2200", "1899", "2201", " 2025 ", "25", "2025.0", "２０２５", "02025", ""];
/** Values canonical for every measure; at the edge of a measure's range (0, 100, 1.200 and the like); written another way. */
const PLAIN_VALUES = ["1", "7", "60", "60.5", "99.99", "310", "9999", "123456789012345678"];
const EDGE_VALUES = ["0", "0.5", "100", "100.5", "101", "1000", "1.200", "1.234", "2.000", "1.2345", "10000"];
const ODD_VALUES = ["07", "1.50", "0.0", "1.", ".5", "-1", "60,5", "60%", "%", " 60 ", "1e3", "１", "6 0", ""];
/** Decimals as agencies write them: fixed places, a decimal comma (quoted in a file split at commas), a minus sign. */
const WRITTEN_VALUES = ["60.50", "8.0", "0,77", "62,50", "100,0", "100,5", "-3.5", "-3,50", "-0.0", "1,234", "1,2345", "1.2000"];
export const VALUES = [...PLAIN_VALUES, ...EDGE_VALUES, ...ODD_VALUES, ...WRITTEN_VALUES];
const METS = ["", "", "", "có", "yes", "không", "maybe"];
const LOCALITIES = ["Xã 0001", "Xã 0001", "xã 0001", "Xã  0001", "XÃ 0001", "Phường Lê Chân", "phường  lê chân", "Xã 0002", "", "  ", "\u200B", " Xã 0002 "];
/** Unit, source and reportedOn cells: mostly empty, as in a large file. */
const UNITS = ["", "", "", "%", "người"];
const SOURCES = ["", "", "", "Sở KH&CN", 'báo cáo "quý III"'];
const REPORTED_ON = ["", "", "", "2026-01-15", "2026-02-30", "15/01/2026"];

/** Headers of observation files: columns in any order and case, unknown columns, no locality, met without value. */
const HEADERS = [
  ["indicator", "period", "value", "locality"],
  ["indicator", "period", "value"],
  ["Locality", "VALUE", "Period", "Indicator"],
  ["indicator", "period", "value", "met", "unit", "locality", "source", "reportedOn"],
  ["indicator", "period", "value", "locality", "note"],
  ["indicator", "period", "met", "locality"],
  ["reported_on", "indicator", "value", "period", "Unit"],
];

export interface Row {
  readonly indicator: string;
  readonly period: string;
  readonly value: string;
  readonly met: string;
  readonly unit: string;
  readonly locality: string;
  readonly source: string;
  readonly reportedOn: string;
  readonly note: string;
}

/** Picks from a pool, the first entries (the canonical ones) most often. */
function mostlyFirst(pool: readonly string[], common: number) {
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool.slice(0, common)) }, { weight: 1, arbitrary: fc.constantFrom(...pool) });
}

export const row: fc.Arbitrary<Row> = fc.record({
  indicator: mostlyFirst(INDICATORS, 6),
  period: mostlyFirst(PERIODS, 3),
  value: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PLAIN_VALUES) },
    { weight: 2, arbitrary: fc.constantFrom(...EDGE_VALUES) },
    fc.constantFrom(...ODD_VALUES),
    { weight: 2, arbitrary: fc.constantFrom(...WRITTEN_VALUES) },
  ),
  met: fc.constantFrom(...METS),
  unit: fc.constantFrom(...UNITS),
  locality: mostlyFirst(LOCALITIES, 2),
  source: fc.constantFrom(...SOURCES),
  reportedOn: fc.constantFrom(...REPORTED_ON),
  note: fc.constantFrom("", "ghi chú"),
});

/** A cell in a file: quoted when it holds the separator or a quote, and sometimes when it need not be. */
function cell(text: string, separator: string, quote: boolean): string {
  return quote || text.includes(separator) || text.includes('"') ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The cell of a row under a header column. */
function cellOf(r: Row, column: string): string {
  const field = column.toLowerCase().replace("_", "");
  if (field === "reportedon") return r.reportedOn;
  return (r as unknown as Record<string, string>)[field] ?? "";
}

export const csvText = fc
  .record({
    header: fc.constantFrom(...HEADERS),
    separator: fc.constantFrom(",", ",", ";"),
    eol: fc.constantFrom("\n", "\r\n"),
    rows: fc.array(row, { maxLength: 40 }),
    // Rows written again further on (a duplicate, or a conflict when a cell is changed), blank lines, a repeated header.
    repeats: fc.array(fc.record({ of: fc.nat(), at: fc.nat(), value: fc.option(fc.constantFrom(...PLAIN_VALUES, ...EDGE_VALUES), { nil: undefined }) }), { maxLength: 12 }),
    extras: fc.array(fc.record({ at: fc.nat(), line: fc.constantFrom("", "  ", ",,,", "HEADER") }), { maxLength: 3 }),
    quoted: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    final: fc.boolean(),
  })
  .map((f) => {
    const rows: Row[] = [...f.rows];
    for (const r of f.repeats) {
      const of = rows[r.of % Math.max(1, rows.length)];
      if (of) rows.splice(r.at % (rows.length + 1), 0, r.value === undefined ? of : { ...of, value: r.value });
    }
    const lines = rows.map((r) => f.header.map((column, i) => cell(cellOf(r, column), f.separator, f.quoted[i]!)).join(f.separator));
    for (const e of f.extras) lines.splice(e.at % (lines.length + 1), 0, e.line === "HEADER" ? f.header.join(f.separator) : e.line);
    const text = [f.header.join(f.separator), ...lines].join(f.eol);
    return f.final ? text + f.eol : text;
  });

/** Chunks of the text of the sizes given, in turn; a size of 0 gives an empty chunk, as a stream may. */
export function inChunks(text: string, sizes: readonly number[]): string[] {
  if (sizes.every((size) => size === 0)) return [text];
  const chunks: string[] = [];
  for (let from = 0, k = 0; from < text.length; k++) {
    const size = sizes[k % sizes.length]!;
    chunks.push(text.slice(from, from + size));
    from += size;
  }
  return chunks;
}

export const chunkSizes = fc.oneof(fc.constant([]), fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 10 }), fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 4 }));
