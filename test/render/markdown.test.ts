import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/index.js";
import { escapeMarkdownCell } from "../../src/render/markdown.js";
import { plan, sampleScorecard, withRow } from "./scorecard.js";

const scorecard = await sampleScorecard;

/** The table lines of the section under a `## ` or `### ` heading, header and separator left out. */
function sectionRows(md: string, heading: string): string[] {
  const lines = md.split("\n");
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const rows: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{2,3} /.test(line)) break;
    if (line.startsWith("|")) rows.push(line);
  }
  return rows.slice(2);
}

/** Splits a table line into cells at the pipes that are not escaped. */
const cells = (line: string) => line.slice(2, -2).split(/(?<!\\) \| /);

describe("renderMarkdown", () => {
  it("writes Vietnamese headings by default, with the plan's number and the date assessed", () => {
    const md = renderMarkdown(scorecard, plan);
    expect(md.split("\n")[0]).toBe("# Bảng đánh giá thực hiện Kế hoạch 142/KH-UBND, tính đến ngày 26/11/2026");
    expect(md).toContain("## Theo nhóm nhiệm vụ");
    expect(md).toContain("## Cần chú ý");
  });

  it("writes English headings with lang en", () => {
    const md = renderMarkdown(scorecard, plan, { lang: "en" });
    expect(md.split("\n")[0]).toBe("# Scorecard of Plan 142/KH-UBND, as of 2026-11-26");
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toEqual([
      "## Overall",
      "## By task group",
      "## By indicator group",
      "## By lead agency",
      "## Duties shared by several bodies (not ranked)",
      "## By locality",
      "## Reporting by lead agency",
      "## Needs attention",
      "## Rows by rule",
      "## Checks of the reported figures (not counted in any score)",
      "## Checks of the plan document (not counted in any score)",
    ]);
  });

  it("gives a provisional score as provisional, without a band, saying why", () => {
    const { overall } = scorecard.summary;
    expect(overall.provisional).toBe(true);
    const md = renderMarkdown(scorecard, plan, { lang: "en" });
    const percent = (share: string) => `${Number((Number(share) * 100).toFixed(1))}%`;
    expect(md).toContain(`- Score: **${percent(overall.score!)}** (provisional) · no band: data coverage ${percent(overall.coverage!)}, below the minimum 50%`);
    expect(md).toContain(`- Rows: ${overall.rows} (pass ${overall.counts.pass}, warn ${overall.counts.warn}, fail ${overall.counts.fail}`);
    expect(renderMarkdown(scorecard, plan)).toContain("(tạm tính) · chưa xếp loại: độ phủ dữ liệu");
    expect(sectionRows(md, "## By task group").some((l) => l.includes("(provisional) | Insufficient data |"))).toBe(true);
  });

  it("gives a score on enough data with its band and coverage", async () => {
    const { evaluate } = await import("../../src/index.js");
    const enough = await evaluate({ plan, asOf: "2026-11-26", minCoverage: "0", taskReports: [{ task: "T-2.1", status: "completed", reportedOn: "2025-06-28" }] });
    const { overall } = enough.summary;
    expect(overall.provisional).toBe(false);
    const md = renderMarkdown(enough, plan, { lang: "en" });
    expect(md).toContain(`** · ${overall.band.label.en} · Data coverage `);
    expect(md).not.toContain("(provisional)");
  });

  it("counts the checks of the plan document and of the figures apart from the performance rows", () => {
    const md = renderMarkdown(scorecard, plan, { lang: "en" });
    const { planChecks, dataQuality } = scorecard.summary;
    expect(md).toContain(`- Checks of the plan document (not counted in any score): ${planChecks.rows} (pass ${planChecks.counts.pass}, warn ${planChecks.counts.warn}`);
    expect(md).toContain(`- Checks of the reported figures (not counted in any score): ${dataQuality.rows} (`);
    const planSection = md.slice(md.indexOf("## Checks of the plan document"));
    for (const rule of scorecard.rules.filter((r) => r.appliesTo === "plan")) expect(planSection).toContain(`### ${rule.id}:`);
    const rowsSection = md.slice(md.indexOf("## Rows by rule"), md.indexOf("## Checks of the reported figures"));
    for (const rule of scorecard.rules.filter((r) => r.appliesTo === "plan" || r.appliesTo === "observation")) expect(rowsSection).not.toContain(`### ${rule.id}:`);
  });

  it("lists duties shared by collectives apart from the lead agencies", () => {
    const md = renderMarkdown(scorecard, plan, { lang: "en" });
    const agencies = sectionRows(md, "## By lead agency").map((l) => cells(l)[0]);
    const shared = sectionRows(md, "## Duties shared by several bodies (not ranked)").map((l) => cells(l)[0]);
    expect(shared).toContain(plan.agency("uy-ban-nhan-dan-cac-cap-chinh-quyen-dia-phuong")!.name.en);
    for (const name of shared) expect(agencies).not.toContain(name);
  });

  it("shows where each row's records were read, the evidence named, and benchmarks as such", () => {
    const md = renderMarkdown(scorecard, plan, { lang: "en" });
    const deadline = sectionRows(md, `### task.deadline: ${scorecard.rules.find((r) => r.id === "task.deadline")!.title.en}`).map(cells);
    const traced = scorecard.rows.find((r) => r.rule === "task.deadline" && r.facts.evidence)!;
    expect(deadline.find((c) => c[0] === traced.entity)?.[8]).toBe(`${traced.sources!.map((s) => `${s.file}:${s.line}`).join("; ")} · evidence: ${String(traced.facts.evidence)}`);
    const milestones = sectionRows(md, `### indicator.milestone-met: ${scorecard.rules.find((r) => r.id === "indicator.milestone-met")!.title.en}`).map(cells);
    expect(milestones.some((c) => c[2]!.endsWith(" (benchmark)"))).toBe(true);
  });

  it("names agencies and groups, not their ids, in the summary tables", () => {
    const md = renderMarkdown(scorecard, plan, { lang: "vi" });
    const agencies = sectionRows(md, "## Theo cơ quan chủ trì").map((l) => cells(l)[0]);
    expect(agencies).toContain("Sở Khoa học và Công nghệ");
    expect(agencies).toHaveLength(Object.keys(scorecard.summary.byAgency).length);
    const groups = sectionRows(md, "## Theo nhóm chỉ tiêu").map(cells);
    expect(groups.map((c) => c[0])).toEqual(Object.keys(scorecard.summary.byIndicatorGroup));
    expect(groups.find((c) => c[0] === "PL2-I")?.[1]).toBe(plan.group("PL2-I")!.title.vi);
  });

  it("has a locality table only when rows have a locality", () => {
    expect(renderMarkdown(scorecard, plan)).toContain("## Theo địa phương");
    const cityWide = { ...scorecard, rows: scorecard.rows.filter((r) => !r.locality), summary: { ...scorecard.summary, byLocality: {} } };
    expect(renderMarkdown(cityWide, plan)).not.toContain("## Theo địa phương");
  });

  it("lists failing rows before warning ones under Needs attention, overdue tasks first", () => {
    const rows = sectionRows(renderMarkdown(scorecard, plan, { lang: "en" }), "## Needs attention").map(cells);
    const planRules = new Set(scorecard.rules.filter((r) => r.appliesTo === "plan").map((r) => r.id));
    expect(rows).toHaveLength(scorecard.rows.filter((r) => (r.verdict === "fail" || r.verdict === "warn") && !planRules.has(r.rule)).length);
    const verdicts = rows.map((c) => c[4]);
    expect(verdicts.lastIndexOf("fail")).toBeLessThan(verdicts.indexOf("warn"));
    // Statuses in the rules' words, not their codes.
    expect(rows[0]![5]).toBe("overdue");
    const statuses = rows.map((c) => c[5]);
    expect(statuses).not.toContain("missing-report");
    expect(statuses.lastIndexOf("overdue")).toBeLessThan(statuses.indexOf("missing report"));
    expect(statuses.lastIndexOf("missing report")).toBeLessThan(statuses.indexOf("not met"));
  });

  it("has one section per rule with one line per row", () => {
    const md = renderMarkdown(scorecard, plan, { lang: "en" });
    let total = 0;
    for (const rule of scorecard.rules) {
      const heading = `### ${rule.id}: ${rule.title.en}`;
      expect(md).toContain(heading);
      const rows = sectionRows(md, heading);
      expect(rows, rule.id).toHaveLength(scorecard.rows.filter((r) => r.rule === rule.id).length);
      total += rows.length;
    }
    expect(total).toBe(scorecard.rows.length);
  });

  it("puts what to do next beside each failing, warning or no-data row, in the language, and nothing beside a passing one", () => {
    for (const lang of ["vi", "en"] as const) {
      const rows = sectionRows(renderMarkdown(scorecard, plan, { lang }), lang === "vi" ? "## Cần chú ý" : "## Needs attention").map(cells);
      expect(rows.length).toBeGreaterThan(0);
      for (const c of rows) expect(c[8]!.length, c.join(" | ")).toBeGreaterThan(20);
      const overdue = scorecard.rows.find((r) => r.status === "overdue")!;
      expect(rows.find((c) => c[1] === overdue.entity)![8]).toBe(overdue.remediation![lang]);
    }
    const deadline = sectionRows(renderMarkdown(scorecard, plan, { lang: "en" }), `### task.deadline: ${scorecard.rules.find((r) => r.id === "task.deadline")!.title.en}`).map(cells);
    expect(deadline.filter((c) => c[3] === "pass").every((c) => c[7] === "")).toBe(true);
  });

  it("escapes pipes and line breaks in cells, so a row stays one line of its table", () => {
    const index = scorecard.rows.findIndex((r) => r.rule === "indicator.milestone-met" && r.locality);
    const odd = withRow(scorecard, index, { locality: "Kiến | Thụy", message: { vi: "dòng 1\ndòng 2 | <b>x</b>", en: "line 1\r\nline 2 | x" } });
    const md = renderMarkdown(odd, plan);
    const heading = `### indicator.milestone-met: ${scorecard.rules.find((r) => r.id === "indicator.milestone-met")!.title.vi}`;
    const rows = sectionRows(md, heading);
    expect(rows).toHaveLength(scorecard.rows.filter((r) => r.rule === "indicator.milestone-met").length);
    const line = rows.find((l) => l.includes("Kiến \\| Thụy"))!;
    expect(cells(line)).toHaveLength(9);
    expect(cells(line)[6]).toBe("dòng 1<br>dòng 2 \\| &lt;b&gt;x&lt;/b&gt;");
  });
});

describe("escapeMarkdownCell", () => {
  it.each([
    ["a | b", "a \\| b"],
    ["dòng 1\ndòng 2", "dòng 1<br>dòng 2"],
    ["a\r\nb\rc", "a<br>b<br>c"],
    ["KH&CN <script>", "KH&amp;CN &lt;script&gt;"],
    ["T-1.1 «Các Sở, ban, ngành»", "T-1.1 «Các Sở, ban, ngành»"],
  ])("writes %j as %j", (text, cell) => {
    expect(escapeMarkdownCell(text)).toBe(cell);
  });
});
