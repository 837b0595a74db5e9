/**
 * Any province's plan: a plan of another shape (milestones 2026, 2028 and 2030, its own groups, targets per
 * locality) authored as CSV sheets, built into a validated plan, scored end to end, and compared with itself amended.
 */
import { describe, expect, it } from "vitest";
import { diffPlans, evaluate, milestoneYearsOf, PlanFileError, planFromSheets, renderPlanDiff } from "../../src/index.js";
import { planInForce } from "../../src/changes.js";
import { secondPlan, secondPlanReports, secondPlanSheets } from "./second-plan.js";

describe("planFromSheets", () => {
  it("builds the second plan with its own milestones, groups and locality targets", () => {
    expect(secondPlan.id).toBe("minh-hoa");
    expect(secondPlan.milestoneYears).toEqual([2026, 2028, 2030]);
    // A group may declare its own: the communes' indicators start at 2028.
    expect(milestoneYearsOf(secondPlan, secondPlan.indicator("CS-1")!)).toEqual([2026, 2028, 2030]);
    expect(milestoneYearsOf(secondPlan, secondPlan.indicator("CS-4")!)).toEqual([2028, 2030]);
    expect(secondPlan.groups.map((g) => g.id)).toEqual(["CT-1", "CT-2", "CT-3", "CS-T", "CS-X"]);
    expect(secondPlan.indicator("CS-4")?.targets.map((t) => [t.year, t.level])).toEqual([
      [2028, "locality"],
      [2030, "locality"],
    ]);
    expect(secondPlan.indicator("CS-3")?.targets[0]).toMatchObject({ year: 2026, kind: "rankAtMost", value: "30" });
    expect(secondPlan.task("NV-1.1")?.coordinating).toEqual(["ubnd-cap-xa"]);
  });

  it("refuses a sheet it cannot read, naming the sheet, the line and the column", () => {
    const sheets = secondPlanSheets();
    const bad = { ...sheets, "targets.csv": sheets["targets.csv"]!.replace("CS-2,2028,≥ 80,", "CS-2,năm 2028,≥ 80,").replace("CS-3,2026", "CS-9,2026") };
    let error: unknown;
    try {
      planFromSheets(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanFileError);
    const issues = (error as PlanFileError).issues.map((i) => `${i.file}:${i.line} ${i.field}`);
    expect(issues).toEqual(expect.arrayContaining(["targets.csv:6 year", "targets.csv:8 indicator"]));
  });

  it("refuses a folder without a required sheet, or with a sheet it does not know", () => {
    const { "targets.csv": _targets, ...rest } = secondPlanSheets();
    expect(() => planFromSheets(rest)).toThrow(/targets\.csv: missing/);
    expect(() => planFromSheets({ ...secondPlanSheets(), "notes.csv": "a\n" })).toThrow(/notes\.csv: unknown sheet/);
  });
});

describe("the second plan scored end to end", () => {
  it("judges its milestones, its locality targets and its tasks from the reports", async () => {
    const card = await evaluate({ plan: secondPlan, input: secondPlanReports(), asOf: "2027-02-20" });
    expect(card.plan).toEqual({ id: "minh-hoa", number: "01/KH-UBND (minh họa)" });
    expect(card.rejected).toEqual([]);
    const milestone = card.rows.find((r) => r.rule === "indicator.milestone-met" && r.entity === "CS-1" && r.period === 2026);
    expect(milestone).toMatchObject({ verdict: "pass" });
    // The rank fell from none to 27, under the 2026 ceiling of 30.
    expect(card.rows.find((r) => r.rule === "indicator.milestone-met" && r.entity === "CS-3" && r.period === 2026)).toMatchObject({ verdict: "pass" });
    // Each commune is judged against its own target, not the province's.
    expect(Object.keys(card.summary.byLocality).sort()).toEqual(["Phường C", "Xã A", "Xã B"]);
    expect(Object.keys(card.summary.byTaskGroup).sort()).toEqual(["CT-1", "CT-2", "CT-3"]);
    expect(card.summary.overall.score).toMatch(/^0\.\d{4}$/);
  });
});

describe("diffPlans", () => {
  const amendments = [
    {
      id: "qd-20-2026",
      document: "20/QĐ-UBND",
      issuedOn: "2026-09-01",
      signer: "Chủ tịch",
      effectiveOn: "2026-09-01",
      changes: [
        { change: "deadline", task: "NV-2.2", deadline: "Tháng 6/2028" },
        { change: "target", indicator: "CS-1", year: 2026, target: "≥ 50%" },
        { change: "addTask", task: { id: "NV-3.3", group: "CT-3", title: { vi: "Thi kỹ năng số", en: "Digital skills contest" }, lead: ["Sở Nội vụ"] } },
      ],
    },
  ];
  const amended = planInForce(secondPlan, "2027-01-01", { amendments });
  const diff = diffPlans({ plan: secondPlan }, { plan: amended.plan, asOf: amended.asOf, amendments: amended.amendments.applied.map((a) => a.id) });

  it("compares a plan and the same plan amended, entity by entity and field by field", () => {
    expect(diff.to).toEqual({ id: "minh-hoa", number: "01/KH-UBND (minh họa)", asOf: "2027-01-01", amendments: ["qd-20-2026"] });
    expect(diff.changes.map((c) => `${c.kind} ${c.id} ${c.change} ${c.fields.map((f) => f.field).join(",")}`)).toEqual(
      expect.arrayContaining(["task NV-2.2 changed deadline", "indicator CS-1 changed targets.2026", expect.stringMatching(/^task NV-3\.3 added/)]),
    );
    const deadline = diff.changes.find((c) => c.id === "NV-2.2")!.fields[0]!;
    expect(deadline).toMatchObject({ before: { due: "2027-12-31" }, after: { due: "2028-06-30" } });
  });

  it("finds no change between a plan and itself", () => {
    expect(diffPlans({ plan: secondPlan }, { plan: secondPlan }).changes).toEqual([]);
  });

  it("renders the comparison as Markdown, in Vietnamese or English", () => {
    const en = renderPlanDiff(diff, { lang: "en" });
    expect(en).toContain("| NV-2.2 | changed | deadline | Tháng 12/2027 (2027-12-31) | Tháng 6/2028 (2028-06-30) |");
    expect(en).toContain("amendments: qd-20-2026");
    expect(renderPlanDiff(diff, { lang: "vi" })).not.toContain("| changed |");
  });
});
