import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, plans } from "../../src/index.js";
import { isVisibleName, readDate, readValue } from "../../src/input/fields.js";
import { foldName } from "../../src/model/define-plan.js";
import { acceptRecords } from "../../src/index.js";

/**
 * The readings of cells written another way than the canonical one (a decimal comma, a % sign, thousands
 * dots with a decimal comma, a day/month/year date) never give a wrong number or date: whatever text is
 * accepted is read as the one figure an independent reading of its marks gives, and every accepted
 * reading says how it was read.
 */
const plan = plans["haiphong-142"];
const ok = (reading: ReturnType<typeof readValue>) => (reading.ok ? reading : undefined);

/** What a figure written with Vietnamese marks means: the last mark (a comma) is the decimal mark, dots before it group thousands. */
function meaning(text: string): Decimal {
  const figure = text.trim().replace(/\s*%$/u, "");
  const comma = figure.indexOf(",");
  if (comma === -1) return new Decimal(figure);
  return new Decimal(`${figure.slice(0, comma).replaceAll(".", "")}.${figure.slice(comma + 1)}`);
}

const digits = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 8 });
const grouped = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 3 }))
  .map(([head, groups]) => [String(head), ...groups.map((g) => String(g).padStart(3, "0"))]);

describe("readValue, on generated text", () => {
  it("reads a figure with a decimal comma as the same figure with a dot, unless exactly three digits follow the comma", () => {
    fc.assert(
      fc.property(fc.boolean(), digits, digits, fc.constantFrom("", "%", " %", "\u00a0%"), (negative, whole, fraction, percent) => {
        const text = `${negative ? "-" : ""}${whole},${fraction}${percent}`;
        const reading = readValue(text);
        if (fraction.length === 3) {
          expect(reading.ok).toBe(false);
          if (!reading.ok) expect(reading.reason).toContain("is ambiguous, a decimal comma or a thousands separator");
          return;
        }
        expect(ok(reading)?.value).toBe(new Decimal(`${negative ? "-" : ""}${whole}.${fraction}`).toFixed());
        expect(ok(reading)?.note).toMatch(/^value ".*" is read as -?\d+(\.\d+)? \(the comma is the decimal mark, as Vietnamese writes it(; the % sign left out)?\)$/u);
        expect(ok(reading)?.percent).toBe(percent !== "" ? true : undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads thousands dots with a decimal comma as the figure without the dots", () => {
    fc.assert(
      fc.property(grouped, digits, (groups, fraction) => {
        const reading = readValue(`${groups.join(".")},${fraction}`);
        expect(ok(reading)?.value).toBe(new Decimal(`${groups.join("")}.${fraction}`).toFixed());
      }),
      { numRuns: 1000 },
    );
  });

  it("never reads text as a figure other than the one its marks mean, whatever text is given", () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom(..."0123456789.,%- O\u00a0"), maxLength: 14 }),
      fc.tuple(grouped, fc.constantFrom(".", ","), fc.constantFrom(",", ".", ", ", ""), digits).map(([g, group, mark, f]) => `${g.join(group)}${mark}${f}`),
    );
    let read = 0;
    fc.assert(
      fc.property(text, (given) => {
        const reading = readValue(given);
        if (!reading.ok) return;
        read++;
        expect(new Decimal(reading.value).eq(meaning(given)), `${JSON.stringify(given)} → ${reading.value}`).toBe(true);
        // A comma followed by exactly three digits, with no dot before it, is never read.
        expect(given.trim().replace(/\s*%$/u, "")).not.toMatch(/^-?\d+,\d{3}$/);
        // Anything but a plain decimal is read with a note saying how.
        if (!/^-?\d+(\.\d+)?$/.test(given.trim())) expect(reading.note).toContain(`value ${JSON.stringify(given)} is read as ${reading.value} (`);
      }),
      { numRuns: 20_000 },
    );
    expect(read).toBeGreaterThan(100);
  });
});

describe("isVisibleName", () => {
  it("says a name shows something exactly when folding it leaves something", () => {
    const chars = [..." \t\u00a0\u2003\u3000\ufeff\u00ad\u200b\u200d\u2060\u2066\u180e\u0301xĐ1\ud800"];
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...chars), maxLength: 6 }), fc.string({ unit: "grapheme", maxLength: 4 }), fc.string()), (name) => {
        expect(isVisibleName(name)).toBe(foldName(name) !== "");
      }),
      { numRuns: 5000 },
    );
  });
});

describe("readDate, on generated text", () => {
  const read = readDate("reportedOn");

  it("reads day/month/year with any of / - . as the ISO date of that day, and refuses days that do not exist", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1900, max: 2200 }), fc.constantFrom("/", "-", "."), fc.boolean(), (d, m, y, mark, pad) => {
        const two = (n: number) => (pad ? String(n).padStart(2, "0") : String(n));
        const given = `${two(d)}${mark}${two(m)}${mark}${y}`;
        const reading = read(given);
        const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
        if (real) {
          expect(reading).toEqual({ ok: true, value: iso, note: `reportedOn ${JSON.stringify(given)} is read as ${iso} (day/month/year, the Vietnamese convention)` });
        } else {
          expect(reading.ok).toBe(false);
          if (!reading.ok) expect(reading.reason).toMatch(/is not a (real date|date written as)/);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("never reads year-first dates with slashes or dots, nor mixed separators", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1900, max: 2200 }), fc.constantFrom("/", "."), (d, m, y, mark) => {
        expect(read(`${y}${mark}${m}${mark}${d}`).ok).toBe(false);
        expect(read(`${d}${mark}${m}${mark === "/" ? "-" : "/"}${y}`).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the readings, through acceptRecords", () => {
  it("give the scorer the same figures as canonical records, and one note per cell read another way", () => {
    const written = acceptRecords(plan, {
      observations: [
        { indicator: "PL2-1", period: 2025, value: "62,5 %", reportedOn: "15/10/2025" },
        { indicator: "PL2-22", period: 2025, value: "1.234,5" },
      ],
      taskReports: [{ task: "T-2.3", status: "completed", completedOn: "15.11.2026", reportedOn: "20-11-2026" }],
    });
    const canonical = acceptRecords(plan, {
      observations: [
        { indicator: "PL2-1", period: 2025, value: "62.5", reportedOn: "2025-10-15" },
        { indicator: "PL2-22", period: 2025, value: "1234.5" },
      ],
      taskReports: [{ task: "T-2.3", status: "completed", completedOn: "2026-11-15", reportedOn: "2026-11-20" }],
    });
    expect(written.observations).toEqual(canonical.observations);
    expect(written.taskReports).toEqual(canonical.taskReports);
    expect(canonical.notes).toEqual([]);
    expect(written.notes.map((n) => [n.source.index, n.field])).toEqual([
      [0, "value"],
      [0, "reportedOn"],
      [0, "reportedOn"],
      [0, "completedOn"],
      [1, "value"],
    ]);
  });
});
