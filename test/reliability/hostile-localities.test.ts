import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acceptRecords, createInputAccumulator, evaluate, evaluateStream, mergeInputs, plans, readCsvRecords, readCsvStream, readJsonRecords, type ReadInput, type Scorecard } from "../../src/index.js";
import { foldName } from "../../src/model/define-plan.js";
import { cli, hostile } from "./hostile.js";

/**
 * One place, however it is spelled: localities that differ only in case, runs of spaces, Unicode form (NFC/NFD) or
 * invisible characters (zero-width space, byte order mark, soft hyphen) are one locality, named as its first record by
 * source spells it, on every input path: one conflict row, one entry in the summary by locality, the same name on
 * every row, and a note for each other spelling, so that none is folded silently.
 */
const plan = plans["haiphong-142"];
const asOf = "2026-11-26";
const NAME = "Kiến Thụy";
const SPELLINGS = ["KIẾN THỤY", "kiến  thụy", "Kiến\u200b Thụy", "Kiến\ufeff Thụy", "Kiến Th\u00adụy", NAME.normalize("NFD"), "Kiến\u00a0Thụy"];
const records = [
  { indicator: "PL2-1", period: 2025, value: "60", locality: NAME },
  { indicator: "PL2-1", period: 2025, value: "65", locality: SPELLINGS[0] },
  { indicator: "PL2-1", period: 2025, value: "70", locality: SPELLINGS[1] },
  ...SPELLINGS.slice(2).map((locality, i) => ({ indicator: "PL2-22", period: 2020 + i, value: String(300 + i), locality })),
];
const csv = `indicator,period,value,locality\n${records.map((r) => `${r.indicator},${r.period},${r.value},${r.locality}`).join("\n")}\n`;

/** Every input path, each giving the scorecard of the same records. */
const PATHS: readonly [string, () => Promise<Scorecard>][] = [
  ["CSV read whole", () => evaluate({ plan, input: readCsvRecords("k.csv", csv, plan), asOf })],
  [
    "CSV streamed (its direct path)",
    async () => {
      const accumulator = createInputAccumulator(plan);
      await readCsvStream("k.csv", [csv.slice(0, 50), csv.slice(50)], plan, accumulator);
      return evaluate({ plan, input: accumulator.finish(), asOf });
    },
  ],
  ["JSON", () => evaluate({ plan, input: readJsonRecords("k.json", JSON.stringify({ observations: records }, null, 1), plan), asOf })],
  ["an app's arrays", () => evaluate({ plan, observations: records, asOf })],
  ["a stream", () => evaluateStream({ plan, observations: records, asOf })],
];

describe.each(PATHS)("%s", (_, score) => {
  it("one conflict row, one locality in the summary and on every row, named by its first spelling", async () => {
    const scorecard = await score();
    expect(Object.keys(scorecard.summary.byLocality)).toEqual([NAME]);
    const conflicts = scorecard.rows.filter((r) => r.rule === "observation.consistent-values");
    expect(conflicts.map((r) => [r.entity, r.period, r.locality])).toEqual([["PL2-1", 2025, NAME]]);
    expect(new Set(scorecard.rows.flatMap((r) => (r.locality === undefined ? [] : [r.locality])))).toEqual(new Set([NAME]));
    // All three PL2-1 records are in conflict; the other spellings' figures are one series.
    expect(scorecard.input.observations).toEqual({ given: records.length, accepted: records.length - 3, rejected: 3 });
  });

  it("a note for each other spelling, saying how it differs", async () => {
    const notes = (await score()).notes.filter((n) => n.field === "locality");
    expect(notes).toHaveLength(SPELLINGS.length);
    const how = notes.map((n) => /they differ only in (.*)\); its figures/.exec(n.note)?.[1]);
    expect(how).toEqual(["case", "spacing and case", "invisible characters", "invisible characters", "invisible characters", "Unicode form (NFC/NFD)", "spacing"]);
    for (const n of notes) expect(n.note).toContain(`is read as "${NAME}", the same place as first written`);
  });
});

describe("across files and orders", () => {
  it("a place spelled one way in one file and another way in the next is one place, named by the file first by name", async () => {
    const a = readCsvRecords("a.csv", "indicator,period,value,locality\nPL2-1,2025,60,KIẾN THỤY\n", plan);
    const b = readCsvRecords("b.csv", `indicator,period,value,locality\nPL2-1,2026,62,${NAME}\n`, plan);
    for (const input of [mergeInputs(a, b), mergeInputs(b, a)]) {
      const notes = input.notes.filter((n) => n.field === "locality");
      expect(notes.map((n) => n.source.file)).toEqual(["b.csv"]);
      expect(notes[0]!.note).toMatch(new RegExp(`^locality "${NAME}" is read as "KIẾN THỤY", the same place as first written`));
      const scorecard = await evaluate({ plan, input, asOf });
      expect(Object.keys(scorecard.summary.byLocality)).toEqual(["KIẾN THỤY"]);
    }
  });

  it("a locality of invisible characters alone is rejected on every path, never read as the city", async () => {
    const odd = [{ indicator: "PL2-1", period: 2025, value: "60", locality: "\u200b\u200b" }];
    const reason = 'locality "\\u200b\\u200b" holds only invisible characters: leave it empty for the whole city, or write the place\'s name';
    const accumulator = createInputAccumulator(plan);
    await readCsvStream("z.csv", ["indicator,period,value,locality\nPL2-1,2025,60,\u200b\u200b\n"], plan, accumulator);
    for (const input of [acceptRecords(plan, { observations: odd }), readCsvRecords("z.csv", "indicator,period,value,locality\nPL2-1,2025,60,\u200b\u200b\n", plan), accumulator.finish()]) {
      expect(input.observations).toEqual([]);
      expect(input.rejected.map((r) => [r.field, r.reason])).toEqual([["locality", reason]]);
    }
  });

  it("nq57 validate tells every folded spelling", async () => {
    const { stdout } = await cli(["validate", "--data", hostile("spellings.csv"), "--lang", "en"]);
    expect(stdout.match(/note: locality: locality ".*" is read as "Kiến Thụy"/g)).toHaveLength(5);
    expect(stdout).toContain('locality "Kiến\\u200b Thụy" is read as');
  });

  it("the corpus file gives one locality through the CLI", async () => {
    const { stdout } = await cli(["scorecard", "--data", hostile("spellings.csv"), "--as-of", asOf, "--format", "json"]);
    const scorecard = JSON.parse(stdout) as Scorecard;
    expect(Object.keys(scorecard.summary.byLocality)).toEqual([NAME]);
    expect(scorecard.rows.filter((r) => r.rule === "observation.consistent-values")).toHaveLength(1);
    expect(readFileSync(hostile("spellings.csv"), "utf8")).toContain("KIẾN THỤY");
  });
});

describe("whatever the spellings and the order", () => {
  const spelling = fc.constantFrom(NAME, ...SPELLINGS, "Đồ Sơn", "ĐỒ  SƠN", "An Lão");
  const observation = fc.record({
    indicator: fc.constantFrom("PL2-1", "PL2-22", "PL2-5"),
    period: fc.integer({ min: 2024, max: 2027 }),
    value: fc.integer({ min: 1, max: 90 }).map(String),
    locality: spelling,
  });

  it("one name per place, one of its spellings, a note for each other spelling the scorecard reads, one conflict row per figure", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(observation, { maxLength: 25 }), async (list) => {
        const input = acceptRecords(plan, { observations: list });
        const scorecard = await evaluate({ plan, input, asOf });
        const read = readSpellings(input);
        const places = new Set([...read].map(foldName));
        // The summary by locality sums up performance: the places of figures accepted (a place whose figures all
        // conflict has its conflict rows, and no summary).
        const accepted = new Set(input.observations.flatMap((o) => (o.record.locality === undefined ? [] : [foldName(o.record.locality)])));
        expect(Object.keys(scorecard.summary.byLocality).map(foldName).sort()).toEqual([...accepted].sort());
        for (const name of Object.keys(scorecard.summary.byLocality)) expect(read.has(name)).toBe(true);
        expect(input.notes.filter((n) => n.field === "locality")).toHaveLength(read.size - places.size);
        const conflictRows = scorecard.rows.filter((r) => r.rule === "observation.consistent-values").map((r) => `${r.entity} ${r.period} ${foldName(r.locality ?? "")}`);
        expect(new Set(conflictRows).size).toBe(conflictRows.length);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

/** The spellings the scorecard reads a locality from: accepted observations and those rejected as a conflict. */
function readSpellings(input: ReadInput): Set<string> {
  const conflicts = input.rejected.filter((r) => r.clash === "conflict").map((r) => (r.record as { locality?: string }).locality);
  return new Set([...input.observations.map((o) => o.record.locality), ...conflicts].filter((l): l is string => l !== undefined));
}
