import { CellParseError, PlanDataError, PlanFileError, type PlanFileIssue } from "../errors.js";
import { definePlan, type DefinedPlan, type PlanInput } from "../model/define-plan.js";
import type { Target } from "../model/target.js";
import { agencyIdOf } from "../parse/agency-id.js";
import { agencyMatcher, parseAgencyList } from "../parse/agency-list.js";
import { parseDeadline } from "../parse/deadline.js";
import { parseTarget } from "../parse/target.js";
import { csvTable, type CsvTable } from "./csv-table.js";

/**
 * The spreadsheets a plan is authored in, each a CSV file of one row per entity, and their columns. `plan.csv`,
 * `agencies.csv`, `groups.csv`, `tasks.csv`, `indicators.csv` and `targets.csv` are required (the last three may hold
 * no row); `parts.csv`, `data-notes.csv` and `successions.csv` are optional. Lists in a cell are separated by `;`
 * (agency cells also by commas and "và", as a plan's cells are read), aliases by `|`.
 */
export const PLAN_SHEETS = {
  "plan.csv": ["id", "number", "issuer_vi", "issuer_en", "issuedOn", "title_vi", "title_en", "implements", "replaces", "milestoneYears"],
  "parts.csv": ["id", "title_vi", "title_en"],
  "agencies.csv": ["id", "name_vi", "name_en", "kind", "aliases"],
  "groups.csv": ["id", "title_vi", "title_en", "parent", "appendix", "milestoneYears", "part", "line"],
  "tasks.csv": ["id", "group", "parent", "title_vi", "title_en", "lead", "coordinating", "output_vi", "output_en", "deadline", "strategic", "part", "line"],
  "indicators.csv": ["id", "group", "parent", "name_vi", "name_en", "unit_vi", "unit_en", "measure", "direction", "lead", "output_vi", "output_en", "appendix", "part", "line"],
  "targets.csv": ["indicator", "year", "target", "level"],
  "data-notes.csv": ["id", "about", "kind", "text_vi", "text_en"],
  "successions.csv": ["predecessor", "successor", "from", "document", "note_en"],
} as const;

/** The name of a plan sheet. */
export type PlanSheet = keyof typeof PLAN_SHEETS;

const REQUIRED: readonly PlanSheet[] = ["plan.csv", "agencies.csv", "groups.csv", "tasks.csv", "indicators.csv", "targets.csv"];

/**
 * Builds a plan from its spreadsheets (CSV texts by file name, see {@link PLAN_SHEETS}) and validates it as
 * `definePlan` does: cells are read as a plan document's are (targets such as `≥ 70%`, deadlines such as
 * `Tháng 12/2026`, agency lists by name or id), and every problem, of a cell or of the plan, is named by sheet, line
 * and column. An entity without a `part` cites its sheet and line as its source.
 *
 * @throws {PlanFileError} listing every problem found.
 * @example
 * const plan = planFromSheets({ "plan.csv": …, "agencies.csv": …, "groups.csv": …, "tasks.csv": …, "indicators.csv": …, "targets.csv": … });
 * await evaluate({ plan, observations, asOf: "2026-12-31" });
 */
export function planFromSheets(sheets: Readonly<Record<string, string>>): DefinedPlan {
  const issues: PlanFileIssue[] = [];
  for (const name of Object.keys(sheets))
    if (!Object.hasOwn(PLAN_SHEETS, name)) issues.push({ file: name, message: `unknown sheet; a plan's sheets are ${Object.keys(PLAN_SHEETS).join(", ")}` });
  for (const name of REQUIRED) if (sheets[name] === undefined) issues.push({ file: name, message: "missing: every plan needs it (its header row at least)" });
  if (issues.length > 0) throw new PlanFileError("plan sheets", issues);

  const tables = {} as { [K in PlanSheet]?: CsvTable<(typeof PLAN_SHEETS)[K][number]> };
  const read = <K extends PlanSheet>(name: K) => {
    const text = sheets[name];
    if (text === undefined) return;
    try {
      (tables as Record<string, unknown>)[name] = csvTable(name, text, "plan sheets", PLAN_SHEETS[name]);
    } catch (error) {
      if (error instanceof PlanFileError) issues.push(...error.issues);
      else throw error;
    }
  };
  for (const name of Object.keys(PLAN_SHEETS) as PlanSheet[]) read(name);
  if (issues.length > 0) throw new PlanFileError("plan sheets", issues);

  /** Where each entity of the plan came from, by collection and index, to name a problem definePlan finds. */
  const origin: Record<string, { file: PlanSheet; line: number }[]> = {};
  const note = (collection: string, file: PlanSheet, line: number) => (origin[collection] ??= []).push({ file, line });
  const cellReader = <K extends PlanSheet>(file: K, row: { line: number } & string[]) => {
    const cell = tables[file]!.cell(row as never) as (column: (typeof PLAN_SHEETS)[K][number]) => string | undefined;
    const problem = (field: string, message: string) => issues.push({ file, line: row.line, field, message });
    /** A cell read by a parser of plan cells, its problem named. */
    const parsed = <T>(field: string, parse: () => T): T | undefined => {
      try {
        return parse();
      } catch (error) {
        if (error instanceof CellParseError) return void problem(field, error.message);
        throw error;
      }
    };
    const integer = (field: string, value: string | undefined): number | undefined => {
      if (value === undefined) return undefined;
      if (/^\d+$/.test(value)) return Number(value);
      problem(field, `"${value}" is not a whole number`);
      return undefined;
    };
    const years = (field: string, value: string | undefined) => value?.split(/\s*;\s*/).map((y) => integer(field, y) ?? 0);
    const text = (vi: string | undefined, en: string | undefined) => (vi === undefined && en === undefined ? undefined : { vi: vi ?? "", en: en ?? "" });
    return { cell, problem, parsed, integer, years, text };
  };

  // ---- the plan
  const planRows = tables["plan.csv"]!.rows;
  if (planRows.length !== 1) issues.push({ file: "plan.csv", message: `the sheet must hold one row under its header, not ${planRows.length}` });
  const head = planRows[0] ? cellReader("plan.csv", planRows[0]) : undefined;
  const list = (value: string | undefined) => value?.split(/\s*;\s*/).filter((v) => v !== "") ?? [];

  // ---- agencies, and the names their cells are read by
  const agencies = tables["agencies.csv"]!.rows.map((row) => {
    const { cell } = cellReader("agencies.csv", row);
    const name = cell("name_vi") ?? "";
    note("agencies", "agencies.csv", row.line);
    return {
      id: cell("id") ?? agencyIdOf(name),
      name: { vi: name, en: cell("name_en") ?? "" },
      aliases: [...new Set([name, ...(cell("aliases")?.split(/\s*\|\s*/) ?? [])])].filter((a) => a !== ""),
      kind: cell("kind") ?? "department",
    };
  });
  const matcher = agencyMatcher(agencies.flatMap((a) => [...a.aliases, a.id].map((name) => ({ name, id: a.id }))));
  const agencyList = (reader: { parsed<T>(field: string, parse: () => T): T | undefined }, field: string, value: string | undefined) =>
    value === undefined ? [] : (reader.parsed(field, () => parseAgencyList(value, matcher)) ?? []);

  // ---- parts: those given, and each sheet an entity cites for want of a part
  const parts = tables["parts.csv"]?.rows.map((row) => {
    const { cell, text } = cellReader("parts.csv", row);
    note("parts", "parts.csv", row.line);
    return { id: cell("id") ?? "", title: text(cell("title_vi"), cell("title_en")) };
  });
  const sheetParts = new Set<PlanSheet>();
  const sourceOf = (file: PlanSheet, reader: { integer(field: string, value: string | undefined): number | undefined }, part: string | undefined, line: string | undefined, row: { line: number }) => {
    if (part === undefined) sheetParts.add(file);
    return { part: part ?? file, line: part === undefined ? row.line : (reader.integer("line", line) ?? 1) };
  };

  const groups = tables["groups.csv"]!.rows.map((row) => {
    const r = cellReader("groups.csv", row);
    const { cell } = r;
    note("groups", "groups.csv", row.line);
    const appendix = r.integer("appendix", cell("appendix"));
    const milestoneYears = r.years("milestoneYears", cell("milestoneYears"));
    return {
      id: cell("id") ?? "",
      title: r.text(cell("title_vi"), cell("title_en")),
      ...(cell("parent") !== undefined ? { parent: cell("parent") } : {}),
      ...(appendix !== undefined ? { appendix } : {}),
      ...(milestoneYears ? { milestoneYears } : {}),
      source: sourceOf("groups.csv", r, cell("part"), cell("line"), row),
    };
  });

  const tasks = tables["tasks.csv"]!.rows.map((row) => {
    const r = cellReader("tasks.csv", row);
    const { cell } = r;
    note("tasks", "tasks.csv", row.line);
    const deadline = cell("deadline");
    const output = r.text(cell("output_vi"), cell("output_en"));
    const strategic = cell("strategic");
    if (strategic !== undefined && !/^(?:true|false|yes|no|có|không|x|1|0)$/iu.test(strategic)) r.problem("strategic", `"${strategic}" is not yes or no`);
    return {
      id: cell("id") ?? "",
      group: cell("group") ?? "",
      ...(cell("parent") !== undefined ? { parent: cell("parent") } : {}),
      title: r.text(cell("title_vi"), cell("title_en")),
      lead: agencyList(r, "lead", cell("lead")),
      coordinating: agencyList(r, "coordinating", cell("coordinating")),
      ...(output ? { output } : {}),
      ...(deadline !== undefined ? { deadline: r.parsed("deadline", () => parseDeadline(deadline)) } : {}),
      strategic: strategic !== undefined && /^(?:true|yes|có|x|1)$/iu.test(strategic),
      source: sourceOf("tasks.csv", r, cell("part"), cell("line"), row),
    };
  });

  const indicators = tables["indicators.csv"]!.rows.map((row) => {
    const r = cellReader("indicators.csv", row);
    const { cell } = r;
    note("indicators", "indicators.csv", row.line);
    const unit = r.text(cell("unit_vi"), cell("unit_en"));
    const output = r.text(cell("output_vi"), cell("output_en"));
    const appendix = r.integer("appendix", cell("appendix"));
    const measure = cell("measure");
    return {
      id: cell("id") ?? "",
      ...(appendix !== undefined ? { appendix } : {}),
      ...(cell("group") !== undefined ? { group: cell("group") } : {}),
      ...(cell("parent") !== undefined ? { parent: cell("parent") } : {}),
      name: r.text(cell("name_vi"), cell("name_en")),
      ...(unit ? { unit } : {}),
      ...(measure !== undefined ? { measure } : {}),
      direction: cell("direction") ?? (measure === "rank" ? "decrease" : "increase"),
      lead: agencyList(r, "lead", cell("lead")),
      ...(output ? { output } : {}),
      targets: [] as Target[],
      source: sourceOf("indicators.csv", r, cell("part"), cell("line"), row),
    };
  });
  const byId = new Map(indicators.map((x) => [x.id, x]));
  for (const x of indicators)
    if (x.parent !== undefined) {
      const parent = byId.get(x.parent) as { children?: string[] } | undefined;
      if (parent) (parent.children ??= []).push(x.id);
    }

  for (const row of tables["targets.csv"]!.rows) {
    const r = cellReader("targets.csv", row);
    const { cell } = r;
    const id = cell("indicator") ?? "";
    const x = byId.get(id);
    const year = r.integer("year", cell("year"));
    const raw = cell("target");
    const level = cell("level");
    if (!x) r.problem("indicator", id === "" ? "give the indicator's id" : `unknown indicator "${id}"; it must be a row of indicators.csv`);
    if (year === undefined) r.problem("year", "give the year the target is for");
    if (raw === undefined) r.problem("target", 'give the target as the document writes it, e.g. "≥ 70%", or "-" for none');
    if (level !== undefined && level !== "city" && level !== "locality") r.problem("level", `"${level}" is not city or locality`);
    if (!x || year === undefined || raw === undefined) continue;
    const target = r.parsed("target", () => parseTarget(raw, { year, rank: x.measure === "rank" }));
    if (!target) continue;
    const same = x.targets.find((t) => t.year === year && (t.level ?? "city") === (level ?? "city"));
    if (same) r.problem("year", `a second target of ${id} for ${year}`);
    else x.targets.push(level === "locality" ? { ...target, level: "locality" } : target);
    (origin[`targets:${id}`] ??= []).push({ file: "targets.csv", line: row.line });
  }
  for (const x of indicators) x.targets.sort((a, b) => a.year - b.year);

  const dataNotes = (tables["data-notes.csv"]?.rows ?? []).map((row) => {
    const { cell } = cellReader("data-notes.csv", row);
    note("dataNotes", "data-notes.csv", row.line);
    const vi = cell("text_vi");
    return { id: cell("id") ?? "", about: list(cell("about")), kind: cell("kind") ?? "", text: { ...(vi !== undefined ? { vi } : {}), en: cell("text_en") ?? "" } };
  });
  const successions = (tables["successions.csv"]?.rows ?? []).map((row) => {
    const { cell } = cellReader("successions.csv", row);
    note("successions", "successions.csv", row.line);
    const en = cell("note_en");
    return { predecessor: cell("predecessor") ?? "", successor: cell("successor") ?? "", from: cell("from") ?? "", document: cell("document") ?? "", ...(en ? { note: { en } } : {}) };
  });

  const milestoneYears = head?.years("milestoneYears", head.cell("milestoneYears"));
  const replaces = head?.cell("replaces");
  const plan = {
    id: head?.cell("id") ?? "",
    document: {
      number: head?.cell("number") ?? "",
      issuer: head?.text(head.cell("issuer_vi"), head.cell("issuer_en")),
      issuedOn: head?.cell("issuedOn") ?? "",
      title: head?.text(head.cell("title_vi"), head.cell("title_en")),
      implements: list(head?.cell("implements")),
      ...(replaces !== undefined ? { replaces } : {}),
    },
    ...(parts || sheetParts.size > 0
      ? { parts: [...(parts ?? []), ...[...sheetParts].map((file) => ({ id: file, title: { vi: file, en: file } }))] }
      : {}),
    ...(milestoneYears ? { milestoneYears } : {}),
    agencies,
    groups,
    tasks,
    indicators,
    dataNotes,
    ...(successions.length > 0 ? { successions } : {}),
  };
  if (issues.length > 0) throw new PlanFileError("plan sheets", issues);
  try {
    return definePlan(plan as PlanInput);
  } catch (error) {
    if (!(error instanceof PlanDataError)) throw error;
    throw new PlanFileError(
      "plan sheets",
      error.issues.map((issue) => {
        const [collection, index, ...rest] = issue.path;
        if (collection === "document" || collection === "id" || collection === "milestoneYears")
          return { file: "plan.csv", line: planRows[0]?.line ?? 1, field: sheetField(issue.path.slice(collection === "document" ? 1 : 0)), message: issue.message };
        if (typeof collection === "string" && typeof index === "number") {
          const from = rest[0] === "targets" && typeof rest[1] === "number" ? origin[`targets:${(plan[collection as "indicators"][index] as { id: string }).id}`]?.[rest[1]] : origin[collection]?.[index];
          return {
            ...(from ? { file: from.file, line: from.line } : {}),
            ...(issue.entity !== undefined ? { entry: issue.entity } : {}),
            field: sheetField(rest[0] === "targets" ? rest.slice(2) : rest),
            message: issue.message,
          };
        }
        return { field: issue.path.join("."), message: issue.message };
      }),
    );
  }
}

/** A path inside an entity as the sheet's column: `title.vi` → `title_vi`, `lead.0` → `lead`, `source.part` → `part`. */
function sheetField(path: readonly (string | number)[]): string {
  const names = path.filter((p): p is string => typeof p === "string");
  if (names[0] === "source") return names[1] ?? "part";
  if (names.length >= 2 && (names.at(-1) === "vi" || names.at(-1) === "en")) return `${names.at(-2)}_${names.at(-1)}`;
  return names[0] ?? "";
}
