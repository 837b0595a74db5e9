import { describe, expect, it } from "vitest";
import { renderTerminal } from "../../src/index.js";
import { plan, sampleScorecard, withRow } from "./scorecard.js";

const scorecard = await sampleScorecard;
const ESC = "\x1b";

describe("renderTerminal", () => {
  it("has no ANSI codes when color is false", () => {
    for (const lang of ["vi", "en"] as const) expect(renderTerminal(scorecard, plan, { lang, color: false })).not.toContain(ESC);
  });

  it("colours verdicts when color is true: red fail, green pass, yellow warn, dim no data", () => {
    // The samples leave no row without data: one is made so, as an app's lenient whenMissing would.
    const progress = scorecard.rows.findIndex((r) => r.rule === "indicator.progress" && r.entity === "PL2-1" && r.locality === undefined);
    const text = renderTerminal(withRow(scorecard, progress, { verdict: "no-data", score: null }), plan, { lang: "en", color: true });
    expect(text).toContain(`${ESC}[31m✗${ESC}[0m T-1.1 `);
    expect(text).toContain(`${ESC}[32m✓${ESC}[0m`);
    expect(text).toContain(`${ESC}[33m!${ESC}[0m`);
    expect(text).toMatch(new RegExp(`${ESC}\\[2m\\? PL2-1 `));
  });

  it("starts with the overall score, saying it is provisional on too little data, in the language", () => {
    const [title, score, counts, data, planChecks] = renderTerminal(scorecard, plan, { lang: "vi", color: false, width: 200 }).split("\n");
    expect(title).toBe("Bảng đánh giá thực hiện Kế hoạch 142/KH-UBND — tính đến ngày 26/11/2026");
    expect(score).toMatch(/^Điểm: \d+(,\d)?% \(tạm tính\) · chưa xếp loại: độ phủ dữ liệu \d+(,\d)?%, dưới mức tối thiểu 50%$/);
    const { overall, planChecks: checks } = scorecard.summary;
    expect(counts).toBe(`✓ ${overall.counts.pass} đạt  ! ${overall.counts.warn} cảnh báo  ✗ ${overall.counts.fail} không đạt  ? ${overall.counts["no-data"]} chưa có dữ liệu  – ${overall.counts["not-applicable"]} không áp dụng`);
    expect(data).toMatch(/^Kiểm tra số liệu báo cáo \(không tính vào điểm\): /);
    expect(planChecks).toBe(`Kiểm tra văn bản kế hoạch (không tính vào điểm): ✓ ${checks.counts.pass} đạt  ! ${checks.counts.warn} cảnh báo  ✗ ${checks.counts.fail} không đạt`);
  });

  it("gives a score on enough data with its band and coverage", async () => {
    const { evaluate } = await import("../../src/index.js");
    const enough = await evaluate({ plan, asOf: "2026-11-26", minCoverage: "0", taskReports: [{ task: "T-2.1", status: "completed", reportedOn: "2025-06-28" }] });
    const { overall } = enough.summary;
    expect(renderTerminal(enough, plan, { lang: "en", color: false }).split("\n")[1]).toMatch(new RegExp(`^Score: \\d+(\\.\\d)?% · ${overall.band.label.en} · Data coverage \\d+(\\.\\d)?%$`));
  });

  it("groups rows under their task group and indicator group, titled in the language", () => {
    const vi = renderTerminal(scorecard, plan, { lang: "vi", color: false, width: 400 }).split("\n");
    const en = renderTerminal(scorecard, plan, { lang: "en", color: false, width: 400 }).split("\n");
    const heading = (lines: string[], id: string) => lines.findIndex((l) => l.startsWith(`${id}  `));
    expect(vi[heading(vi, "G-2")]).toContain(plan.group("G-2")!.title.vi);
    expect(en[heading(en, "PL2-I")]).toContain(plan.group("PL2-I")!.title.en);
    const t21 = en.findIndex((l) => l.startsWith("✗ T-2.1 "));
    expect(t21).toBeGreaterThan(heading(en, "G-2"));
    expect(t21).toBeLessThan(heading(en, "G-3"));
    expect(en[t21]).toMatch(/^✗ T-2\.1 +overdue +0% +is past its deadline 2025-06-30/);
  });

  it("ends with the summary by lead agency, by name, then the duties shared by collectives apart", () => {
    const lines = renderTerminal(scorecard, plan, { lang: "en", color: false, width: 200 }).trimEnd().split("\n");
    const start = lines.indexOf("By lead agency");
    const shared = lines.indexOf("Duties shared by several bodies (not ranked)");
    expect(start).toBeGreaterThan(0);
    expect(shared).toBeGreaterThan(start);
    expect(lines.slice(start + 2, shared - 1)).toHaveLength(Object.keys(scorecard.summary.byAgency).length);
    expect(lines.slice(shared + 2)).toHaveLength(Object.keys(scorecard.summary.bySharedDuty).length);
    expect(lines.slice(start, shared).some((l) => l.startsWith("Department of Science and Technology "))).toBe(true);
  });

  it("lists the checks of the figures and of the plan apart, only what they find, without a score", () => {
    const lines = renderTerminal(scorecard, plan, { lang: "en", color: false, width: 200 }).split("\n");
    const start = lines.indexOf("Checks of the plan document (not counted in any score)");
    expect(start).toBeGreaterThan(0);
    const block = lines.slice(start + 1, lines.indexOf("", start));
    // Each row found is followed by what to do about it.
    const found = block.filter((line) => !line.startsWith("  ↳ "));
    expect(found).toHaveLength(scorecard.summary.planChecks.rows - scorecard.summary.planChecks.counts.pass);
    for (const line of found) expect(line).toMatch(/^[✗!] \S+ +.+ +— /);
    expect(block.filter((line) => line.startsWith("  ↳ What to do next: ")).length).toBe(found.length);
  });

  it.each([60, 100, 140])("cuts every line to the width (%i), colour or not", (width) => {
    const visible = (line: string) => [...line.replace(new RegExp(`${ESC}\\[\\d+m`, "g"), "")].length;
    for (const color of [false, true]) for (const line of renderTerminal(scorecard, plan, { lang: "vi", color, width }).split("\n")) expect(visible(line)).toBeLessThanOrEqual(width);
  });

  it("never sends control characters from a report to the terminal: they are shown as escapes, line breaks as spaces", () => {
    const index = scorecard.rows.findIndex((r) => r.locality);
    const odd = withRow(scorecard, index, { locality: "K\x1b[2JT", message: { vi: "a\nb\x07c\u202e", en: "a\nb\x07c\u202e" } });
    const text = renderTerminal(odd, plan, { lang: "en", color: false, width: 400 });
    expect(text).not.toContain(ESC);
    expect(text).not.toContain("\x07");
    expect(text).not.toContain("\u202e");
    expect(text).toContain("· K\\u001b[");
    expect(text).toContain("a b\\u0007c\\u202e");
  });
});
