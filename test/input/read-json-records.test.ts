import { describe, expect, it } from "vitest";
import { plans } from "../../src/index.js";
import { readJsonRecords } from "../../src/index.js";

const plan = plans["haiphong-142"];

const report = `{
  "observations": [
    { "indicator": "PL2-1", "period": 2025, "value": 61.5 },
    {
      "indicator": "PL1-2",
      "period": 2025,
      "met": true
    },
    { "indicator": "PL2-22", "period": 2025, "value": "abc" }
  ],
  "taskReports": [
    { "task": "T-1.2", "status": "completed", "period": 2025, "reportedOn": "2025-12-20", "evidence": "Báo cáo \\"số 215\\" [quý IV], {đủ}" },
    { "task": "NQ71-2", "status": "in-progress", "reportedOn": "2025-10-01" }
  ]
}
`;

describe("readJsonRecords", () => {
  it("reads both lists, each record with its file, index and line", () => {
    const input = readJsonRecords("report.json", report, plan);
    expect(input.observations).toEqual([
      { record: { indicator: "PL2-1", period: 2025, value: "61.5" }, source: { file: "report.json", line: 3, index: 0 } },
      { record: { indicator: "PL1-2", period: 2025, met: true }, source: { file: "report.json", line: 4, index: 1 } },
    ]);
    expect(input.taskReports.map((t) => t.source)).toEqual([
      { file: "report.json", line: 12, index: 0 },
      { file: "report.json", line: 13, index: 1 },
    ]);
    expect(input.rejected).toEqual([
      {
        kind: "observation",
        source: { file: "report.json", line: 9, index: 2 },
        field: "value",
        value: "abc",
        reason: 'value "abc" is not a number',
        record: { indicator: "PL2-22", period: 2025, value: "abc" },
      },
    ]);
    expect(input.given).toEqual({ observations: 3, taskReports: 2 });
  });

  it("takes either list alone", () => {
    expect(readJsonRecords("t.json", '{"taskReports":[{"task":"T-2.3","status":"completed","reportedOn":"2025-10-01"}]}', plan).given).toEqual({ observations: 0, taskReports: 1 });
    expect(readJsonRecords("o.json", '{"observations":[]}', plan).given).toEqual({ observations: 0, taskReports: 0 });
    expect(readJsonRecords("n.json", '{"observations":null}', plan).rejected).toEqual([]);
  });

  it("tells records on one line apart by index", () => {
    const input = readJsonRecords("min.json", '{"observations":[{"indicator":"PL2-1","period":2025,"value":60},{"indicator":"PL2-1","period":2025,"value":60}]}', plan);
    expect(input.observations.map((o) => o.source)).toEqual([{ file: "min.json", line: 1, index: 0 }]);
    expect(input.rejected.map((r) => r.reason)).toEqual(["duplicate of the record at min.json:1"]);
  });

  it("notes and ignores keys other than observations and taskReports", () => {
    const input = readJsonRecords("r.json", '{"plan":"haiphong-142","observations":[{"indicator":"PL2-1","period":2025,"value":60}]}', plan);
    expect(input.observations).toHaveLength(1);
    expect(input.notes).toEqual([{ source: { file: "r.json" }, field: "plan", note: 'key "plan" is not observations or taskReports; it is ignored' }]);
  });

  it("rejects text that is not JSON as one file rejection naming the file and the parser's message", () => {
    const input = readJsonRecords("broken.json", '{\n  "observations": [\n    { "indicator": "PL2-1", }\n  ]\n}', plan);
    expect(input.rejected).toHaveLength(1);
    expect(input.rejected[0]).toMatchObject({ kind: "file", source: { file: "broken.json" } });
    expect(input.rejected[0]?.reason).toMatch(/^the file is not valid JSON: .+line 3/);
    expect(input.given).toEqual({ observations: 0, taskReports: 0 });
  });

  it("rejects JSON that is not an object of lists", () => {
    expect(readJsonRecords("a.json", '[{"indicator":"PL2-1"}]', plan).rejected).toEqual([
      { kind: "file", source: { file: "a.json" }, reason: 'the file must hold a JSON object such as { "observations": [ … ], "taskReports": [ … ] }' },
    ]);
    expect(readJsonRecords("e.json", " \n", plan).rejected).toEqual([{ kind: "file", source: { file: "e.json" }, reason: "the file is empty" }]);
  });

  it("rejects a list that is not an array, and still reads the other", () => {
    const input = readJsonRecords("r.json", '{"observations":{"indicator":"PL2-1"},"taskReports":[{"task":"T-2.3","status":"completed","reportedOn":"2025-10-01"}]}', plan);
    expect(input.rejected).toEqual([
      expect.objectContaining({ kind: "file", source: { file: "r.json" }, field: "observations", reason: "observations must be a list of records ([ … ]); none of it was read" }),
    ]);
    expect(input.taskReports).toHaveLength(1);
    expect(input.given).toEqual({ observations: 0, taskReports: 1 });
  });

  it("removes a leading byte order mark, with a note", () => {
    const input = readJsonRecords("bom.json", '\uFEFF{"observations":[{"indicator":"PL2-1","period":2025,"value":60}]}', plan);
    expect(input.observations).toHaveLength(1);
    expect(input.notes).toEqual([{ source: { file: "bom.json", line: 1 }, note: "the UTF-8 byte order mark (BOM) at the start of the file was removed" }]);
  });
});
