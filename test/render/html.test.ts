import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, plans, renderHtml, SHARED_AGENCY_KINDS, summarize, type Agency, type Scorecard } from "../../src/index.js";
import { readJsonRecords } from "../../src/input/read-json.js";
import { escapeHtml } from "../../src/render/html/escape.js";
import { reasonWords } from "../../src/render/reason-words.js";
import { FILTER_SCRIPT, FILTER_SCRIPT_SHA256 } from "../../src/render/html/filter-script.js";
import { formatNumber, formatScore } from "../../src/render/html/format.js";
import { html } from "../../src/render/html/markup.js";
import { niceTicks } from "../../src/render/html/svg-text.js";

const plan = plans["haiphong-142"];
const FIXTURE = "fixtures/report-2025-2026.json";
const scoreFixture = () => evaluate({ plan, input: readJsonRecords(FIXTURE, readFileSync(FIXTURE, "utf8"), plan), asOf: "2026-11-26" });
const INJECTED = "<script>alert(1)</script>";
/** The text from the first `start` to the next `end` after it; fails the test when either is missing. */
function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  expect(from, start).toBeGreaterThanOrEqual(0);
  const to = text.indexOf(end, from);
  expect(to, end).toBeGreaterThan(from);
  return text.slice(from, to);
}

describe("formatScore", () => {
  it.each([
    ["0.6728", "vi", "67,3%"],
    ["0.6728", "en", "67.3%"],
    ["0.4449", "vi", "44,5%"],
    ["1", "vi", "100,0%"],
    ["0", "en", "0.0%"],
    ["0.12345", "en", "12.3%"],
    ["0.00050", "en", "0.0%"],
    [null, "vi", "—"],
  ] as const)("writes %s in %s as %s", (value, lang, expected) => {
    expect(formatScore(value, lang)).toBe(expected);
  });
});

describe("formatNumber", () => {
  it.each([
    ["6.5", "vi", "6,5"],
    ["6.5", "en", "6.5"],
    ["12500.5", "vi", "12.500,5"],
    ["12500.5", "en", "12,500.5"],
    ["1200", "vi", "1200"],
    ["-3", "en", "-3"],
  ] as const)("writes %s in %s as %s", (value, lang, expected) => {
    expect(formatNumber(value, lang)).toBe(expected);
  });
});

describe("html", () => {
  it("escapes every interpolated value and keeps nested markup", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(html`<p title="${`" onclick="x`}">${inner}${[1, "&"]}${undefined}${false}</p>`.text).toBe(
      '<p title="&quot; onclick=&quot;x"><b>&lt;i&gt;</b>1&amp;</p>',
    );
  });
});

describe("chart layout", () => {
  it("picks round ticks covering the values", () => {
    expect(niceTicks(0, 92)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 3.5, 4)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("renderHtml on the bundled fixture", async () => {
  const scorecard = await scoreFixture();
  const vi = renderHtml(scorecard, plan);
  const en = renderHtml(scorecard, plan, { lang: "en" });

  it("is one HTML document, in Vietnamese by default and in English on request", () => {
    expect(vi.startsWith("<!doctype html>\n<html lang=\"vi\">")).toBe(true);
    expect(en.startsWith("<!doctype html>\n<html lang=\"en\">")).toBe(true);
    expect(vi).toContain("Bảng đánh giá thực hiện Kế hoạch 142/KH-UBND");
    expect(en).toContain("Scorecard of Plan 142/KH-UBND");
  });

  it("refers to nothing outside itself: no URL, no external script, style, font or image", () => {
    for (const page of [vi, en]) {
      expect(page).not.toMatch(/https?:\/\//i);
      expect(page).not.toMatch(/<script[^>]*\ssrc\s*=/i);
      expect(page).not.toMatch(/<link\b|<img\b|<iframe\b|@import|url\(|@font-face/i);
    }
  });

  it("runs only its own script, which the Content-Security-Policy names by hash", () => {
    expect(createHash("sha256").update(FILTER_SCRIPT, "utf8").digest("base64")).toBe(FILTER_SCRIPT_SHA256);
    expect(vi.match(/<script\b/g)).toHaveLength(1);
    expect(vi).toContain(`<script>${FILTER_SCRIPT}</script>`);
    expect(vi).toContain(`script-src &#39;sha256-${FILTER_SCRIPT_SHA256}&#39;`);
    expect(vi).toContain("default-src &#39;none&#39;");
  });

  it("shows the overall score as a percentage with one decimal, provisional on too little data, with the coverage and verdict counts", () => {
    expect(scorecard.summary.overall).toMatchObject({ score: "0.2064", provisional: true });
    expect(vi).toContain('data-metric="overall-score" data-provisional="true">20,6%<');
    expect(en).toContain('data-metric="overall-score" data-provisional="true">20.6%<');
    expect(vi).toContain("Điểm tạm tính");
    expect(en).toContain("data coverage below the minimum 50.0%: no band");
    expect(vi).toContain(`data-metric="coverage">${formatScore(scorecard.summary.overall.coverage, "vi")}<`);
    for (const [verdict, count] of Object.entries(scorecard.summary.overall.counts))
      expect(vi).toMatch(new RegExp(`data-verdict-count="${verdict}">[^]*?<p class="tile-value">${count}</p>`));
  });

  it("shows the input counts", () => {
    const { observations, taskReports } = scorecard.input;
    expect(vi).toContain(`${observations.given} nhận được · ${observations.accepted} sử dụng · ${observations.rejected} bị loại`);
    expect(en).toContain(`${taskReports.given} given · ${taskReports.accepted} used · ${taskReports.rejected} rejected`);
  });

  it("lists every fail row's message, in the page's language", () => {
    const fails = scorecard.rows.filter((r) => r.verdict === "fail");
    expect(fails.length).toBeGreaterThan(0);
    for (const row of fails) {
      expect(vi, row.message.vi).toContain(escapeHtml(row.message.vi));
      expect(en, row.message.en).toContain(escapeHtml(row.message.en));
    }
  });

  it("has one table row per performance row, with the data attributes the filters read", () => {
    const performance = new Set(scorecard.rules.filter((r) => r.appliesTo === "task" || r.appliesTo === "indicator").map((r) => r.id));
    const table = vi.slice(vi.indexOf('<table id="rows"'), vi.indexOf("</table>", vi.indexOf('<table id="rows"')));
    expect(table.match(/<tr data-verdict="/g)).toHaveLength(scorecard.rows.filter((r) => performance.has(r.rule)).length);
    expect(table).toContain('<tr data-verdict="fail" data-rule="task.deadline" data-agency="so-khoa-hoc-va-cong-nghe" data-group="PL3-I">');
    expect(table).toContain('data-benchmark="true"');
  });

  it("lists the checks of the figures and of the plan in tables of their own: what they find, and how many others pass", () => {
    const table = (id: string) => vi.slice(vi.indexOf(`<table id="${id}"`), vi.indexOf("</table>", vi.indexOf(`<table id="${id}"`)));
    const found = (appliesTo: string) => {
      const rules = new Set(scorecard.rules.filter((r) => r.appliesTo === appliesTo).map((r) => r.id));
      return scorecard.rows.filter((r) => rules.has(r.rule) && r.verdict !== "pass");
    };
    expect(table("data-checks").match(/<tr data-verdict="/g)).toHaveLength(found("observation").length);
    expect(table("plan-checks").match(/<tr data-verdict="/g)).toHaveLength(found("plan").length);
    expect(vi).toContain(`${scorecard.summary.planChecks.counts.pass} kiểm tra khác đạt.`);
    expect(vi).toContain(`Kiểm tra văn bản kế hoạch (không tính vào điểm): `);
  });

  it("shows each row's sources and the evidence its task report names", () => {
    const traced = scorecard.rows.find((r) => r.rule === "task.deadline" && r.facts.evidence)!;
    const [source] = traced.sources!;
    expect(vi).toContain(`Nguồn: <span class="mono">${source!.file}:${source!.line}</span>`);
    expect(vi).toContain(`Minh chứng: ${escapeHtml(String(traced.facts.evidence))}`);
  });

  it("shows the duties of collectives in a table apart, never in the agencies' chart", () => {
    const card = vi.slice(vi.indexOf('id="shared-duties"'), vi.indexOf("</table>", vi.indexOf('id="shared-duties"')));
    for (const id of Object.keys(scorecard.summary.bySharedDuty)) expect(card).toContain(escapeHtml(plan.agency(id)!.name.vi));
    const chart = between(vi, '<ol id="chart-agency"', "</ol>");
    expect(chart).toContain(escapeHtml(plan.agency("so-khoa-hoc-va-cong-nghe")!.name.vi));
    for (const id of Object.keys(scorecard.summary.bySharedDuty)) expect(chart).not.toContain(escapeHtml(plan.agency(id)!.name.vi));
  });

  it("draws a bar per agency, task group and indicator group, and a milestone chart per indicator with figures", () => {
    for (const [chart, record] of [
      ["chart-agency", scorecard.summary.byAgency],
      ["chart-task-group", scorecard.summary.byTaskGroup],
      ["chart-indicator-group", scorecard.summary.byIndicatorGroup],
    ] as const) {
      const list = between(vi, `<ol id="${chart}"`, "</ol>");
      expect(list.match(/<li class="bar-row"/g)).toHaveLength(Object.keys(record).length);
      // Each bar's width is its score's share of the track.
      for (const [key, summary] of Object.entries(record)) {
        const bar = between(list, `data-key="${escapeHtml(key)}"`, "</li>");
        if (summary.score === null) expect(bar).toContain('class="track empty"');
        else expect(bar).toContain(`style="width:${Math.round(Number(summary.score) * 10_000) / 100}%"`);
        expect(bar).toContain(`<span class="bar-score">${formatScore(summary.score, "vi")}</span>`);
      }
    }
    expect(vi).toContain("Sở Khoa học và Công nghệ");
    expect(vi).toMatch(/<figure class="milestone card" data-indicator="PL2-1">/);
    expect(vi).toMatch(/<figure class="milestone card" data-indicator="PL1-4">[^]*?Thứ hạng: số nhỏ hơn là tốt hơn/);
  });

  it("labels its charts and tables for assistive technology", () => {
    expect(vi.match(/<svg id="[^"]+" class="chart[^"]*" viewBox="[^"]+" role="img" aria-labelledby="/g)?.length).toBeGreaterThan(3);
    expect(vi.match(/<ol id="chart-[a-z-]+" class="bar-chart" aria-label="Biểu đồ cột: [^"]+\. \d+ mục, xếp theo điểm\.">/g)).toHaveLength(4);
    expect(vi).toContain('<th scope="col">');
  });

  it("lists the overdue, missing-report and due-soon tasks", () => {
    const statuses = ["overdue", "missing-report", "not-completed", "not-carried-out", "cancellation-unapproved", "due-soon"];
    const due = scorecard.rows.filter((r) => statuses.includes(r.status) && plan.task(r.entity));
    const table = vi.slice(vi.indexOf('<table id="tasks"'), vi.indexOf("</table>", vi.indexOf('<table id="tasks"')));
    expect(table.match(/<tr data-status=/g)).toHaveLength(due.length);
    expect(table).toContain("quá hạn");
  });

  it("writes targets in the page's language: the document's words in Vietnamese, words of English in English", () => {
    const en = renderHtml(scorecard, plan, { lang: "en" });
    expect(vi).toContain("Phấn đấu đứng top 3 toàn quốc");
    expect(en).not.toContain("Phấn đấu đứng top 3 toàn quốc");
    expect(en).not.toContain("Có từ 07 người");
    expect(en).toContain("2025: ≥ 7");
  });

  it("says beside each indicator's chart the year its target is reached at the present pace, or that it is not", () => {
    const chart = (page: string, id: string) => page.slice(page.indexOf(`data-indicator="${id}"`), page.indexOf("</figure>", page.indexOf(`data-indicator="${id}"`)));
    expect(chart(vi, "PL2-3")).toContain("Nếu giữ tốc độ hiện nay: Toàn thành phố đạt chỉ tiêu tiếp theo vào năm 2032");
    expect(chart(vi, "PL2-8")).toContain("Toàn thành phố không đạt được chỉ tiêu tiếp theo");
    expect(chart(renderHtml(scorecard, plan, { lang: "en" }), "PL2-3")).toContain("At the present pace: ");
  });

  it("lists the rejected records with file, line, field and reason", () => {
    // In the page's language: English as the readers write it, Vietnamese by their patterns.
    for (const r of scorecard.rejected) expect(vi).toContain(escapeHtml(reasonWords(r.reason, "vi")));
    expect(vi).toContain(escapeHtml('không có nhiệm vụ "T-9.9" trong kế hoạch'));
    expect(vi).not.toContain("unknown task");
    const en = renderHtml(scorecard, plan, { lang: "en" });
    for (const r of scorecard.rejected) expect(en).toContain(escapeHtml(r.reason));
    expect(vi).toContain('<td class="mono">indicator</td>');
  });
});

describe("the drill-down from the city to each row", async () => {
  const scorecard = await scoreFixture();
  const vi = renderHtml(scorecard, plan);
  const kinds = new Map(scorecard.rules.map((r) => [r.id, r.appliesTo]));
  const performance = scorecard.rows.filter((r) => kinds.get(r.rule) === "task" || kinds.get(r.rule) === "indicator");
  const entityOf = (id: string) => plan.task(id) ?? plan.indicator(id);
  const disclosure = (page: string, attributes: string) => between(page, `<details class="drill ${attributes}`, "</summary>");

  it("opens each group with its score and band, as the scorecard's summary gives them", () => {
    const groups = { ...scorecard.summary.byTaskGroup, ...scorecard.summary.byIndicatorGroup };
    expect(vi.match(/<details class="drill drill-group"/g)).toHaveLength(Object.keys(groups).length);
    for (const [id, summary] of Object.entries(groups)) {
      const line = disclosure(vi, `drill-group" id="drill-${id.replace(/[^A-Za-z0-9-]/g, "-")}" data-group="${id}">`);
      expect(line).toContain(`<strong>${formatScore(summary.score, "vi")}</strong> ${summary.band.label.vi}`);
      expect(line).toContain(`${formatNumber(summary.rows, "vi")} dòng`);
    }
  });

  it("scores each lead agency within a group, and each of its tasks, from their own rows", () => {
    const inGroup = (row: (typeof performance)[number], group: string, agency?: string) =>
      entityOf(row.entity)?.group === group && (agency === undefined || entityOf(row.entity)!.lead.includes(agency)) && row.benchmark !== true;
    const dost = "so-khoa-hoc-va-cong-nghe";
    const group = "G-1";
    const own = summarize(performance.filter((r) => inGroup(r, group, dost)));
    const others = summarize(performance.filter((r) => inGroup(r, group)));
    expect(own.score).not.toBe(others.score);
    const body = between(vi, `data-group="${group}">`, `<details class="drill drill-agency" id="drill-${group}--${dost}"`);
    const row = between(body, `<a href="#drill-${group}--${dost}">`, "</tr>");
    expect(row).toContain(`<td class="num" data-value="${own.score}">${formatScore(own.score, "vi")}</td>`);
    expect(row).toContain(`<td class="num" data-value="${own.rows}">${own.rows}</td>`);

    const task = "T-1.1";
    const taskRows = performance.filter((r) => r.entity === task);
    const line = disclosure(vi, `drill-entity" id="drill-${group}--`);
    expect(line).toContain(task);
    expect(line).toContain(`<strong>${formatScore(summarize(taskRows).score, "vi")}</strong>`);
  });

  it("lists duties of a collective apart from the lead agencies of a group, never ranked with them", () => {
    const groupOf = (id: string) => between(vi, `data-group="${id}">`, `<div class="drill-list">`);
    const isShared = (agency: Agency) => SHARED_AGENCY_KINDS.has(agency.kind);
    const withShared = plan.groups.map((g) => g.id).filter((id) => vi.includes(`data-group="${id}">`) && groupOf(id).includes("Nhiệm vụ chung của nhiều cơ quan"));
    expect(withShared.length).toBeGreaterThan(0);
    for (const id of withShared) {
      const [agencies, shared] = groupOf(id).split("Nhiệm vụ chung của nhiều cơ quan") as [string, string];
      const leadsIn = (part: string) => [...part.matchAll(/<a href="#drill-[^"]*--([^"]+)">/g)].map((m) => plan.agency(m[1]!));
      expect(leadsIn(shared).length).toBeGreaterThan(0);
      for (const agency of leadsIn(shared)) expect(agency !== undefined && isShared(agency)).toBe(true);
      for (const agency of leadsIn(agencies)) expect(agency === undefined || !isShared(agency)).toBe(true);
    }
  });

  it("shows a task's rows with their message and what to do next, in the page's language", () => {
    const task = "T-1.1";
    const rows = performance.filter((r) => r.entity === task);
    expect(rows.length).toBeGreaterThan(0);
    for (const lang of ["vi", "en"] as const) {
      const page = lang === "vi" ? vi : renderHtml(scorecard, plan, { lang });
      const details = between(page, `data-entity="${task}">`, "</details>");
      for (const row of rows) {
        expect(details).toContain(escapeHtml(row.message[lang]));
        if (row.remediation) expect(details).toContain(escapeHtml(row.remediation[lang]));
      }
      expect(details.match(/<tr data-verdict=/g)).toHaveLength(rows.length);
    }
  });

  it("keeps a national task's drill-down short: the city's rows first, ten in all, and says how many more the full table holds", () => {
    const template = performance.find((r) => r.entity === "PL2-1" && r.locality === undefined)!;
    const localities = Array.from({ length: 40 }, (_, i) => ({ ...template, locality: `Xã ${i + 1}`, message: { vi: `xã thứ ${i + 1}`, en: `commune ${i + 1}` } }));
    const national: Scorecard = { ...scorecard, rows: [...localities, ...scorecard.rows] };
    const page = renderHtml(national, plan, { lang: "en" });
    const details = between(page, 'data-entity="PL2-1">', "</details>");
    const cityRows = performance.filter((r) => r.entity === "PL2-1" && r.locality === undefined);
    const all = performance.filter((r) => r.entity === "PL2-1").length + localities.length;
    expect(details.match(/<tr data-verdict=/g)).toHaveLength(10);
    for (const row of cityRows) expect(details).toContain(escapeHtml(row.message.en));
    expect(details).toContain(`${all - 10} more rows: see the table “Every assessed row” below`);
    // The full table keeps them all.
    expect(page).toContain("commune 40");
  });

  it("prints its details only on request, and lets the tables be sorted", () => {
    expect(vi).toContain('<input type="checkbox" id="print-details">Khi in, in kèm chi tiết');
    for (const id of ["drill-heading", "milestones-heading", "rows-heading", "data-checks-heading", "plan-checks-heading", "rejected-heading"])
      expect(vi).toContain(`<section class="detail" aria-labelledby="${id}">`);
    for (const id of ["overview-heading", "scores-heading", "reporting-heading", "tasks-heading"]) expect(vi).toContain(`<section aria-labelledby="${id}">`);
    expect(vi).toMatch(/<table id="tasks" class="fixed sortable">/);
    expect(vi).toMatch(/<table id="reporting" class="sortable">/);
  });
});

describe("renderHtml on many localities", async () => {
  const communes = Array.from({ length: 12 }, (_, i) => `Xã ${String(i + 1).padStart(2, "0")}`);
  const scorecard = await evaluate({
    plan,
    observations: communes.flatMap((locality, i) => [
      { indicator: "PL2-1", period: 2025, value: String(40 + i), locality },
      { indicator: "PL2-1", period: 2026, value: String(50 + i), locality },
    ]),
    asOf: "2026-11-26",
  });

  it("charts the city and seven localities, says so, and keeps every locality's rows in the full table", () => {
    const page = renderHtml(scorecard, plan, { lang: "en" });
    const chart = between(page, '<figure class="milestone card" data-indicator="PL2-1">', "</figure>");
    const drawn = [...chart.matchAll(/<g class="series" data-locality="([^"]*)">/g)].map((m) => m[1]);
    expect(drawn).toEqual(communes.slice(0, 7));
    expect(page).toContain("Each chart draws the whole city and 7 of the 12 localities (in the order of their names)");
    const rows = between(page, '<table id="rows"', "</table>");
    for (const locality of communes) expect(rows).toContain(`<td>${locality}<`);
  });
});

describe("renderHtml on a scorecard with no input", async () => {
  const scorecard = await evaluate({ plan, asOf: "2026-11-26" });

  it("still renders every section, saying there is nothing to chart or reject", () => {
    const page = renderHtml(scorecard, plan, { lang: "en" });
    expect(page).toContain("No indicator has reported figures yet.");
    expect(page).toContain("No record was rejected.");
    expect(page).toContain('data-metric="overall-score" data-provisional="true">');
    expect(page).toContain('<table id="data-checks"');
    expect(page).toContain("Nothing found.");
  });
});

describe("renderHtml on hostile text", async () => {
  const scorecard = await evaluate({
    plan,
    observations: [
      { indicator: "PL2-1", period: 2025, value: "50", locality: INJECTED },
      { indicator: "PL2-1", period: 2026, value: "55", locality: INJECTED },
      { indicator: "PL2-1", period: 2025, value: "61", locality: `" onmouseover="alert(2)` },
    ],
    taskReports: [{ task: "T-2.3", status: "in-progress", reportedOn: "2026-10-01", evidence: INJECTED }],
    asOf: "2026-11-26",
  });
  const tampered: Scorecard = {
    ...scorecard,
    rulesVersion: `</title>${INJECTED}`,
    rows: scorecard.rows.map((row, i) =>
      i === 0 ? { ...row, status: `"><img src=x onerror=alert(3)>`, message: { vi: INJECTED, en: INJECTED }, rule: `x"><svg onload=alert(4)>` } : row,
    ),
    rejected: [{ kind: "observation", source: { file: INJECTED, line: 1 }, field: "<b>", value: "<i>", reason: INJECTED }],
  };

  it("shows a locality named like a script as text", () => {
    expect(scorecard.summary.byLocality).toHaveProperty([INJECTED]);
    for (const lang of ["vi", "en"] as const) {
      const page = renderHtml(scorecard, plan, { lang });
      expect(page).not.toContain(INJECTED);
      expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(page).not.toContain('" onmouseover="');
      expect(page.match(/<script\b/g)).toHaveLength(1);
    }
  });

  it("escapes messages, statuses, rule ids, versions and rejected records", () => {
    const page = renderHtml(tampered, plan);
    expect(page).not.toContain(INJECTED);
    expect(page).not.toMatch(/<img\b|<svg onload|<b>|<i>/);
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page).toContain("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
