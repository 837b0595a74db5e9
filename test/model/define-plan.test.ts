import { describe, expect, it } from "vitest";
import { definePlan, PlanDataError, plans, type PlanInput } from "../../src/index.js";
import data from "../../src/plans/haiphong-142/plan.json";

const plan = plans["haiphong-142"];

/** A deep copy of Plan 142 to break. */
const copy = (): PlanInput => structuredClone(data) as PlanInput;

function issuesOf(input: unknown) {
  try {
    definePlan(input);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanDataError);
    return (error as PlanDataError).issues;
  }
  throw new Error("definePlan accepted a broken plan");
}

describe("definePlan", () => {
  it("accepts any plan of the model's shape, not only Hai Phong's", () => {
    const small = definePlan({
      id: "demo-1",
      document: {
        number: "1/KH-UBND",
        issuer: { vi: "Ủy ban nhân dân tỉnh", en: "Provincial People's Committee" },
        issuedOn: "2025-07-01",
        title: { vi: "Kế hoạch thử", en: "Test plan" },
        implements: ["57-NQ/TW"],
      },
      agencies: [{ id: "so-a", name: { vi: "Sở A", en: "Department A" }, aliases: ["Sở A"], kind: "department" }],
      groups: [{ id: "G-1", title: { vi: "Nhóm 1", en: "Group 1" }, appendix: 4, source: { part: "B.II", line: 1 } }],
      tasks: [
        {
          id: "T-1.1",
          group: "G-1",
          title: { vi: "Việc", en: "Work" },
          lead: ["so-a"],
          coordinating: [],
          deadline: { raw: "12/2025", kind: "month", due: "2025-12-31" },
          strategic: false,
          source: { part: "B.II", line: 2 },
        },
      ],
      indicators: [],
      dataNotes: [],
    });
    expect(small.task("T-1.1")?.lead).toEqual(["so-a"]);
    expect(small.tasksByAgency("so-a")).toHaveLength(1);
  });

  it("names the entity and field of a lead agency that does not exist", () => {
    const input = copy();
    input.tasks[0]!.lead = ["so-khong-co"];
    expect(issuesOf(input)).toEqual([
      { path: ["tasks", 0, "lead", 0], entity: "T-1.1", field: "lead.0", message: 'unknown agency "so-khong-co"' },
    ]);
  });

  it("reports a duplicate id, an unknown group and a broken parent link together", () => {
    const input = copy();
    input.tasks[1]!.id = "T-1.1";
    input.indicators[0]!.group = "PL1-IX";
    input.indicators.find((x) => x.id === "PL1-11.3")!.parent = "PL1-36";
    const issues = issuesOf(input);
    expect(issues.map((i) => `${i.entity}.${i.field}: ${i.message}`)).toEqual([
      "T-1.1.id: duplicate id, already used in tasks",
      'PL1-1.group: unknown group "PL1-IX"',
      'PL1-11.children.2: "PL1-11.3" does not name PL1-11 as its parent',
      'PL1-11.3.parent: "PL1-36" does not list PL1-11.3 among its children',
    ]);
  });

  it("refuses a target that does not fit its kind, naming the indicator and the target", () => {
    const input = copy();
    const target = input.indicators.find((x) => x.id === "PL2-58")!.targets[2]!;
    delete target.max;
    const [issue] = issuesOf(input);
    expect(issue).toMatchObject({ entity: "PL2-58", field: "targets.2.kind", message: "kind range needs max" });
  });

  it("refuses a deadline without its due date and a malformed agency id", () => {
    const input = copy();
    delete input.tasks[0]!.deadline!.due;
    input.agencies[1]!.id = "Sở KHCN";
    const issues = issuesOf(input);
    expect(issues.map((i) => `${i.entity}.${i.field}`)).toEqual(expect.arrayContaining(["T-1.1.deadline.due", "Sở KHCN.id"]));
  });

  it("says which plan is broken in the message", () => {
    const input = copy();
    input.indicators[0]!.lead = ["x"];
    expect(() => definePlan(input)).toThrow(/Plan "haiphong-142" is invalid \(1 problem\)\n {2}- PL1-1\.lead\.0: unknown agency "x"/);
  });

  it("refuses what is not a plan at all", () => {
    expect(issuesOf(null)[0]?.message).toMatch(/expected object/);
    expect(issuesOf({ id: "x" }).length).toBeGreaterThan(3);
  });

  it("returns the plan frozen, so apps cannot change it by accident", () => {
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.tasks[0]!.lead)).toBe(true);
    expect(() => {
      (plan.tasks as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe("plan look-ups", () => {
  it("finds entities by id and agencies by any spelling", () => {
    expect(plan.task("T-5.26.3")?.strategic).toBe(true);
    expect(plan.indicator("PL2-44")?.targets.at(-1)?.raw).toBe("đạt 1,0");
    expect(plan.agencyByName("Sở Nội Vụ")?.id).toBe("so-noi-vu");
    expect(plan.agencyByName("  sở  khoa học và công nghệ ")?.id).toBe("so-khoa-hoc-va-cong-nghe");
    expect(plan.task("T-0")).toBeUndefined();
  });

  it("lists tasks by agency and role", () => {
    const lead = plan.tasksByAgency("so-cong-thuong", "lead").map((t) => t.id);
    expect(lead).toEqual(["T-3.8", "T-5.9.1", "T-5.9.2", "T-5.9.3", "T-6.2", "NQ71-176"]);
    const coordinating = plan.tasksByAgency("so-cong-thuong", "coordinating").map((t) => t.id);
    expect(coordinating).toEqual(["T-2.13"]);
    expect(plan.tasksByAgency("so-cong-thuong").map((t) => t.id).sort()).toEqual([...lead, ...coordinating].sort());
    expect(plan.indicatorsByAgency("so-cong-thuong").map((x) => x.id)).toEqual(["PL2-37"]);
  });

  it("lists what falls due between two dates, annual duties on 31 December", () => {
    const due = plan.deadlinesBetween("2025-09-01", "2025-09-30");
    expect(due.map((d) => d.task.id)).toEqual(["NQ71-12", "NQ71-48", "NQ71-81", "NQ71-82", "NQ71-147.8", "NQ71-147.11", "NQ71-132"]);
    expect(due.every((d) => d.due === "2025-09-30")).toBe(true);
    const yearEnd = plan.deadlinesBetween("2025-12-31", "2025-12-31");
    const annual = yearEnd.filter((d) => d.period === 2025);
    expect(annual.length).toBe(plan.tasks.filter((t) => t.deadline?.kind === "annual" || t.deadline?.kind === "fromYear").length);
    expect(yearEnd.filter((d) => d.period === undefined).map((d) => d.task.id)).toEqual(
      expect.arrayContaining(["T-5.8.1", "T-5.8.3", "NQ71-49", "NQ71-74", "NQ71-176"]),
    );
  });

  it("lists the targets set for a year", () => {
    const in2045 = plan.targetsFor(2045);
    expect(in2045.some((t) => t.indicator.id === "PL1-37" && t.target.raw === "≥ 60")).toBe(true);
    expect(in2045.some((t) => t.indicator.id === "PL2-19")).toBe(false);
    expect(plan.targetsFor(2026)).toEqual([]);
  });

  it("serialises to the data alone", () => {
    expect(Object.keys(JSON.parse(JSON.stringify(plan)))).toEqual(["id", "document", "parts", "agencies", "groups", "tasks", "indicators", "dataNotes"]);
  });
});
