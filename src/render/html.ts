import type { DefinedPlan } from "../model/define-plan.js";
import type { RejectedRecord } from "../model/records.js";
import type { Verdict } from "../model/verdict.js";
import { describeSource } from "../model/source.js";
import { isSharedAssignee } from "../model/entities.js";
import { rowsToWrite, rowVerdicts } from "../scorecard/rows.js";
import { addToTally, createTally, mergeTally, summaryOf, type Tally } from "../scorecard/summarize.js";
import { rowEvidence, ruleKinds, scopeWords, statusesOf, statusWords, type StatusOf } from "./row-parts.js";
import { changeSections, rowChangeNote, summaryChangeCounts } from "./plan-changes.js";
import { reasonWords } from "./reason-words.js";
import type { RowKind } from "../model/verdict.js";
import type { Scorecard, ScorecardRow, Summary } from "../model/scorecard.js";
import { inPieces } from "./pieces.js";
import { barChart, type BarItem } from "./html/bar-chart.js";
import { bandClass, verdictClass } from "./html/colors.js";
import { FILTER_SCRIPT, FILTER_SCRIPT_SHA256 } from "./html/filter-script.js";
import { formatNumber, formatScore } from "./html/format.js";
import { html, trusted, type Markup } from "./html/markup.js";
import { milestoneChart, seriesCollector, type ObservedSeries, type Paces } from "./html/milestone-chart.js";
import { PAGE_STYLE } from "./html/page-style.js";
import { HTML_WORDS, phrase, VERDICT_MARKS } from "./html/words.js";
import { formatDate, shorten, summaryTables, VERDICTS } from "./table.js";
import type { Lang } from "../model/text.js";

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** Language of the page: its words, the entity names and the messages. Default `vi`. */
  readonly lang?: Lang;
}

type Words = (typeof HTML_WORDS)[Lang];

/** What the page needs besides the scorecard: the plan's names, in the page's language. */
interface Context {
  readonly scorecard: Scorecard;
  readonly plan: DefinedPlan;
  readonly lang: Lang;
  readonly w: Words;
  readonly survey: Survey;
  /** Each rule's title in the page's language, and the kind of rows it makes. */
  readonly ruleTitles: ReadonlyMap<string, string>;
  readonly kinds: ReadonlyMap<string, RowKind>;
}

/**
 * A scorecard as one self-contained HTML page to read on a phone or a desktop, or print on A4: the plan and the
 * date assessed with the input counts; the overall score, band, coverage and verdict counts as tiles; bar charts
 * of the scores by lead agency, task group, indicator group (and locality, when rows have one), coloured by band;
 * the reporting rates; the tasks overdue, missing a report or due soon; a drill-down from each group to its lead
 * agencies, their tasks and indicators and each one's rows with the explanation; a milestone chart of every
 * indicator with reported figures; every row with its message in a table filtered by agency, group and verdict;
 * and the rejected records. Printed, it gives the summary (up to the tasks) on a few A4 pages, and the rest when
 * the reader ticks "include the details".
 *
 * The page loads nothing: styles, charts (bars in HTML, lines in SVG) and a short script are inline, and its
 * Content-Security-Policy lets only that script run; the page is complete without it (the drill-down is native
 * disclosures; the script filters the table of rows and sorts tables by a column). Every text from the scorecard
 * and the plan is escaped. Figures come from the scorecard only: scores as percentages with one decimal (`67,3%`
 * in Vietnamese).
 *
 * @example
 * const page = renderHtml(scorecard, plans["haiphong-142"], { lang: "en" });
 * page.startsWith("<!doctype html>"); //=> true
 */
export function renderHtml(scorecard: Scorecard, plan: DefinedPlan, options: HtmlOptions = {}): string {
  return [...htmlParts(scorecard, plan, options)].join("");
}

/**
 * The page of {@link renderHtml} in pieces of about a megabyte: the page of a national scorecard, with a table
 * row per scorecard row, is written without being joined into one string (it may be longer than a string can be),
 * its rows made one at a time, not kept, when the scorecard has not made them yet.
 *
 * @example
 * for (const piece of renderHtmlPieces(scorecard, plans["haiphong-142"], { lang: "en" })) stream.write(piece);
 */
export function* renderHtmlPieces(scorecard: Scorecard, plan: DefinedPlan, options: HtmlOptions = {}): Generator<string> {
  yield* inPieces(htmlParts(scorecard, plan, options));
}

/**
 * The page of {@link renderHtml} a part at a time: what comes before the table of rows, each row, what follows.
 *
 * @internal
 */
export function* htmlParts(scorecard: Scorecard, plan: DefinedPlan, options: HtmlOptions = {}): Generator<string> {
  const lang = options.lang ?? "vi";
  const base = {
    scorecard,
    plan,
    lang,
    w: HTML_WORDS[lang],
    ruleTitles: new Map(scorecard.rules.map((r) => [r.id, r.title[lang]])),
    kinds: ruleKinds(scorecard),
  };
  const context: Context = { ...base, survey: survey(base) };
  const { w } = context;
  const title = `${w.documentTitle} ${scorecard.plan.number} · ${formatDate(scorecard.asOf, lang)}`;
  const policy = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${FILTER_SCRIPT_SHA256}'; img-src data:; base-uri 'none'; form-action 'none'`;
  yield html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="generator" content="nq57-scorecard ${scorecard.rulesVersion}">
<title>${title}</title>
<style>${trusted(PAGE_STYLE)}</style>
</head>
<body>
${pageHeader(context)}
<main class="wrap">
${overview(context)}
${planChanges(context)}
${scoreCharts(context)}
${reportingSection(context)}
${taskTable(context)}
${drillDown(context)}
`.text;
  yield* milestones(context);
  yield "\n";
  yield* rowTable(context);
  yield "\n";
  yield* rejectedRecords(context);
  yield html`
</main>
<footer class="page-footer"><div class="wrap">
<p>${w.method}</p>
<p>${w.generated} · ${w.rulesVersion} ${scorecard.rulesVersion} · ${w.asOf} ${formatDate(scorecard.asOf, lang)}</p>
</div></footer>
<script>${trusted(FILTER_SCRIPT)}</script>
</body>
</html>
`.text;
}

/** What the page shows of the rows besides the table of them, gathered in one pass over the rows. */
interface Survey {
  /** Task rows overdue, missing a report or due soon. */
  readonly tasks: ScorecardRow[];
  /** The figures behind the milestone charts. */
  readonly series: Map<string, ObservedSeries>;
  /** The year each indicator's target is reached at its present pace, by locality. */
  readonly paces: Map<string, Paces>;
  /** The groups of the rows' entities. */
  readonly groups: Set<string>;
  /** How each row's rule declares its status. */
  readonly statusOf: StatusOf;
  /** The drill-down's tasks and indicators, in the order their rows came. */
  readonly entities: Map<string, EntityRows>;
}

/**
 * One task's or indicator's performance rows for the drill-down: counted in full (as the summaries count them), but
 * only a few kept, as markup, the city's own rows first; the table of every row holds them all.
 */
interface EntityRows {
  readonly tally: Tally;
  readonly city: string[];
  readonly local: string[];
  total: number;
}

/** The localities a milestone chart draws besides the whole city, one colour each; the table of every row has them all. */
const CHARTED_LOCALITIES = 7;

/** The rows of one task or indicator the drill-down shows; the others are in the table of every row. */
const DRILL_ROWS = 10;

function survey(context: Omit<Context, "survey">): Survey {
  const { scorecard, plan } = context;
  const tasks: ScorecardRow[] = [];
  const statusOf = statusesOf(scorecard);
  const localities = Object.keys(scorecard.summary.byLocality);
  const charted = new Set(localities.slice(0, CHARTED_LOCALITIES));
  const series = seriesCollector((locality) => charted.has(locality));
  const groups = new Set<string>();
  const entities = new Map<string, EntityRows>();
  const rowContext = { ...context, statusOf };
  for (const row of rowsToWrite(scorecard).rows()) {
    if (statusOf(row)?.followUp === true && plan.task(row.entity) !== undefined) tasks.push(row);
    series.add(row);
    const group = (plan.indicator(row.entity) ?? plan.task(row.entity))?.group;
    if (group !== undefined) groups.add(group);
    if (group === undefined || (context.kinds.get(row.rule) ?? "performance") !== "performance") continue;
    let entity = entities.get(row.entity);
    if (!entity) entities.set(row.entity, (entity = { tally: createTally(), city: [], local: [], total: 0 }));
    // A locality's benchmark against the city's target is listed, not scored (as in the summaries).
    if (row.benchmark !== true) addToTally(entity.tally, row);
    entity.total++;
    const kept = row.locality === undefined ? entity.city : entity.local;
    if (kept.length < DRILL_ROWS) kept.push(drillRow(row, rowContext));
  }
  return { tasks, series: series.result, paces: series.paces, groups, statusOf, entities };
}

function pageHeader({ scorecard, plan, lang, w }: Context): Markup {
  const doc = plan.document;
  const counts = (c: { given: number; accepted: number; rejected: number }, kind: string) =>
    html`<span data-input="${kind}">${formatNumber(c.given, lang)} ${w.given} · ${formatNumber(c.accepted, lang)} ${w.accepted} · ${formatNumber(c.rejected, lang)} ${w.rejected}</span>`;
  return html`<header class="page-header">
<div class="wrap">
<p class="overline">${doc.issuer[lang]} · ${w.issued} ${formatDate(doc.issuedOn, lang)}</p>
<h1>${w.heading} ${scorecard.plan.number}${scopeWords(scorecard, plan, lang)}</h1>
<p class="plan-title">${doc.title[lang]}</p>
<dl class="meta">
<div><dt>${w.asOf}</dt><dd data-field="as-of">${formatDate(scorecard.asOf, lang)}</dd></div>
<div><dt>${w.rulesVersion}</dt><dd data-field="rules-version">${scorecard.rulesVersion}</dd></div>
<div><dt>${w.observations}</dt><dd>${counts(scorecard.input.observations, "observations")}</dd></div>
<div><dt>${w.taskReports}</dt><dd>${counts(scorecard.input.taskReports, "task-reports")}</dd></div>
</dl>
</div>
</header>`;
}

/** A thin bar under the overall score: the score's share of the width in the band's colour. */
function gauge(summary: Summary): Markup {
  const share = summary.score === null ? 0 : Math.max(0, Math.min(1, Number(summary.score)));
  return html`<svg class="gauge" viewBox="0 0 200 12" preserveAspectRatio="none" aria-hidden="true"><rect class="track" width="200" height="12" rx="6"/>${
    share > 0 ? html`<rect class="${bandClass(summary.band.id)}" width="${(share * 200).toFixed(1)}" height="12" rx="6"/>` : ""
  }</svg>`;
}

function overview({ scorecard, lang, w }: Context): Markup {
  const { overall, dataQuality, planChecks } = scorecard.summary;
  const provisional = overall.provisional && overall.score !== null;
  const checkCounts = (counts: Summary["counts"]) =>
    VERDICTS.filter((v) => counts[v] > 0).map((v) => html`<span class="${verdictClass(v)}"><span aria-hidden="true">${VERDICT_MARKS[v]}</span> ${formatNumber(counts[v], lang)} ${w.verdicts[v]}</span> `);
  const verdictTiles = VERDICTS.map(
    (v) => html`<div class="tile ${verdictClass(v)}" data-verdict-count="${v}">
<p class="tile-label"><span aria-hidden="true">${VERDICT_MARKS[v]}</span> ${w.verdicts[v]}</p>
<p class="tile-value">${formatNumber(overall.counts[v], lang)}</p>
</div>`,
  );
  return html`<section aria-labelledby="overview-heading">
<h2 id="overview-heading" class="visually-hidden">${w.overallScore}</h2>
<div class="tiles">
<div class="tile tile-main">
<p class="tile-label">${provisional ? w.provisional : w.overallScore}</p>
<p class="tile-value" data-metric="overall-score"${provisional ? html` data-provisional="true"` : ""}>${formatScore(overall.score, lang)}</p>
<p class="tile-band"><span class="chip ${bandClass(overall.band.id)}" aria-hidden="true"></span><span data-metric="band">${overall.band.label[lang]}</span></p>
${provisional ? html`<p class="tile-note">${phrase(w.provisionalHint, { min: formatScore(scorecard.minCoverage, lang) })}</p>` : ""}
${gauge(overall)}
</div>
<div class="tile">
<p class="tile-label">${w.coverage}</p>
<p class="tile-value" data-metric="coverage">${formatScore(overall.coverage, lang)}</p>
<p class="tile-note">${w.coverageHint}</p>
</div>
<div class="tile">
<p class="tile-label">${w.rows}</p>
<p class="tile-value" data-metric="rows">${formatNumber(overall.rows, lang)}</p>
<p class="tile-note">${w.rowsHint}</p>
</div>
</div>
<h3 class="visually-hidden">${w.verdictCounts}</h3>
<div class="tiles verdict-tiles">${verdictTiles}</div>
<p class="checks-line" data-checks="data-quality">${w.dataQuality} (${w.checksHint}): ${dataQuality.rows === 0 ? "—" : checkCounts(dataQuality.counts)}</p>
<p class="checks-line" data-checks="plan">${w.planChecks} (${w.checksHint}): ${checkCounts(planChecks.counts)}</p>
${summaryChangeCounts(overall, lang) === "" ? "" : html`<p class="checks-line" data-set-apart="true">${summaryChangeCounts(overall, lang)}</p>`}
<p class="print-toggle"><label><input type="checkbox" id="print-details">${w.printDetails}</label></p>
</section>`;
}

/** The amendments, successions and waivers the scorecard applied, a table each; nothing when it applied none. */
function planChanges({ scorecard, plan, lang }: Context): Markup {
  const sections = changeSections(scorecard, plan, lang);
  if (sections.length === 0) return html``;
  return html`<section aria-labelledby="plan-changes-heading">
${sections.map(
  (s, i) => html`<div class="card" id="${s.id}">
<h${i === 0 ? 2 : 3}${i === 0 ? html` id="plan-changes-heading"` : ""}>${s.heading}</h${i === 0 ? 2 : 3}>
<div class="table-wrap"><table>
<thead><tr>${s.table.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${s.table.rows.length === 0 ? html`<tr><td colspan="${s.table.columns.length}">—</td></tr>` : s.table.rows.map((r) => html`<tr>${r.map((c) => html`<td>${c === undefined ? "" : String(c)}</td>`)}</tr>`)}</tbody>
</table></div>
</div>`,
)}
</section>`;
}

/** The bands the summaries fall in, in the order of the standard bands, any other after. */
function bandLegend({ scorecard, lang, w }: Context): Markup {
  const order = ["high", "fairly-high", "medium", "low", "insufficient-data"];
  const s = scorecard.summary;
  const bands = new Map<string, string>();
  for (const summary of [s.overall, ...[s.byAgency, s.byTaskGroup, s.byIndicatorGroup, s.byLocality].flatMap((r) => Object.values(r))])
    bands.set(summary.band.id, summary.band.label[lang]);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const items = [...bands].sort(([a], [b]) => rank(a) - rank(b));
  return html`<ul class="band-legend" aria-label="${w.legend}"><li>${w.legend}:</li>${items.map(
    ([id, label]) => html`<li><span class="chip ${bandClass(id)}" aria-hidden="true"></span>${label}</li>`,
  )}</ul>`;
}

/** Bars a chart prints with the summary; a longer chart (a national scorecard's localities) prints with the details. */
const PRINTED_BARS = 40;

function chartCard(id: string, heading: string, items: readonly BarItem[], context: Context): Markup {
  if (items.length === 0) return html``;
  return html`<figure class="card chart-card${items.length > PRINTED_BARS ? " detail" : ""}" aria-labelledby="${id}-heading">
<figcaption><h3 id="${id}-heading">${heading}</h3><span>${context.w.chartSorted}</span></figcaption>
${trusted(barChart({ id, title: heading, items, lang: context.lang }))}
</figure>`;
}

function scoreCharts(context: Context): Markup {
  const { scorecard, plan, lang, w } = context;
  const s = scorecard.summary;
  const groupItems = (record: Record<string, Summary>): BarItem[] =>
    Object.entries(record).map(([key, summary]) => ({ key, summary, label: `${key} · ${plan.group(key)?.title[lang] ?? ""}`.replace(/ · $/, "") }));
  const agencies = Object.entries(s.byAgency).map(([key, summary]) => ({ key, summary, label: plan.agency(key)?.name[lang] ?? key }));
  const localities = Object.entries(s.byLocality).map(([key, summary]) => ({ key, summary, label: key }));
  return html`<section aria-labelledby="scores-heading">
<h2 id="scores-heading">${w.scores}</h2>
${bandLegend(context)}
${chartCard("chart-agency", w.byAgency, agencies, context)}
${chartCard("chart-task-group", w.byTaskGroup, groupItems(s.byTaskGroup), context)}
${chartCard("chart-indicator-group", w.byIndicatorGroup, groupItems(s.byIndicatorGroup), context)}
${chartCard("chart-locality", w.byLocality, localities, context)}
${sharedDuties(context)}
</section>`;
}

/** Duties assigned to collectives, in a table beside the charts and never ranked with the agencies. */
function sharedDuties({ scorecard, plan, lang, w }: Context): Markup {
  const entries = Object.entries(scorecard.summary.bySharedDuty);
  if (entries.length === 0) return html``;
  return html`<div class="card" id="shared-duties">
<h3>${w.bySharedDuty}</h3>
<p class="tile-note">${w.sharedDutyNote}</p>
<div class="table-wrap"><table>
<thead><tr><th scope="col">${w.lead}</th><th scope="col" class="num">${w.score}</th><th scope="col">${w.band}</th><th scope="col" class="num">${w.coverage}</th></tr></thead>
<tbody>${entries.map(
    ([id, s]) => html`<tr><td>${plan.agency(id)?.name[lang] ?? id}</td><td class="num">${formatScore(s.score, lang)}</td><td>${s.band.label[lang]}</td><td class="num">${formatScore(s.coverage, lang)}</td></tr>`,
  )}</tbody>
</table></div>
</div>`;
}

/** Reports due, received and received on time, by lead agency and year (the table the text outputs show too). */
function reportingSection({ scorecard, plan, lang }: Context): Markup {
  const section = summaryTables(scorecard, plan, lang).find((s) => s.id === "reporting");
  if (!section) return html``;
  const numeric = (i: number) => i >= 2;
  return html`<section aria-labelledby="reporting-heading">
<h2 id="reporting-heading">${section.heading}</h2>
<div class="table-wrap"><table id="reporting" class="sortable">
<thead><tr>${section.table.columns.map((c, i) => html`<th scope="col"${numeric(i) ? html` class="num"` : ""}>${c}</th>`)}</tr></thead>
<tbody>${section.table.rows.map(
    (r) =>
      html`<tr>${r.map((c, i) =>
        numeric(i) ? html`<td class="num" data-value="${sortValue(String(c), lang)}">${String(c)}</td>` : html`<td${i === 1 ? html` class="nowrap"` : ""}>${String(c)}</td>`,
      )}</tr>`,
  )}</tbody>
</table></div>
</section>`;
}

/** A number as the language writes it (`1.234,5%`), written for sorting (`1234.5`); other text as it is. */
function sortValue(text: string, lang: Lang): string {
  const plain = lang === "vi" ? text.replaceAll(".", "").replace(",", ".") : text.replaceAll(",", "");
  return /^-?\d+(?:\.\d+)?%?$/.test(plain) ? plain.replace("%", "") : text;
}

function badge(verdict: Verdict, w: Words, text: string = w.verdicts[verdict]): Markup {
  return html`<span class="badge ${verdictClass(verdict)}"><span class="mark" aria-hidden="true">${VERDICT_MARKS[verdict]}</span> ${text}</span>`;
}


const fact = (row: ScorecardRow, key: string): unknown => row.facts[key];
const stringFact = (row: ScorecardRow, key: string): string | undefined => {
  const value = fact(row, key);
  return typeof value === "string" ? value : undefined;
};

/** When a task row was due: a date, or a year's report and its date (continuous tasks saying so). */
function dueCell(row: ScorecardRow, { lang, w }: Context): Markup {
  const due = stringFact(row, "due");
  const periodDue = stringFact(row, "periodDue");
  const yearly = periodDue ? phrase(w.yearDue, { period: row.period ?? periodDue.slice(0, 4), due: formatDate(periodDue, lang) }) : undefined;
  const main = due
    ? formatDate(due, lang)
    : yearly
      ? stringFact(row, "deadlineKind") === "continuous"
        ? `${w.continuous}, ${yearly}`
        : yearly
      : row.period !== undefined
        ? String(row.period)
        : "—";
  const days = fact(row, "daysUntilDue");
  const note = typeof days === "number" ? (days < 0 ? phrase(w.daysLate, { n: -days }) : phrase(w.daysLeft, { n: days })) : "";
  return html`${main}${note ? html`<span class="sub">${note}</span>` : ""}`;
}

/**
 * A message without the entity's name, for a table that shows the name beside it: `T-1.1 «Các Sở…» quá hạn …`
 * becomes `T-1.1 quá hạn …`.
 */
function withoutName(message: string, entity: string): string {
  const start = message.indexOf(`${entity} «`);
  const end = start < 0 ? -1 : message.indexOf("»", start);
  return end < 0 ? message : `${message.slice(0, start + entity.length)}${message.slice(end + 1)}`;
}

/** What the row's status asks the responsible agency to do, under its message. */
function remedyMarkup(row: ScorecardRow, { lang, w }: Pick<Context, "lang" | "w">): Markup | string {
  return row.remediation ? html`<span class="sub remediation"><strong>${w.remediation}:</strong> ${row.remediation[lang]}</span>` : "";
}

/** Where a row's records were read, the evidence they name and the plan's changes to the row, under its message. */
function traceMarkup(row: ScorecardRow, { lang, w }: Pick<Context, "lang" | "w">): Markup {
  const sources = (row.sources ?? []).map(describeSource).join("; ");
  const evidence = rowEvidence(row);
  const changes = rowChangeNote(row, lang);
  return html`${sources ? html`<span class="sub trace">${w.source}: <span class="mono">${sources}</span></span>` : ""}${
    evidence ? html`<span class="sub trace">${w.evidence}: ${evidence}</span>` : ""
  }${changes ? html`<span class="sub trace" data-changes="true">${changes}</span>` : ""}`;
}

function placeMarkup(row: ScorecardRow, w: Words): Markup {
  return html`${row.locality ?? ""}${row.benchmark === true ? html`<span class="sub">${w.benchmark}</span>` : ""}`;
}

/** A row of one task or indicator in the drill-down: its verdict, rule, year, place, score and explanation. */
function drillRow(row: ScorecardRow, context: Omit<Context, "survey"> & { readonly statusOf: StatusOf }): string {
  const { lang, w } = context;
  return html`<tr data-verdict="${row.verdict}">
<td>${badge(row.verdict, w)}<span class="sub">${statusWords(context.statusOf, row, lang)}</span></td>
<td>${context.ruleTitles.get(row.rule) ?? row.rule}</td>
<td class="num">${row.period ?? ""}</td>
<td>${placeMarkup(row, w)}</td>
<td class="num" data-value="${row.score ?? ""}">${formatScore(row.score, lang)}</td>
<td class="message">${row.message[lang]}${remedyMarkup(row, context)}${traceMarkup(row, context)}</td>
</tr>`.text;
}

function agencyNames(ids: readonly string[], { plan, lang, w }: Context): string {
  return ids.length === 0 ? w.noLead : ids.map((id) => plan.agency(id)?.name[lang] ?? id).join("; ");
}

function taskTable(context: Context): Markup {
  const { plan, lang, w } = context;
  const statusOf = context.survey.statusOf;
  const rank = (row: ScorecardRow) => statusOf(row)?.attention ?? Number.MAX_SAFE_INTEGER;
  const remedy = (row: ScorecardRow) => remedyMarkup(row, context);
  const dueOf = (row: ScorecardRow) => stringFact(row, "due") ?? stringFact(row, "periodDue") ?? "";
  const rows = [...context.survey.tasks].sort((a, b) => rank(a) - rank(b) || dueOf(a).localeCompare(dueOf(b)) || a.entity.localeCompare(b.entity, "en", { numeric: true }));
  const body = rows.map((row) => {
    const task = plan.task(row.entity)!;
    return html`<tr data-status="${row.status}">
<td data-value="${rank(row)}">${badge(row.verdict, w, statusWords(context.survey.statusOf, row, lang))}</td>
<td class="nowrap"><span class="entity-id">${row.entity}</span></td>
<td title="${task.title[lang]}"><span class="task-title">${shorten(task.title[lang], 140)}</span></td>
<td><span class="task-lead">${agencyNames(task.lead, context)}</span></td>
<td data-value="${dueOf(row)}">${dueCell(row, context)}</td>
<td class="message col-message">${withoutName(row.message[lang], row.entity)}${remedy(row)}</td>
</tr>`;
  });
  return html`<section aria-labelledby="tasks-heading">
<h2 id="tasks-heading">${w.tasks}</h2>
${
  rows.length === 0
    ? html`<p class="card">${w.tasksNone}</p>`
    : html`<div class="table-wrap"><table id="tasks" class="fixed sortable">
<colgroup><col class="w-status"><col class="w-id"><col class="w-title"><col class="w-lead"><col class="w-due"><col class="w-message col-message"></colgroup>
<thead><tr><th scope="col">${w.status}</th><th scope="col">${w.task}</th><th scope="col">${w.taskTitle}</th><th scope="col">${w.lead}</th><th scope="col">${w.due}</th><th scope="col" class="col-message">${w.message}</th></tr></thead>
<tbody>${body}</tbody>
</table></div>`
}
</section>`;
}

/** The id of one of the drill-down's disclosures, from the plan's ids. */
const drillId = (...ids: string[]) => `drill-${ids.map((id) => id.replace(/[^A-Za-z0-9-]/g, "-")).join("--")}`;
const DRILL_VERDICTS = ["pass", "warn", "fail", "no-data"] as const;

/**
 * City → group → agency → task or indicator → rows, as nested disclosures that work without a script: each group's
 * line gives its score; opened, it lists its lead agencies (a table to sort, then one disclosure each), each agency
 * its tasks and indicators in the group, each of those its rows with their explanation (the first few: a national
 * scorecard has thousands a task, all in the table of every row). Its size grows with the plan, not with the input.
 */
function drillDown(context: Context): Markup {
  const { scorecard, plan, lang, w } = context;
  const entities = context.survey.entities;
  if (entities.size === 0) return html``;
  const options = { minCoverage: scorecard.minCoverage };
  const num = (value: string | number | null, text: string) => html`<td class="num" data-value="${value ?? ""}">${text}</td>`;
  const heads = html`<th scope="col" class="num">${w.score}</th><th scope="col" class="num">${w.coverage}</th>${DRILL_VERDICTS.map(
    (v) => html`<th scope="col" class="num">${w.verdicts[v]}</th>`,
  )}<th scope="col" class="num">${w.rowCount}</th>`;
  const cells = (s: Summary) =>
    html`${num(s.score, formatScore(s.score, lang))}${num(s.coverage, formatScore(s.coverage, lang))}${DRILL_VERDICTS.map((v) => num(s.counts[v], formatNumber(s.counts[v], lang)))}${num(s.rows, formatNumber(s.rows, lang))}`;
  const figures = (s: Summary, withBand: boolean) => {
    const counts = (["fail", "warn", "no-data"] as const).filter((v) => s.counts[v] > 0).map((v) => ` · ${formatNumber(s.counts[v], lang)} ${w.verdicts[v].toLowerCase()}`);
    return html`<span class="drill-figures">${withBand ? html`<span class="chip ${bandClass(s.band.id)}" aria-hidden="true"></span>` : ""}<strong>${formatScore(s.score, lang)}</strong>${
      withBand ? ` ${s.band.label[lang]}` : ""
    }${counts.join("")} · ${formatNumber(s.rows, lang)} ${w.rowsWord}</span>`;
  };
  const merged = (ids: readonly string[]) => {
    const tally = createTally();
    for (const id of ids) mergeTally(tally, entities.get(id)!.tally);
    return summaryOf(tally, options);
  };
  const agencyName = (id: string) => (id === "" ? w.noLead : (plan.agency(id)?.name[lang] ?? id));

  // Groups, then their lead agencies, then the entities each leads there, in the plan's order.
  const byGroup = new Map<string, Map<string, string[]>>();
  for (const entity of [...plan.tasks, ...plan.indicators]) {
    if (!entities.has(entity.id) || entity.group === undefined) continue;
    let agencies = byGroup.get(entity.group);
    if (!agencies) byGroup.set(entity.group, (agencies = new Map()));
    for (const lead of entity.lead.length > 0 ? entity.lead : [""]) {
      const list = agencies.get(lead);
      if (list) list.push(entity.id);
      else agencies.set(lead, [entity.id]);
    }
  }

  const entityDetails = (group: string, agency: string, id: string) => {
    const rows = entities.get(id)!;
    const summary = summaryOf(rows.tally, options);
    const name = plan.indicator(id)?.name[lang] ?? plan.task(id)?.title[lang] ?? "";
    const shown = [...rows.city, ...rows.local].slice(0, DRILL_ROWS);
    const more = rows.total - shown.length;
    return html`<details class="drill drill-entity" id="${drillId(group, agency, id)}" data-entity="${id}">
<summary><span class="drill-title"><span class="entity-id">${id}</span> ${name}</span>${figures(summary, false)}</summary>
<div class="drill-body"><div class="table-wrap"><table class="sortable drill-rows">
<caption>${w.rowsOfEntity}</caption>
<thead><tr><th scope="col">${w.verdict}</th><th scope="col">${w.rule}</th><th scope="col" class="num">${w.period}</th><th scope="col">${w.locality}</th><th scope="col" class="num">${w.score}</th><th scope="col">${w.message}</th></tr></thead>
<tbody>${trusted(shown.join(""))}</tbody>
</table></div>${more > 0 ? html`<p class="drill-note">${phrase(w.moreRows, { n: formatNumber(more, lang), table: w.allRows })}</p>` : ""}</div>
</details>`;
  };

  const agencyDetails = (group: string, agency: string, ids: readonly string[]) => html`<details class="drill drill-agency" id="${drillId(group, agency)}" data-agency="${agency}">
<summary><span class="drill-title">${agencyName(agency)}</span>${figures(merged(ids), false)}</summary>
<div class="drill-body"><div class="table-wrap"><table class="sortable drill-table">
<caption>${w.entitiesOfAgency}</caption>
<thead><tr><th scope="col">${w.id}</th><th scope="col">${w.name}</th>${heads}</tr></thead>
<tbody>${ids.map((id) => {
    const name = plan.indicator(id)?.name[lang] ?? plan.task(id)?.title[lang] ?? "";
    return html`<tr><td class="nowrap"><a class="entity-id" href="#${drillId(group, agency, id)}">${id}</a></td><td title="${name}">${shorten(name, 90)}</td>${cells(summaryOf(entities.get(id)!.tally, options))}</tr>`;
  })}</tbody>
</table></div>
<div class="drill-list">${ids.map((id) => entityDetails(group, agency, id))}</div></div>
</details>`;

  const groupDetails = (group: string, agencies: Map<string, string[]>) => {
    const ids = [...new Set([...agencies.values()].flat())];
    const summary = scorecard.summary.byTaskGroup[group] ?? scorecard.summary.byIndicatorGroup[group] ?? merged(ids);
    const leads = [...agencies].sort(([a], [b]) => agencyName(a).localeCompare(agencyName(b), lang));
    // Duties of a collective are no one body's: they get a table of their own, never ranked with the agencies.
    const shared = (id: string) => {
      const agency = plan.agency(id);
      return agency !== undefined && isSharedAssignee(agency);
    };
    const leadTable = (caption: Markup, list: ReadonlyArray<[string, string[]]>) =>
      list.length === 0
        ? ""
        : html`<div class="table-wrap"><table class="sortable drill-table">
<caption>${caption}</caption>
<thead><tr><th scope="col">${w.lead}</th>${heads}</tr></thead>
<tbody>${list.map(([agency, ids]) => html`<tr><td><a href="#${drillId(group, agency)}">${agencyName(agency)}</a></td>${cells(merged(ids))}</tr>`)}</tbody>
</table></div>`;
    return html`<details class="drill drill-group" id="${drillId(group)}" data-group="${group}">
<summary><span class="drill-title"><span class="entity-id">${group}</span> ${plan.group(group)?.title[lang] ?? ""}</span>${figures(summary, true)}</summary>
<div class="drill-body">${leadTable(html`${w.agenciesInGroup}`, leads.filter(([id]) => !shared(id)))}${leadTable(
      html`${w.bySharedDuty}<span class="caption-note">${w.sharedDutyNote}</span>`,
      leads.filter(([id]) => shared(id)),
    )}
<div class="drill-list">${leads.map(([agency, list]) => agencyDetails(group, agency, list))}</div></div>
</details>`;
  };

  const order = plan.groups.map((g) => g.id).filter((id) => byGroup.has(id));
  const isTaskGroup = (id: string) => plan.task(byGroup.get(id)!.values().next().value![0]!) !== undefined;
  const part = (heading: string, ids: readonly string[]) =>
    ids.length === 0 ? "" : html`<h3 class="drill-heading">${heading}</h3>${ids.map((id) => groupDetails(id, byGroup.get(id)!))}`;
  return html`<section class="detail" aria-labelledby="drill-heading">
<h2 id="drill-heading">${w.drill}</h2>
<p class="section-intro">${w.drillIntro}</p>
${part(w.taskGroups, order.filter(isTaskGroup))}
${part(w.indicatorGroups, order.filter((id) => !isTaskGroup(id)))}
</section>`;
}

/** The milestone charts, one part each: a national page's charts are many and large, and none is kept once written. */
function* milestones(context: Context): Generator<string> {
  const { scorecard, plan, lang, w } = context;
  const series = context.survey.series;
  const localityOrder = Object.keys(scorecard.summary.byLocality);
  const order = new Map(plan.indicators.map((x, i) => [x.id, i]));
  const charted = [...series.keys()].filter((id) => plan.indicator(id) !== undefined).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  yield html`<section class="detail" aria-labelledby="milestones-heading">
<h2 id="milestones-heading">${w.milestones}</h2>
`.text;
  if (charted.length === 0) yield html`<p class="card">${w.milestonesNone}</p>`.text;
  else {
    const localities = localityOrder.length;
    const capped = localities > CHARTED_LOCALITIES ? html` ${phrase(w.milestonesCapped, { n: CHARTED_LOCALITIES, total: formatNumber(localities, lang), table: w.allRows })}` : "";
    yield html`<p class="milestone-intro">${w.milestonesIntro}${capped}</p><div class="milestones">`.text;
    for (const id of charted) yield milestoneChart(plan.indicator(id)!, series.get(id)!, lang, localityOrder, context.survey.paces.get(id));
    yield "</div>";
  }
  yield "\n</section>";
}

function* rowTable(context: Context): Generator<string> {
  const { scorecard, plan, lang, w, ruleTitles, kinds } = context;
  // The performance rows fill the filtered table; the checks, which are not scored, have tables of their own.
  const counts = { pass: 0, warn: 0, fail: 0, "no-data": 0, "not-applicable": 0 };
  let total = 0;
  for (const r of rowVerdicts(scorecard))
    if (kinds.get(r.rule) === "performance") {
      total++;
      counts[r.verdict]++;
    }

  const agencyOptions = Object.keys(scorecard.summary.byAgency)
    .map((id) => ({ id, name: plan.agency(id)?.name[lang] ?? id }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  const groupOrder = plan.groups.map((g) => g.id);
  const groupIds = [...context.survey.groups].sort((a, b) => (groupOrder.indexOf(a) + 1 || Infinity) - (groupOrder.indexOf(b) + 1 || Infinity));
  const template = w.shown;
  const shown = phrase(template, { n: total, total });

  const remedy = (row: ScorecardRow) => remedyMarkup(row, context);
  const trace = (row: ScorecardRow) => traceMarkup(row, context);
  const place = (row: ScorecardRow) => placeMarkup(row, w);
  const rowMarkup = (row: ScorecardRow) => {
    // The row's indicator or task, looked up once: this runs for each of a national scorecard's rows.
    const indicator = plan.indicator(row.entity);
    const task = indicator ? undefined : plan.task(row.entity);
    const entity = indicator ?? task;
    const name = indicator ? indicator.name[lang] : task?.title[lang];
    return html`<tr data-verdict="${row.verdict}" data-rule="${row.rule}" data-agency="${(entity?.lead ?? []).join(" ")}" data-group="${entity?.group ?? ""}"${
      row.benchmark === true ? html` data-benchmark="true"` : ""
    }>
<td>${badge(row.verdict, w)}</td>
<td title="${row.rule}">${ruleTitles.get(row.rule) ?? row.rule}</td>
<td><span class="entity-id">${row.entity}</span>${name ? html`<span class="entity-name" title="${name}">${shorten(name, 64)}</span>` : ""}</td>
<td class="num">${row.period ?? ""}</td>
<td>${place(row)}</td>
<td title="${row.status}">${statusWords(context.survey.statusOf, row, lang)}</td>
<td class="num">${formatScore(row.score, lang)}</td>
<td class="message">${row.message[lang]}${remedy(row)}${trace(row)}</td>
</tr>`.text;
  };
  const checkMarkup = (row: ScorecardRow) =>
    html`<tr data-verdict="${row.verdict}" data-rule="${row.rule}">
<td>${badge(row.verdict, w)}</td>
<td title="${row.rule}">${ruleTitles.get(row.rule) ?? row.rule}</td>
<td><span class="entity-id">${row.entity}</span></td>
<td class="num">${row.period ?? ""}</td>
<td>${row.locality ?? ""}</td>
<td title="${row.status}">${statusWords(context.survey.statusOf, row, lang)}</td>
<td class="message">${row.message[lang]}${remedy(row)}${trace(row)}</td>
</tr>`.text;

  yield html`<section class="detail" aria-labelledby="rows-heading">
<h2 id="rows-heading">${w.allRows}</h2>
<form id="row-filters" class="filters" hidden aria-label="${w.filters}">
<label>${w.agency}<select name="agency"><option value="">${w.allAgencies}</option>${agencyOptions.map((a) => html`<option value="${a.id}">${a.name}</option>`)}</select></label>
<label>${w.group}<select name="group"><option value="">${w.allGroups}</option>${groupIds.map(
    (id) => html`<option value="${id}">${shorten(`${id} · ${plan.group(id)?.title[lang] ?? ""}`, 70)}</option>`,
  )}</select></label>
<label>${w.verdict}<select name="verdict"><option value="">${w.allVerdicts} (${total})</option>${VERDICTS.map(
    (v) => html`<option value="${v}">${w.verdicts[v]} (${counts[v]})</option>`,
  )}</select></label>
<button type="reset">${w.reset}</button>
</form>
<p id="rows-shown" class="counter" role="status" aria-live="polite" data-template="${template}" data-shown="${total}">${shown}</p>
<div class="table-wrap scroll" tabindex="0" role="region" aria-labelledby="rows-heading"><table id="rows" class="fixed">
<colgroup><col class="w-verdict"><col class="w-rule"><col class="w-entity"><col class="w-year"><col class="w-locality"><col class="w-row-status"><col class="w-score"><col class="w-message"></colgroup>
<thead><tr><th scope="col">${w.verdict}</th><th scope="col">${w.rule}</th><th scope="col">${w.entity}</th><th scope="col" class="num">${w.period}</th><th scope="col">${w.locality}</th><th scope="col">${w.status}</th><th scope="col" class="num">${w.score}</th><th scope="col">${w.message}</th></tr></thead>
<tbody>`.text;
  // Rows come performance first, then the checks of figures, then those of the plan (see evaluate): each kind's
  // table is closed when the next kind's opens, every kind having its section even with no row.
  const sequence: readonly RowKind[] = ["performance", "dataQuality", "planCheck"];
  let open = 0;
  const listed = [0, 0, 0];
  const passed = [0, 0, 0];
  const close = () => {
    const kind = sequence[open]!;
    const none = kind !== "performance" && listed[open] === 0 ? html`<tr><td colspan="7">${w.checksNone}</td></tr>` : "";
    const tail =
      kind === "performance"
        ? html`<p id="rows-empty" class="empty-note" hidden>${w.noMatch}</p>`
        : passed[open]! > 0
          ? html`<p class="tile-note">${phrase(w.planChecksPassed, { n: passed[open]! })}</p>`
          : "";
    return html`${none}</tbody>
</table>
${tail}
</div>
</section>
`.text;
  };
  const openNext = () => {
    open++;
    const kind = sequence[open]!;
    const id = kind === "dataQuality" ? "data-checks" : "plan-checks";
    return html`<section class="detail" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${kind === "dataQuality" ? w.dataQuality : w.planChecks} (${w.checksHint})</h2>
<div class="table-wrap"><table id="${id}">
<thead><tr><th scope="col">${w.verdict}</th><th scope="col">${w.rule}</th><th scope="col">${w.entity}</th><th scope="col" class="num">${w.period}</th><th scope="col">${w.locality}</th><th scope="col">${w.status}</th><th scope="col">${w.message}</th></tr></thead>
<tbody>`.text;
  };
  for (const row of rowsToWrite(scorecard).rows()) {
    const at = sequence.indexOf(kinds.get(row.rule) ?? "performance");
    while (open < at) {
      yield close();
      yield openNext();
    }
    if (at === 0) yield rowMarkup(row);
    // Of the checks, only what they find is listed; those that pass are counted.
    else if (row.verdict === "pass") passed[at]!++;
    else {
      listed[at]!++;
      yield checkMarkup(row);
    }
  }
  while (open < sequence.length - 1) {
    yield close();
    yield openNext();
  }
  yield close();
}

function shownValue(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
}

/** The rejected records and the notes on the input, a table row or list item a part: a national input may have millions. */
function* rejectedRecords({ scorecard, w, lang }: Context): Generator<string> {
  const { rejected, notes } = scorecard;
  yield html`<section class="detail" aria-labelledby="rejected-heading">
<h2 id="rejected-heading">${w.rejectedRecords} (${rejected.length})</h2>
`.text;
  if (rejected.length === 0) yield html`<p class="card">${w.rejectedNone}</p>`.text;
  else {
    yield html`<div class="table-wrap"><table id="rejected">
<thead><tr><th scope="col">${w.kind}</th><th scope="col">${w.file}</th><th scope="col" class="num">${w.line}</th><th scope="col" class="num">${w.index}</th><th scope="col">${w.field}</th><th scope="col">${w.value}</th><th scope="col">${w.reason}</th></tr></thead>
<tbody>`.text;
    for (const r of rejected as readonly RejectedRecord[])
      yield html`<tr>
<td class="nowrap">${w.kinds[r.kind]}</td>
<td class="mono nowrap">${r.source.file ?? ""}</td>
<td class="num">${r.source.line ?? ""}</td>
<td class="num">${r.source.index ?? ""}</td>
<td class="mono">${r.field ?? ""}</td>
<td class="mono">${shorten(shownValue(r.value), 60)}</td>
<td>${reasonWords(r.reason, lang)}</td>
</tr>`.text;
    yield `</tbody>
</table></div>`;
  }
  yield "\n";
  if (notes.length > 0) {
    yield html`<h3 class="notes-heading">${w.notes}</h3><ul class="notes">`.text;
    for (const n of notes)
      yield html`<li><span class="mono">${[n.source.file, n.source.line].filter((p) => p !== undefined).join(":")}</span>${n.field ? ` (${n.field})` : ""}: ${reasonWords(n.note, lang)}</li>`.text;
    yield "</ul>";
  }
  yield "\n</section>";
}
