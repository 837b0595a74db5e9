import { fieldPath, fileIssueMessage, PlanFileError, type PlanFileIssue } from "../errors.js";
import { elementLines, keyGivenTwice, parseJsonText } from "../json-text.js";
import type { Agency, Succession } from "../model/entities.js";
import { AmendmentFile, rememberEntrySource, SuccessionFile, WaiverFile, type Amendment, type Waiver } from "../model/amendment.js";
import { INPUT_LIMITS } from "./bounds.js";
import { compact, csvTable as csvRows, type CsvTable } from "./csv-table.js";

/**
 * The columns of an amendments CSV file, one row per change; the amendment's own columns (`document`, `issuedOn`,
 * `signer`, `effectiveOn`, `title_vi`) are given on its first row and may be repeated or left empty on the others.
 */
export const AMENDMENT_COLUMNS = [
  "amendment", "document", "title_vi", "issuedOn", "signer", "effectiveOn",
  "change", "task", "indicator", "deadline", "lead", "coordinating", "year", "target", "level", "until",
  "reason_vi", "reason_en", "group", "parent", "name_vi", "name_en", "output_vi", "output_en", "unit_vi", "unit_en", "measure", "direction",
] as const;

/** The columns of a waivers CSV file, one row per waiver; `periods` lists years separated by `;`. */
export const WAIVER_COLUMNS = ["id", "agency", "task", "indicator", "periods", "reason_vi", "reason_en", "document", "approvedOn", "from", "expiresOn"] as const;

/**
 * The columns of a successions CSV file, one row per succession; a successor the plan does not name is given its name
 * (and kind, default `department`) on the row.
 */
export const SUCCESSION_COLUMNS = ["predecessor", "successor", "from", "document", "note_en", "successor_name_vi", "successor_name_en", "successor_kind"] as const;

/**
 * Reads an amendments file, JSON (`{ "amendments": [ … ] }`, see `docs/schema/amendment-file.schema.json`) or CSV (one
 * row per change, the columns of {@link AMENDMENT_COLUMNS}), and checks each amendment's form. Checking them against a
 * plan is `planInForce`'s (or `evaluate`'s), which then names the file and line of an entry at fault.
 *
 * @throws {PlanFileError} listing every problem, each with the file, the line, the entry and the field.
 * @example
 * const amendments = readAmendments("amendments.csv", await readFile("amendments.csv", "utf8"));
 * const scorecard = await evaluate({ plan, amendments, asOf: "2026-12-31" });
 */
export function readAmendments(file: string, text: string): Amendment[] {
  return isJson(text) ? readJsonFile(file, text, "amendments", AmendmentFile).amendments : amendmentsFromCsv(file, csvRows(file, text, "amendments", AMENDMENT_COLUMNS));
}

/**
 * Reads a waivers file, JSON (`{ "waivers": [ … ] }`) or CSV (one row per waiver, {@link WAIVER_COLUMNS}), and checks each
 * waiver's form; `evaluate` checks them against the plan.
 *
 * @throws {PlanFileError} listing every problem, each with the file, the line, the entry and the field.
 * @example
 * const waivers = readWaivers("waivers.csv", await readFile("waivers.csv", "utf8"));
 */
export function readWaivers(file: string, text: string): Waiver[] {
  if (isJson(text)) return readJsonFile(file, text, "waivers", WaiverFile).waivers;
  const rows = csvRows(file, text, "waivers", WAIVER_COLUMNS);
  const entries = rows.rows.map((row, i) => {
    const cell = rows.cell(row);
    const periods = cell("periods");
    const waiver = compact({
      id: cell("id"),
      agency: cell("agency"),
      task: cell("task"),
      indicator: cell("indicator"),
      periods: periods === undefined ? undefined : periods.split(/\s*;\s*/).map((p) => (/^\d{4}$/.test(p) ? Number(p) : p)),
      reason: localized(cell("reason_vi"), cell("reason_en")),
      document: cell("document"),
      approvedOn: cell("approvedOn"),
      from: cell("from"),
      expiresOn: cell("expiresOn"),
    });
    return { entry: waiver, line: row.line, index: i };
  });
  return checkEntries(file, "waivers", entries, WaiverFile, (list) => ({ waivers: list })).waivers;
}

/**
 * Reads a successions file, JSON (`{ "successions": [ … ], "agencies": [ … ] }`) or CSV (one row per succession,
 * {@link SUCCESSION_COLUMNS}): which agency took over which, from when, by which document, and the successors the plan
 * does not name.
 *
 * @throws {PlanFileError} listing every problem, each with the file, the line, the entry and the field.
 * @example
 * const { successions, agencies } = readSuccessions("successions.csv", await readFile("successions.csv", "utf8"));
 * const scorecard = await evaluate({ plan, successions, agencies });
 */
export function readSuccessions(file: string, text: string): { successions: Succession[]; agencies: Agency[] } {
  if (isJson(text)) {
    const read = readJsonFile(file, text, "successions", SuccessionFile);
    return { successions: read.successions, agencies: read.agencies ?? [] };
  }
  const rows = csvRows(file, text, "successions", SUCCESSION_COLUMNS);
  const agencies: Agency[] = [];
  const missingEnglish: PlanFileIssue[] = [];
  const entries = rows.rows.map((row, i) => {
    const cell = rows.cell(row);
    const name = cell("successor_name_vi");
    const successor = cell("successor");
    const nameEn = cell("successor_name_en");
    if (name !== undefined && nameEn === undefined) missingEnglish.push({ file, line: row.line, entry: `successions[${i}]`, field: "successor_name_en", message: "give the successor's English name beside its Vietnamese one" });
    if (name !== undefined && nameEn !== undefined && successor !== undefined && !agencies.some((a) => a.id === successor))
      agencies.push({ id: successor, name: { vi: name, en: nameEn }, aliases: [name], kind: (cell("successor_kind") ?? "department") as Agency["kind"] });
    const note = cell("note_en");
    return { entry: compact({ predecessor: cell("predecessor"), successor, from: cell("from"), document: cell("document"), note: note === undefined ? undefined : { en: note } }), line: row.line, index: i };
  });
  if (missingEnglish.length > 0) throw new PlanFileError("successions", missingEnglish);
  const read = checkEntries(file, "successions", entries, SuccessionFile, (list) => ({ successions: list, agencies }));
  return { successions: read.successions, agencies: read.agencies ?? [] };
}

// ---------------------------------------------------------------- JSON

/** Whether a file's text is JSON: it starts with `{` or `[` (after a byte order mark and spaces). */
function isJson(text: string): boolean {
  return /^\uFEFF?\s*[[{]/.test(text);
}

interface FileSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

/** A JSON file parsed whole: a key given twice, text that is not JSON, a file too long, each refused naming the line. */
function parseJsonFile(file: string, text: string, what: string): unknown {
  if (text.length > INPUT_LIMITS.maxFileChars)
    throw new PlanFileError(what, [{ file, message: `the file holds ${text.length.toLocaleString("en")} characters, more than the ${INPUT_LIMITS.maxFileChars.toLocaleString("en")} a file of ${what} may hold` }]);
  const parsed = parseJsonText(text);
  const body = parsed.body;
  if (!parsed.ok) throw new PlanFileError(what, [{ file, ...(parsed.line !== undefined ? { line: parsed.line } : {}), message: `not valid JSON: ${parsed.message}` }]);
  const json = parsed.json;
  const twice = keyGivenTwice(body);
  if (twice)
    throw new PlanFileError(what, [
      { file, line: twice.lines[1], entry: twice.path, message: `the key ${JSON.stringify(twice.key)} is given twice in one object (lines ${twice.lines.join(" and ")}): JSON keeps only the last, so which one is meant is unclear; give it once` },
    ]);
  return json;
}

/** A JSON file checked against its schema, every problem named by entry, line and field. */
function readJsonFile<T>(file: string, text: string, list: string, schema: FileSchema<T>): T {
  const json = parseJsonFile(file, text, list);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = elementLines(body, list);
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new PlanFileError(
      list,
      parsed.error.issues.map((issue) => {
        const [top, index, ...rest] = issue.path;
        if (top === list && typeof index === "number") {
          const line = lines[index];
          return { file, ...(line !== undefined ? { line } : {}), entry: `${list}[${index}]${idOf((json as Record<string, unknown[]>)[list]?.[index])}`, field: fieldPath(rest), message: fileIssueMessage(issue.message, rest) };
        }
        return { file, field: fieldPath(issue.path), message: top === undefined && !isObject(json) ? `the file must be an object with a "${list}" list` : fileIssueMessage(issue.message, issue.path) };
      }),
    );
  const data = parsed.data as Record<string, unknown>;
  (data[list] as object[]).forEach((entry, index) => rememberEntrySource(entry, { file, index, ...(lines[index] !== undefined ? { line: lines[index] } : {}) }));
  return parsed.data;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** ` (qd-215-2026)` for an entry with an id, for messages. */
function idOf(entry: unknown): string {
  return isObject(entry) && typeof entry.id === "string" ? ` (${entry.id})` : "";
}

// ---------------------------------------------------------------- CSV

function localized(vi: string | undefined, en: string | undefined): { vi: string; en?: string } | undefined {
  if (vi === undefined) return en === undefined ? undefined : ({ en } as unknown as { vi: string });
  return { vi, ...(en !== undefined ? { en } : {}) };
}

/**
 * Entries made from CSV rows checked against the file's schema, every problem named by its row's line; each entry
 * remembers its file and line for the checks against the plan.
 */
function checkEntries<T>(file: string, list: string, entries: readonly { entry: unknown; line: number; index: number }[], schema: FileSchema<T>, wrap: (list: unknown[]) => unknown): T {
  const parsed = schema.safeParse(wrap(entries.map((e) => e.entry)));
  if (!parsed.success)
    throw new PlanFileError(
      list,
      parsed.error.issues.map((issue) => {
        const [top, index, ...rest] = issue.path;
        const e = top === list && typeof index === "number" ? entries[index] : undefined;
        return e
          ? { file, line: e.line, entry: `${list}[${index as number}]${idOf(e.entry)}`, field: csvField(rest), message: fileIssueMessage(issue.message, rest) }
          : { file, field: fieldPath(issue.path), message: fileIssueMessage(issue.message, issue.path) };
      }),
    );
  const data = parsed.data as Record<string, object[]>;
  data[list]!.forEach((entry, i) => rememberEntrySource(entry, { file, line: entries[i]!.line, index: i }));
  return parsed.data;
}

/** A schema path as the CSV column it comes from: `reason.vi` → `reason_vi`, `changes.0.task` → `task`. */
function csvField(path: readonly PropertyKey[]): string {
  const names = path.filter((p) => typeof p === "string") as string[];
  const last = names.at(-1) ?? "";
  if (last === "vi" || last === "en") return `${names.at(-2) === "title" && names.includes("task") ? "name" : (names.at(-2) ?? "")}_${last}`;
  return last;
}

/** Amendments from CSV rows: rows of one amendment id gathered in order, its own columns agreeing. */
function amendmentsFromCsv(file: string, table: CsvTable<(typeof AMENDMENT_COLUMNS)[number]>): Amendment[] {
  const issues: PlanFileIssue[] = [];
  const byId = new Map<string, { amendment: Record<string, unknown>; changes: unknown[]; line: number; lines: number[] }>();
  const own = ["document", "title_vi", "issuedOn", "signer", "effectiveOn"] as const;
  for (const row of table.rows) {
    const cell = table.cell(row);
    const id = cell("amendment");
    if (id === undefined) {
      issues.push({ file, line: row.line, field: "amendment", message: "give the amendment's id on every row, e.g. qd-215-2026" });
      continue;
    }
    let entry = byId.get(id);
    if (!entry) byId.set(id, (entry = { amendment: { id }, changes: [], line: row.line, lines: [] }));
    for (const column of own) {
      const value = cell(column);
      if (value === undefined) continue;
      const key = column === "title_vi" ? "title" : column;
      const earlier = column === "title_vi" ? (entry.amendment.title as { vi: string } | undefined)?.vi : entry.amendment[key];
      if (earlier !== undefined && earlier !== value)
        issues.push({ file, line: row.line, entry: `amendment ${id}`, field: column, message: `"${value}" differs from "${String(earlier)}" given on an earlier row of the same amendment` });
      else entry.amendment[key] = column === "title_vi" ? { vi: value } : value;
    }
    entry.changes.push(changeOfRow(cell));
    entry.lines.push(row.line);
  }
  if (issues.length > 0) throw new PlanFileError("amendments", issues);
  const gathered = [...byId.values()];
  const parsed = AmendmentFile.safeParse({ amendments: gathered.map((e) => ({ ...e.amendment, changes: e.changes })) });
  if (!parsed.success)
    throw new PlanFileError(
      "amendments",
      parsed.error.issues.map((issue) => {
        const [, index, key, change, ...rest] = issue.path;
        const e = typeof index === "number" ? gathered[index] : undefined;
        const line = key === "changes" && typeof change === "number" ? e?.lines[change] : e?.line;
        const field = key === "changes" && typeof change === "number" ? csvField(rest) || "change" : key === "title" ? "title_vi" : String(key ?? "");
        return { file, ...(line !== undefined ? { line } : {}), entry: e ? `amendment ${String(e.amendment.id)}` : "", field, message: fileIssueMessage(issue.message, issue.path) };
      }),
    );
  return parsed.data.amendments.map((a, i) => {
    rememberEntrySource(a, { file, line: gathered[i]!.line, index: i, changeLines: gathered[i]!.lines });
    return a;
  });
}

/** One change from a row of an amendments CSV file, in the JSON form. */
function changeOfRow(cell: (column: (typeof AMENDMENT_COLUMNS)[number]) => string | undefined): Record<string, unknown> {
  const change = cell("change");
  const list = (column: "lead" | "coordinating") => {
    const value = cell(column);
    // One cell may name several agencies: each name is read as the plan's cells are (commas, semicolons, "và").
    return value === undefined ? undefined : [value];
  };
  const reason = localized(cell("reason_vi"), cell("reason_en"));
  const year = cell("year");
  const yearValue = year !== undefined && /^\d{4}$/.test(year) ? Number(year) : year;
  switch (change) {
    case "addTask":
      return {
        change,
        task: compact({
          id: cell("task"),
          group: cell("group"),
          parent: cell("parent"),
          title: compact({ vi: cell("name_vi"), en: cell("name_en") }),
          lead: list("lead") ?? [],
          coordinating: list("coordinating"),
          output: cell("output_vi") === undefined ? undefined : compact({ vi: cell("output_vi"), en: cell("output_en") }),
          deadline: cell("deadline"),
        }),
      };
    case "addIndicator":
      return {
        change,
        indicator: compact({
          id: cell("indicator"),
          group: cell("group"),
          parent: cell("parent"),
          name: compact({ vi: cell("name_vi"), en: cell("name_en") }),
          unit: cell("unit_vi") === undefined ? undefined : compact({ vi: cell("unit_vi"), en: cell("unit_en") }),
          measure: cell("measure"),
          direction: cell("direction"),
          lead: list("lead") ?? [],
        }),
      };
    default:
      return compact({
        change,
        task: cell("task"),
        indicator: cell("indicator"),
        deadline: cell("deadline"),
        lead: list("lead"),
        coordinating: list("coordinating") ?? (change === "coordinating" ? [] : undefined),
        year: yearValue,
        target: cell("target"),
        level: cell("level"),
        until: cell("until"),
        reason,
      });
  }
}
