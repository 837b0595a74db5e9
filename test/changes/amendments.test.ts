/**
 * Amendments: the plan in force on a date (`planInForce`), amendments read from JSON and CSV files, and every
 * amendment the plan cannot take refused with the file, line, entry and field named.
 */
import { describe, expect, it } from "vitest";
import { PlanFileError, plans } from "../../src/index.js";
import { planInForce, readAmendments, type Amendment } from "../../src/changes.js";
import { secondPlan } from "./second-plan.js";

const amendment = (over: Partial<Amendment> & Pick<Amendment, "changes">): Amendment => ({
  id: "qd-20-2026",
  document: "20/QĐ-UBND",
  issuedOn: "2026-09-01",
  signer: "Chủ tịch",
  effectiveOn: "2026-09-01",
  ...over,
});

/** The problems a call refuses with, as `file:line field: message` lines. */
function refusal(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    if (error instanceof PlanFileError) return error.issues.map((i) => `${i.file ?? ""}:${i.line ?? ""} ${i.entry ?? ""} ${i.field ?? ""}: ${i.message}`);
    throw error;
  }
  throw new Error("not refused");
}

describe("planInForce", () => {
  const moved = amendment({ changes: [{ change: "deadline", task: "NV-2.2", deadline: "Tháng 6/2028" }] });
  const later = amendment({ id: "qd-5-2027", document: "5/QĐ-UBND", issuedOn: "2027-01-05", effectiveOn: "2027-06-01", changes: [{ change: "lead", task: "NV-1.2", lead: ["Sở Khoa học và Công nghệ"] }] });

  it("applies the amendments in force on the date and lists those not yet in force", () => {
    const inForce = planInForce(secondPlan, "2027-02-20", { amendments: [later, moved] });
    expect(inForce.plan.task("NV-2.2")?.deadline?.due).toBe("2028-06-30");
    expect(inForce.plan.task("NV-2.2")?.amendedBy).toEqual([{ amendment: "qd-20-2026", document: "20/QĐ-UBND", effectiveOn: "2026-09-01", fields: ["deadline"] }]);
    expect(inForce.plan.task("NV-1.2")?.lead).toEqual(["so-tai-chinh"]);
    expect(inForce.amendments.applied.map((a) => a.id)).toEqual(["qd-20-2026"]);
    expect(inForce.amendments.notYetInForce.map((a) => a.id)).toEqual(["qd-5-2027"]);
  });

  it("gives the plan as signed before the first amendment takes effect, and leaves the plan given untouched", () => {
    const before = planInForce(secondPlan, "2026-08-31", { amendments: [moved] });
    expect(before.plan.task("NV-2.2")?.deadline?.due).toBe("2027-12-31");
    expect(before.plan.task("NV-2.2")?.amendedBy).toBeUndefined();
    planInForce(secondPlan, "2030-12-31", { amendments: [moved, later] });
    expect(secondPlan.task("NV-2.2")?.deadline?.due).toBe("2027-12-31");
    expect(secondPlan.task("NV-1.2")?.lead).toEqual(["so-tai-chinh"]);
  });

  it("takes every kind of change: lead, coordinating, cancel, suspend and resume, add a task, a target, add and withdraw an indicator", () => {
    const all = amendment({
      changes: [
        { change: "lead", task: "NV-1.2", lead: ["so-khoa-hoc-va-cong-nghe"] },
        { change: "coordinating", task: "NV-1.2", coordinating: ["Sở Nội vụ, Sở Tài chính"] },
        { change: "cancel", task: "NV-3.2", reason: { vi: "Gộp vào NV-3.1" } },
        { change: "suspend", task: "NV-2.2", until: "2027-01-01" },
        { change: "addTask", task: { id: "NV-3.3", group: "CT-3", title: { vi: "Thi kỹ năng số", en: "Digital skills contest" }, lead: ["Sở Nội vụ"], deadline: "Tháng 10/2027" } },
        { change: "target", indicator: "CS-1", year: 2026, target: "≥ 50%" },
        { change: "target", indicator: "CS-5", year: 2026, target: "≥ 50%", level: "locality" },
        { change: "addIndicator", indicator: { id: "CS-6", group: "CS-T", name: { vi: "Số điểm Wi-Fi công cộng", en: "Public Wi-Fi hotspots" }, measure: "count", lead: ["Sở Khoa học và Công nghệ"], targets: [{ year: 2028, target: "≥ 200" }] } },
        { change: "withdraw", indicator: "CS-2", reason: { vi: "Không còn phù hợp" } },
      ],
    });
    const { plan } = planInForce(secondPlan, "2026-10-01", { amendments: [all] });
    expect(plan.task("NV-1.2")?.lead).toEqual(["so-khoa-hoc-va-cong-nghe"]);
    expect(plan.task("NV-1.2")?.coordinating).toEqual(["so-noi-vu", "so-tai-chinh"]);
    expect(plan.task("NV-3.2")?.inactive).toMatchObject({ kind: "cancelled", amendment: "qd-20-2026", from: "2026-09-01" });
    expect(plan.task("NV-2.2")?.inactive).toMatchObject({ kind: "suspended", until: "2027-01-01" });
    expect(plan.task("NV-3.3")?.deadline?.due).toBe("2027-10-31");
    expect(plan.indicator("CS-1")?.targets.find((t) => t.year === 2026)?.raw).toBe("≥ 50%");
    expect(plan.indicator("CS-5")?.targets.find((t) => t.year === 2026)).toMatchObject({ level: "locality", value: "50" });
    expect(plan.indicator("CS-6")?.targets).toMatchObject([{ year: 2028, value: "200" }]);
    expect(plan.indicator("CS-2")?.inactive).toMatchObject({ kind: "withdrawn" });
    // A suspension with an end lifts by itself.
    expect(planInForce(secondPlan, "2027-01-01", { amendments: [all] }).plan.task("NV-2.2")?.inactive).toBeUndefined();
  });

  it("works on Plan 142 as on any plan", () => {
    const plan = plans["haiphong-142"];
    const task = plan.tasks.find((t) => t.deadline?.kind === "month")!;
    const { plan: amended } = planInForce(plan, "2026-12-31", { amendments: [amendment({ changes: [{ change: "deadline", task: task.id, deadline: "Tháng 12/2026" }] })] });
    expect(amended.task(task.id)?.deadline?.due).toBe("2026-12-31");
    expect(amended.tasks).toHaveLength(plan.tasks.length);
  });
});

describe("amendments the plan cannot take", () => {
  const refused = (list: readonly Amendment[]) => refusal(() => planInForce(secondPlan, "2027-01-01", { amendments: list }));

  it("refuses an unknown task, indicator, group or agency, naming the entry and the field", () => {
    expect(
      refused([
        amendment({
          changes: [
            { change: "deadline", task: "NV-9.9", deadline: "Tháng 6/2028" },
            { change: "withdraw", indicator: "CS-99" },
            { change: "lead", task: "NV-1.1", lead: ["Sở Không Có"] },
            { change: "addTask", task: { id: "NV-4.1", group: "CT-9", title: { vi: "x", en: "x" }, lead: ["so-noi-vu"] } },
          ],
        }),
      ]),
    ).toEqual([
      `: amendments[0] (qd-20-2026) changes[0].task: unknown task "NV-9.9"`,
      `: amendments[0] (qd-20-2026) changes[1].indicator: unknown indicator "CS-99"`,
      expect.stringMatching(/^: amendments\[0\] \(qd-20-2026\) changes\[2\]\.lead\[0\]: unknown agency "Sở Không Có"/),
      `: amendments[0] (qd-20-2026) changes[3].task.group: unknown group "CT-9"`,
    ]);
  });

  it("refuses two amendments changing the same field of the same entity on the same day", () => {
    const a = amendment({ id: "qd-20-2026", changes: [{ change: "deadline", task: "NV-2.2", deadline: "Tháng 6/2028" }] });
    const b = amendment({ id: "qd-21-2026", document: "21/QĐ-UBND", changes: [{ change: "deadline", task: "NV-2.2", deadline: "Tháng 9/2028" }] });
    expect(refused([a, b])).toEqual([
      ": amendments[1] (qd-21-2026) changes[0].deadline: changes deadline of NV-2.2 on 2026-09-01, as amendments[0] (qd-20-2026) does on the same day: which one holds is unclear",
    ]);
    // On different days, the later one holds.
    const c = { ...b, effectiveOn: "2026-10-01" };
    expect(planInForce(secondPlan, "2027-01-01", { amendments: [a, c] }).plan.task("NV-2.2")?.deadline?.due).toBe("2028-09-30");
  });

  it("refuses an effective date before the plan's, an id given twice, and a cell it cannot read", () => {
    expect(
      refused([
        amendment({ effectiveOn: "2025-12-31", changes: [{ change: "deadline", task: "NV-2.2", deadline: "Tháng 6/2028" }] }),
        amendment({ changes: [{ change: "deadline", task: "NV-1.2", deadline: "sớm nhất có thể" }] }),
      ]),
    ).toEqual([
      ": amendments[0] (qd-20-2026) effectiveOn: takes effect on 2025-12-31, before the plan itself (01/KH-UBND (minh họa), signed 2026-01-15)",
      ": amendments[1] (qd-20-2026) id: id \"qd-20-2026\" is also amendments[0]'s; give each amendment its own id",
      expect.stringMatching(/^: amendments\[1\] \(qd-20-2026\) changes\[0\]\.deadline: /),
    ]);
  });

  it("refuses an amendment not yet in force just the same: the file is checked whole", () => {
    const future = amendment({ effectiveOn: "2029-01-01", changes: [{ change: "deadline", task: "NV-9.9", deadline: "Tháng 6/2029" }] });
    expect(refused([future])).toEqual([': amendments[0] (qd-20-2026) changes[0].task: unknown task "NV-9.9"']);
  });
});

describe("readAmendments", () => {
  const json = JSON.stringify(
    {
      amendments: [
        amendment({ changes: [{ change: "deadline", task: "NV-2.2", deadline: "Tháng 6/2028" }] }),
        amendment({ id: "qd-21-2026", changes: [{ change: "cancel", task: "NV-7.7" }] }),
      ],
    },
    null,
    2,
  );

  it("reads a JSON file, and names the file and the line of an entry the plan refuses", () => {
    const read = readAmendments("amendments.json", json);
    expect(read.map((a) => a.id)).toEqual(["qd-20-2026", "qd-21-2026"]);
    const error = (() => {
      try {
        planInForce(secondPlan, "2027-01-01", { amendments: read });
      } catch (e) {
        return e as PlanFileError;
      }
    })();
    expect(error).toBeInstanceOf(PlanFileError);
    expect(error?.message).toBe(`amendments.json:${json.split("\n").findIndex((l) => l.includes('"qd-21-2026"'))}: amendments[1] (qd-21-2026) changes[0].task: unknown task "NV-7.7"`);
  });

  it("reads a CSV file of one row per change, the amendment's columns given on its first row", () => {
    const csv = [
      "amendment,document,issuedOn,signer,effectiveOn,change,task,indicator,deadline,year,target,reason_vi",
      "qd-20-2026,20/QĐ-UBND,2026-09-01,Chủ tịch,2026-09-01,deadline,NV-2.2,,Tháng 6/2028,,,",
      "qd-20-2026,,,,,target,,CS-1,,2026,≥ 50%,",
      "qd-20-2026,,,,,cancel,NV-3.2,,,,,Gộp vào NV-3.1",
    ].join("\n");
    const [read] = readAmendments("amendments.csv", csv);
    expect(read?.changes).toEqual([
      { change: "deadline", task: "NV-2.2", deadline: "Tháng 6/2028" },
      { change: "target", indicator: "CS-1", year: 2026, target: "≥ 50%" },
      { change: "cancel", task: "NV-3.2", reason: { vi: "Gộp vào NV-3.1" } },
    ]);
    expect(planInForce(secondPlan, "2027-01-01", { amendments: [read!] }).plan.task("NV-3.2")?.inactive?.kind).toBe("cancelled");
  });

  it("refuses a file whose form is wrong, naming the file, line, entry and field of every problem", () => {
    const bad = JSON.stringify({ amendments: [{ id: "QĐ 20", document: "20/QĐ-UBND", issuedOn: "2026-13-01", signer: "Chủ tịch", effectiveOn: "2026-09-01", changes: [{ change: "move", task: "NV-1.1" }] }] }, null, 2);
    const lines = refusal(() => readAmendments("bad.json", bad));
    expect(lines).toEqual([
      expect.stringMatching(/^bad\.json:3 amendments\[0\] \(QĐ 20\) id: must be ASCII kebab-case/),
      expect.stringMatching(/^bad\.json:3 amendments\[0\] \(QĐ 20\) issuedOn: /),
      expect.stringMatching(/^bad\.json:3 amendments\[0\] \(QĐ 20\) changes\[0\]\.change: Invalid discriminator value/),
    ]);
    expect(refusal(() => readAmendments("bad.json", "{ not json"))).toEqual([expect.stringMatching(/^bad\.json:1? .*/)]);
    expect(refusal(() => readAmendments("empty.json", JSON.stringify({ amendments: [amendment({ changes: [] })] })))).toEqual([
      expect.stringMatching(/^empty\.json:1 amendments\[0\] (\(qd-20-2026\) )?changes: /),
    ]);
  });
});
