import type { DefinedPlan } from "../model/define-plan.js";
import { isIsoDate } from "../model/text.js";
import type { ReadInput, RejectedRecord } from "../model/records.js";
import { tableOfInput } from "../input/observation-table.js";
import { describeSource } from "../model/source.js";
import { htmlParts } from "../render/html.js";
import { markdownParts } from "../render/markdown.js";
import { reasonWords } from "../render/reason-words.js";
import { inPieces } from "../render/pieces.js";
import { scorecardCsvLines } from "../render/scorecard-csv.js";
import { terminalParts } from "../render/table.js";
import { checkRuleFile, type ParameterValue, type RuleSource } from "../rules/load.js";
import { standardRules } from "../rules/standard.js";
import { evaluate } from "../scorecard/evaluate.js";
import { rowVerdicts } from "../scorecard/rows.js";
import type { Scorecard } from "../model/scorecard.js";
import { readDataFiles, readRuleSources } from "./files.js";
import { scorecardJsonParts, scorecardNdjsonParts } from "../render/json.js";
import { onlyProblems, scorecardForAgency } from "../scorecard/views.js";
import { renderDocx } from "../render/docx.js";
import { renderXlsx } from "../render/xlsx.js";
import { colorAllowed, emitBytes, emitPieces, EXIT, progressBar, UsageError, type CliIo } from "./io.js";
import { terminalText } from "../safe-text.js";
import { planById } from "./plan-commands.js";
import { readChangeFiles, type ChangeFileOptions } from "./plan-files.js";
import { planInForce } from "../plans/amend.js";
import { vietnamDate } from "../model/vietnam-time.js";
import type { Lang } from "../model/text.js";

/** The output formats of `nq57 scorecard`. */
export const SCORECARD_FORMATS = ["table", "json", "ndjson", "md", "csv", "html", "docx", "xlsx"] as const;
export type ScorecardFormat = (typeof SCORECARD_FORMATS)[number];
/** The formats written as files of bytes (Word, Excel), only to `--out FILE`. */
export type BinaryFormat = "docx" | "xlsx";
/** The formats written as text, to standard output or `--out FILE`. */
export type TextFormat = Exclude<ScorecardFormat, BinaryFormat>;

function isBinaryFormat(format: ScorecardFormat): format is BinaryFormat {
  return format === "docx" || format === "xlsx";
}

/** The options of `nq57 scorecard`, as commander parses them. */
export interface ScorecardCommandOptions extends ChangeFileOptions {
  readonly plan: string;
  readonly data: readonly string[];
  readonly asOf?: string;
  readonly format?: ScorecardFormat;
  readonly out?: string;
  readonly rules?: readonly string[];
  readonly param?: readonly string[];
  readonly failOn?: "fail" | "warn";
  readonly minCoverage?: string;
  /** `problems`: only the rows that fail, warn or lack their data. */
  readonly only?: "problems";
  /** One agency's scorecard: what it leads and coordinates. */
  readonly agency?: string;
  readonly lang: Lang;
}

/** Checks a `YYYY-MM-DD` date strictly: `2026-02-30` is refused, not rolled over to March. */
export function checkIsoDate(value: string, option: string): string {
  if (!isIsoDate(value))
    throw new UsageError(`${option} "${value}" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-26`);
  return value;
}

/**
 * Reads `--param rule.id.name=value` assignments into parameter overrides, typed like each parameter's default
 * (a number, `true`/`false`, or text), naming the assignment at fault when the rule or parameter is unknown.
 */
export function parseParams(assignments: readonly string[], sources: readonly RuleSource[]): Record<string, Record<string, ParameterValue>> {
  const rules = new Map(sources.map((s) => checkRuleFile(s)).map((r) => [r.id, r]));
  const out: Record<string, Record<string, ParameterValue>> = {};
  for (const assignment of assignments) {
    const eq = assignment.indexOf("=");
    const key = eq < 0 ? assignment : assignment.slice(0, eq);
    const dot = key.lastIndexOf(".");
    if (eq < 0 || dot <= 0 || dot === key.length - 1)
      throw new UsageError(`--param "${assignment}": write it as RULE.PARAMETER=VALUE, e.g. task.deadline.dueSoonDays=14`);
    const ruleId = key.slice(0, dot);
    const name = key.slice(dot + 1);
    const raw = assignment.slice(eq + 1);
    const rule = rules.get(ruleId);
    if (!rule) throw new UsageError(`--param "${assignment}": no rule "${ruleId}" is loaded; known rules: ${[...rules.keys()].join(", ")}`);
    const declared = Object.hasOwn(rule.parameters, name) ? rule.parameters[name] : undefined;
    if (!declared) {
      const names = Object.keys(rule.parameters);
      throw new UsageError(`--param "${assignment}": rule ${ruleId} has no parameter "${name}"; ${names.length ? `its parameters: ${names.join(", ")}` : "it has none"}`);
    }
    let value: ParameterValue;
    if (typeof declared.default === "number") {
      if (!/^-?\d+(\.\d+)?$/.test(raw.trim())) throw new UsageError(`--param "${assignment}": ${ruleId}.${name} is a number, not "${raw}"`);
      value = Number(raw);
    } else if (typeof declared.default === "boolean") {
      if (raw !== "true" && raw !== "false") throw new UsageError(`--param "${assignment}": ${ruleId}.${name} is true or false, not "${raw}"`);
      value = raw === "true";
    } else value = raw;
    (out[ruleId] ??= {})[name] = value;
  }
  return out;
}

type ScoringOptions = Pick<ScorecardCommandOptions, "data" | "asOf" | "rules" | "param" | "minCoverage" | "amendments" | "waivers" | "successions">;

/** Scores the data files as `nq57 scorecard` does: reads, merges and evaluates. */
export async function scorecardOf(plan: DefinedPlan, options: ScoringOptions, io?: CliIo): Promise<Scorecard> {
  return (await scoreFiles(plan, options, io)).scorecard;
}

/** The scorecard of the data files, and the plan it judged by: the plan in force when changes were given. */
async function scoreFiles(plan: DefinedPlan, options: ScoringOptions, io?: CliIo): Promise<{ scorecard: Scorecard; plan: DefinedPlan }> {
  const asOf = options.asOf === undefined ? undefined : checkIsoDate(options.asOf, "--as-of");
  const minCoverage = options.minCoverage;
  if (minCoverage !== undefined && !/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/.test(minCoverage))
    throw new UsageError(`--min-coverage "${minCoverage}" is not a share from 0 to 1; write it as a decimal, e.g. 0.5`);
  const extra = readRuleSources(options.rules ?? []);
  const rules = [...standardRules, ...extra];
  const parameters = parseParams(options.param ?? [], rules);
  const changes = readChangeFiles(options);
  // Data is read, and the outputs name groups and agencies, as the plan in force does (figures of an indicator an
  // amendment added are accepted; successors are named).
  const inForce = Object.keys(changes).length > 0 ? planInForce(plan, asOf ?? vietnamDate(), changes).plan : plan;
  const bar = io ? progressBar(io, "reading") : undefined;
  const input = await readDataFiles(options.data, inForce, bar?.update);
  bar?.end();
  const scorecard = await evaluate({ plan, input, ...changes, ...(asOf ? { asOf } : {}), ...(extra.length ? { rules } : {}), parameters, ...(minCoverage ? { minCoverage } : {}) });
  return { scorecard, plan: inForce };
}

/**
 * The scorecard in a format, in parts to be written one after the other: the terminal table, JSON, Markdown, CSV
 * (UTF-8 with BOM) or a standalone HTML page. No format is joined into one string: a national scorecard's text
 * may be longer than a string can be, and its rows are made one at a time as they are written.
 */
export function scorecardParts(scorecard: Scorecard, plan: DefinedPlan, format: TextFormat, lang: Lang, terminal: { color: boolean; width?: number }): Iterable<string> {
  switch (format) {
    case "json":
      return scorecardJsonParts(scorecard);
    case "ndjson":
      return scorecardNdjsonParts(scorecard);
    case "md":
      return markdownParts(scorecard, plan, { lang });
    case "csv":
      return scorecardCsvLines(scorecard);
    case "html":
      return htmlParts(scorecard, plan, { lang });
    case "table":
      return terminalParts(scorecard, plan, { lang, color: terminal.color, ...(terminal.width ? { width: terminal.width } : {}) });
  }
}

/** The scorecard as a Word report to the People's Committee (`docx`) or an Excel workbook (`xlsx`). */
export function scorecardBytes(scorecard: Scorecard, plan: DefinedPlan, format: BinaryFormat, lang: Lang): Promise<Uint8Array> {
  return format === "docx" ? renderDocx(scorecard, plan, { lang }) : renderXlsx(scorecard, plan, { lang });
}

/**
 * `nq57 scorecard`: scores, writes the result, tells on standard error how many records were rejected, and
 * returns the exit code asked for by `--fail-on` (1 when a row fails, or with `warn` fails or warns).
 */
export async function scorecardCommand(io: CliIo, options: ScorecardCommandOptions): Promise<number> {
  const format: ScorecardFormat = options.format ?? (io.isTTY && !options.out ? "table" : "json");
  // Checked before the data is read: a Word or Excel file is never written to a terminal or a pipe.
  if (isBinaryFormat(format) && !options.out)
    throw new UsageError(`--format ${format} writes a file: give --out FILE, e.g. --out report.${format}`);
  const signed = planById(options.plan);
  // Without change files the agency is known before the data is read; with them, in the plan in force.
  const agencyMissing = (plan: DefinedPlan) => options.agency !== undefined && !plan.agency(options.agency);
  const noSuchAgency = (plan: DefinedPlan) =>
    new UsageError(`--agency "${options.agency}": no such agency in ${plan.id}; list them with: nq57 plan export ${plan.id} --format csv --entity agencies`);
  if (agencyMissing(signed) && !options.amendments && !options.successions) throw noSuchAgency(signed);
  // Scored by the plan in force, amended as the change files say.
  const { scorecard: whole, plan } = await scoreFiles(signed, options, io);
  if (agencyMissing(plan)) throw noSuchAgency(plan);
  const forAgency = options.agency === undefined ? whole : scorecardForAgency(whole, plan, options.agency!);
  const scorecard = options.only === "problems" ? onlyProblems(forAgency) : forAgency;
  if (isBinaryFormat(format)) emitBytes(await scorecardBytes(scorecard, plan, format, options.lang), options.out!);
  else {
    const color = !options.out && colorAllowed(io);
    // The table is made for a terminal (its colours are escape codes); every other format is made safe for one on the way.
    await emitPieces(io, scorecardParts(scorecard, plan, format, options.lang, { color, ...(io.columns ? { width: io.columns } : {}) }), options.out, { terminal: format === "table" });
  }
  for (const r of scorecard.rejected.filter((r) => r.kind === "file")) io.stderr(`nq57: ${terminalText(`${describeSource(r.source)}: ${r.reason}`, { singleLine: true })}\n`);
  const rejected = scorecard.rejected.length;
  if (rejected > 0)
    io.stderr(
      options.lang === "vi"
        ? `${rejected} bản ghi bị loại; xem rejected[] trong JSON${format === "json" ? "" : " (--format json), hoặc chạy nq57 validate --lang vi"}\n`
        : `${rejected} record${rejected === 1 ? "" : "s"} rejected; see rejected[] in the JSON${format === "json" ? "" : " (--format json), or run nq57 validate"}\n`,
    );
  return exitCodeFor(forAgency, options.failOn);
}

/**
 * 1 when `--fail-on` is given and a scored row (a rule of weight above 0, not a locality's benchmark) has that
 * verdict (or, for `warn`, a worse one); else 0. Checks of weight 0, such as the plan document's own slips, are reported but never fail a
 * run: they do not depend on what agencies did.
 */
export function exitCodeFor(scorecard: Scorecard, failOn: "fail" | "warn" | undefined): number {
  if (!failOn) return EXIT.success;
  const bad = failOn === "fail" ? ["fail"] : ["fail", "warn"];
  for (const r of rowVerdicts(scorecard)) if (r.weight !== "0" && r.benchmark !== true && bad.includes(r.verdict)) return EXIT.findings;
  return EXIT.success;
}

/**
 * `nq57 validate`: per data file, how many records were accepted and rejected, then each rejected record as
 * `file:line: field: reason`. The files are read together, so a figure repeated in two files is reported.
 */
export function validateReport(input: ReadInput, files: readonly string[], lang: Lang = "en"): string {
  return [...validateLines(input, files, lang)].join("");
}

/**
 * The lines of {@link validateReport}, each with its line break: a national file's report is written a line at a
 * time, and its accepted observations are counted in their table, not made into records.
 */
export function* validateLines(input: ReadInput, files: readonly string[], lang: Lang = "en"): Generator<string> {
  const w = VALIDATE_WORDS[lang];
  const accepted = acceptedByFile(input);
  for (const file of files) {
    const rejected = input.rejected.filter((r) => r.source.file === file);
    yield `${file}: ${w.counts(accepted.byFile.get(file) ?? 0, rejected.length)}\n`;
    for (const r of rejected) yield `${rejectedLine(r, lang)}\n`;
    for (const n of input.notes) if (n.source.file === file) yield `${describeSource(n.source)}: ${w.note}: ${n.field ? `${n.field}: ` : ""}${reasonWords(n.note, lang)}\n`;
  }
  yield `${w.files(files.length)}: ${w.counts(accepted.total, input.rejected.length)}\n`;
}

/** Accepted records, in all and by file. */
function acceptedByFile(input: ReadInput): { total: number; byFile: Map<string, number> } {
  const byFile = new Map<string, number>();
  const add = (file: string | undefined, n = 1) => {
    if (file !== undefined) byFile.set(file, (byFile.get(file) ?? 0) + n);
  };
  const found = tableOfInput(input);
  if (found) {
    // Observations read by an accumulator are columns: counted by file number, never made into records.
    const { table, order } = found;
    const perFile = new Map<number, number>();
    for (const e of order) {
      const f = table.file[e]!;
      perFile.set(f, (perFile.get(f) ?? 0) + 1);
    }
    for (const [f, n] of perFile) if (f >= 0) add(table.files[f], n);
  } else for (const r of input.observations) add(r.source.file);
  for (const r of input.taskReports) add(r.source.file);
  return { total: (found ? found.order.length : input.observations.length) + input.taskReports.length, byFile };
}

const VALIDATE_WORDS = {
  vi: { counts: (a: number, r: number) => `${a} bản ghi được nhận, ${r} bị loại`, files: (n: number) => `${n} tệp`, note: "ghi chú" },
  en: { counts: (a: number, r: number) => `${a} accepted, ${r} rejected`, files: (n: number) => `${n} file${n === 1 ? "" : "s"}`, note: "note" },
} as const;

/** A rejected record in one line: `observations.csv:4: value: must be a decimal number such as 12 or 0.77`. */
export function rejectedLine(r: RejectedRecord, lang: Lang = "en"): string {
  return `${describeSource(r.source)}: ${r.field ? `${r.field}: ` : ""}${reasonWords(r.reason, lang).replace(/\s*\n\s*/g, " ")}`;
}

/** `nq57 validate`: the report on standard output; exit code 1 (a finding) when anything was rejected. */
export async function validateCommand(io: CliIo, options: { plan: string; data: readonly string[]; lang: Lang }): Promise<number> {
  const plan = planById(options.plan);
  const bar = progressBar(io, "reading");
  const input = await readDataFiles(options.data, plan, bar.update);
  bar.end();
  await emitPieces(io, inPieces(validateLines(input, [...new Set(options.data)], options.lang)), undefined);
  return input.rejected.length > 0 ? EXIT.findings : EXIT.success;
}
