import { describe, expect, it } from "vitest";
import { validateLines, validateReport } from "../../src/cli/scorecard-commands.js";
import { createInputAccumulator, plans, readCsvStream, readJsonRecords } from "../../src/index.js";

const plan = plans["haiphong-142"];

async function input() {
  const accumulator = createInputAccumulator(plan);
  await readCsvStream("a.csv", ["indicator,period,value,locality\nPL2-1,2025,62,Xã 1\nPL2-1,2025,63,Xã 2\nPX-1,2025,1,Xã 3\n"], plan, accumulator);
  await readCsvStream("b.csv", ["indicator,period,value\nPL2-3,2025,10\n"], plan, accumulator);
  accumulator.addInput(readJsonRecords("c.json", JSON.stringify({ taskReports: [{ task: "T-2.1", status: "completed", reportedOn: "2025-06-28" }] }), plan));
  return accumulator.finish();
}

describe("nq57 validate's report", () => {
  it("counts accepted records by file without making the observations into records", async () => {
    const read = await input();
    const lines = [...validateLines(read, ["a.csv", "b.csv", "c.json"], "en")];
    // The observations stay columns: the property that would make them records is still unread.
    expect(typeof Object.getOwnPropertyDescriptor(read, "observations")?.get).toBe("function");
    expect(lines[0]).toBe("a.csv: 2 accepted, 1 rejected\n");
    expect(lines[1]).toMatch(/^a\.csv:4: indicator: unknown indicator "PX-1"/);
    expect(lines).toContain("b.csv: 1 accepted, 0 rejected\n");
    expect(lines).toContain("c.json: 1 accepted, 0 rejected\n");
    expect(lines.at(-1)).toBe("3 files: 4 accepted, 1 rejected\n");
    expect(lines.every((l) => l.endsWith("\n") && l.indexOf("\n") === l.length - 1)).toBe(true);
  });

  it("gives the same report from records already made", async () => {
    const columns = await input();
    const records = await input();
    expect(records.observations).toHaveLength(3); // made into records: counted from them
    expect(validateReport(records, ["a.csv", "b.csv", "c.json"], "vi")).toBe(validateReport(columns, ["a.csv", "b.csv", "c.json"], "vi"));
  });
});
