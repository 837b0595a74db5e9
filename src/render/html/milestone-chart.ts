import type { Indicator } from "../../model/entities.js";
import type { Target } from "../../model/target.js";
import { DECIMAL_PATTERN } from "../../model/text.js";
import type { ScorecardRow } from "../../model/scorecard.js";
import type { Lang } from "../../model/text.js";
import { SERIES_COLORS } from "./colors.js";
import { escapeHtml } from "./escape.js";
import { formatNumber } from "./format.js";
import { niceTicks, px } from "./svg-text.js";
import { targetWords } from "../../scorecard/figure-words.js";
import { HTML_WORDS, phrase } from "./words.js";

/** Reported figures of one indicator: by locality (`""` is the whole city), then by year, as decimal strings. */
export type ObservedSeries = Map<string, Map<number, string>>;

const decimalFact = (facts: Record<string, unknown>, key: string): string | undefined => {
  const value = facts[key];
  return typeof value === "string" && DECIMAL_PATTERN.test(value) ? value : undefined;
};
const yearFact = (facts: Record<string, unknown>, key: string): number | undefined => {
  const value = facts[key];
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
};

/**
 * The figures a scorecard's rows were drawn from, by indicator, gathered a row at a time (a writer reads each row
 * once and keeps none): the observed value of each milestone row, the baseline and latest values of each progress
 * row, and the value of each observation check. A scorecard holds no other copy of the input, so a year that is
 * none of these (a middle year of three or more) is not shown. Conflicting figures carry no value and are left out.
 * Only the localities `charted` accepts are kept: a national scorecard's thousands of lines would make a chart
 * nobody reads and hold a figure per row.
 *
 * @internal
 */
export function seriesCollector(charted: (locality: string) => boolean = () => true): { add(row: ScorecardRow): void; readonly result: Map<string, ObservedSeries>; readonly paces: Map<string, Paces> } {
  const result = new Map<string, ObservedSeries>();
  const paces = new Map<string, Map<string, number | null>>();
  const add = (indicator: string, locality: string, year: number | undefined, value: string | undefined) => {
    if (year === undefined || value === undefined) return;
    let byLocality = result.get(indicator);
    if (!byLocality) result.set(indicator, (byLocality = new Map()));
    let byYear = byLocality.get(locality);
    if (!byYear) byLocality.set(locality, (byYear = new Map()));
    if (!byYear.has(year)) byYear.set(year, value);
  };
  return {
    result,
    paces,
    add(row) {
      if (row.locality !== undefined && !charted(row.locality)) return;
      const f = row.facts;
      const locality = row.locality ?? "";
      // The year at the present pace, of each progress row whose pace is measured.
      if (Object.hasOwn(f, "yearReachedAtPace") && f.actualChangePerYear != null) {
        let byLocality = paces.get(row.entity);
        if (!byLocality) paces.set(row.entity, (byLocality = new Map()));
        byLocality.set(locality, yearFact(f, "yearReachedAtPace") ?? null);
      }
      if (row.rule === "indicator.milestone-met" || f.observedValue !== undefined) add(row.entity, locality, yearFact(f, "year") ?? row.period, decimalFact(f, "observedValue"));
      if (f.baselineValue !== undefined) add(row.entity, locality, yearFact(f, "baselineYear"), decimalFact(f, "baselineValue"));
      if (f.latestValue !== undefined) add(row.entity, locality, yearFact(f, "latestYear"), decimalFact(f, "latestValue"));
      if (row.rule.startsWith("observation.") && f.conflicting !== true) add(row.entity, locality, yearFact(f, "period") ?? row.period, decimalFact(f, "value"));
    },
  };
}

/** The year each locality ("" the whole city) reaches the next target at its present pace; null: not at this pace. */
export type Paces = ReadonlyMap<string, number | null>;

/** The least and greatest of many numbers (more than a call's arguments may be). */
function extent(values: Iterable<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** How many of the sorted numbers are below `v` (`strict`) or at most `v`. */
function countBelow(sorted: readonly number[], v: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? sorted[mid]! < v : sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The numbers a target can be drawn at: one value, or the two ends of a range; none for words or compound cells. */
function targetValues(target: Target): number[] {
  if (target.kind === "range" && target.min !== undefined && target.max !== undefined) return [Number(target.min), Number(target.max)];
  return target.value !== undefined ? [Number(target.value)] : [];
}

const SIGNS: Partial<Record<Target["kind"], string>> = { atLeast: "≥", greaterThan: ">", atMost: "≤", lessThan: "<", rankAtMost: "≤" };

/** A target in a few characters for a chart label: `≥ 60`, `60–70`, `≤ 3`. */
function shortTarget(target: Target, lang: Lang): string {
  if (target.kind === "range" && target.min !== undefined && target.max !== undefined)
    return `${formatNumber(target.min, lang)}–${formatNumber(target.max, lang)}`;
  if (target.value === undefined) return targetText(target, undefined, lang);
  const sign = SIGNS[target.kind];
  return sign ? `${sign} ${formatNumber(target.value, lang)}` : formatNumber(target.value, lang);
}

/** A target as the page's reader reads it: the document's words in Vietnamese, in words of the language otherwise. */
function targetText(target: Target, measure: unknown, lang: Lang): string {
  return lang === "vi" ? target.raw : targetWords(target, measure, lang);
}

const WIDTH = 480;
const HEIGHT = 250;
const LEFT = 50;
const RIGHT = 24;
const TOP = 24;
const BOTTOM = 40;

/**
 * A milestone chart of one indicator as a `<figure>`: the plan's targets by milestone year (dashed line and
 * diamonds), the reported figures by year (a solid line per locality, the whole city first), a legend and a
 * caption listing every milestone. The years run from the first figure or milestone to the next milestone
 * after the latest figure. Ranks are drawn on an inverted axis, rank 1 at the top, so that up is always better
 * for ranks; an indicator where lower is better says so.
 */
export function milestoneChart(indicator: Indicator, series: ObservedSeries, lang: Lang, localityOrder: readonly string[], paces?: Paces): string {
  const w = HTML_WORDS[lang];
  const id = `milestone-${indicator.id.replace(/[^A-Za-z0-9-]/g, "-")}`;
  const localityRank = new Map(localityOrder.map((l, i) => [l, i]));
  const rankOf = (l: string) => localityRank.get(l) ?? -1;
  const localities = [...series.keys()].sort((a, b) => (a === "" ? -1 : b === "" ? 1 : rankOf(a) - rankOf(b) || a.localeCompare(b, lang)));
  const observedYears = [...series.values()].flatMap((byYear) => [...byYear.keys()]);
  const latest = extent(observedYears).max;
  const drawable = indicator.targets.filter((t) => targetValues(t).length > 0);
  const nextMilestone = drawable.map((t) => t.year).filter((y) => y > latest).sort((a, b) => a - b)[0];
  const firstYear = extent([...observedYears, ...drawable.map((t) => t.year).filter((y) => y <= latest)]).min;
  const lastYear = Math.max(latest, nextMilestone ?? latest);
  const shownTargets = drawable.filter((t) => t.year >= firstYear && t.year <= lastYear);

  const values = [...[...series.values()].flatMap((byYear) => [...byYear.values()].map(Number)), ...shownTargets.flatMap(targetValues)];
  const rank = indicator.measure === "rank";
  const range = extent(values);
  let low = range.min;
  const high = range.max;
  if (rank) low = 1;
  else if (low > 0) low = 0;
  let ticks = niceTicks(low, high, 4);
  if (rank) {
    // Rank 1, the best, always has a tick; ticks crowding it are dropped.
    const step = (ticks[1] ?? 2) - (ticks[0] ?? 0);
    ticks = [1, ...ticks.filter((t) => t - 1 >= step * 0.75)];
  }
  const top = Math.max(high, ticks.at(-1)!);
  const bottom = Math.min(low, ticks[0]!);
  const plotH = HEIGHT - TOP - BOTTOM;
  const plotW = WIDTH - LEFT - RIGHT;
  // Ranks improve as they fall: rank 1 is drawn at the top.
  const y = (v: number) => (rank ? TOP + ((v - bottom) / (top - bottom || 1)) * plotH : TOP + plotH - ((v - bottom) / (top - bottom || 1)) * plotH);
  const span = Math.max(1, lastYear - firstYear);
  const pad = plotW * 0.06;
  const x = (year: number) => LEFT + pad + ((year - firstYear) / span) * (plotW - 2 * pad);

  const years = [...new Set([...observedYears, ...shownTargets.map((t) => t.year)])].filter((yr) => yr >= firstYear && yr <= lastYear).sort((a, b) => a - b);
  const yAxis = ticks
    .map((t) => `<line class="grid" x1="${LEFT}" y1="${px(y(t))}" x2="${WIDTH - RIGHT}" y2="${px(y(t))}"/><text class="axis" x="${LEFT - 8}" y="${px(y(t) + 4)}" text-anchor="end">${escapeHtml(formatNumber(String(t), lang))}</text>`)
    .join("");
  const xAxis = years
    .map((yr) => `<line class="tick" x1="${px(x(yr))}" y1="${TOP + plotH}" x2="${px(x(yr))}" y2="${TOP + plotH + 5}"/><text class="axis" x="${px(x(yr))}" y="${TOP + plotH + 19}" text-anchor="middle">${yr}</text>`)
    .join("");
  const axisNote = rank ? `<text class="axis-note" x="${LEFT}" y="${TOP - 10}">↑ ${escapeHtml(lang === "vi" ? "tốt hơn (hạng cao hơn)" : "better (higher rank)")}</text>` : "";

  // Where marks stand at each year, so that each label goes where no other mark is: above the top one, below
  // the bottom one, beside any in between.
  const marks = new Map<number, number[]>();
  const mark = (year: number, at: number) => {
    const list = marks.get(year);
    if (list) list.push(at);
    else marks.set(year, [at]);
  };
  for (const t of shownTargets) targetValues(t).forEach((v) => mark(t.year, y(v)));
  for (const byYear of series.values()) for (const [yr, v] of byYear) mark(yr, y(Number(v)));
  // Sorted, so that a chart of thousands of localities asks where its neighbours are by halving, not by looking at all.
  for (const list of marks.values()) list.sort((a, b) => a - b);
  const place = (year: number, at: number, side: "start" | "end"): { dx: number; dy: number; anchor: string } | undefined => {
    // Counts of the year's marks, less this one (`at` is always among them and in each span below).
    const sorted = marks.get(year) ?? [];
    if (countBelow(sorted, at + 0.5, false) - 1 === 0) return { dx: 0, dy: -10, anchor: "middle" };
    if (sorted.length - countBelow(sorted, at - 0.5, true) - 1 === 0) return { dx: 0, dy: 18, anchor: "middle" };
    // Too close to a neighbour to be read: the table below gives the figure.
    if (countBelow(sorted, at + 12, true) - countBelow(sorted, at - 12, false) - 1 > 0) return undefined;
    return side === "start" ? { dx: 10, dy: 4, anchor: "start" } : { dx: -10, dy: 4, anchor: "end" };
  };

  const single = shownTargets.filter((t) => targetValues(t).length === 1);
  const targetLine =
    single.length > 1 ? `<polyline class="target-line" points="${single.map((t) => `${px(x(t.year))},${px(y(targetValues(t)[0]!))}`).join(" ")}"/>` : "";
  const targetMarks = shownTargets
    .map((t) => {
      const [a, b] = targetValues(t);
      const cx = x(t.year);
      const range = b !== undefined ? `<line class="target-range" x1="${px(cx)}" y1="${px(y(a!))}" x2="${px(cx)}" y2="${px(y(b))}"/>` : "";
      const cy = y(b ?? a!);
      const label = place(t.year, cy, "end");
      return (
        `${range}<path class="target-mark" d="M${px(cx)} ${px(cy - 6)}l6 6l-6 6l-6 -6z"><title>${escapeHtml(`${w.target} ${t.year}: ${targetText(t, indicator.measure, lang)}`)}</title></path>` +
        (label ? `<text class="target-label" x="${px(cx + label.dx)}" y="${px(cy + label.dy)}" text-anchor="${label.anchor}">${escapeHtml(shortTarget(t, lang))}</text>` : "")
      );
    })
    .join("");

  const lines = localities
    .map((locality, i) => {
      const color = SERIES_COLORS[i % SERIES_COLORS.length]!;
      const points = [...series.get(locality)!].sort(([a], [b]) => a - b);
      const name = locality === "" ? w.wholeCity : locality;
      const path = points.length > 1 ? `<polyline class="series-line" stroke="${color}" points="${points.map(([yr, v]) => `${px(x(yr))},${px(y(Number(v)))}`).join(" ")}"/>` : "";
      const dots = points
        .map(([yr, v]) => {
          const cy = y(Number(v));
          const label = place(yr, cy, "start");
          return (
            `<circle class="series-dot" cx="${px(x(yr))}" cy="${px(cy)}" r="4" fill="${color}"><title>${escapeHtml(`${name}, ${yr}: ${formatNumber(v, lang)}`)}</title></circle>` +
            (label ? `<text class="point-label" x="${px(x(yr) + label.dx)}" y="${px(cy + label.dy)}" text-anchor="${label.anchor}" fill="${color}">${escapeHtml(formatNumber(v, lang))}</text>` : "")
          );
        })
        .join("");
      return `<g class="series" data-locality="${escapeHtml(locality)}">${path}${dots}</g>`;
    })
    .join("");

  // The figures as a table, whose row heads are the chart's legend.
  const swatch = (color: string | undefined) =>
    color
      ? `<svg class="swatch" viewBox="0 0 28 12" aria-hidden="true"><line x1="1" y1="6" x2="27" y2="6" stroke="${color}" stroke-width="3"/><circle cx="14" cy="6" r="3.5" fill="${color}"/></svg>`
      : `<svg class="swatch" viewBox="0 0 28 12" aria-hidden="true"><line class="target-line" x1="1" y1="6" x2="27" y2="6"/><path class="target-mark" d="M14 1l5 5l-5 5l-5 -5z"/></svg>`;
  const cell = (text: string | undefined) => (text === undefined ? `<td class="num empty">–</td>` : `<td class="num">${escapeHtml(text)}</td>`);
  const targetByYear = new Map(shownTargets.map((t) => [t.year, t]));
  const table =
    `<table class="figures"><thead><tr><th scope="col">${escapeHtml(w.year)}</th>${years.map((yr) => `<th scope="col" class="num">${yr}</th>`).join("")}</tr></thead><tbody>` +
    `<tr><th scope="row">${swatch(undefined)}${escapeHtml(w.target)}</th>${years.map((yr) => cell(targetByYear.has(yr) ? shortTarget(targetByYear.get(yr)!, lang) : undefined)).join("")}</tr>` +
    localities
      .map((locality, i) => {
        const byYear = series.get(locality)!;
        const name = locality === "" ? w.wholeCity : locality;
        return `<tr><th scope="row">${swatch(SERIES_COLORS[i % SERIES_COLORS.length])}${escapeHtml(name)}</th>${years.map((yr) => cell(byYear.has(yr) ? formatNumber(byYear.get(yr)!, lang) : undefined)).join("")}</tr>`;
      })
      .join("") +
    `</tbody></table>`;
  const milestones = indicator.targets.map((t) => `${t.year}: ${targetText(t, indicator.measure, lang)}`).join(" · ");
  const pace = paces && paces.size > 0
    ? `${w.atPace}: ${[...paces].map(([l, year]) => `${l === "" ? w.wholeCity : l} ${year === null ? w.notAtPace : phrase(w.reachedIn, { year })}`).join("; ")}`
    : "";
  const notes = [rank ? w.rankNote : indicator.direction === "decrease" ? w.lowerNote : "", indicator.unit ? `${w.unit}: ${indicator.unit[lang]}` : "", pace].filter(Boolean);
  const description = localities
    .map((l) => `${l === "" ? w.wholeCity : l}: ${[...series.get(l)!].sort(([a], [b]) => a - b).map(([yr, v]) => `${yr} ${formatNumber(v, lang)}`).join(", ")}`)
    .join("; ");

  return (
    `<figure class="milestone card" data-indicator="${escapeHtml(indicator.id)}">` +
    `<figcaption><span class="entity-id">${escapeHtml(indicator.id)}</span> ${escapeHtml(indicator.name[lang])}</figcaption>` +
    `<svg id="${id}" class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeHtml(phrase(w.milestoneLabel, { id: indicator.id }))}</title>` +
    `<desc id="${id}-desc">${escapeHtml(`${w.target}: ${milestones}. ${description}.`)}</desc>` +
    `${yAxis}<line class="axis-line" x1="${LEFT}" y1="${TOP + plotH}" x2="${WIDTH - RIGHT}" y2="${TOP + plotH}"/>${xAxis}${axisNote}${targetLine}${targetMarks}${lines}</svg>` +
    table +
    `<p class="milestone-notes">${escapeHtml(`${w.target}: ${milestones}`)}${notes.map((n) => `<br>${escapeHtml(n)}`).join("")}</p>` +
    `</figure>`
  );
}
