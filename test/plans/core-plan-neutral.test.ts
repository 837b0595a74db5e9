/**
 * Any province's plan: the code outside a plan's own folder (`src/plans/<plan>/`) takes a plan's shape from its
 * data, so it names none of Plan 142's groups, source parts, appendices or milestone years. Comments may cite Plan
 * 142 as an example; code and the messages users read may not.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plans } from "../../src/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const src = join(root, "src");
const plan = plans["haiphong-142"];

/** The shipped plans' own folders, and the registry that lists them by id: the only places a plan is named. */
const PLAN_OWN = [/^src\/plans\/haiphong-142\//, /^src\/plans\/index\.ts$/];
/** Words a file may use in another sense: the Word report numbers its own appendices (Phụ lục I, II), not the plan's. */
const OTHER_SENSE: ReadonlyArray<{ readonly file: RegExp; readonly what: string }> = [{ file: /^src\/render\/docx\.ts$/, what: "an appendix" }];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : /\.ts$/.test(e.name) ? [path] : [];
  });
}

/**
 * The code of a file without its comments, lines kept in place; strings and template literals kept (messages count),
 * or blanked with `strings: false` (a year in a message is an example of a format, a year in code is a milestone).
 */
function code(text: string, { strings = true } = {}): string {
  let out = "";
  let i = 0;
  let quote: string | undefined;
  const newlines = (s: string) => s.replace(/[^\n]/g, "");
  while (i < text.length) {
    const c = text[i]!;
    if (quote) {
      const escaped = c === "\\" ? c + (text[++i] ?? "") : c;
      out += strings || c === quote ? escaped : newlines(escaped);
      if (c === quote) quote = undefined;
      i++;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const next = end < 0 ? text.length : end + 2;
      out += newlines(text.slice(i, next));
      i = next;
    } else {
      if (c === '"' || c === "'" || c === "`") quote = c;
      out += c;
      i++;
    }
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What names Plan 142's shape: its group and part ids, its appendices, its milestone years and its number. */
function plan142Words(): Array<{ what: string; pattern: RegExp; inStrings: boolean }> {
  const years = [...new Set(plan.indicators.flatMap((x) => x.targets.map((t) => t.year)))];
  return [
    ...plan.groups.map((g) => ({ what: `group ${g.id}`, pattern: new RegExp(`(?<![\\w.-])${escape(g.id)}(?![\\w-]|\\.\\d)`), inStrings: true })),
    ...plan.parts!.map((p) => ({ what: `part ${p.id}`, pattern: new RegExp(`(?<![\\w.-])${escape(p.id)}(?![\\w.-])`), inStrings: true })),
    { what: "an appendix", pattern: /Phụ lục|PHỤ LỤC|\bAppendix\b|\bappendix \d/, inStrings: true },
    { what: "a milestone year", pattern: new RegExp(`(?<![\\w.-])(${years.join("|")})(?![\\w-])`), inStrings: false },
    { what: "the plan's number", pattern: /\b142\b|haiphong/, inStrings: true },
  ];
}

describe("the core and the CLI", () => {
  it("have a plan with groups, parts and milestone years to check against", () => {
    expect(plan.groups.length).toBeGreaterThan(10);
    expect(plan.parts?.length).toBeGreaterThan(1);
  });

  it("name none of Plan 142's groups, parts, appendices or milestone years outside src/plans/haiphong-142/", () => {
    const words = plan142Words();
    const found: string[] = [];
    for (const file of sources(src)) {
      const path = relative(root, file).replaceAll("\\", "/");
      if (PLAN_OWN.some((own) => own.test(path))) continue;
      const text = readFileSync(file, "utf8");
      const lines = { true: code(text).split("\n"), false: code(text, { strings: false }).split("\n") };
      for (const { what, pattern, inStrings } of words.filter((w) => !OTHER_SENSE.some((o) => o.file.test(path) && o.what === w.what)))
        lines[`${inStrings}`].forEach((line, i) => {
          if (pattern.test(line)) found.push(`${path}:${i + 1}: ${what}: ${line.trim().slice(0, 140)}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("would see a group id, an appendix or a year written in code (the check is not blind)", () => {
    const words = plan142Words();
    const hits = (line: string) => words.filter((w) => w.pattern.test(code(line, { strings: w.inStrings }))).map((w) => w.what);
    expect(hits(`const groups = ["PL2-III"];`)).toEqual(["group PL2-III"]);
    expect(hits(`const years = [2025, 2030];`)).toEqual(["a milestone year"]);
    expect(hits(`throw new Error("see Phụ lục 2");`)).toEqual(["an appendix"]);
    expect(hits(`// Plan 142's PL2-III, 2030, Phụ lục 2`)).toEqual([]);
    expect(hits(`const id = "PL2-1";`)).toEqual([]);
    expect(hits(`no("a year such as 2025");`)).toEqual([]);
  });
});
