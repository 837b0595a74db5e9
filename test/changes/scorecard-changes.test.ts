/**
 * The scorecard of the plan in force: rows judged by the plan as amended and naming the amendment, waivers shown
 * as exempted and kept out of scores while in force, successions resolving a predecessor's name, and what the
 * scorecard lists of them.
 */
import { describe, expect, it } from "vitest";
import { evaluate, formatCsv, PlanFileError, scorecardTable, type Scorecard, type ScorecardRow } from "../../src/index.js";
import type { Amendment, Waiver } from "../../src/changes.js";
import { secondPlan, secondPlanReports } from "./second-plan.js";

const input = secondPlanReports();
const stricter: Amendment = {
  id: "qd-20-2026",
  document: "20/QĐ-UBND",
  issuedOn: "2026-09-01",
  signer: "Chủ tịch",
  effectiveOn: "2026-09-01",
  changes: [
    { change: "target", indicator: "CS-1", year: 2026, target: "≥ 50%" },
    { change: "cancel", task: "NV-3.2", reason: { vi: "Gộp vào NV-3.1", en: "Merged into NV-3.1" } },
  ],
};
const notYet: Amendment = { ...stricter, id: "qd-5-2027", document: "5/QĐ-UBND", issuedOn: "2027-01-05", effectiveOn: "2027-06-01", changes: [{ change: "deadline", task: "NV-2.2", deadline: "Tháng 6/2028" }] };
const waiver: Waiver = { id: "mien-tru-1", task: "NV-1.2", reason: { vi: "Chờ bố trí vốn", en: "Awaiting funds" }, document: "7/UBND-VP", approvedOn: "2027-01-10", expiresOn: "2027-03-15" };

const row = (card: Scorecard, rule: string, entity: string, period?: number): ScorecardRow => {
  const found = card.rows.find((r) => r.rule === rule && r.entity === entity && r.period === period);
  if (!found) throw new Error(`no ${rule} row of ${entity} ${period ?? ""}`);
  return found;
};

describe("evaluate({ amendments })", () => {
  it("judges each entity by the plan as amended on the date, and the row names the amendment", async () => {
    const signed = await evaluate({ plan: secondPlan, input, asOf: "2027-02-20" });
    const amended = await evaluate({ plan: secondPlan, input, asOf: "2027-02-20", amendments: [stricter, notYet] });
    // 43.5% met the plan's "≥ 40%" for 2026, not the amended "≥ 50%".
    expect(row(signed, "indicator.milestone-met", "CS-1", 2026)).toMatchObject({ verdict: "pass" });
    expect(row(amended, "indicator.milestone-met", "CS-1", 2026)).toMatchObject({ verdict: "fail" });
    expect(row(amended, "indicator.milestone-met", "CS-1", 2026).facts.amendedBy).toEqual([
      { amendment: "qd-20-2026", document: "20/QĐ-UBND", effectiveOn: "2026-09-01", fields: ["targets.2026"] },
    ]);
    expect(row(signed, "indicator.milestone-met", "CS-1", 2026).facts.amendedBy).toBeUndefined();
  });

  it("sets a cancelled task apart, not scored, saying by which document and what it would have been", async () => {
    const card = await evaluate({ plan: secondPlan, input, asOf: "2027-02-20", amendments: [stricter] });
    const cancelled = row(card, "task.deadline", "NV-3.2");
    expect(cancelled).toMatchObject({ verdict: "not-applicable", status: "cancelled-by-amendment" });
    expect(cancelled.message.en).toContain("cancelled by 20/QĐ-UBND from 2026-09-01 (Merged into NV-3.1); not scored");
    expect(cancelled.facts.statusWithoutChange).toBeDefined();
    expect(card.summary.overall.outOfPlan).toBe(1);
  });

  it("lists the amendments applied and those not yet in force", async () => {
    const card = await evaluate({ plan: secondPlan, input, asOf: "2027-02-20", amendments: [notYet, stricter] });
    expect(card.amendments?.applied.map((a) => [a.id, a.changes.map((c) => `${c.change} ${c.entity}`)])).toEqual([["qd-20-2026", ["target CS-1", "cancel NV-3.2"]]]);
    expect(card.amendments?.notYetInForce.map((a) => a.id)).toEqual(["qd-5-2027"]);
    expect(row(card, "task.deadline", "NV-2.2").facts.amendedBy).toBeUndefined();
    // A scorecard not asked to apply amendments lists none.
    expect((await evaluate({ plan: secondPlan, input, asOf: "2027-02-20" })).amendments).toBeUndefined();
  });

  it("refuses amendments the plan cannot take, as planInForce does", async () => {
    await expect(evaluate({ plan: secondPlan, input, asOf: "2027-02-20", amendments: [{ ...stricter, changes: [{ change: "cancel", task: "NV-9.9" }] }] })).rejects.toThrow(PlanFileError);
  });
});

describe("evaluate({ waivers })", () => {
  it("shows the rows a waiver in force covers as exempted, with the reason and the document, and scores them not", async () => {
    const plain = await evaluate({ plan: secondPlan, input, asOf: "2027-02-20" });
    const waived = await evaluate({ plan: secondPlan, input, asOf: "2027-02-20", waivers: [waiver] });
    const before = row(plain, "task.deadline", "NV-1.2");
    const after = row(waived, "task.deadline", "NV-1.2");
    expect(after).toMatchObject({ verdict: "not-applicable", status: "exempted" });
    expect(after.message.en).toContain("exempted by 7/UBND-VP until 2027-03-15 (Awaiting funds); not scored");
    expect(after.facts).toMatchObject({ waiver: { id: "mien-tru-1", document: "7/UBND-VP", expiresOn: "2027-03-15" }, verdictWithoutChange: before.verdict, statusWithoutChange: before.status });
    expect(waived.summary.overall.exempted).toBe(1);
    // Out of the score: the verdict it would have had is counted once fewer.
    expect(before.verdict).toBe("pass");
    expect(waived.summary.overall.counts.pass).toBe(plain.summary.overall.counts.pass - 1);
  });

  it("expires by itself: from its expiry the rows are judged again", async () => {
    const expired = await evaluate({ plan: secondPlan, input, asOf: "2027-03-15", waivers: [waiver] });
    expect(row(expired, "task.deadline", "NV-1.2").status).not.toBe("exempted");
    expect(expired.waivers?.expired.map((w) => w.id)).toEqual(["mien-tru-1"]);
    expect(expired.waivers?.inForce).toEqual([]);
    const notYet = await evaluate({ plan: secondPlan, input, asOf: "2027-01-09", waivers: [waiver] });
    expect(row(notYet, "task.deadline", "NV-1.2").status).not.toBe("exempted");
    expect(notYet.waivers?.notYetInForce.map((w) => w.id)).toEqual(["mien-tru-1"]);
  });

  it("lists a waiver in force that expires within 30 days as expiring soon", async () => {
    const soon = await evaluate({ plan: secondPlan, input, asOf: "2027-02-13", waivers: [waiver] });
    expect(soon.waivers?.expiringSoon).toEqual([expect.objectContaining({ id: "mien-tru-1", about: { kind: "task", id: "NV-1.2" }, rows: 1 })]);
    const far = await evaluate({ plan: secondPlan, input, asOf: "2027-02-12", waivers: [waiver] });
    expect(far.waivers?.inForce.map((w) => w.id)).toEqual(["mien-tru-1"]);
    expect(far.waivers?.expiringSoon).toEqual([]);
  });

  it("exempts only the years a waiver names", async () => {
    const { task: _task, ...rest } = waiver;
    const onlyThen = await evaluate({ plan: secondPlan, input, asOf: "2027-02-20", waivers: [{ ...rest, id: "mien-tru-2", indicator: "CS-1", periods: [2026], expiresOn: "2027-12-31" }] });
    expect(row(onlyThen, "indicator.milestone-met", "CS-1", 2026).status).toBe("exempted");
    expect(row(onlyThen, "indicator.progress", "CS-1").status).not.toBe("exempted");
  });

  it("refuses a waiver of an unknown task, and one naming no subject or two", async () => {
    await expect(evaluate({ plan: secondPlan, input, asOf: "2027-02-20", waivers: [{ ...waiver, task: "NV-9.9" }] })).rejects.toThrow(/NV-9\.9/);
    await expect(evaluate({ plan: secondPlan, input, asOf: "2027-02-20", waivers: [{ ...waiver, agency: "so-noi-vu" }] })).rejects.toThrow(/exactly one of agency, task and indicator/);
  });
});

describe("evaluate({ successions })", () => {
  const succession = { predecessor: "so-tai-chinh", successor: "so-ke-hoach-tai-chinh", from: "2026-07-01", document: "12/QĐ-UBND" };
  const agencies = [{ id: "so-ke-hoach-tai-chinh", name: { vi: "Sở Kế hoạch và Tài chính", en: "Department of Planning and Finance" }, kind: "department", aliases: ["Sở Kế hoạch và Tài chính"] }];

  it("resolves a predecessor's duties to its successor, with a note on the row, from the succession's date", async () => {
    const card = await evaluate({ plan: secondPlan, input, asOf: "2027-02-20", successions: [succession], agencies });
    const task = row(card, "task.deadline", "NV-1.2");
    expect(task.facts.successions).toEqual([expect.objectContaining({ predecessor: "so-tai-chinh", successor: "so-ke-hoach-tai-chinh" })]);
    expect(card.summary.byAgency["so-ke-hoach-tai-chinh"]).toBeDefined();
    expect(card.summary.byAgency["so-tai-chinh"]).toBeUndefined();
    expect(card.successions).toEqual([succession]);
    const before = await evaluate({ plan: secondPlan, input, asOf: "2026-06-30", successions: [succession], agencies });
    expect(before.summary.byAgency["so-tai-chinh"]).toBeDefined();
  });

  it("refuses a succession to an agency neither the plan nor the app names", async () => {
    await expect(evaluate({ plan: secondPlan, input, asOf: "2027-02-20", successions: [succession] })).rejects.toThrow(/so-ke-hoach-tai-chinh/);
  });
});

describe("the changes in the CSV output", () => {
  it("gives each row the amendment, waiver or succession that touched it in a column of its own", async () => {
    const card = await evaluate({ plan: secondPlan, input, asOf: "2027-02-20", amendments: [stricter], waivers: [waiver] });
    const table = scorecardTable(card);
    expect(table.columns.at(-1)).toBe("changes");
    const cellOf = (rule: string, entity: string) => table.rows.find((r) => r[0] === rule && r[1] === entity)!.at(-1);
    expect(cellOf("task.deadline", "NV-1.2")).toContain("7/UBND-VP");
    expect(cellOf("task.deadline", "NV-3.2")).toContain("20/QĐ-UBND");
    expect(cellOf("plan.task-has-lead", "NV-1.1")).toBeFalsy();
    expect(formatCsv(table)).toContain("7/UBND-VP");
  });
});
