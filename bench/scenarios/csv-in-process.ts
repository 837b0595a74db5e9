/** Observations from a CSV file scored in process: read as a stream, checked, scored. */
import { createReadStream } from "node:fs";
import { evaluateStream, plans, readCsvStream } from "../../src/index.js";
import { scorecardJsonParts } from "../../src/render/json.js";
import { report } from "./common.js";

const [file, engine = "compiled"] = process.argv.slice(2) as [string, "compiled" | "interpreter"];
const plan = plans["haiphong-142"];
const t0 = performance.now();
let read = 0;
const s = await evaluateStream({
  plan,
  asOf: "2026-11-26",
  engine,
  feed: async (accumulator) => {
    // Bytes, as the CLI reads a file: decoded by the reader as they come.
    await readCsvStream(file, createReadStream(file, { highWaterMark: 1 << 20 }), plan, accumulator);
    read = performance.now() - t0;
  },
});
const ms = performance.now() - t0;
const scoredPeakRssBytes = process.resourceUsage().maxRSS * 1024;
// The rows are made when first read: what an app that reads every one of them pays on top, in time and memory.
const t1 = performance.now();
const rows = s.rows.length;
const rowsMs = performance.now() - t1;
// Writing the scorecard as JSON text, encoded as UTF-8 into a reused buffer (no file): what the CLI adds on top.
const t2 = performance.now();
const buffer = Buffer.allocUnsafe(1 << 24);
let used = 0;
let jsonBytes = 0;
for (const part of scorecardJsonParts(s)) {
  if (used + 3 * part.length > buffer.length) {
    jsonBytes += used;
    used = 0;
  }
  used += buffer.write(part, used);
}
jsonBytes += used;
const jsonMs = performance.now() - t2;
// The share of two parts of every row in that text, each written alone the same way: what a leaner row would save.
const alone = (part: (row: (typeof s.rows)[number]) => unknown) => {
  const t = performance.now();
  let bytes = 0;
  let at = 0;
  for (const row of s.rows) {
    const text = JSON.stringify(part(row));
    if (at + 3 * text.length > buffer.length) {
      bytes += at;
      at = 0;
    }
    at += buffer.write(text, at);
  }
  return { ms: performance.now() - t, bytes: bytes + at };
};
const facts = alone((row) => row.facts);
const messages = alone((row) => row.message);
// Reading (CSV to checked, de-duplicated figures) and scoring (rules, verdicts, summaries) apart, to show where the time goes.
report({ scenario: `csv-in-process-${engine}`, ms, readMs: read, scoreMs: ms - read, rowsMs, jsonMs, jsonBytes, factsMs: facts.ms, factsBytes: facts.bytes, messagesMs: messages.ms, messagesBytes: messages.bytes, scoredPeakRssBytes, observations: s.input.observations.given, accepted: s.input.observations.accepted, notes: s.notes.length, rows, score: s.summary.overall.score });
