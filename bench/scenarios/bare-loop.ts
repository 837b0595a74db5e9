/**
 * The least a program doing the CLI's job does, to measure the CLI against: reads the CSV file as a stream, splits
 * each row (quoted cells too), reads its value as a number (a decimal comma as a dot), compares it with its
 * indicator's first numeric target, and writes one line of JSON per row saying whether it is met. No checks, no
 * exact decimals, no duplicates, no summaries, no messages: what is left is reading the file, comparing and writing.
 * The runner times it from process start to exit, as it times the CLI.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { plans } from "../../src/index.js";

const [file, outFile] = process.argv.slice(2) as [string, string];
const plan = plans["haiphong-142"];

// Each indicator's first numeric target: its bound and which way it is met.
const targets = new Map<string, { bound: number; atMost: boolean }>();
for (const x of plan.indicators) {
  const t = x.targets.find((t) => (t.value ?? t.min) !== undefined);
  if (t) targets.set(x.id, { bound: Number(t.value ?? t.min), atMost: x.direction === "decrease" });
}

const out = createWriteStream(outFile);
let batch = "";
let rows = 0;
let met = 0;

function row(line: string): void {
  // Cells split at commas; a quoted cell (a decimal comma) unquoted.
  const cells = line.includes('"') ? unquoted(line) : line.split(",");
  const [indicator = "", period = "", value = "", locality = ""] = cells;
  const target = targets.get(indicator);
  const v = Number(value.replace(",", "."));
  const ok = target !== undefined && value !== "" && (target.atMost ? v <= target.bound : v >= target.bound);
  rows++;
  if (ok) met++;
  batch += `{"indicator":${JSON.stringify(indicator)},"period":${JSON.stringify(period)},"locality":${JSON.stringify(locality)},"value":${JSON.stringify(value)},"target":${target?.bound ?? null},"met":${ok}}\n`;
}

/** The cells of a line with quoted cells, split at commas outside quotes. */
function unquoted(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

let tail = "";
let header = true;
for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
  const text = tail + (chunk as string);
  let from = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", from)) {
    if (header) header = false;
    else row(text.slice(from, at));
    from = at + 1;
  }
  tail = text.slice(from);
  if (!out.write(batch)) await once(out, "drain");
  batch = "";
}
if (tail !== "") row(tail);
out.write(batch);
await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
process.stdout.write(`${JSON.stringify({ scenario: "bare-loop", rows, met })}\n`);
