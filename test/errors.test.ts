/**
 * Every error the library throws on purpose is an Nq57Error, so that an app tells bad input or a bad call from a bug
 * with one instanceof: checked on the source (every `throw new` in src/) and on the calls an app gets wrong.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createInputAccumulator,
  evaluate,
  InputClosedError,
  loadRules,
  Nq57Error,
  OptionsError,
  plans,
  readCsvRecords,
  RuleFileError,
  type DefinedPlan,
} from "../src/index.js";

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [{ file: join(dir, e.name), text: readFileSync(join(dir, e.name), "utf8") }] : [],
  );
}

/** Throws of a built-in error that are bugs if ever reached (every caller checks first), not answers to bad input. */
const BUG_ASSERTIONS = new Set(["src/input/observation-table.ts RangeError", "src/scorecard/exact.ts RangeError"]);

describe("errors thrown on purpose", () => {
  it("are all Nq57Error subclasses, in every module of src/", () => {
    const all = sources("src");
    // The library's error classes: Nq57Error and every class extending one of them, wherever declared.
    const ours = new Set(["Nq57Error"]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const { text } of all)
        for (const [, name, base] of text.matchAll(/class (\w+) extends (\w+)/g))
          if (ours.has(base!) && !ours.has(name!)) {
            ours.add(name!);
            grew = true;
          }
    }
    const strays: string[] = [];
    for (const { file, text } of all)
      for (const [, name] of text.matchAll(/throw new (\w+)/g)) if (!ours.has(name!) && !BUG_ASSERTIONS.has(`${file} ${name}`)) strays.push(`${file}: throw new ${name}`);
    expect(strays).toEqual([]);
    expect(ours).toContain("RuleFileError");
    expect(ours).toContain("UsageError");
  });

  const plan = plans["haiphong-142"];
  it.each([
    ["no plan", () => evaluate({} as { plan: DefinedPlan }), OptionsError, /^plan: a plan is needed/],
    ["an asOf that is not a date", () => evaluate({ plan, asOf: "2025-02-30" }), OptionsError, /^asOf: "2025-02-30" is not a date/],
    ["an asOf that is an invalid Date", () => evaluate({ plan, asOf: new Date("no") }), OptionsError, /^asOf: Invalid Date is not a date/],
    ["a minCoverage above 1", () => evaluate({ plan, minCoverage: "1.5" }), OptionsError, /^minCoverage: /],
    ["a rule file that is not one", () => evaluate({ plan, rules: [{ file: "x.json", json: {} }] }), RuleFileError, /^x\.json at /],
    ["a read limit of zero", async () => readCsvRecords("a.csv", "indicator,period,value\n", plan, { limits: { maxFieldChars: 0 } }), OptionsError, /^limits\.maxFieldChars: /],
    [
      "an accumulator used after it finished",
      async () => {
        const acc = createInputAccumulator(plan);
        acc.finish();
        acc.addObservation({ indicator: "PL2-1", period: 2025, value: "1" }, { index: 0 });
      },
      InputClosedError,
      /has finished/,
    ],
  ] as [string, () => unknown, abstract new (...args: never[]) => Error, RegExp][])("%s: an Nq57Error saying what is wrong", async (_name, call, type, message) => {
    const error = await Promise.resolve()
      .then(() => call())
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(Nq57Error);
    expect((error as Error).message).toMatch(message);
  });

  it("a rule file refused by loadRules is a RuleFileError", () => {
    expect(() => loadRules([{ file: "y.json", json: { id: 1 } }])).toThrow(RuleFileError);
  });
});
