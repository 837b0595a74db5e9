/** Changes since the last report: two scorecards of the demo data a year apart, compared as the city's report does. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compareScorecards,
  Decimal,
  evaluate,
  plans,
  renderComparisonHtml,
  renderComparisonMarkdown,
  renderJson,
  type Scorecard,
} from "../../src/index.js";
import { readJsonRecords } from "../../src/input/read-json.js";
import { run } from "../cli/run-cli.js";

const plan = plans["haiphong-142"];
const fixture = readFileSync(new URL("../../fixtures/report-2025-2026.json", import.meta.url), "utf8");
const at = (asOf: string) => evaluate({ plan, input: readJsonRecords("report.json", fixture, plan), asOf });
const pair: Promise<[Scorecard, Scorecard]> = Promise.all([at("2025-11-26"), at("2026-11-26")]);

describe("compareScorecards", () => {
  it("lists tasks newly overdue and completed, and milestones newly met and missed, each against where it stood before", async () => {
    const [before, now] = await pair;
    const c = compareScorecards(before, now);
    expect(c.previous.asOf).toBe("2025-11-26");
    expect(c.tasks.newlyOverdue.length).toBeGreaterThan(0);
    for (const r of c.tasks.newlyOverdue) {
      expect(r.current?.verdict).toBe("fail");
      expect(r.previous?.verdict).not.toBe("fail");
    }
    expect(c.tasks.newlyCompleted.length).toBeGreaterThan(0);
    for (const r of c.tasks.newlyCompleted) expect(now.rows.find((x) => x.rule === r.rule && x.entity === r.entity && x.period === r.period)?.facts.reportStatus).toBe("completed");
    // The 2025 milestones are assessed once 2025 is over: Lê Chân's 58% against ≥ 60% is newly missed, the city's 63% newly met.
    expect(c.milestones.newlyMissed.some((r) => r.entity === "PL2-1" && r.locality === "Phường Lê Chân" && r.period === 2025)).toBe(true);
    expect(c.milestones.newlyMet.some((r) => r.entity === "PL2-1" && r.locality === undefined && r.period === 2025)).toBe(true);
    const missed = c.milestones.newlyMissed.find((r) => r.entity === "PL2-1" && r.locality === "Phường Lê Chân")!;
    expect(missed.current?.label?.vi).toBe("không đạt chỉ tiêu");
    expect(missed.remediation?.vi).toMatch(/^Cơ quan chủ trì chỉ tiêu/);
  });

  it("gives each agency's score and coverage then and now, and the change between them", async () => {
    const [before, now] = await pair;
    const c = compareScorecards(before, now);
    expect(Object.keys(c.byAgency).sort()).toEqual([...new Set([...Object.keys(before.summary.byAgency), ...Object.keys(now.summary.byAgency)])].sort());
    for (const [id, s] of Object.entries(c.byAgency)) {
      const p = before.summary.byAgency[id]?.score;
      const n = now.summary.byAgency[id]?.score;
      expect(s.scoreChange, id).toBe(p == null || n == null ? null : new Decimal(n).minus(p).toFixed(4));
    }
    expect(c.overall.current).toEqual(now.summary.overall);
    expect(c.reporting.overall.current).toEqual(now.summary.reporting!.overall);
  });

  it("finds nothing changed between a scorecard and itself, and reads a scorecard back from its JSON alike", async () => {
    const [before, now] = await pair;
    const same = compareScorecards(now, now);
    expect([same.tasks.newlyOverdue, same.tasks.newlyCompleted, same.milestones.newlyMet, same.milestones.newlyMissed, same.dataProblems.new, same.dataProblems.resolved].every((l) => l.length === 0)).toBe(true);
    const fromJson = (s: Scorecard) => JSON.parse(renderJson(s)) as Scorecard;
    expect(compareScorecards(fromJson(before), fromJson(now))).toEqual(compareScorecards(before, now));
  });

  it("counts a problem in the figures resolved when its figure is corrected", async () => {
    const bad = await evaluate({ plan, asOf: "2026-11-26", observations: [{ indicator: "PL2-46", period: 2025, value: "104" }] });
    const fixed = await evaluate({ plan, asOf: "2026-11-26", observations: [{ indicator: "PL2-46", period: 2025, value: "94" }] });
    expect(compareScorecards(bad, fixed).dataProblems.resolved.map((r) => [r.rule, r.entity])).toEqual([["observation.percent-in-range", "PL2-46"]]);
    expect(compareScorecards(fixed, bad).dataProblems.new.map((r) => [r.rule, r.entity])).toEqual([["observation.percent-in-range", "PL2-46"]]);
  });

  it("is written as Markdown and HTML in the language", async () => {
    const c = compareScorecards(...(await pair));
    const vi = renderComparisonMarkdown(c, plan);
    expect(vi.split("\n")[0]).toBe("# Thay đổi so với kỳ báo cáo trước: Kế hoạch 142/KH-UBND, từ 26/11/2025 đến 26/11/2026");
    expect(vi).toContain(`## Nhiệm vụ mới quá hạn hoặc thiếu báo cáo (${c.tasks.newlyOverdue.length})`);
    expect(vi).toContain("| Phường Lê Chân (tham chiếu) |");
    const en = renderComparisonMarkdown(c, plan, { lang: "en" });
    expect(en).toContain(`## Milestones newly met (${c.milestones.newlyMet.length})`);
    expect(en).not.toMatch(/Kỳ trước|Không có\./);
    const page = renderComparisonHtml(c, plan, { lang: "en" });
    expect(page).toContain('<section id="newlyOverdue"><h2>Tasks newly overdue or missing a report');
    expect(page).not.toContain("<script");
  });
});

describe("nq57 compare", () => {
  const dir = mkdtempSync(join(tmpdir(), "nq57-compare-"));

  it("compares two scorecards written by nq57 scorecard, in JSON, Markdown and HTML", async () => {
    const [before, now] = await pair;
    const a = join(dir, "2025.json");
    const b = join(dir, "2026.json");
    writeFileSync(a, renderJson(before));
    writeFileSync(b, renderJson(now));
    const json = await run("compare", a, b, "--format", "json");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(compareScorecards(before, now))));
    const md = await run("compare", a, b, "--format", "md", "--lang", "en");
    expect(md.stdout.split("\n")[0]).toBe("# Changes since the last report: Plan 142/KH-UBND, from 2025-11-26 to 2026-11-26");
    const out = join(dir, "changes.html");
    expect((await run("compare", a, b, "--format", "html", "--out", out)).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain('<html lang="vi">');
  });

  it("refuses scorecards given in the wrong order, and a file that is not a scorecard, naming it", async () => {
    const [before, now] = await pair;
    const a = join(dir, "old.json");
    const b = join(dir, "new.json");
    writeFileSync(a, renderJson(before));
    writeFileSync(b, renderJson(now));
    const swapped = await run("compare", b, a);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain("give the earlier scorecard first");
    const notOne = join(dir, "data.json");
    writeFileSync(notOne, JSON.stringify({ observations: [] }));
    const wrong = await run("compare", notOne, b);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/data\.json: not a scorecard: plan: /);
  });
});
