/**
 * The page's style sheet. System fonts that carry Vietnamese diacritics (Segoe UI, San Francisco, Roboto,
 * Noto Sans, Arial, Liberation Sans, DejaVu Sans); one colour per verdict and per band, used for badges,
 * tiles and bars alike; A4 print rules that keep the charts in colour and repeat table headers.
 */
export const PAGE_STYLE = `
:root {
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  --mono: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
  --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --page: #eef1f5; --navy: #0b3d6e;
  --pass: #116329; --pass-bg: #dafbe1; --pass-line: #4ac26b;
  --warn: #7a4d00; --warn-bg: #fff4c2; --warn-line: #d4a72c;
  --fail: #a40e26; --fail-bg: #ffebe9; --fail-line: #ff8182;
  --nodata: #424a53; --nodata-bg: #eaeef2; --nodata-line: #afb8c1;
  --na: #57606a; --na-bg: #f6f8fa; --na-line: #d0d7de;
  --band-high: #116329; --band-fairly-high: #2da44e; --band-medium: #bf8700; --band-low: #cf222e; --band-insufficient-data: #8c959f; --band-other: #57606a;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; font-size: 15px; }
body { margin: 0; font: 1rem/1.5 var(--font); color: var(--ink); background: var(--page); }
/* Vietnamese lines break at spaces only: never between the letters of a syllable ("qu á"). */
body { overflow-wrap: normal; word-break: normal; hyphens: manual; }
.wrap { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h2 { font-size: 1.35rem; margin: 40px 0 14px; padding-bottom: 6px; border-bottom: 2px solid var(--navy); color: var(--navy); }
h3 { font-size: 1.05rem; }
p { margin: 0; }
code, .mono { font-family: var(--mono); font-size: 0.85em; }
/* File names and paths are not words: they may break anywhere rather than widen the page. */
.mono { overflow-wrap: anywhere; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.page-header { background: var(--navy); color: #fff; padding: 28px 0 24px; }
.overline { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.78rem; opacity: 0.85; }
.page-header h1 { font-size: 2rem; margin: 6px 0 8px; }
.plan-title { font-size: 0.9rem; max-width: 980px; opacity: 0.92; }
.meta { display: flex; flex-wrap: wrap; gap: 10px 36px; margin: 18px 0 0; }
.meta div { min-width: 0; }
.meta dt { font-size: 0.74rem; text-transform: uppercase; letter-spacing: 0.06em; opacity: 0.8; }
.meta dd { margin: 2px 0 0; font-weight: 600; }

main { padding-bottom: 40px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; }
.tiles { display: grid; gap: 14px; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); margin-top: 24px; }
.tile { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; border-top: 5px solid var(--line); }
.tile-label { font-size: 0.85rem; color: var(--muted); font-weight: 600; }
.tile-value { font-size: 2.3rem; font-weight: 700; line-height: 1.15; margin-top: 4px; font-variant-numeric: tabular-nums; }
.tile-note { font-size: 0.8rem; color: var(--muted); margin-top: 2px; }
.checks-line { font-size: 0.9rem; color: var(--muted); margin: 10px 0 0; }
.checks-line span { white-space: nowrap; margin-right: 6px; }
.sub.trace { color: var(--muted); font-size: 0.8rem; }
.sub.remediation { color: inherit; font-size: 0.85rem; margin-top: 2px; }
.tile-main { grid-column: span 2; border-top-color: var(--navy); }
.tile-main .tile-value { font-size: 3.6rem; }
.tile-band { display: flex; align-items: center; gap: 8px; font-weight: 700; font-size: 1.1rem; margin-top: 4px; }
.gauge { display: block; width: 100%; height: 12px; margin-top: 10px; }
.gauge .track { fill: var(--nodata-bg); }
.verdict-tiles { grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); }
.verdict-tiles .tile-value { font-size: 2rem; }
.tile.v-pass { border-top-color: var(--pass-line); } .tile.v-pass .tile-label, .tile.v-pass .tile-value { color: var(--pass); }
.tile.v-warn { border-top-color: var(--warn-line); } .tile.v-warn .tile-label, .tile.v-warn .tile-value { color: var(--warn); }
.tile.v-fail { border-top-color: var(--fail-line); } .tile.v-fail .tile-label, .tile.v-fail .tile-value { color: var(--fail); }
.tile.v-no-data { border-top-color: var(--nodata-line); } .tile.v-no-data .tile-label, .tile.v-no-data .tile-value { color: var(--nodata); }
.tile.v-not-applicable { border-top-color: var(--na-line); } .tile.v-not-applicable .tile-label, .tile.v-not-applicable .tile-value { color: var(--na); }

.badge { display: inline-flex; align-items: center; gap: 5px; white-space: nowrap; border: 1px solid; border-radius: 999px; padding: 1px 9px; font-size: 0.93em; font-weight: 600; }
.badge .mark { font-weight: 800; }
.badge.v-pass { color: var(--pass); background: var(--pass-bg); border-color: var(--pass-line); }
.badge.v-warn { color: var(--warn); background: var(--warn-bg); border-color: var(--warn-line); }
.badge.v-fail { color: var(--fail); background: var(--fail-bg); border-color: var(--fail-line); }
.badge.v-no-data { color: var(--nodata); background: var(--nodata-bg); border-color: var(--nodata-line); }
.badge.v-not-applicable { color: var(--na); background: var(--na-bg); border-color: var(--na-line); }

.chip { display: inline-block; width: 14px; height: 14px; border-radius: 3px; flex: none; }
.band-high { fill: var(--band-high); background: var(--band-high); }
.band-fairly-high { fill: var(--band-fairly-high); background: var(--band-fairly-high); }
.band-medium { fill: var(--band-medium); background: var(--band-medium); }
.band-low { fill: var(--band-low); background: var(--band-low); }
.band-insufficient-data { fill: var(--band-insufficient-data); background: var(--band-insufficient-data); }
.band-other { fill: var(--band-other); background: var(--band-other); }
.band-legend { display: flex; flex-wrap: wrap; gap: 6px 20px; list-style: none; padding: 0; margin: 0 0 14px; font-size: 0.88rem; color: var(--muted); }
.band-legend li { display: flex; align-items: center; gap: 7px; }

figure { margin: 0; }
.chart-card { margin-bottom: 16px; }
.chart-card figcaption { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; margin-bottom: 10px; }
.chart-card figcaption span { color: var(--muted); font-size: 0.85rem; }
.chart { display: block; width: 100%; height: auto; font-family: var(--font); overflow: visible; }
.chart text { fill: var(--ink); font-size: 13px; }
.chart .axis { fill: var(--muted); font-size: 11px; font-variant-numeric: tabular-nums; }
.chart .axis-note { fill: var(--muted); font-size: 11px; font-weight: 600; }
.chart .grid { stroke: #e4e8ec; stroke-width: 1; }
.chart .axis-line, .chart .tick { stroke: #8c959f; stroke-width: 1; }

/* Bar charts are HTML: a grid of label, track and value, the track's quarters marked. */
.bar-chart { list-style: none; margin: 0; padding: 0; max-width: 1000px; font-size: 0.9rem; }
.bar-chart li { display: grid; grid-template-columns: minmax(0, 36%) minmax(0, 1fr) 11.5em; gap: 2px 12px; align-items: center; padding: 4px 0; }
.bar-label { text-align: right; line-height: 1.3; }
.bar-chart .track { position: relative; display: block; height: 20px; border-radius: 3px; background: #f0f3f6 linear-gradient(to right, transparent calc(25% - 1px), #dde3e9 calc(25% - 1px) 25%, transparent 25% calc(50% - 1px), #dde3e9 calc(50% - 1px) 50%, transparent 50% calc(75% - 1px), #dde3e9 calc(75% - 1px) 75%, transparent 75%); }
.bar-chart .track.empty { background: #fff; border: 1px dashed var(--nodata-line); }
.bar-chart .bar { display: block; height: 100%; border-radius: 3px; }
.bar-score { font-weight: 700; font-variant-numeric: tabular-nums; }
.bar-band { color: var(--muted); font-size: 0.92em; }
.bar-chart .bar-axis { padding: 0 0 2px; }
.bar-axis .ticks { grid-column: 2; position: relative; height: 1.2em; font-size: 0.8rem; color: var(--muted); font-variant-numeric: tabular-nums; }
.bar-axis .ticks span { position: absolute; transform: translateX(-50%); }
.bar-axis .ticks span:first-child { transform: none; }
.bar-axis .ticks span:last-child { transform: translateX(-100%); }
.target-line { fill: none; stroke: #24292f; stroke-width: 1.6; stroke-dasharray: 6 4; }
.target-range { stroke: #24292f; stroke-width: 3; opacity: 0.35; }
.target-mark { fill: #fff; stroke: #24292f; stroke-width: 1.6; }
.chart .target-label { fill: #24292f; font-size: 11px; font-weight: 600; }
.chart .series-line { fill: none; stroke-width: 2.6; stroke-linejoin: round; }
.chart .series-dot { stroke: #fff; stroke-width: 1.5; }
.chart .point-label { font-size: 11px; font-weight: 700; }

.milestone-intro { color: var(--muted); margin-bottom: 14px; max-width: 900px; }
.milestones { display: grid; gap: 16px; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); }
.milestone figcaption { font-weight: 600; margin-bottom: 8px; }
.swatch { width: 28px; height: 12px; flex: none; vertical-align: -1px; margin-right: 8px; }
table.figures { width: auto; min-width: 60%; margin-top: 8px; font-size: 0.82rem; }
table.figures tbody tr:last-child th { border-bottom: 0; }
table.figures th, table.figures td { padding: 3px 10px; border-bottom: 1px solid #eaeef2; }
table.figures thead th { position: static; background: none; text-transform: none; letter-spacing: 0; font-size: 0.78rem; }
table.figures tbody th { font-weight: 600; white-space: nowrap; }
table.figures td.empty { color: #8c959f; }
.milestone-notes { font-size: 0.8rem; color: var(--muted); margin-top: 6px; }
.entity-id { font-family: var(--mono); font-size: 0.92em; font-weight: 700; color: var(--navy); white-space: nowrap; }

.table-wrap { background: #fff; border: 1px solid var(--line); border-radius: 10px; overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 0.86rem; }
caption { text-align: left; padding: 12px 14px 0; color: var(--muted); font-size: 0.85rem; caption-side: top; }
.caption-note { display: block; font-weight: 400; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid #eaeef2; }
thead th { background: var(--soft); font-size: 0.88em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 1; }
tbody tr:last-child td { border-bottom: 0; }
.table-wrap.scroll { max-height: 78vh; overflow: auto; }
.table-wrap.scroll:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
tbody tr:hover td { background: #fafbfc; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.sub { display: block; color: var(--muted); font-size: 0.92em; }
.entity-name { display: block; color: var(--muted); font-size: 0.92em; margin-top: 2px; }
td.message { min-width: 280px; }
tr[hidden] { display: none; }
table.fixed { table-layout: fixed; }
.w-status { width: 13%; } .w-id { width: 9%; } .w-title { width: 27%; } .w-lead { width: 15%; } .w-due { width: 12%; } .w-message { width: auto; }
.w-verdict { width: 13%; } .w-rule { width: 13%; } .w-entity { width: 17%; } .w-year { width: 6%; } .w-locality { width: 9%; } .w-row-status { width: 10%; } .w-score { width: 7%; }
.empty-note { padding: 14px; color: var(--muted); }

.filters { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: end; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; margin-bottom: 10px; }
.filters[hidden] { display: none; }
.filters label { display: flex; flex-direction: column; gap: 3px; font-size: 0.78rem; font-weight: 600; color: var(--muted); }
.filters select { font: inherit; font-size: 0.9rem; color: var(--ink); padding: 6px 8px; border: 1px solid #8c959f; border-radius: 6px; background: #fff; max-width: 340px; }
.filters button { font: inherit; font-size: 0.9rem; padding: 6px 14px; border: 1px solid #8c959f; border-radius: 6px; background: var(--soft); color: var(--ink); cursor: pointer; }
.filters select:focus-visible, .filters button:focus-visible { outline: 3px solid #0969da; outline-offset: 1px; }
.counter { font-weight: 700; margin: 0 0 10px; }

/* The drill-down: native disclosure widgets, a marker of their own so that the summary may be a flex row. */
.drill { background: #fff; border: 1px solid var(--line); border-radius: 10px; margin: 0 0 8px; }
.drill .drill { margin: 8px 0 0; border-color: #e1e6eb; }
.drill > summary { list-style: none; cursor: pointer; display: flex; flex-wrap: wrap; gap: 2px 14px; align-items: baseline; justify-content: space-between; padding: 10px 14px; }
.drill > summary::-webkit-details-marker { display: none; }
.drill > summary:focus-visible { outline: 3px solid #0969da; outline-offset: 1px; border-radius: 10px; }
.drill-title { flex: 1 1 20em; min-width: 0; font-weight: 600; }
.drill-title::before { content: "▸"; display: inline-block; width: 1.1em; color: var(--navy); }
.drill[open] > summary .drill-title::before { content: "▾"; }
/* A task's long title reads lighter than the group's and the agency's names; its id stays bold. */
.drill-entity > summary .drill-title { font-weight: 400; }
.drill-figures { color: var(--muted); font-size: 0.88rem; font-variant-numeric: tabular-nums; }
.drill-figures strong { color: var(--ink); font-size: 1rem; }
.drill-figures .chip { vertical-align: -2px; margin-right: 4px; }
.drill-body { padding: 0 14px 14px; }
.drill-body > .table-wrap { margin-top: 4px; }
.drill-note, .section-intro { color: var(--muted); font-size: 0.88rem; margin: 8px 0; }
.drill-list { margin-top: 10px; }
/* The drill-down's tables keep columns a word fits in; on a phone they scroll inside their frame. */
table.drill-table { min-width: 36em; }
table.drill-table td:first-child:not(.nowrap) { min-width: 10em; }
table.drill-table td[title] { min-width: 14em; }
table.drill-rows { min-width: 48em; }
table.drill-rows td:nth-child(2) { min-width: 9em; }
table.drill-rows td.message { min-width: 18em; }
caption { font-weight: 600; }
th .sort { font: inherit; color: inherit; text-transform: inherit; letter-spacing: inherit; text-align: inherit; background: none; border: 0; padding: 0; margin: 0; cursor: pointer; }
th .sort::after { content: " ↕"; opacity: 0.45; }
th[aria-sort="ascending"] .sort::after { content: " ▲"; opacity: 1; }
th[aria-sort="descending"] .sort::after { content: " ▼"; opacity: 1; }
th .sort:focus-visible { outline: 3px solid #0969da; outline-offset: 1px; }
.print-toggle { margin: 14px 0 0; font-size: 0.88rem; color: var(--muted); }
.print-toggle input { margin: 0 6px 0 0; vertical-align: -1px; }

.page-footer { border-top: 1px solid var(--line); padding: 18px 0 36px; color: var(--muted); font-size: 0.82rem; }
.notes-heading { margin: 18px 0 6px; }
.notes { margin: 0; padding-left: 20px; }
.page-footer p + p { margin-top: 6px; }

@media (max-width: 640px) {
  .wrap { padding: 0 12px; }
  .tile-main { grid-column: auto; }
  .tile-main .tile-value { font-size: 2.6rem; }
  /* On a phone the page never scrolls sideways: a chart's card shrinks to the screen, its table of figures scrolls. */
  .milestones { grid-template-columns: minmax(0, 1fr); }
  .milestone { min-width: 0; overflow-x: auto; }
  /* The wide tables keep columns a word fits in and scroll inside their frame, not the page. */
  table.fixed { min-width: 760px; }
  .w-due { width: 15%; }
  td.message { min-width: 0; }
  .card { padding: 14px 12px; }
  /* Bars on a phone: the label above, the track and its value below, every row's track the same width. */
  .bar-chart li { grid-template-columns: minmax(0, 1fr) 8.5em; gap: 2px 8px; }
  .bar-label { grid-column: 1 / -1; text-align: left; }
  .bar-axis .ticks { grid-column: 1; }
  /* An SVG's text shrinks with its width: at a phone's width these sizes come out at 11-12 px. */
  .chart text { font-size: 17px; }
  .chart .axis, .chart .axis-note, .chart .target-label, .chart .point-label { font-size: 16px; }
  .drill > summary { padding-left: 10px; padding-right: 10px; }
  .drill-body { padding: 0 6px 10px; }
}

@page { size: A4; margin: 10mm 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  html { font-size: 8.5pt; }
  body { background: #fff; }
  .wrap { max-width: none; padding: 0; }
  .page-header { background: #fff; color: var(--ink); padding: 0 0 8px; border-bottom: 2px solid var(--navy); }
  .page-header h1 { color: var(--navy); font-size: 18pt; }
  h2 { margin-top: 18px; break-after: avoid; page-break-after: avoid; }
  .filters, .no-print, .print-toggle { display: none !important; }
  /* The details (the drill-down, the indicator charts, every row) print only when the reader asks for them. */
  html:not(:has(#print-details:checked)) .detail { display: none !important; }
  .bar-chart li { padding: 1px 0; line-height: 1.25; }
  .bar-chart .track { height: 11px; }
  .bar-chart { font-size: 8.5pt; }
  .drill { break-inside: auto; }
  .card, .tile, .table-wrap { border-color: #c0c7cf; box-shadow: none; }
  .tiles { grid-template-columns: repeat(3, 1fr); }
  .verdict-tiles { grid-template-columns: repeat(5, 1fr); }
  .tile-main { grid-column: span 1; }
  .tile-main .tile-value { font-size: 20pt; }
  .tile-value, .verdict-tiles .tile-value { font-size: 14pt; }
  .page-header h1 { margin: 2px 0 4px; }
  .plan-title { font-size: 7.5pt; }
  .meta { margin-top: 6px; }
  .milestones { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 10px; }
  table.figures { min-width: 0; }
  table.figures th, table.figures td { padding: 2px 5px; }
  table.figures tbody th { white-space: normal; }
  .swatch { width: 20px; margin-right: 4px; }
  .card { padding: 10px 12px; }
  .milestone, .tile { break-inside: avoid; page-break-inside: avoid; }
  /* A long chart runs on to the next page rather than leave the rest of this one empty. */
  .chart-card { margin-bottom: 8px; }
  .bar-chart li { grid-template-columns: minmax(0, 44%) minmax(0, 1fr) 12.5em; gap: 0 8px; break-inside: avoid; }
  .bar-value { white-space: nowrap; }
  /* A group's long title prints on one line, its id first; the screen shows it whole. */
  .bar-label { line-height: 1.2; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 1; overflow: hidden; }
  h2 { font-size: 13pt; margin: 12px 0 6px; }
  .tiles { margin-top: 10px; gap: 8px; }
  .tile { padding: 6px 10px; }
  th .sort::after { content: none !important; }
  main { padding-bottom: 0; }
  .page-footer { padding: 6px 0 0; font-size: 7.5pt; }
  .checks-line { margin-top: 4px; }
  /* Printed without its details, the list of tasks to follow up gives each task's status, lead and due date, its
     title and lead on two lines at most (the screen shows them whole). */
  html:not(:has(#print-details:checked)) #tasks .col-message { display: none; }
  html:not(:has(#print-details:checked)) #tasks { table-layout: auto; }
  html:not(:has(#print-details:checked)) #tasks .w-status { width: 14%; }
  html:not(:has(#print-details:checked)) #tasks :is(.task-title, .task-lead) { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
  html:not(:has(#print-details:checked)) #tasks .w-title { width: 38%; }
  html:not(:has(#print-details:checked)) #tasks .w-lead { width: 19%; }
  html:not(:has(#print-details:checked)) #tasks .w-due { width: 22%; }
  .bar-chart { max-width: none; }
  .badge { display: inline-block; white-space: normal; font-size: 0.88em; padding: 0 5px; border-radius: 6px; }
  th, td { padding: 2px 5px; }
  .table-wrap, .table-wrap.scroll { overflow: visible; max-height: none; border: 0; }
  table { font-size: 7.5pt; line-height: 1.35; }
  table.figures { font-size: 7.5pt; }
  thead { display: table-header-group; }
  thead th { position: static; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  td.message { min-width: 0; }
  tbody tr:hover td { background: none; }
}
`;
