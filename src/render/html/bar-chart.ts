import type { Summary } from "../../model/scorecard.js";
import type { Lang } from "../../model/text.js";
import { escapeHtml } from "./escape.js";
import { formatScore } from "./format.js";
import { bandClass } from "./colors.js";
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
  /** The id of the chart's list element. */
  readonly id: string;
  readonly title: string;
  readonly items: readonly BarItem[];
  readonly lang: Lang;
}

/** Items by score, highest first; items with no score last; ties by label in the language's order. */
export function byScore(items: readonly BarItem[], lang: Lang): BarItem[] {
  const value = (s: Summary) => (s.score === null ? -1 : Number(s.score));
  return [...items].sort((a, b) => value(b.summary) - value(a.summary) || a.label.localeCompare(b.label, lang));
}

/** A score's share of the bar as a CSS percentage, clamped to the track. */
function share(score: string | null): string {
  const value = score === null ? 0 : Math.max(0, Math.min(1, Number(score)));
  return `${Math.round(value * 10_000) / 100}%`;
}

/**
 * A horizontal bar chart of scores as an HTML list: one item per bar, sorted by score, coloured by band, with the
 * score and band written after the bar; items with no score show a dashed, empty track. Drawn in HTML rather than
 * SVG so that its text keeps the page's size on any screen (an SVG scales its text down with its width) and wraps
 * at spaces, never inside a word. Each bar is an `<li data-key>` holding a `.bar-score`, so a page script or a test
 * can read it.
 */
export function barChart(options: BarChartOptions): string {
  const { id, title, lang } = options;
  const w = HTML_WORDS[lang];
  const items = byScore(options.items, lang);
  const ticks = [0, 25, 50, 75, 100].map((t) => `<span style="left:${t}%">${t}%</span>`).join("");
  const bars = items
    .map((item) => {
      const s = item.summary;
      const score = formatScore(s.score, lang);
      const counts = `${VERDICT_MARKS.pass} ${s.counts.pass} · ${VERDICT_MARKS.warn} ${s.counts.warn} · ${VERDICT_MARKS.fail} ${s.counts.fail} · ${VERDICT_MARKS["no-data"]} ${s.counts["no-data"]}`;
      const tooltip = `${item.label}: ${score}, ${s.band.label[lang]}; ${w.coverage} ${formatScore(s.coverage, lang)}; ${counts}`;
      const bar = s.score === null ? "" : `<span class="bar ${bandClass(s.band.id)}" style="width:${share(s.score)}"></span>`;
      return (
        `<li class="bar-row" data-key="${escapeHtml(item.key)}" title="${escapeHtml(tooltip)}">` +
        `<span class="bar-label">${escapeHtml(item.label)}</span>` +
        `<span class="track${s.score === null ? " empty" : ""}" aria-hidden="true">${bar}</span>` +
        `<span class="bar-value"><span class="bar-score">${escapeHtml(score)}</span> <span class="bar-band">${escapeHtml(s.band.label[lang])}</span></span></li>`
      );
    })
    .join("");
  return (
    `<ol id="${escapeHtml(id)}" class="bar-chart" aria-label="${escapeHtml(phrase(w.chartLabel, { title, n: items.length }))}">` +
    `<li class="bar-axis" aria-hidden="true"><span class="ticks">${ticks}</span></li>${bars}</ol>`
  );
}
