import { describe, expect, it } from "vitest";
import { checkRuleFile, FACT_SETS, plans, standardRules, type FactSetName } from "../../src/index.js";
import { RuleFileError } from "../../src/rules/errors.js";
import { subjectList, subjectsFor, type EvaluationContext } from "../../src/scorecard/subjects.js";

const plan = plans["haiphong-142"];
const context: EvaluationContext = {
  plan,
  asOf: "2026-11-26",
  observations: [
    { indicator: "PL2-1", period: 2024, value: "45" },
    { indicator: "PL2-1", period: 2025, value: "63" },
    { indicator: "PL2-1", period: 2025, value: "50", locality: "Phường Lê Chân" },
  ],
  taskReports: [
    { task: "T-2.1", status: "completed", reportedOn: "2025-06-28", completedOn: "2025-06-25" },
    { task: "T-1.2", status: "completed", period: 2025, reportedOn: "2025-12-20" },
    { task: "NQ71-2", status: "in-progress", period: 2025, reportedOn: "2025-11-20" },
  ],
  conflicts: [{ indicator: "PL2-22", period: 2025, values: ["300", "310"] }],
};

describe("the fact sets", () => {
  it.each(Object.keys(FACT_SETS) as FactSetName[])("%s: the facts declared are exactly the facts the scorecard makes, for every subject", (name) => {
    const subjects = subjectList(subjectsFor(name, context, {}));
    expect(subjects.length).toBeGreaterThan(0);
    const declared = Object.keys(FACT_SETS[name].facts).sort();
    for (const subject of subjects) expect(Object.keys(subject.facts).sort(), `${name} ${subject.entity}`).toEqual(declared);
  });
});

describe("statuses declared with the rule", () => {
  const taskDeadline = () => structuredClone(standardRules.find((r) => r.file === "rules/task.deadline.json")!.json) as Record<string, unknown> & { statuses: Record<string, unknown> };

  it("gives every standard rule's statuses words in both languages", () => {
    for (const source of standardRules) {
      const rule = checkRuleFile(source);
      const given = new Set(rule.cases.map((k) => k.event.params.status));
      expect(Object.keys(rule.statuses).sort(), rule.id).toEqual([...given].sort());
      for (const status of Object.values(rule.statuses)) expect(status.label.vi && status.label.en, rule.id).toBeTruthy();
    }
  });

  it("refuses a case giving a status the rule does not declare, and a status declared that no case gives", () => {
    const undeclared = taskDeadline();
    delete undeclared.statuses.overdue;
    expect(() => checkRuleFile({ file: "r.json", json: undeclared })).toThrow(RuleFileError);
    expect(() => checkRuleFile({ file: "r.json", json: undeclared })).toThrow(/status "overdue" is not declared in statuses/);
    const unused = taskDeadline();
    unused.statuses.lost = { label: { vi: "mất", en: "lost" } };
    expect(() => checkRuleFile({ file: "r.json", json: unused })).toThrow(/status "lost" is declared but no case gives it/);
  });

  it("lets an app's rule declare none: its status ids are then shown as they are", () => {
    const bare = taskDeadline();
    delete (bare as { statuses?: unknown }).statuses;
    expect(checkRuleFile({ file: "r.json", json: bare }).statuses).toEqual({});
  });
});
