import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CellParseError, Deadline, Nq57Error, parseAgencyList, parseDeadline, parseTarget, parseVietnameseNumber, plans, Target } from "../../src/index.js";
import { agencyMatcher } from "../../src/parse/agency-list.js";
import { ReadInput, readCsvRecords, readJsonRecords } from "../../src/index.js";
import { CsvSyntaxError, parseCsv } from "../../src/input/csv.js";
import { deadlineCellLines, expectedDeadlines } from "../expected/deadline-cells.js";
import { expectedTargets, targetCellLines } from "../expected/target-cells.js";

/**
 * A fuzz harness bounded by time: each parser gets NQ57_FUZZ_SECONDS seconds (default 3) of generated
 * text (arbitrary strings, full Unicode with lone surrogates, strings built from the characters the
 * parsers look for, and mutations of every real cell of the document and of real CSV and JSON files) and
 * must either return a valid result or throw the library's own typed error (CellParseError for cells,
 * CsvSyntaxError for parseCsv; the file readers never throw), never a TypeError or a RangeError, and
 * never take more than HANG_MS on one input. The number of cases run is printed.
 *
 * NQ57_FUZZ_SECONDS=10 npx vitest run test/fuzz
 */
const SECONDS = Number(process.env.NQ57_FUZZ_SECONDS ?? 3);
const HANG_MS = 2000;
const plan = plans["haiphong-142"];
const matcher = agencyMatcher(plan.agencies.flatMap((a) => a.aliases.map((name) => ({ name, id: a.id }))));
const agencyIds = new Set(plan.agencies.map((a) => a.id));

// ---------------------------------------------------------------- seeds and mutations

const targetSeeds = [...new Set([...expectedTargets.map(([cell]) => cell), ...targetCellLines.map(([, cell]) => cell)])];
const rankCells = new Set(expectedTargets.filter(([, unit]) => unit === "rank").map(([cell]) => cell));
const deadlineSeeds = [...new Set([...expectedDeadlines.map(([cell]) => cell), ...deadlineCellLines.map(([, cell]) => cell)])];
const aliases = plan.agencies.flatMap((a) => a.aliases);
const agencySeeds = [
  ...aliases,
  ...aliases.slice(0, 12).map((name, i) => `${name}, ${aliases[(i * 7 + 3) % aliases.length]}; ${aliases[(i * 11 + 5) % aliases.length]}`),
  ...aliases.slice(0, 6).map((name, i) => `${name} và ${aliases[(i * 5 + 1) % aliases.length]}`),
];
const dataFile = (folder: string) => {
  const dir = new URL(`../../fixtures/${folder}/`, import.meta.url);
  return readdirSync(dir)
    .filter((f) => /\.(csv|json)$/.test(f))
    .map((f) => ({ name: f, text: readFileSync(new URL(f, dir), "utf8") }))
    .filter((f) => f.text.length < 4000);
};
const files = [...dataFile("input-samples"), ...dataFile("invalid")];
const csvSeeds = files.filter((f) => f.name.endsWith(".csv")).map((f) => f.text);
const csvLines = [...new Set(csvSeeds.flatMap((t) => t.split(/\r\n|\n|\r/)).filter((l) => l.trim() !== ""))];
const jsonSeeds = files.filter((f) => f.name.endsWith(".json")).map((f) => f.text);

/** Characters the parsers look for, to build strings that get past their first checks. */
const SIGNIFICANT = [..."0123456789012345,.,.%-–—≥≤<>= /;:\t\n\r\"'()x", "đến", "hoặc", "Top ", "phấn đấu ", "Tháng ", "năm ", "Giai đoạn ", "đối với ", " và ", "Sở ", "UBND ", "e", "E+", "\u00a0", "\u200b", "\uFEFF", "\uFFFD", "\u0000"];

type Mutation = { readonly op: "insert" | "delete" | "duplicate" | "swapDigits" | "sign"; readonly at: number; readonly length: number; readonly text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom("insert", "delete", "duplicate", "swapDigits", "sign"),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 4 }),
  text: fc.oneof(fc.constantFrom(...SIGNIFICANT, "%", ",", ".", " ", "9", "0"), fc.string({ unit: "binary", maxLength: 2 })),
});

/** Inserts, deletes or duplicates characters, swaps two digits, or adds a sign or separator. */
function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.op) {
    case "insert":
    case "sign":
      return text.slice(0, at) + m.text + text.slice(at);
    case "delete":
      return text.slice(0, at) + text.slice(at + m.length);
    case "duplicate":
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case "swapDigits": {
      const digits = [...text.matchAll(/\d/g)].map((d) => d.index);
      if (digits.length < 2) return text.slice(0, at) + m.text + text.slice(at);
      const i = digits[m.at % digits.length] as number;
      const j = digits[(m.at + m.length) % digits.length] as number;
      const chars = [...text];
      [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
      return chars.join("");
    }
  }
}

/** Text to feed a parser: junk of every sort, and its real inputs mutated. */
function fuzzText(seeds: readonly string[], maxLength: number): fc.Arbitrary<string> {
  const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([seed, ms]) => ms.reduce(mutate, seed));
  return fc.oneof(
    { weight: 1, arbitrary: fc.string({ maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...SIGNIFICANT), maxLength: Math.min(maxLength, 40) }) },
    { weight: 5, arbitrary: mutated },
  );
}

/** Numbers of about a thousand digits, around where decimal.js turns to exponent notation. */
const longNumber = (mark: string) =>
  fc.tuple(fc.integer({ min: 990, max: 1100 }), fc.boolean()).map(([n, fraction]) => (fraction ? `0${mark}${"0".repeat(n)}1` : `1${"0".repeat(n)}`));

// ---------------------------------------------------------------- the harness

/** A parser's verdict on one input: nothing when its result is valid, else what is wrong. */
type Check<T> = (input: T) => string | undefined;

/**
 * Runs `check` on generated inputs for SECONDS seconds. An error that is not the library's own typed error
 * fails the run, as does an input that takes more than HANG_MS.
 */
function fuzz<T>(name: string, inputs: fc.Arbitrary<T>, check: Check<T>, allowed: (error: unknown) => boolean): number {
  const details = fc.check(
    fc.property(inputs, (input) => {
      const started = performance.now();
      let problem: string | undefined;
      try {
        problem = check(input);
      } catch (error) {
        if (!allowed(error)) throw error;
      }
      const took = performance.now() - started;
      if (took > HANG_MS) throw new Error(`${name} took ${Math.round(took)} ms on ${JSON.stringify(input).slice(0, 200)}`);
      if (problem !== undefined) throw new Error(`${name}: ${problem}`);
    }),
    { numRuns: 100_000_000, plugins: [fc.interruptAfterTimeLimit(SECONDS * 1000)] },
  );
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? `${name} failed`);
  console.log(`${name}: ${details.numRuns} cases in ${SECONDS} s, no failure`);
  return details.numRuns;
}

const typed = (...types: (abstract new (...args: never[]) => Error)[]) => (error: unknown) => types.some((t) => error instanceof t);
const TIMEOUT = SECONDS * 1000 + 60_000;
const schemaProblem = (result: { success: boolean; error?: { issues: unknown[] } }) => (result.success ? undefined : JSON.stringify(result.error?.issues));

describe("the parsers, fuzzed for NQ57_FUZZ_SECONDS seconds each", () => {
  it("read every real cell unmutated, as the seeds of the mutations", () => {
    for (const cell of targetSeeds) expect(Target.safeParse(parseTarget(cell, { year: 2030, rank: rankCells.has(cell) })).success, cell).toBe(true);
    for (const cell of deadlineSeeds) expect(Deadline.safeParse(parseDeadline(cell)).success, cell).toBe(true);
    for (const name of aliases) expect(parseAgencyList(name, matcher).length, name).toBeGreaterThan(0);
    expect(targetSeeds.length + deadlineSeeds.length + csvSeeds.length + jsonSeeds.length).toBeGreaterThan(150);
  });

  it(
    "parseTarget returns a Target or throws CellParseError",
    () => {
      const runs = fuzz(
        "parseTarget",
        fc.tuple(fuzzText(targetSeeds, 80), fc.integer({ min: 2000, max: 2100 }), fc.boolean()),
        ([cell, year, rank]) => {
          const target = parseTarget(cell, { year, rank });
          if (target.raw !== cell.replace(/\s+/g, " ").trim()) return `raw ${JSON.stringify(target.raw)} is not the cell`;
          return schemaProblem(Target.safeParse(target));
        },
        typed(CellParseError),
      );
      expect(runs).toBeGreaterThan(10);
    },
    TIMEOUT,
  );

  it(
    "parseDeadline returns a Deadline or throws CellParseError",
    () => {
      const runs = fuzz("parseDeadline", fuzzText(deadlineSeeds, 80), (cell) => schemaProblem(Deadline.safeParse(parseDeadline(cell))), typed(CellParseError));
      expect(runs).toBeGreaterThan(10);
    },
    TIMEOUT,
  );

  it(
    "parseAgencyList returns known agency ids, each once, or throws CellParseError",
    () => {
      const runs = fuzz(
        "parseAgencyList",
        fuzzText(agencySeeds, 200),
        (cell) => {
          const ids = parseAgencyList(cell, matcher);
          if (ids.length === 0) return "no agency";
          if (new Set(ids).size !== ids.length) return `an agency twice: ${ids.join(", ")}`;
          return ids.find((id) => !agencyIds.has(id));
        },
        typed(CellParseError),
      );
      expect(runs).toBeGreaterThan(10);
    },
    TIMEOUT,
  );

  it(
    "parseVietnameseNumber returns a plain decimal string or undefined, and never throws",
    () => {
      const numbers = [...targetSeeds.flatMap((c) => c.match(/\d+(?:[.,]\d+)*/g) ?? []), "0,77", "1.200", "07", "1.234.567,89"];
      const runs = fuzz(
        "parseVietnameseNumber",
        fc.oneof(fuzzText(numbers, 40), fc.string({ unit: fc.constantFrom(..."0123456789.,"), maxLength: 1200 }), longNumber(",")),
        (text) => {
          const value = parseVietnameseNumber(text);
          if (value === undefined) return undefined;
          if (!/^\d+(\.\d*[1-9])?$/.test(value)) return `${JSON.stringify(text)} gave ${JSON.stringify(value.slice(0, 80))}`;
          // The digits are the text's own, in order, with the thousands dots left out.
          const digits = (s: string) => s.replace(/\D/g, "").replace(/^0+/, "").replace(/0+$/, "");
          return digits(value) === digits(text) ? undefined : `${JSON.stringify(text)} gave ${JSON.stringify(value)}`;
        },
        () => false,
      );
      expect(runs).toBeGreaterThan(10);
    },
    TIMEOUT,
  );

  it(
    "parseCsv returns rows of cells with line numbers, or throws CsvSyntaxError",
    () => {
      const csv = fc.oneof(fuzzText(csvSeeds, 400), fc.array(fc.oneof(fc.constantFrom(...csvLines), fuzzText(csvLines, 60)), { maxLength: 8 }).map((ls) => ls.join("\n")));
      const runs = fuzz(
        "parseCsv",
        csv,
        (text) => {
          const rows = parseCsv(text);
          let previous = 1;
          for (const row of rows) {
            if (!Array.isArray(row) || row.length === 0 || row.some((cell) => typeof cell !== "string")) return "a row that is not a list of cells";
            if (!Number.isInteger(row.line) || row.line < previous) return `line ${row.line} after ${previous}`;
            previous = row.line;
          }
          // Cells hold no more than the text: nothing is made up.
          const cells = rows.reduce((n, row) => n + row.join("").length, 0);
          return cells <= text.length ? undefined : `${cells} characters of cells from ${text.length} of text`;
        },
        typed(CsvSyntaxError),
      );
      expect(runs).toBeGreaterThan(10);
    },
    TIMEOUT,
  );

  it(
    "readCsvRecords and readJsonRecords never throw, and account for every record",
    () => {
      const readers = fc.oneof(
        fuzzText(csvSeeds, 400).map((text) => `csv\u0001${text}`),
        fuzzText(jsonSeeds, 400).map((text) => `json\u0001${text}`),
        longNumber(".").map((n) => `csv\u0001indicator,period,value\nPL2-22,2025,${n}\n`),
        longNumber(".").map((n) => `json\u0001{"observations": [{"indicator": "PL2-22", "period": 2025, "value": ${n}}]}`),
      );
      const runs = fuzz(
        "readCsvRecords/readJsonRecords",
        readers,
        (tagged) => {
          const [kind, ...rest] = tagged.split("\u0001");
          const text = rest.join("\u0001");
          const input = kind === "csv" ? readCsvRecords("fuzz.csv", text, plan) : readJsonRecords("fuzz.json", text, plan);
          const rejected = (k: string) => input.rejected.filter((r) => r.kind === k).length;
          if (input.observations.length + rejected("observation") !== input.given.observations) return "observations do not add up";
          if (input.taskReports.length + rejected("taskReport") !== input.given.taskReports) return "task reports do not add up";
          return schemaProblem(ReadInput.safeParse(JSON.parse(JSON.stringify(input))));
        },
        () => false,
      );
      expect(runs).toBeGreaterThan(10);
    },
    TIMEOUT,
  );

  it("treats CellParseError and CsvSyntaxError as the library's own errors", () => {
    expect(new CellParseError("target", "x", "y")).toBeInstanceOf(Nq57Error);
    expect(new CsvSyntaxError("x", 1)).toBeInstanceOf(Nq57Error);
  });
});
