import { describe, expect, it } from "vitest";
import { plans } from "../../src/index.js";
import { acceptRecords, mergeInputs, readCsvRecords, readJsonRecords } from "../../src/index.js";

const plan = plans["haiphong-142"];
const csv = (name: string, ...rows: string[]) => readCsvRecords(name, ["indicator,period,value,locality", ...rows].join("\n"), plan);

describe("mergeInputs", () => {
  it("catches a duplicate given in two files, keeping the first by file and line", () => {
    const merged = mergeInputs(csv("b.csv", "PL2-1,2025,60.0,"), csv("a.csv", "PL2-22,2025,300,", "PL2-1,2025,60,"));
    expect(merged.observations.map((o) => o.source)).toEqual([
      { file: "a.csv", line: 2 },
      { file: "a.csv", line: 3 },
    ]);
    expect(merged.rejected).toEqual([
      {
        kind: "observation",
        source: { file: "b.csv", line: 2 },
        field: "value",
        value: "60",
        reason: "duplicate of the record at a.csv:3",
        record: { indicator: "PL2-1", period: 2025, value: "60" },
        clash: "duplicate",
      },
    ]);
    expect(merged.given).toEqual({ observations: 3, taskReports: 0 });
  });

  it("rejects both records when two files give different figures", () => {
    const merged = mergeInputs(csv("a.csv", "PL2-1,2025,60,"), csv("b.csv", "PL2-1,2025,65,"));
    expect(merged.observations).toEqual([]);
    expect(merged.rejected.map((r) => [r.source.file, r.clash, r.reason])).toEqual([
      ["a.csv", "conflict", "conflicting values for PL2-1 2025 (city): 60 at a.csv:2, 65 at b.csv:2"],
      ["b.csv", "conflict", "conflicting values for PL2-1 2025 (city): 60 at a.csv:2, 65 at b.csv:2"],
    ]);
  });

  it("weighs a duplicate within one file again: a figure kept twice in a.csv conflicts with b.csv's", () => {
    const a = csv("a.csv", "PL2-1,2025,60,", "PL2-1,2025,60,");
    expect(a.rejected.map((r) => r.clash)).toEqual(["duplicate"]);
    const merged = mergeInputs(a, csv("b.csv", "PL2-1,2025,65,"));
    expect(merged.observations).toEqual([]);
    expect(merged.rejected.map((r) => r.reason)).toEqual(Array(3).fill("conflicting values for PL2-1 2025 (city): 60 at a.csv:2, 60 at a.csv:3, 65 at b.csv:2"));
  });

  it("keeps a conflict within one file a conflict when another file agrees with one side", () => {
    const merged = mergeInputs(csv("a.csv", "PL2-1,2025,60,", "PL2-1,2025,65,"), csv("b.csv", "PL2-1,2025,60,"));
    expect(merged.observations).toEqual([]);
    expect(merged.rejected).toHaveLength(3);
    expect(merged.rejected.every((r) => r.clash === "conflict")).toBe(true);
  });

  it("gives the same result whatever order the inputs come in", () => {
    const a = csv("a.csv", "PL2-1,2025,60,", "PL2-22,2025,300,", "PL2-43,2030,3,");
    const b = readJsonRecords("b.json", '{"observations":[{"indicator":"PL2-1","period":2025,"value":"65"},{"indicator":"PL2-22","period":2025,"value":300}],"taskReports":[{"task":"T-2.3","status":"completed","reportedOn":"2025-10-01"}]}', plan);
    const c = csv("c.csv", "PL2-43,2030,3,", "PL9-1,2025,1,", "PL2-1,2025,48,Kiến Thụy");
    const reference = mergeInputs(a, b, c);
    for (const order of [[a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]]) expect(mergeInputs(...order)).toEqual(reference);
    expect(reference.observations.map((o) => o.record.indicator)).toEqual(["PL2-22", "PL2-43", "PL2-1"]);
  });

  it("adds up counts, keeps task reports and notes, and keeps file rejections", () => {
    const merged = mergeInputs(
      readCsvRecords("t.csv", "task,status,reportedOn\nT-2.3,completed,2025-10-01\nT-2.3,completed,2025-10-01\n", plan),
      readJsonRecords("bad.json", "{", plan),
      acceptRecords(plan, { observations: [{ indicator: "PL2-1", period: 2025, value: 60, note: "x" }] }, { file: "app" }),
    );
    expect(merged.given).toEqual({ observations: 1, taskReports: 2 });
    expect(merged.taskReports).toHaveLength(2);
    expect(merged.rejected.map((r) => r.kind)).toEqual(["file"]);
    expect(merged.notes.map((n) => n.field)).toEqual(["note"]);
  });

  it("merges nothing into an empty input, and one input into itself", () => {
    expect(mergeInputs()).toEqual({ observations: [], taskReports: [], rejected: [], notes: [], given: { observations: 0, taskReports: 0 } });
    const one = csv("a.csv", "PL2-1,2025,60,", "PL2-1,2025,60,", "PL2-22,2025,1,", "PL2-22,2025,2,");
    expect(mergeInputs(one)).toEqual(one);
  });
});
