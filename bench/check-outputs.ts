/**
 * `npx tsx bench/check-outputs.ts [--record] [--size=100000,1000000] [--no-build]`: holds a change meant to make the
 * library faster to the scorecards it made before. Builds the CLI, then scores as JSON the demo data and the
 * benchmark's national inputs (each order, each size) and compares the SHA-256 of each scorecard with the one
 * recorded in bench/output-hashes.json; `--record` writes them there instead (record on the code before the change).
 * Exits 1 when any differs. The recorded hashes change with the version (the scorecard says it) and with any change
 * of the rules or of the outputs: record them again on the base of each change checked.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { GENERATOR_VERSION, ORDERS, writeRealisticCsv } from "./synthetic.js";

const args = process.argv.slice(2);
const record = args.includes("--record");
const sizes = args.find((a) => a.startsWith("--size="))?.slice(7).split(",").map(Number) ?? [100_000, 1_000_000];
const root = new URL("../", import.meta.url).pathname;
const out = join(root, "bench", ".out");
const hashesFile = join(root, "bench", "output-hashes.json");
mkdirSync(out, { recursive: true });

if (!args.includes("--no-build")) spawnSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });

/** The SHA-256 of a file, read as a stream (a national scorecard is half a gigabyte). */
async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** `nq57 scorecard --format json` on data files (paths relative to the repository, as the scorecard names them). */
async function scorecardHash(data: string, asOf: string): Promise<string> {
  const file = join(out, "check-outputs.json");
  const r = spawnSync(process.execPath, [join(root, "dist", "cli", "main.js"), "scorecard", "--data", data, "--as-of", asOf, "--format", "json", "--out", file], { cwd: root, encoding: "utf8" });
  if (r.status !== 0 && !existsSync(file)) throw new Error(`nq57 scorecard --data ${data} failed (${r.status}):\n${r.stderr}`);
  const hash = await sha256(file);
  rmSync(file);
  return hash;
}

// The inputs are hashed too: a scorecard compares only on the same input.
const inputs: { name: string; data: string; asOf: string }[] = [{ name: "demo", data: "fixtures/report-2025-2026.json", asOf: "2026-11-26" }];
for (const size of sizes)
  for (const order of ORDERS) {
    const csv = join(out, `observations-v${GENERATOR_VERSION}-${order}-${size}.csv`);
    if (!existsSync(csv)) await writeRealisticCsv(csv, size, order);
    inputs.push({ name: `${order}-${size}`, data: relative(root, csv), asOf: "2026-11-26" });
  }

const recorded: Record<string, string> = existsSync(hashesFile) ? (JSON.parse(readFileSync(hashesFile, "utf8")) as { hashes: Record<string, string> }).hashes : {};
const hashes: Record<string, string> = { ...recorded };
let differs = 0;
const checks = inputs.flatMap(({ name, data, asOf }) => [
  { name: `${name} input`, hash: () => sha256(join(root, data)) },
  { name, hash: () => scorecardHash(data, asOf) },
]);
for (const { name, hash: hashOf } of checks) {
  const hash = await hashOf();
  hashes[name] = hash;
  if (record) process.stderr.write(`${name}: ${hash}\n`);
  else if (recorded[name] === undefined) process.stderr.write(`${name}: ${hash} (nothing recorded)\n`);
  else if (recorded[name] === hash) process.stderr.write(`${name}: the same\n`);
  else {
    differs++;
    process.stderr.write(`${name}: DIFFERS (${hash}, recorded ${recorded[name]})\n`);
  }
}
if (record) writeFileSync(hashesFile, `${JSON.stringify({ generator: GENERATOR_VERSION, hashes }, null, 2)}\n`);
process.exit(differs > 0 ? 1 : 0);
