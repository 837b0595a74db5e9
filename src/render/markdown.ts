import type { DefinedPlan } from "../model/define-plan.js";
import type { Table } from "../model/tables.js";
import type { Scorecard, ScorecardRow } from "../scorecard/schema.js";
import { formatDate, formatPercent, rowsNeedingAttention, summaryTables, VERDICTS, verdictLabel, WORDS, type RenderLang } from "./table.js";

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Language of the headings and messages. Default `vi`. */
  readonly lang?: RenderLang;
}

/**
 * A scorecard as a Markdown report for a document or a pull request: the title with the plan's number and
 * the date assessed; the overall score, band, coverage and verdict counts; tables by task group, indicator
 * group, lead agency and locality; "Needs attention" with every failing and warning row, most urgent first;
 * and one section per rule with one line per row. Cells have `|` escaped and line breaks as `<br>`.
 *
 * @example
 * const md = renderMarkdown(scorecard, plans["haiphong-142"], { lang: "en" });
 * md.split("\n")[0]; //=> "# Scorecard of Plan 142/KH-UBND, as of 2026-11-26"
 */
export function renderMarkdown(scorecard: Scorecard, plan: DefinedPlan, options: MarkdownOptions = {}): string {
  const lang = options.lang ?? "vi";
  const w = WORDS[lang];
  const overall = scorecard.summary.overall;
  const out: string[] = [];
  const input = scorecard.input;

  out.push(`# ${w.scorecard} ${scorecard.plan.number}, ${w.asOf} ${formatDate(scorecard.asOf, lang)}`, "");
  out.push(`## ${w.overall}`, "");
  out.push(
    `- ${w.score}: **${formatPercent(overall.score, lang)}** (${escapeInline(overall.band.label[lang])})`,
    `- ${w.coverage}: ${formatPercent(overall.coverage, lang)}`,
    `- ${w.rows}: ${overall.rows} (${VERDICTS.map((v) => `${verdictLabel(v, lang)} ${overall.counts[v]}`).join(", ")})`,
    `- ${w.input}: ${w.observations} ${input.observations.accepted} ${w.accepted}, ${input.observations.rejected} ${w.rejectedWord}; ` +
      `${w.taskReports} ${input.taskReports.accepted} ${w.accepted}, ${input.taskReports.rejected} ${w.rejectedWord}`,
    `- ${w.rulesVersion}: ${escapeInline(scorecard.rulesVersion)}`,
    "",
  );

  for (const section of summaryTables(scorecard, plan, lang)) out.push(`## ${section.heading}`, "", ...markdownTable(section.table), "");

  out.push(`## ${w.needsAttention}`, "");
  const attention = rowsNeedingAttention(scorecard);
  if (attention.length === 0) out.push(w.nothingNeedsAttention, "");
  else
    out.push(
      ...markdownTable({
        columns: [w.rule, w.entity, w.period, w.locality, w.verdict, w.status, w.score, w.message],
        rows: attention.map((r) => [r.rule, ...rowCells(r, lang)]),
      }),
      "",
    );

  out.push(`## ${w.byRule}`, "");
  for (const rule of scorecard.rules) {
    const rows = scorecard.rows.filter((r) => r.rule === rule.id);
    out.push(`### ${escapeInline(rule.id)}: ${escapeInline(rule.title[lang])}`, "");
    out.push(`${w.severity}: ${w.severities[rule.severity]} · ${w.weight}: ${rule.weight} · ${w.rows}: ${rows.length}`, "");
    if (rows.length === 0) out.push(w.noRows, "");
    else
      out.push(
        ...markdownTable({ columns: [w.entity, w.period, w.locality, w.verdict, w.status, w.score, w.message], rows: rows.map((r) => rowCells(r, lang)) }),
        "",
      );
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function rowCells(row: ScorecardRow, lang: RenderLang): string[] {
  return [row.entity, row.period === undefined ? "" : String(row.period), row.locality ?? "", verdictLabel(row.verdict, lang), row.status, formatPercent(row.score, lang), row.message[lang]];
}

/**
 * A table as GitHub-flavoured Markdown lines, every cell escaped with {@link escapeMarkdownCell}.
 *
 * @example
 * markdownTable({ columns: ["a"], rows: [["x|y"]] }); //=> ["| a |", "| --- |", "| x\\|y |"]
 */
export function markdownTable(table: Table): string[] {
  const line = (cells: readonly unknown[]) => `| ${cells.map((c) => escapeMarkdownCell(c === undefined ? "" : String(c))).join(" | ")} |`;
  return [line(table.columns), `|${table.columns.map(() => " --- ").join("|")}|`, ...table.rows.map(line)];
}

/**
 * Makes text safe inside a Markdown table cell: `|` escaped, line breaks as `<br>`, `&`, `<` and `>` as
 * entities so that text from reports cannot open HTML.
 *
 * @example
 * escapeMarkdownCell("a | b\nc <d>"); //=> "a \\| b<br>c &lt;d&gt;"
 */
export function escapeMarkdownCell(text: string): string {
  return escapeInline(text)
    .replaceAll("|", "\\|")
    .replace(/\r\n|\r|\n/g, "<br>");
}

function escapeInline(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
