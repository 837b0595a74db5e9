import { describe, expect, it } from "vitest";
import { CellParseError, parseDeadline, plans } from "../../src/index.js";
import { deadlineCellLines, expectedDeadlines } from "../expected/deadline-cells.js";
import { line } from "../source.js";

const plan = plans["haiphong-142"];

describe("parseDeadline", () => {
  it.each(expectedDeadlines.map(([cell, expected]) => [cell, expected] as const))("reads %j", (cell, expected) => {
    expect(parseDeadline(cell)).toEqual({ raw: cell, ...expected });
  });

  it.each([
    ["2/2028", "2028-02-29"],
    ["2/2027", "2027-02-28"],
    ["12/2025", "2025-12-31"],
  ])("puts the due date of %j on the last day of the month (%s)", (cell, due) => {
    expect(parseDeadline(cell).due).toBe(due);
  });

  it("reads a lone year and 'Từ năm'", () => {
    expect(parseDeadline("Năm 2026")).toEqual({ raw: "Năm 2026", kind: "year", due: "2026-12-31" });
    expect(parseDeadline("Từ năm 2026")).toEqual({ raw: "Từ năm 2026", kind: "fromYear", from: "2026-01-01" });
  });

  it.each(["Quý III/2025", "13/2025", "2030 - 2025", "sớm", "", "31/12/2025"])("refuses %j with an error quoting the cell", (cell) => {
    expect(() => parseDeadline(cell)).toThrow(CellParseError);
    expect(() => parseDeadline(cell)).toThrow(`"${cell}"`);
  });
});

describe("every deadline cell of the document", () => {
  const withDeadline = plan.tasks.filter((t) => t.deadline);

  it("is listed at its line with the text the source has there", () => {
    for (const [n, cell] of deadlineCellLines) expect(line(n), `line ${n}`).toBe(cell);
  });

  it("belongs to exactly one task of the dataset, read as the hand-checked table says", () => {
    const expected = new Map(expectedDeadlines);
    expect(withDeadline.map((t) => t.deadline?.raw).sort()).toEqual(deadlineCellLines.map(([, c]) => c).sort());
    for (const task of withDeadline) {
      expect(task.deadline, task.id).toEqual({ raw: task.deadline?.raw, ...expected.get(task.deadline?.raw ?? "") });
    }
  });
});
