/**
 * Facts an app brings (declared by kind of entity, given by entity, read by its rules and checked at load as the
 * library's are), and the facts of the acrossLocalities fact set (an indicator's figures across its localities).
 */
import { describe, expect, it } from "vitest";
import {
  AppFactError,
  evaluate,
  FACT_SETS,
  loadRules,
  plans,
  RuleFileError,
  standardRules,
  type AppFacts,
  type AppFactValues,
  type RuleSource,
} from "../../src/index.js";

const plan = plans["haiphong-142"];
const asOf = "2026-11-26";

const appFacts: AppFacts = {
  task: { budgetApproved: { type: "boolean", description: { vi: "Đã bố trí kinh phí", en: "Funding approved" } } },
  agency: { staffCount: { type: "integer", description: { vi: "Số cán bộ", en: "Staff" } } },
  indicator: { surveyShare: { type: "decimal", description: { vi: "Tỷ lệ khảo sát", en: "Survey share" } } },
};

function rule(id: string, factSet: string, appliesTo: string, cases: unknown[], examples: unknown[] = [{ name: "x", facts: {}, expect: { verdict: "pass", status: "else" } }]): RuleSource {
  return {
    file: `my-rules/${id}.json`,
    json: {
      id,
      title: { vi: "x", en: "x" },
      description: { vi: "x", en: "x" },
      rationale: { vi: "x", en: "x" },
      severity: "medium",
      weight: 1,
      appliesTo,
      factSet,
      planClause: { vi: "x", en: "x" },
      cases: [
        ...cases,
        { name: "else", conditions: { all: [] }, event: { type: "outcome", params: { verdict: "pass", status: "else", message: { vi: "x", en: "x" } } } },
      ],
      examples,
    },
  };
}
const outcome = (status: string, verdict = "fail") => ({ type: "outcome", params: { verdict, status, message: { vi: "{label}", en: "{label}" } } });

const funding = rule("app.funding", "taskDeadline", "task", [
  { name: "no-funding", conditions: { all: [{ fact: "budgetApproved", operator: "equal", value: false }] }, event: outcome("no-funding") },
  { name: "small-lead", conditions: { all: [{ fact: "staffCount", operator: "lessThan", value: 5 }] }, event: outcome("small-lead", "warn") },
]);

describe("facts an app brings", () => {
  const values: AppFactValues = {
    task: { "T-2.1": { budgetApproved: false }, "T-2.5": { budgetApproved: true } },
    agency: { "so-khoa-hoc-va-cong-nghe": { staffCount: 3 } },
  };

  it("are read by the app's rules, with the values given, and null where none is", async () => {
    const s = await evaluate({ plan, asOf, rules: [funding], appFacts, appFactValues: values });
    const row = (task: string) => s.rows.find((r) => r.entity === task)!;
    expect(row("T-2.1")).toMatchObject({ status: "no-funding", facts: { budgetApproved: false, staffCount: 3 } });
    // T-2.5 has two lead agencies: no single lead's facts.
    expect(row("T-2.5")).toMatchObject({ status: "else", facts: { budgetApproved: true, staffCount: null } });
    const ledByScience = plan.tasksByAgency("so-khoa-hoc-va-cong-nghe", "lead").find((t) => t.id !== "T-2.1" && t.lead.length === 1 && t.deadline?.kind === "month")!;
    expect(row(ledByScience.id)).toMatchObject({ status: "small-lead", facts: { budgetApproved: null, staffCount: 3 } });
    // They are facts of the entity: the standard rules' rows show them too, and decide as they did without them.
    const withFacts = await evaluate({ plan, asOf, appFacts, appFactValues: values });
    const without = await evaluate({ plan, asOf });
    expect(withFacts.rows.find((r) => r.rule === "task.deadline" && r.entity === "T-2.1")!.facts).toMatchObject({ budgetApproved: false, staffCount: 3 });
    expect(withFacts.rows.map((r) => [r.rule, r.entity, r.status])).toEqual(without.rows.map((r) => [r.rule, r.entity, r.status]));
    expect(withFacts.summary).toEqual(without.summary);
  });

  it("reach the indicator rules for the whole city and for each locality", async () => {
    const survey = rule("app.survey", "milestone", "indicator", [
      { name: "low", conditions: { all: [{ fact: "surveyShare", operator: "decimalLessThan", value: "0.5" }] }, event: outcome("low-survey", "warn") },
    ]);
    const s = await evaluate({
      plan,
      asOf,
      rules: [survey],
      observations: [
        { indicator: "PL2-1", period: 2025, value: "61" },
        { indicator: "PL2-1", period: 2025, value: "55", locality: "Phường Lê Chân" },
      ],
      appFacts,
      appFactValues: { indicator: [{ indicator: "PL2-1", values: { surveyShare: 0.75 } }, { indicator: "PL2-1", locality: "phường  lê chân", values: { surveyShare: "0.25" } }] },
    });
    const pl21 = s.rows.filter((r) => r.entity === "PL2-1" && r.period === 2025);
    expect(pl21.find((r) => r.locality === undefined)).toMatchObject({ status: "else", facts: { surveyShare: "0.75" } });
    expect(pl21.find((r) => r.locality === "Phường Lê Chân")).toMatchObject({ status: "low-survey", facts: { surveyShare: "0.25" } });
  });

  it("are checked at load like the library's: an unknown fact and a type mismatch name the file, the rule's case and the condition", () => {
    expect(() => loadRules([funding])).toThrow(/my-rules\/app\.funding\.json at cases\[0\]\.conditions\.all\[0\]\.fact: unknown fact "budgetApproved" for fact set taskDeadline/);
    const mismatch = rule("app.mismatch", "taskDeadline", "task", [
      { name: "bad", conditions: { all: [{ fact: "budgetApproved", operator: "decimalAtLeast", value: "1" }] }, event: outcome("bad") },
    ]);
    expect(() => loadRules([mismatch], { appFacts })).toThrow(RuleFileError);
    expect(() => loadRules([mismatch], { appFacts })).toThrow(/app\.mismatch\.json at cases\[0\]\.conditions\.all\[0\]: budgetApproved decimalAtLeast "1": decimalAtLeast compares numbers, and fact "budgetApproved" \(true or false\) is not one/);
    // An indicator's facts are not a task's.
    const wrongKind = rule("app.kind", "taskDeadline", "task", [{ name: "x", conditions: { all: [{ fact: "surveyShare", operator: "equal", value: null }] }, event: outcome("x") }]);
    expect(() => loadRules([wrongKind], { appFacts })).toThrow(/unknown fact "surveyShare"/);
  });

  it("refuse declarations that cannot be told apart or read", async () => {
    const bad = (facts: unknown) => evaluate({ plan, asOf, appFacts: facts as AppFacts });
    await expect(bad({ task: { due: { type: "date", description: { vi: "x", en: "x" } } } })).rejects.toThrow(/appFacts\.task\.due: the fact set taskDeadline already has a fact "due"/);
    await expect(bad({ task: { label: { type: "string", description: { vi: "x", en: "x" } } } })).rejects.toThrow(/\{label\} is a placeholder/);
    await expect(bad({ task: { x: { type: "number", description: { vi: "x", en: "x" } } } })).rejects.toThrow(/appFacts\.task\.x\.type: the type is one of string, decimal/);
    await expect(bad({ place: {} })).rejects.toThrow(AppFactError);
    await expect(bad({ task: { a: { type: "boolean", description: { vi: "x", en: "x" } } }, agency: { a: { type: "boolean", description: { vi: "x", en: "x" } } } })).rejects.toThrow(/same name/);
  });

  it("refuse values for an entity the plan lacks, a fact not declared, or of the wrong type, naming where", async () => {
    const bad = (appFactValues: AppFactValues) => evaluate({ plan, asOf, rules: [funding], appFacts, appFactValues });
    await expect(bad({ task: { "T-99": { budgetApproved: true } } })).rejects.toThrow(/appFactValues\.task\["T-99"\]: no task "T-99" in plan haiphong-142/);
    await expect(bad({ task: { "T-2.1": { budget: true } } })).rejects.toThrow(/no task fact "budget" is declared/);
    await expect(bad({ task: { "T-2.1": { budgetApproved: "yes" } } })).rejects.toThrow(/appFactValues\.task\["T-2\.1"\]\.budgetApproved: "yes" is not true or false; the fact is of type boolean/);
    await expect(bad({ agency: { "so-khoa-hoc-va-cong-nghe": { staffCount: 2.5 } } })).rejects.toThrow(/is not a whole number/);
    await expect(evaluate({ plan, asOf, appFactValues: {} })).rejects.toThrow(/appFactValues: values are given for facts no appFacts declares/);
  });
});

describe("facts across localities", () => {
  const fewReported = rule(
    "app.few-localities",
    "acrossLocalities",
    "indicator",
    [{ name: "few", conditions: { all: [{ fact: "localitiesReported", operator: "lessThan", value: 3 }] }, event: outcome("few-localities", "warn") }],
    [{ name: "Two localities", facts: { localitiesReported: 2 }, expect: { verdict: "warn", status: "few-localities" } }],
  );
  const observations = [
    { indicator: "PL2-1", period: 2025, value: "61" },
    { indicator: "PL2-1", period: 2025, value: "58.5", locality: "Phường A" },
    { indicator: "PL2-1", period: 2025, value: "64", locality: "Phường B" },
    { indicator: "PL2-1", period: 2025, value: "70.25", locality: "Xã C" },
    { indicator: "PL2-1", period: 2025, value: "60", locality: "Xã D" },
    { indicator: "PL2-1", period: 2024, value: "10", locality: "Xã E" },
    { indicator: "PL2-22", period: 2025, value: "310", locality: "Phường A" },
    // A percent above 100 fails a high-severity check: set aside, not counted as reported.
    { indicator: "PL2-1", period: 2025, value: "120", locality: "Xã F" },
  ];

  it("count, compare and sum up each indicator's figures of a milestone year across its localities, exactly", async () => {
    const s = await evaluate({ plan, asOf, rules: [...standardRules, fewReported], observations });
    const row = (indicator: string) => s.rows.find((r) => r.rule === "app.few-localities" && r.entity === indicator && r.period === 2025)!;
    expect(row("PL2-1")).toMatchObject({
      status: "else",
      facts: {
        cityReported: true,
        localitiesReported: 4,
        localitiesMeetingTarget: 3,
        localitiesSetAside: 1,
        leastValue: "58.5",
        greatestValue: "70.25",
        medianValue: "62",
      },
    });
    expect(row("PL2-1").sources).toHaveLength(5);
    expect(row("PL2-22")).toMatchObject({ status: "few-localities", verdict: "warn", facts: { cityReported: false, localitiesReported: 1, medianValue: "310" } });
    expect(row("PL2-44")).toMatchObject({ status: "few-localities", facts: { localitiesReported: 0, leastValue: null, greatestValue: null, medianValue: null } });
    // One row per indicator and milestone year that has passed, never per locality.
    expect(s.rows.filter((r) => r.rule === "app.few-localities").every((r) => r.locality === undefined && r.period === 2025)).toBe(true);
  });

  it("are the facts the fact set declares", () => {
    expect(Object.keys(FACT_SETS.acrossLocalities.facts)).toEqual(
      expect.arrayContaining(["localitiesReported", "localitiesMeetingTarget", "localitiesSetAside", "leastValue", "greatestValue", "medianValue", "cityReported"]),
    );
  });
});
