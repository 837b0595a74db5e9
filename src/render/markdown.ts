import type { DefinedPlan } from "../model/define-plan.js";
import type { Table } from "../model/tables.js";
import { rowsToWrite, rowVerdicts } from "../scorecard/rows.js";
import { inPieces } from "./pieces.js";
import { markdownCell, markdownText } from "../safe-text.js";
import type { Scorecard, ScorecardRow } from "../model/scorecard.js";
import { ruleKinds, rowPlace, rowTrace, scopeWords, statusesOf, statusWords, type StatusOf } from "./row-parts.js";
import { changeSections, summaryChangeCounts } from "./plan-changes.js";
import type { RowKind } from "../model/verdict.js";
import { attentionOrder, formatDate, formatPercent, headline, reportingLine, summaryTables, VERDICTS, verdictLabel, WORDS } from "./table.js";
import type { Lang } from "../model/text.js";

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Language of the headings and messages. Default `vi`. */
  readonly lang?: Lang;
}

/**
 * A scorecard as a Markdown report for a document or a pull request: the title with the plan's number and
 * the date assessed; the overall score, band, coverage and verdict counts; tables by task group, indicator
 * group, lead agency and locality; "Needs attention" with every failing and warning row, most urgent first;
 * and one section per rule with one line per row. Text from data and rule files is written inert (see
 * {@link markdownText}): no link, image, HTML or autolink it holds is live.
 *
 * @example
 * const md = renderMarkdown(scorecard, plans["haiphong-142"], { lang: "en" });
 * md.split("\n")[0]; //=> "# Scorecard of Plan 142/KH-UBND, as of 2026-11-26"
 */
export function renderMarkdown(scorecard: Scorecard, plan: DefinedPlan, options: MarkdownOptions = {}): string {
  return [...markdownParts(scorecard, plan, options)].join("");
}

/**
 * The text of {@link renderMarkdown} in pieces of about a megabyte: a national scorecard's report is written
 * without being joined into one string (it may be longer than a string can be), its rows made one at a time, not
 * kept, when the scorecard has not made them yet.
 *
 * @example
 * for (const piece of renderMarkdownPieces(scorecard, plans["haiphong-142"], { lang: "en" })) stream.write(piece);
 */
export function* renderMarkdownPieces(scorecard: Scorecard, plan: DefinedPlan, options: MarkdownOptions = {}): Generator<string> {
  yield* inPieces(markdownParts(scorecard, plan, options));
}

/**
 * The text of {@link renderMarkdown} a line at a time, each with its line break.
 *
 * @internal
 */
export function* markdownParts(scorecard: Scorecard, plan: DefinedPlan, options: MarkdownOptions = {}): Generator<string> {
  // Blank lines are held back until a line follows them: the report ends with its last line.
  let blanks = 0;
  for (const line of markdownLines(scorecard, plan, options.lang ?? "vi")) {
    if (line === "") blanks++;
    else {
      yield `${"\n".repeat(blanks)}${line}\n`;
      blanks = 0;
    }
  }
}

function* markdownLines(scorecard: Scorecard, plan: DefinedPlan, lang: Lang): Generator<string> {
  const w = WORDS[lang];
  const { overall, dataQuality, planChecks } = scorecard.summary;
  const input = scorecard.input;
  const counts = (c: Scorecard["summary"]["overall"]["counts"]) => VERDICTS.map((v) => `${verdictLabel(v, lang)} ${c[v]}`).join(", ");

  yield `# ${w.scorecard} ${scorecard.plan.number}${escapeInline(scopeWords(scorecard, plan, lang))}, ${w.asOf} ${formatDate(scorecard.asOf, lang)}`;
  yield "";
  yield `## ${w.overall}`;
  yield "";
  yield `- ${w.score}: **${formatPercent(overall.score, lang)}** ${escapeInline(headline(scorecard, lang))}`;
  yield `- ${w.rows}: ${overall.rows} (${counts(overall.counts)})`;
  const setApart = summaryChangeCounts(overall, lang);
  if (setApart !== "") yield `- ${escapeInline(setApart)}`;
  yield `- ${w.dataQuality} (${w.notScored}): ${dataQuality.rows} (${counts(dataQuality.counts)})`;
  yield `- ${w.planChecks} (${w.notScored}): ${planChecks.rows} (${counts(planChecks.counts)})`;
  yield `- ${w.input}: ${w.observations} ${input.observations.accepted} ${w.accepted}, ${input.observations.rejected} ${w.rejectedWord}; ` +
    `${w.taskReports} ${input.taskReports.accepted} ${w.accepted}, ${input.taskReports.rejected} ${w.rejectedWord}`;
  const reporting = reportingLine(scorecard, lang);
  if (reporting) yield `- ${escapeInline(reporting)}`;
  yield `- ${w.rulesVersion}: ${escapeInline(scorecard.rulesVersion)}`;
  yield "";

  for (const section of [...changeSections(scorecard, plan, lang), ...summaryTables(scorecard, plan, lang)]) {
    yield `## ${section.heading}`;
    yield "";
    yield* markdownTable(section.table);
    yield "";
  }

  const kinds = ruleKinds(scorecard);
  yield `## ${w.needsAttention}`;
  yield "";
  const statusOf = statusesOf(scorecard);
  const ruleTitles = new Map(scorecard.rules.map((r) => [r.id, r.title[lang]]));
  const attention = attentionOrder(
    filtered(rowsToWrite(scorecard).rows(), (r) => kinds.get(r.rule) !== "planCheck"),
    // The rule by its title in the language: its id is for machines, and heads its section below.
    (r) => [ruleTitles.get(r.rule) ?? r.rule, ...rowCells(r, lang, true, statusOf)],
    statusOf,
  );
  if (attention.length === 0) yield w.nothingNeedsAttention;
  else yield* markdownTable({ columns: [w.rule, w.entity, w.period, w.locality, w.verdict, w.status, w.score, w.message, w.remediation, w.source], rows: attention });
  yield "";

  // Rules come performance first, then the checks of figures, then of the plan: each kind under its heading.
  const headings: Record<RowKind, string> = { performance: w.byRule, dataQuality: `${w.dataQuality} (${w.notScored})`, planCheck: `${w.planChecks} (${w.notScored})` };
  let kind: RowKind | undefined;
  for (const { rule, count, rows } of rowsByRule(scorecard)) {
    const ruleKind = kinds.get(rule.id) ?? "performance";
    if (ruleKind !== kind) {
      kind = ruleKind;
      yield `## ${headings[kind]}`;
      yield "";
    }
    const traced = kind !== "planCheck";
    const columns = [w.entity, w.period, w.locality, w.verdict, w.status, w.score, w.message, w.remediation, ...(traced ? [w.source] : [])];
    yield `### ${escapeInline(rule.id)}: ${escapeInline(rule.title[lang])}`;
    yield "";
    yield `${w.severity}: ${w.severities[rule.severity]} · ${w.weight}: ${rule.weight} · ${w.rows}: ${count}`;
    yield "";
    if (count === 0) yield w.noRows;
    else {
      yield markdownLine(columns);
      yield markdownRule(columns.length);
      for (const r of rows()) yield markdownLine(rowCells(r, lang, traced, statusOf));
    }
    yield "";
  }
}

function* filtered<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) if (keep(item)) yield item;
}

/** A rule's rows: how many, and (once) the rows themselves. */
interface RuleRows {
  readonly rule: Scorecard["rules"][number];
  readonly count: number;
  rows(): Iterable<ScorecardRow>;
}

/**
 * The rows of each of the scorecard's rules, in the order of its rules. Rows that come rule by rule in that order
 * (as `evaluate` makes them) are read in one pass, one at a time; otherwise each rule's are picked from `rows`.
 */
function rowsByRule(scorecard: Scorecard): RuleRows[] {
  const position = new Map(scorecard.rules.map((r, i) => [r.id, i]));
  const counts = scorecard.rules.map(() => 0);
  let last = 0;
  let inOrder = true;
  for (const { rule } of rowVerdicts(scorecard)) {
    const at = position.get(rule);
    if (at === undefined || at < last) inOrder = false;
    else {
      counts[at]!++;
      last = at;
    }
  }
  if (!inOrder) return scorecard.rules.map((rule) => {
    const rows = scorecard.rows.filter((r) => r.rule === rule.id);
    return { rule, count: rows.length, rows: () => rows };
  });
  const all = rowsToWrite(scorecard).rows()[Symbol.iterator]();
  return scorecard.rules.map((rule, i) => ({
    rule,
    count: counts[i]!,
    *rows() {
      for (let n = 0; n < counts[i]!; n++) {
        const next = all.next();
        if (next.done) return;
        yield next.value;
      }
    },
  }));
}

function rowCells(row: ScorecardRow, lang: Lang, traced: boolean, statusOf: StatusOf): string[] {
  const cells = [
    row.entity,
    row.period === undefined ? "" : String(row.period),
    rowPlace(row, lang),
    verdictLabel(row.verdict, lang),
    statusWords(statusOf, row, lang),
    row.weight === "0" ? "—" : formatPercent(row.score, lang),
    row.message[lang],
    row.remediation?.[lang] ?? "",
  ];
  if (traced) cells.push(rowTrace(row, lang));
  return cells;
}

/**
 * A table as GitHub-flavoured Markdown lines, every cell escaped with {@link markdownText}.
 *
 * @example
 * markdownTable({ columns: ["a"], rows: [["x|y"]] }); //=> ["| a |", "| --- |", "| x\\|y |"]
 */
export function markdownTable(table: Table): string[] {
  return [markdownLine(table.columns), markdownRule(table.columns.length), ...table.rows.map(markdownLine)];
}

function markdownLine(cells: readonly unknown[]): string {
  return `| ${cells.map((c) => escapeMarkdownCell(c === undefined ? "" : String(c))).join(" | ")} |`;
}

function markdownRule(columns: number): string {
  return `|${" --- |".repeat(columns)}`;
}

/**
 * Makes text safe inside a Markdown table cell: shown as written, with nothing in it live. `|` escaped, line breaks
 * as `<br>`, `&`, `<` and `>` as entities (no HTML), `[`, `]` and a backslash escaped (no link or image), and what
 * autolinks look for (`//`, `www.`, `@`, the dot before a top-level domain) broken by escapes that do not show.
 *
 * @example
 * escapeMarkdownCell("a | b\nc <d>"); //=> "a \\| b<br>c &lt;d&gt;"
 * escapeMarkdownCell("[x](javascript:alert(1))"); //=> "\\[x\\](javascript:alert(1))"
 */
export function escapeMarkdownCell(text: string): string {
  return markdownCell(text);
}

const escapeInline = markdownText;
