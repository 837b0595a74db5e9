import { describe, expect, it } from "vitest";
import { escapeMarkdownCell, renderMarkdown } from "../../src/index.js";
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
    expect(headings).toEqual(["## Overall", "## By task group", "## By indicator group", "## By lead agency", "## By locality", "## Needs attention", "## Rows by rule"]);
  });

  it("gives the overall score, band, coverage and verdict counts", () => {
    const { overall } = scorecard.summary;
    const md = renderMarkdown(scorecard, plan, { lang: "en" });
    const percent = (share: string) => `${Number((Number(share) * 100).toFixed(1))}%`;
    expect(md).toContain(`- Score: **${percent(overall.score!)}** (${overall.band.label.en})`);
    expect(md).toContain(`- Data coverage: ${percent(overall.coverage!)}`);
    expect(md).toContain(`pass ${overall.counts.pass}, warn ${overall.counts.warn}, fail ${overall.counts.fail}`);
    expect(renderMarkdown(scorecard, plan)).toContain(`(${overall.band.label.vi})`);
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
    expect(rows).toHaveLength(scorecard.rows.filter((r) => r.verdict === "fail" || r.verdict === "warn").length);
    const verdicts = rows.map((c) => c[4]);
    expect(verdicts.lastIndexOf("fail")).toBeLessThan(verdicts.indexOf("warn"));
    expect(rows[0]![5]).toBe("overdue");
    const statuses = rows.map((c) => c[5]);
    expect(statuses.lastIndexOf("overdue")).toBeLessThan(statuses.indexOf("missing-report"));
    expect(statuses.lastIndexOf("missing-report")).toBeLessThan(statuses.indexOf("not-met"));
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

  it("escapes pipes and line breaks in cells, so a row stays one line of its table", () => {
    const index = scorecard.rows.findIndex((r) => r.rule === "indicator.milestone-met" && r.locality);
    const odd = withRow(scorecard, index, { locality: "Kiến | Thụy", message: { vi: "dòng 1\ndòng 2 | <b>x</b>", en: "line 1\r\nline 2 | x" } });
    const md = renderMarkdown(odd, plan);
    const heading = `### indicator.milestone-met: ${scorecard.rules.find((r) => r.id === "indicator.milestone-met")!.title.vi}`;
    const rows = sectionRows(md, heading);
    expect(rows).toHaveLength(scorecard.rows.filter((r) => r.rule === "indicator.milestone-met").length);
    const line = rows.find((l) => l.includes("Kiến \\| Thụy"))!;
    expect(cells(line)).toHaveLength(7);
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
