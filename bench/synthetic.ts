/**
 * Synthetic observations at national scale: every commune of Vietnam (about 3,300) reporting the numeric
 * indicators of Plan 142 for 2024, 2025 and 2026, with values spread around their targets so that every
 * verdict occurs. Deterministic: the same count always gives the same file.
 */
import { createWriteStream } from "node:fs";
import { plans } from "../src/index.js";

export const LOCALITIES = 3300;
const YEARS = [2024, 2025, 2026];

/** The observations, one at a time, as CSV cells: indicator, period, value, locality. */
export function* syntheticObservations(count: number): Generator<[string, number, string, string]> {
  const plan = plans["haiphong-142"];
  const numeric = plan.indicators.filter((x) => x.measure && x.measure !== "qualitative");
  let n = 0;
  for (const year of YEARS)
    for (let l = 0; l < LOCALITIES; l++)
      for (const x of numeric) {
        if (n >= count) return;
        const seed = (l * 2654435761 + n * 40503) % 1000;
        const base = x.measure === "percent" ? 40 + (seed % 60) : x.measure === "rank" ? 1 + (seed % 20) : seed;
        const drift = year === 2024 ? 0 : year === 2025 ? (seed % 7) : (seed % 13);
        const value = x.measure === "percent" ? Math.min(100, base + drift) : x.measure === "rank" ? Math.max(1, base - (drift % 3)) : base + drift;
        yield [x.id, year, String(value), `Xã ${String(l + 1).padStart(4, "0")}`];
        n++;
      }
}

/** Writes `count` synthetic observations to a CSV file; resolves when it is on disk. */
export async function writeSyntheticCsv(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve())));
  await write("indicator,period,value,locality\n");
  let batch = "";
  let i = 0;
  for (const [indicator, period, value, locality] of syntheticObservations(count)) {
    batch += `${indicator},${period},${value},${locality}\n`;
    if (++i % 10_000 === 0) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
