import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plans } from "../../src/index.js";
import { acceptRecords, mergeInputs, ReadInput, readCsvRecords, readJsonRecords } from "../../src/index.js";
import { MAX_INPUT_CHARS } from "../../src/input/file-text.js";
import { evaluate } from "../../src/scorecard/evaluate.js";
import { Scorecard } from "../../src/model/scorecard.js";

const plan = plans["haiphong-142"];
const dir = new URL("../../fixtures/invalid/", import.meta.url);
const BIG = process.env.NQ57_BIG_TESTS === "1";

/** One row of a table of fixtures/invalid/README.md. */
interface Row {
  readonly file: string;
  readonly generated: boolean;
  readonly handling: string;
  readonly given: { observations: number; taskReports: number };
  readonly accepted: { observations: number; taskReports: number };
  /** Every accepted record, as `indicator year [locality] = value` or `task [year] = status`. */
  readonly readAs: readonly string[] | undefined;
}

/** The tables of the README, the one list of the fixtures and of what each must give. */
function readmeRows(): Row[] {
  const rows: Row[] = [];
  let generated = false;
  const counts = (cell: string) => {
    const m = /^(\d+) \/ (\d+)$/.exec(cell.trim());
    if (!m) throw new Error(`README: "${cell}" is not "observations / task reports"`);
    return { observations: Number(m[1]), taskReports: Number(m[2]) };
  };
  for (const line of readFileSync(new URL("README.md", dir), "utf8").split("\n")) {
    if (line.startsWith("## ")) generated = /generated/i.test(line);
    if (!line.startsWith("| `")) continue;
    const [file, , handling, given, accepted, readAs] = line.slice(1, -1).split(" | ").map((c) => c.trim());
    if (!file || !handling || !given || !accepted || readAs === undefined) throw new Error(`README: cannot read the row ${line}`);
    rows.push({
      file: file.replaceAll("`", ""),
      generated,
      handling,
      given: counts(given),
      accepted: counts(accepted),
      readAs: readAs === "—" ? [] : readAs.startsWith("(") ? undefined : readAs.split("; "),
    });
  }
  return rows;
}

const rows = readmeRows();
const committed = rows.filter((r) => !r.generated);
const generated = new Map(rows.filter((r) => r.generated).map((r) => [r.file, r]));

/** The phrases in backticks of a row's expected handling: each must appear in a reason or a note. */
const phrasesOf = (handling: string) => [...handling.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);

/** Reads a fixture as the CLI reads a data file: the bytes decoded as UTF-8, then the reader its extension asks for. */
function readFixture(file: string, text: string): ReadInput {
  return file.endsWith(".json") ? readJsonRecords(file, text, plan) : readCsvRecords(file, text, plan);
}

function readAs(input: ReadInput): string[] {
  const observations = input.observations.map(({ record: o }) => {
    const figure = o.value ?? (o.met ? "met" : "not met");
    return `${o.indicator} ${o.period}${o.locality !== undefined ? ` ${o.locality}` : ""} = ${figure}`;
  });
  const tasks = input.taskReports.map(({ record: t }) => `${t.task}${t.period !== undefined ? ` ${t.period}` : ""} = ${t.status}`);
  return [...observations, ...tasks].sort();
}

/** What every reading must give, whatever the file. */
function expectSound(input: ReadInput) {
  const rejected = (kind: string) => input.rejected.filter((r) => r.kind === kind).length;
  expect(input.observations.length + rejected("observation")).toBe(input.given.observations);
  expect(input.taskReports.length + rejected("taskReport")).toBe(input.given.taskReports);
  // Plain JSON, as the ReadInput schema describes it, whatever junk the file held.
  const json = JSON.parse(JSON.stringify(input)) as unknown;
  expect(ReadInput.safeParse(json).success).toBe(true);
  for (const o of input.observations) if (o.record.value !== undefined) expect(o.record.value).toMatch(/^-?\d+(\.\d+)?$/);
}

function expectRow(row: Row, input: ReadInput) {
  expectSound(input);
  expect(input.given).toEqual(row.given);
  expect({ observations: input.observations.length, taskReports: input.taskReports.length }).toEqual(row.accepted);
  expect(input.rejected.some((r) => r.kind === "file"), "a file-level rejection").toBe(row.handling.startsWith("File rejected"));
  const said = [...input.rejected.map((r) => r.reason), ...input.notes.map((n) => n.note)];
  for (const phrase of phrasesOf(row.handling)) expect(said.some((s) => s.includes(phrase)), `"${phrase}" in ${JSON.stringify(said, null, 1)}`).toBe(true);
  if (row.readAs) expect(readAs(input)).toEqual([...row.readAs].sort());
}

describe("fixtures/invalid/README.md", () => {
  it("lists at least 40 committed files, each of them present, and every file of the folder", () => {
    expect(committed.length).toBeGreaterThanOrEqual(40);
    const present = new Set(
      committed.map((r) => {
        readFileSync(new URL(r.file, dir));
        return r.file;
      }),
    );
    expect(present.size).toBe(committed.length);
    expect(generated.size).toBeGreaterThanOrEqual(5);
  });
});

describe("each committed malformed file", () => {
  it.each(committed.map((r) => [r.file, r] as const))("%s: read without a crash, as its row says", (file, row) => {
    const text = readFileSync(new URL(file, dir), "utf8");
    let input: ReadInput | undefined;
    expect(() => (input = readFixture(file, text))).not.toThrow();
    expectRow(row, input as ReadInput);
  });

  it("are scored by evaluate without a crash, one by one and all together", async () => {
    const inputs = committed.map((r) => readFixture(r.file, readFileSync(new URL(r.file, dir), "utf8")));
    for (const input of [mergeInputs(...inputs), ...inputs.filter((i) => i.observations.length + i.taskReports.length > 0)]) {
      const scorecard = await evaluate({ plan, input, asOf: "2026-03-31" });
      expect(Scorecard.safeParse(JSON.parse(JSON.stringify(scorecard))).success).toBe(true);
      for (const row of scorecard.rows) if (row.score !== null) expect(row.score).toMatch(/^(0(\.\d+)?|1(\.0+)?)$/);
    }
  }, 120_000);

  it("year-outside-plan.csv: the scorecard warns about the years outside the plan that were read", async () => {
    const input = readFixture("year-outside-plan.csv", readFileSync(new URL("year-outside-plan.csv", dir), "utf8"));
    const scorecard = await evaluate({ plan, input, asOf: "2026-03-31" });
    const warned = scorecard.rows.filter((r) => r.rule === "observation.year-in-plan" && r.verdict === "warn").map((r) => r.period);
    expect(warned.sort()).toEqual([2010, 2050]);
  });

  it("semicolon-quoted.csv: reads the quoted cell whole, keeps line numbers, and reads the figure as in the comma file", () => {
    const input = readFixture("semicolon-quoted.csv", readFileSync(new URL("semicolon-quoted.csv", dir), "utf8"));
    expect(input.observations.map((o) => [o.source.line, o.record])).toEqual([
      [2, { indicator: "PL2-1", period: 2025, value: "62.5", source: "Sở KH&CN; báo cáo\r\nquý III", reportedOn: "2025-10-15" }],
      [4, { indicator: "PL2-22", period: 2025, value: "310", source: 'Sở "Nội vụ"' }],
    ]);
  });

  it("prototype-pollution.json: pollutes no prototype", () => {
    readFixture("prototype-pollution.json", readFileSync(new URL("prototype-pollution.json", dir), "utf8"));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});

describe("each malformed file generated at test time", () => {
  const row = (file: string): Row => {
    const r = generated.get(file);
    if (!r) throw new Error(`${file} is not listed in fixtures/invalid/README.md`);
    return r;
  };

  it("nested-10000-deep.json: rejects the records, and the result still serialises", () => {
    const depth = 10_000;
    const text =
      `{"observations": [\n${"[".repeat(depth)}${"]".repeat(depth)},\n` +
      `{"indicator": "PL2-1", "period": 2025, "value": ${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}\n]}`;
    const input = readJsonRecords("nested-10000-deep.json", text, plan);
    expectRow(row("nested-10000-deep.json"), input);
    expect(JSON.stringify(input.rejected)).toContain("nested too deep to show");
  });

  it("huge-digits-1500.csv: reads figures of 1,501 digits and 1,500 decimals exactly, in plain notation", () => {
    const big = `1${"0".repeat(1500)}`;
    const small = `0.${"0".repeat(1499)}1`;
    const input = readCsvRecords("huge-digits-1500.csv", `indicator,period,value\nPL2-22,2025,${big}\nPL2-22,2026,${small}\n`, plan);
    expectRow(row("huge-digits-1500.csv"), input);
    expect(input.observations.map((o) => o.record.value)).toEqual([big, small]);
  });

  it("conflict-5000-rows.csv: rejects every record of a 5,000-record conflict with a short reason", () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `PL2-1,2025,${i}`);
    const input = readCsvRecords("conflict-5000-rows.csv", ["indicator,period,value", ...lines].join("\n"), plan);
    expectRow(row("conflict-5000-rows.csv"), input);
    expect(input.rejected.every((r) => r.clash === "conflict" && r.reason.length < 600)).toBe(true);
  });

  it.each(["just-over-limit.csv", "just-over-limit.json"])("%s: rejects a file over the size limit at once", (file) => {
    const head = file.endsWith(".json") ? '{"observations": []}' : "indicator,period,value\nPL2-1,2025,60\n";
    const text = head + " ".repeat(MAX_INPUT_CHARS + 1 - head.length);
    expect(text.length).toBe(MAX_INPUT_CHARS + 1);
    const input = readFixture(file, text);
    expectRow(row(file), input);
    // Right at the limit the file is read.
    expect(readFixture(file, text.slice(0, MAX_INPUT_CHARS)).rejected.filter((r) => r.kind === "file")).toEqual([]);
  });

  it.runIf(BIG)(
    "too-large-200mb.csv: a 200 MB file streamed to disk is rejected at once; a file just under the limit is read in full",
    async () => {
      const folder = mkdtempSync(join(tmpdir(), "nq57-big-"));
      try {
        const path = join(folder, "too-large-200mb.csv");
        const out = createWriteStream(path);
        const rowText = "PL2-1,2025,62.5,,Sở Khoa học và Công nghệ\n";
        const chunk = rowText.repeat(Math.floor(1_000_000 / rowText.length));
        out.write("indicator,period,value,locality,source\n");
        let written = 0;
        while (written < 200_000_000) {
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
          written += Buffer.byteLength(chunk);
        }
        await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));

        const started = performance.now();
        const text = readFileSync(path, "utf8");
        const input = readCsvRecords("too-large-200mb.csv", text, plan);
        const took = performance.now() - started;
        expectRow(row("too-large-200mb.csv"), input);
        console.log(`too-large-200mb.csv: ${text.length} characters rejected in ${Math.round(took)} ms (reading the file included)`);

        // Just under the limit: every row read, with the time and memory it takes.
        const lines: string[] = ["indicator,period,value,locality,source"];
        let size = lines[0]!.length + 1;
        const ids = plan.indicators.filter((x) => x.measure === "percent").map((x) => x.id);
        for (let n = 0; size < MAX_INPUT_CHARS - 200; n++) {
          const line = `${ids[n % ids.length]},${2025 + (Math.floor(n / ids.length) % 21)},${(n % 1000) / 10},Xã ${Math.floor(n / (ids.length * 21))},Sở KH&CN`;
          lines.push(line);
          size += line.length + 1;
        }
        const under = lines.join("\n");
        globalThis.gc?.();
        const heapBefore = process.memoryUsage().heapUsed;
        const t0 = performance.now();
        const read = readCsvRecords("just-under-limit.csv", under, plan);
        const ms = performance.now() - t0;
        const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
        expectSound(read);
        expect(read.observations.length).toBe(lines.length - 1);
        console.log(`just-under-limit.csv: ${under.length} characters, ${read.observations.length} rows read in ${Math.round(ms)} ms, heap +${Math.round(heapMb)} MB, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    600_000,
  );
});

describe("records an app gives that no file can hold", () => {
  it("keeps a record that holds itself, a BigInt and a throwing getter in rejections that serialise", () => {
    const cyclic: Record<string, unknown> = { indicator: "PL2-1", period: 2025 };
    cyclic.value = cyclic;
    const throwing = Object.defineProperty({ indicator: "PL2-22", period: 2025 }, "value", {
      enumerable: true,
      get() {
        throw new Error("not readable");
      },
    });
    let input: ReadInput | undefined;
    expect(() => (input = acceptRecords(plan, { observations: [cyclic, { indicator: "PL2-43", period: 2025, value: 10n }] }))).not.toThrow();
    expectSound(input as ReadInput);
    expect(input?.rejected.map((r) => r.reason)).toEqual(["value an object is not a number", "value 10 is not a number"]);
    expect(JSON.stringify(input)).toContain("a reference to itself");
    // A getter that throws is the app's own error, not a reading of the record.
    expect(() => acceptRecords(plan, { observations: [throwing] })).toThrow("not readable");
  });
});
