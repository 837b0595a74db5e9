import { PlanFileError, type PlanFileIssue } from "../errors.js";
import { INPUT_LIMITS } from "./bounds.js";
import { CsvSyntaxError, parseCsv, type CsvRow } from "./csv.js";

/** A CSV file's rows under its header, and a reader of a row's cells by column (empty cells absent). */
export interface CsvTable<C extends string> {
  readonly rows: readonly CsvRow[];
  cell(row: CsvRow): (column: C) => string | undefined;
}

/** Folds a column name so that `issued_on`, `issuedOn` and `Issued On` are one. */
const foldColumn = (name: string) => name.replace(/[^A-Za-z0-9]/g, "").toLowerCase();

/**
 * A CSV file's rows, its header checked: every column must be one of `columns` (a column of another name would be
 * lost without a word), none given twice. Blank rows are left out; a row with more cells than the header is refused.
 */
export function csvTable<C extends string>(file: string, text: string, what: string, columns: readonly C[]): CsvTable<C> {
  if (text.length > INPUT_LIMITS.maxFileChars)
    throw new PlanFileError(what, [{ file, message: `the file holds ${text.length.toLocaleString("en")} characters, more than the ${INPUT_LIMITS.maxFileChars.toLocaleString("en")} a file of ${what} may hold` }]);
  let rows: CsvRow[];
  try {
    const firstLine = text.slice(0, text.search(/\r?\n|$/));
    rows = parseCsv(text, { separator: firstLine.includes(",") || !firstLine.includes(";") ? "," : ";" });
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new PlanFileError(what, [{ file, line: error.line, message: error.reason }]);
    throw error;
  }
  const [header, ...body] = rows;
  if (!header) throw new PlanFileError(what, [{ file, message: `the file is empty; it needs a header row: ${columns.join(",")}` }]);
  const known = new Map(columns.map((c) => [foldColumn(c), c]));
  const issues: PlanFileIssue[] = [];
  const at = new Map<C, number>();
  header.forEach((name, i) => {
    const column = known.get(foldColumn(name));
    if (column === undefined) issues.push({ file, line: header.line, field: name, message: `unknown column "${name}"; the columns are ${columns.join(", ")}` });
    else if (at.has(column)) issues.push({ file, line: header.line, field: name, message: `column ${column} is given twice` });
    else at.set(column, i);
  });
  const filled = body.filter((row) => row.some((c) => c.trim() !== ""));
  for (const row of filled)
    if (row.length > header.length) issues.push({ file, line: row.line, message: `the row has ${row.length} cells, the header ${header.length}` });
  if (issues.length > 0) throw new PlanFileError(what, issues);
  return {
    rows: filled,
    cell: (row) => (column) => {
      const i = at.get(column);
      const value = i === undefined ? undefined : row[i]?.trim();
      return value === "" ? undefined : value;
    },
  };
}

/** An object without its undefined values, so that a schema sees only what the row gives. */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

