import { describe, expect, it } from "vitest";
import { CellParseError, parseTarget, plans, type Target } from "../../src/index.js";
import { expectedTargets, targetCellLines, type ExpectedTarget } from "../expected/target-cells.js";
import { line } from "../source.js";

const plan = plans["haiphong-142"];

/** The fields a test compares: what the hand-written table states. */
function reading(t: Target): ExpectedTarget {
  const member = (m: NonNullable<Target["parts"]>[number]) => ({
    raw: m.raw,
    kind: m.kind,
    ...(m.value !== undefined ? { value: m.value } : {}),
    ...(m.min !== undefined ? { min: m.min } : {}),
    ...(m.max !== undefined ? { max: m.max } : {}),
    ...(m.label ? { label: m.label.vi } : {}),
  });
  return {
    kind: t.kind,
    ...(t.value !== undefined ? { value: t.value } : {}),
    ...(t.min !== undefined ? { min: t.min } : {}),
    ...(t.max !== undefined ? { max: t.max } : {}),
    ...(t.aspirational ? { aspirational: true as const } : {}),
    ...(t.parts ? { parts: t.parts.map(member) } : {}),
    ...(t.alternatives ? { alternatives: t.alternatives.map(member) } : {}),
  };
}

describe("parseTarget", () => {
  it.each(expectedTargets.map(([cell, unit, expected]) => [cell, unit, expected] as const))(
    "reads %j (%s) as expected",
    (cell, unit, expected) => {
      expect(reading(parseTarget(cell, { year: 2030, rank: unit === "rank" }))).toEqual(expected);
    },
  );

  it("keeps the cell verbatim in raw and the year it is given", () => {
    const t = parseTarget("≥ 1.200", { year: 2035 });
    expect(t).toEqual({ year: 2035, raw: "≥ 1.200", kind: "atLeast", value: "1200", aspirational: false });
  });

  it.each([
    ["khoảng 50%", "a word it does not know before a number"],
    ["≥ 1.5", "a dot that is neither a thousands separator nor Vietnamese"],
    ["50% hoặc", "an alternative with nothing after hoặc"],
    ["≥", "a comparison without a number"],
    ["", "an empty cell"],
    ["> 95% học sinh; > 90% giáo viên", "parts without 'đối với'"],
  ])("refuses %j (%s) with an error quoting the cell", (cell) => {
    expect(() => parseTarget(cell, { year: 2030 })).toThrow(CellParseError);
    try {
      parseTarget(cell, { year: 2030 });
    } catch (error) {
      expect((error as CellParseError).cell).toBe(cell);
      expect((error as Error).message).toContain(`"${cell}"`);
    }
  });
});

describe("every target cell of the document", () => {
  const expectedByCell = new Map(expectedTargets.map(([cell, unit, e]) => [`${unit}|${cell}`, e]));
  const datasetTargets = plan.indicators.flatMap((x) => x.targets.map((t) => ({ indicator: x, target: t })));

  it("is listed at its line with the text the source has there", () => {
    for (const [n, cell] of targetCellLines) {
      const text = n === 397 ? `${line(397)} ${line(398)}` : line(n);
      expect(text, `line ${n}`).toBe(cell);
    }
  });

  it("is in the dataset once per cell, nothing more", () => {
    const cells = targetCellLines.map(([, cell]) => cell).sort();
    expect(datasetTargets.map(({ target }) => target.raw).sort()).toEqual(cells);
  });

  it("reads in the dataset as the hand-checked table says", () => {
    for (const { indicator, target } of datasetTargets) {
      const unit = indicator.measure === "rank" || indicator.unit?.vi === "Thứ bậc" ? "rank" : "other";
      const expected = expectedByCell.get(`${unit}|${target.raw}`);
      expect(expected, `${indicator.id} ${target.year} "${target.raw}" has an expectation`).toBeDefined();
      expect(reading(target), `${indicator.id} ${target.year}`).toEqual(expected);
    }
  });

  it("is stored as the parser reads it", () => {
    for (const { indicator, target } of datasetTargets) {
      const again = parseTarget(target.raw, { year: target.year, rank: indicator.measure === "rank" || indicator.unit?.vi === "Thứ bậc" });
      expect(reading(again), indicator.id).toEqual(reading(target));
    }
  });
});
