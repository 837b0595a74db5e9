import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plans } from "../../src/index.js";
import { acceptRecords, mergeInputs, readCsvRecords, ReadInput, type RecordSource } from "../../src/index.js";

const plan = plans["haiphong-142"];

/** A small seeded generator (mulberry32), so that every run shuffles the same ways. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Records of every sort: valid, duplicated, conflicting, invalid, qualitative, per locality. */
const observations: unknown[] = [
  { indicator: "PL2-1", period: 2025, value: "60" },
  { indicator: "PL2-1", period: 2025, value: 60 },
  { indicator: "PL2-1", period: 2025, value: "60.0" },
  { indicator: "PL2-22", period: 2025, value: 300 },
  { indicator: "PL2-22", period: 2025, value: 310 },
  { indicator: "PL2-22", period: 2025, value: 300 },
  { indicator: "PL2-43", period: 2030, value: 3 },
  { indicator: "PL1-2", period: 2025, met: "có" },
  { indicator: "PL1-2", period: 2025, met: true },
  { indicator: "PL1-3", period: 2025, met: true },
  { indicator: "PL1-3", period: 2025, met: false },
  { indicator: "PL2-1", period: 2025, value: 48, locality: "Kiến Thụy" },
  { indicator: "PL2-1", period: 2025, value: 50, locality: "kiến  thụy" },
  { indicator: "PL2-1", period: 2025, value: 12, locality: "Đồ Sơn" },
  { indicator: "PL2-1", period: 2025, value: 12, locality: "Đồ Sơn" },
  { indicator: "PL2-1", period: 2026, value: 70 },
  { indicator: "PL9-1", period: 2025, value: 1 },
  { indicator: "PL2-1", period: 2025.5, value: 1 },
  { indicator: "PL1-2", period: 2025, value: 1 },
  { indicator: "PL2-22", period: 2025, value: "abc" },
  "not a record",
];
const taskReports: unknown[] = [
  { task: "T-1.2", status: "completed", period: 2025, reportedOn: "2025-12-20" },
  { task: "T-1.2", status: "in-progress", period: 2025, reportedOn: "2025-07-01" },
  { task: "T-2.3", status: "in-progress", reportedOn: "2025-10-01" },
  { task: "NQ71-2", status: "not-started", reportedOn: "2025-09-01" },
  { task: "T-9.9", status: "completed", reportedOn: "2025-10-01" },
  { task: "T-2.3", status: "done", reportedOn: "2025-10-01" },
];

/** What a result says without positions: which records were accepted, and which rejected and why. */
function content(input: ReadInput) {
  const sorted = (items: unknown[]) => items.map((x) => JSON.stringify(x)).sort();
  return {
    observations: sorted(input.observations.map((o) => o.record)),
    taskReports: sorted(input.taskReports.map((t) => t.record)),
    rejected: sorted(input.rejected.map((r) => ({ kind: r.kind, field: r.field, clash: r.clash, record: r.record, reason: r.clash ? undefined : r.reason }))),
    given: input.given,
  };
}

function expectCountsAddUp(input: ReadInput) {
  const rejected = (kind: string) => input.rejected.filter((r) => r.kind === kind).length;
  expect(input.observations.length + rejected("observation")).toBe(input.given.observations);
  expect(input.taskReports.length + rejected("taskReport")).toBe(input.given.taskReports);
}

function expectSourceOrder(list: readonly { source: RecordSource }[]) {
  const key = (s: RecordSource) => [s.file ?? "", s.line ?? 0, s.index ?? -1] as const;
  for (let i = 1; i < list.length; i++) {
    const [a, b] = [key((list[i - 1] as { source: RecordSource }).source), key((list[i] as { source: RecordSource }).source)];
    expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])))).toBe(true);
  }
}

describe("the input layer's invariants", () => {
  const reference = acceptRecords(plan, { observations, taskReports });

  it("accepts, rejects and counts the reference records as the policy says", () => {
    expect(content(reference).observations).toEqual(
      [
        { indicator: "PL2-1", period: 2025, value: "60" },
        { indicator: "PL2-43", period: 2030, value: "3" },
        { indicator: "PL1-2", period: 2025, met: true },
        { indicator: "PL2-1", period: 2025, value: "12", locality: "Đồ Sơn" },
        { indicator: "PL2-1", period: 2026, value: "70" },
      ]
        .map((x) => JSON.stringify(x))
        .sort(),
    );
    expect(reference.taskReports).toHaveLength(4);
    expect(reference.rejected.filter((r) => r.clash === "duplicate")).toHaveLength(4);
    expect(reference.rejected.filter((r) => r.clash === "conflict")).toHaveLength(7);
  });

  it("keeps accepted + rejected = given for each kind, whatever subset is given", () => {
    const next = random(57);
    for (let run = 0; run < 100; run++) {
      const pick = <T>(list: readonly T[]) => list.filter(() => next() < 0.6);
      const input = acceptRecords(plan, { observations: pick(observations), taskReports: pick(taskReports) });
      expectCountsAddUp(input);
    }
    expectCountsAddUp(reference);
  });

  it("gives the same accepted set and the same rejected set whatever order the records come in", () => {
    const next = random(142);
    for (let run = 0; run < 100; run++) {
      const input = acceptRecords(plan, { observations: shuffle(observations, next), taskReports: shuffle(taskReports, next) });
      expect(content(input)).toEqual(content(reference));
    }
  });

  it("gives the same result for CSV rows in any order, up to lines", () => {
    const rows = ["PL2-1,2025,60,", "PL2-1,2025,60.00,", "PL2-22,2025,300,", "PL2-22,2025,301,", "PL2-1,2025,48,Kiến Thụy", "PL9-1,2025,1,", "PL2-43,2030,x,"];
    const read = (list: readonly string[]) => readCsvRecords("o.csv", ["indicator,period,value,locality", ...list].join("\n"), plan);
    const first = content(read(rows));
    const next = random(2025);
    for (let run = 0; run < 50; run++) expect(content(read(shuffle(rows, next)))).toEqual(first);
  });

  it("merges inputs split any way into what they give together, up to positions", () => {
    const next = random(71);
    for (let run = 0; run < 50; run++) {
      const split = shuffle(observations, next);
      const cut = Math.floor(next() * split.length);
      const merged = mergeInputs(
        acceptRecords(plan, { observations: split.slice(0, cut) }, { file: "a" }),
        acceptRecords(plan, { observations: split.slice(cut), taskReports }, { file: "b" }),
      );
      expectCountsAddUp(merged);
      expect(content(merged)).toEqual(content(reference));
    }
  });

  it("reports everything in source order, and as plain JSON that the ReadInput schema describes", () => {
    const input = mergeInputs(
      readCsvRecords("b.csv", "indicator,period,value\nPL2-1,2025,60\nPL9-1,2025,1\nPL2-1,2025,60\n", plan),
      acceptRecords(plan, { observations: shuffle(observations, random(1)), taskReports }, { file: "a" }),
    );
    for (const list of [input.observations, input.taskReports, input.rejected, input.notes]) expectSourceOrder(list);
    expect(ReadInput.parse(JSON.parse(JSON.stringify(input)))).toEqual(JSON.parse(JSON.stringify(input)));
  });

  it("keeps the core free of Node built-ins and eval, so that it runs in browsers", () => {
    const dir = new URL("../../src/input/", import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(new URL(file, dir), "utf8");
      expect(text, file).not.toMatch(/from "node:|\bprocess\.|\bBuffer\b|\beval\(|new Function\(/);
    }
  });
});
