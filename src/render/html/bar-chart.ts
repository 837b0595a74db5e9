import type { Summary } from "../../model/scorecard.js";
import type { Lang } from "../../model/text.js";
import { escapeHtml } from "./escape.js";
import { formatScore } from "./format.js";
import { bandClass } from "./colors.js";
import { px, wrapText } from "./svg-text.js";
import { HTML_WORDS, phrase, VERDICT_MARKS } from "./words.js";

/** One bar: what it stands for (an agency, a group, a locality) and its summary. */
export interface BarItem {
  /** The summary's key in the scorecard (an agency or group id, a locality name). */
  readonly key: string;
  readonly label: string;
  readonly summary: Summary;
}

/** What {@link barChart} draws. */
export interface BarChartOptions {
  /** The id of the `<svg>` element. */
  readonly id: string;
  readonly title: string;
  readonly items: readonly BarItem[];
  readonly lang: Lang;
  /** Width of the viewBox; the chart scales to its container. Default 900. */
  readonly width?: number;
  /** Width given to the labels on the left. Default 36% of the width. */
  readonly labelWidth?: number;
}

const ROW = 36;
const BAR = 20;
const TOP = 26;
const FONT = 13;

/** Items by score, highest first; items with no score last; ties by label in the language's order. */
export function byScore(items: readonly BarItem[], lang: Lang): BarItem[] {
  const value = (s: Summary) => (s.score === null ? -1 : Number(s.score));
  return [...items].sort((a, b) => value(b.summary) - value(a.summary) || a.label.localeCompare(b.label, lang));
}

/**
 * A horizontal bar chart of scores as an SVG element: one bar per item, sorted by score, coloured by band,
 * with the score and band written at the end of the bar; items with no score show a dashed, empty track and
 * say so. Each bar is a `<g data-key>` holding a `.bar-score` text, so a page script or a test can read it.
 */
export function barChart(options: BarChartOptions): string {
  const { id, title, lang } = options;
  const w = HTML_WORDS[lang];
  const width = options.width ?? 900;
  const labelWidth = options.labelWidth ?? Math.round(width * 0.36);
  const valueWidth = 190;
  const barX = labelWidth + 12;
  const barWidth = width - barX - valueWidth;
  const items = byScore(options.items, lang);
  const height = TOP + items.length * ROW + 6;
  const maxEms = labelWidth / FONT;

  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => {
      const x = px(barX + t * barWidth);
      return `<line class="grid" x1="${x}" y1="${TOP - 4}" x2="${x}" y2="${height - 4}"/><text class="axis" x="${x}" y="${TOP - 10}" text-anchor="middle">${t * 100}%</text>`;
    })
    .join("");

  const bars = items
    .map((item, i) => {
      const y = TOP + i * ROW + (ROW - BAR) / 2;
      const mid = y + BAR / 2;
      const s = item.summary;
      const score = formatScore(s.score, lang);
      const lines = wrapText(item.label, maxEms, 2);
      const label = lines
        .map((line, k) => `<tspan x="${labelWidth}" y="${px(mid + (k - (lines.length - 1) / 2) * (FONT + 2) + FONT * 0.35)}">${escapeHtml(line)}</tspan>`)
        .join("");
      const fill = s.score === null ? 0 : Math.max(0, Math.min(1, Number(s.score))) * barWidth;
      const bar =
        s.score === null
          ? `<rect class="track empty" x="${barX}" y="${y}" width="${px(barWidth)}" height="${BAR}" rx="3"/>`
          : `<rect class="track" x="${barX}" y="${y}" width="${px(barWidth)}" height="${BAR}" rx="3"/>` +
            (fill > 0 ? `<rect class="bar ${bandClass(s.band.id)}" x="${barX}" y="${y}" width="${px(fill)}" height="${BAR}" rx="3"/>` : "");
      const valueX = s.score === null ? barX + 10 : barX + fill + 8;
      const counts = `${VERDICT_MARKS.pass} ${s.counts.pass} · ${VERDICT_MARKS.warn} ${s.counts.warn} · ${VERDICT_MARKS.fail} ${s.counts.fail} · ${VERDICT_MARKS["no-data"]} ${s.counts["no-data"]}`;
      const tooltip = `${item.label}: ${score}, ${s.band.label[lang]}; ${w.coverage} ${formatScore(s.coverage, lang)}; ${counts}`;
      return (
        `<g class="bar-row" data-key="${escapeHtml(item.key)}"><title>${escapeHtml(tooltip)}</title>` +
        `<text class="bar-label" text-anchor="end">${label}</text>${bar}` +
        `<text class="bar-value" x="${px(valueX)}" y="${px(mid + FONT * 0.35)}"><tspan class="bar-score">${escapeHtml(score)}</tspan>` +
        `<tspan class="bar-band" dx="8">${escapeHtml(s.band.label[lang])}</tspan></text></g>`
      );
    })
    .join("");

  const description = items.map((item) => `${item.label}: ${formatScore(item.summary.score, lang)} (${item.summary.band.label[lang]})`).join("; ");
  return (
    `<svg id="${escapeHtml(id)}" class="chart bar-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${escapeHtml(id)}-title ${escapeHtml(id)}-desc">` +
    `<title id="${escapeHtml(id)}-title">${escapeHtml(phrase(w.chartLabel, { title, n: items.length }))}</title>` +
    `<desc id="${escapeHtml(id)}-desc">${escapeHtml(description)}</desc>` +
    `${grid}${bars}</svg>`
  );
}
