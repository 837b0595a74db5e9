/**
 * `npm run bench` (or `npm run bench -- --quick`): runs every scenario in a process of its own, side by side,
 * and writes bench/RESULTS.md with the machine, the date, the figures and whether each target is met.
 *
 *   - one Plan 142 scorecard on the bundled fixture, warm and cold (cold includes loading the library);
 *   - 100,000 and 1,000,000 synthetic observations across 3,300 localities, from a CSV file, in process and
 *     through the CLI (JSON, median of a few runs; in a full run also CSV, Markdown, HTML, the terminal table and
 *     NDJSON, and JSON, NDJSON and Markdown trimmed by `--only problems`);
 *   - rule decisions per second: compiled, plain json-rules-engine (one run per decision), a hand-written loop;
 *   - peak resident memory of each.
 *
 * The scenarios are bundled with esbuild first (the library from src/, as the build ships it), so no
 * transpiler runs while they are measured; the CLI scenarios run the built dist/cli/main.js.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, freemem, totalmem, type as osType, release } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { writeSyntheticCsv } from "./synthetic.js";

const quick = process.argv.includes("--quick");
const root = new URL("../", import.meta.url).pathname;
const out = join(root, "bench", ".out");
mkdirSync(out, { recursive: true });

const SIZES = quick ? [100_000] : [100_000, 1_000_000];
/**
 * The CLI's output formats besides JSON, timed once each in a full run; with `problems`, the same format trimmed by
 * `--only problems` (the rows that fail, warn or lack data).
 */
const OTHER_FORMATS: ReadonlyArray<readonly [format: string, only?: "problems"]> = [
  ["csv"],
  ["md"],
  ["html"],
  ["table"],
  ["ndjson"],
  ["ndjson", "problems"],
  ["json", "problems"],
  ["md", "problems"],
];
const TARGETS = { planWarmMs: 20, inProcess1MMs: 3000, cli1MMs: 6000, peakRssBytes: 1024 ** 3, speedupOverEngine: 20, slowdownToLoop: 5, growth: 12 };

interface Result {
  scenario: string;
  ms?: number;
  peakRssBytes: number;
  [key: string]: unknown;
}

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

async function bundle(name: string): Promise<string> {
  const file = join(out, `${name}.mjs`);
  await build({
    entryPoints: [join(root, "bench", "scenarios", `${name}.ts`)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: file,
    logLevel: "error",
    external: ["json-rules-engine", "zod", "decimal.js", "date-fns", "@date-fns/tz"],
  });
  return file;
}

function run(command: string, args: readonly string[]): { stdout: string; stderr: string; ms: number } {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr, ms };
}

function scenario(file: string, args: readonly string[] = []): Result {
  const { stdout } = run(process.execPath, [file, ...args]);
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Result;
}

/** Runs in a quick run, and in a full one: the median by time is recorded, with the highest peak memory of them. */
const RUNS = quick ? 1 : 3;

function medianRun(once: () => Result): Result {
  const all = Array.from({ length: RUNS }, once).sort((a, b) => (a.ms ?? 0) - (b.ms ?? 0));
  return { ...all[all.length >> 1]!, peakRssBytes: Math.max(...all.map((r) => r.peakRssBytes)), runs: RUNS };
}

/**
 * This machine's speed drifts by up to half from one minute to the next: a fixed loop, timed in a fresh process
 * at the start, between the scenarios and at the end, shows how fast it ran while they did.
 */
function machineSpeed(): number {
  const loop = "let x = 0; const t = performance.now(); for (let i = 0; i < 1e8; i++) x += i % 7; console.log(performance.now() - t, x > 0);";
  const times = [0, 1, 2].map(() => Number(run(process.execPath, ["-e", loop]).stdout.split(" ")[0]));
  return times.sort((a, b) => a - b)[1]!;
}
const speeds: number[] = [];

const results: Result[] = [];
log(`bench: ${quick ? "quick" : "full"} run`);
speeds.push(machineSpeed());

// The CLI scenarios run the build: a full run builds it afresh, so that it never measures a build older than src/.
if (!quick || !existsSync(join(root, "dist", "cli", "main.js"))) run("npm", ["run", "build"]);

const planWarm = await bundle("plan-warm");
const planCold = await bundle("plan-cold");
const csvInProcess = await bundle("csv-in-process");
const decisions = await bundle("decisions");

log("plan scorecard, warm and cold");
results.push(scenario(planWarm, ["50", "60"]));
const cold = [0, 1, 2].map(() => scenario(planCold));
results.push({ ...cold.sort((a, b) => (a.ms ?? 0) - (b.ms ?? 0))[1]!, runs: 3 });

for (const size of SIZES) {
  const csv = join(out, `observations-${size}.csv`);
  if (!existsSync(csv)) {
    log(`writing ${size.toLocaleString("en")} synthetic observations`);
    await writeSyntheticCsv(csv, size);
  }
  speeds.push(machineSpeed());
  // This machine's speed drifts by half from one minute to the next: each large scenario is the median of a few runs.
  log(`${size.toLocaleString("en")} observations in process`);
  results.push({ ...medianRun(() => scenario(csvInProcess, [csv])), size, fileBytes: statSync(csv).size });
  log(`${size.toLocaleString("en")} observations through the CLI`);
  const scorecardFile = join(out, `scorecard-${size}.json`);
  results.push({
    ...medianRun(() => {
      rmSync(scorecardFile, { force: true });
      const cli = run(process.execPath, ["--import", join(root, "bench", "rss.mjs"), join(root, "dist", "cli", "main.js"), "scorecard", "--data", csv, "--as-of", "2026-11-26", "--format", "json", "--out", scorecardFile]);
      return { scenario: "csv-cli", ms: cli.ms, peakRssBytes: Number(/NQ57_BENCH_PEAK_RSS=(\d+)/.exec(cli.stderr)?.[1] ?? 0) };
    }),
    size,
  });
  // The other formats write the same rows: each once, in a full run only (a quick run stays under a minute).
  if (!quick)
    for (const [format, only] of OTHER_FORMATS) {
      const label = only ? `${format} --only ${only}` : format;
      log(`${size.toLocaleString("en")} observations through the CLI, --format ${label}`);
      const file = join(out, `scorecard-${size}${only ? `-${only}` : ""}.${format}`);
      rmSync(file, { force: true });
      const cli = run(process.execPath, [
        "--import",
        join(root, "bench", "rss.mjs"),
        join(root, "dist", "cli", "main.js"),
        "scorecard",
        "--data",
        csv,
        "--as-of",
        "2026-11-26",
        "--format",
        format,
        ...(only ? ["--only", only] : []),
        "--out",
        file,
      ]);
      results.push({ scenario: "csv-cli-format", format: label, ms: cli.ms, peakRssBytes: Number(/NQ57_BENCH_PEAK_RSS=(\d+)/.exec(cli.stderr)?.[1] ?? 0), outputBytes: statSync(file).size, size });
      rmSync(file, { force: true });
    }
}

log("rule decisions: compiled, json-rules-engine, hand-written");
results.push(scenario(decisions, [quick ? "30000" : "100000"]));
speeds.push(machineSpeed());

// ------------------------------------------------------------------- report
const find = (name: string, size?: number) => results.find((r) => r.scenario === name && (size === undefined || r.size === size));
const fmtMs = (ms: number | undefined) => (ms === undefined ? "—" : ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms).toLocaleString("en")} ms`);
const fmtMb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString("en")} MB`;
const ok = (met: boolean) => (met ? "met" : "**not met**");

const warm = find("plan-warm")!;
const dec = find("decisions")!;
const speedup = Number(dec.compiledPerSecond) / Number(dec.jsonRulesEnginePerSecond);
const slowdown = Number(dec.handWrittenPerSecond) / Number(dec.compiledPerSecond);
const inProcess = (n: number) => find("csv-in-process-compiled", n);
const cliRun = (n: number) => find("csv-cli", n);
const medianOf = (r: Result) => (Number(r.runs) > 1 ? `; median of ${String(r.runs)} runs` : "");
const lines: string[] = [];
const cpu = cpus()[0]?.model ?? "unknown CPU";
lines.push("# Benchmark results", "");
lines.push(`Recorded by \`npm run bench${quick ? " -- --quick" : ""}\` on ${new Date().toISOString().slice(0, 10)}.`, "");
lines.push(`Machine: ${cpus().length} × ${cpu}, ${fmtMb(totalmem())} memory (${fmtMb(freemem())} free at the end), ${osType()} ${release()}, Node.js ${process.version}.`, "");
lines.push("Each scenario ran in a process of its own; peak memory is that process's maximum resident set size (for a median of several runs, the highest of them).", "");
lines.push(
  `How fast the machine ran: a fixed loop (10⁸ additions, median of 3 fresh processes) took ${speeds.map((ms) => fmtMs(ms)).join(", ")} at the start, before each size and at the end. The machine's speed drifts from one minute to the next, and every figure below moves with it: a longer loop means a slower machine.`,
  "",
);
lines.push("## Scenarios", "", "| scenario | size | time | peak RSS | notes |", "|---|---:|---:|---:|---|");
for (const r of results.filter((r) => r.scenario !== "csv-cli-format")) {
  const notes =
    r.scenario === "decisions"
      ? `${Number(r.decisions).toLocaleString("en")} decisions: compiled ${Number(r.compiledPerSecond).toLocaleString("en")}/s, hand-written ${Number(r.handWrittenPerSecond).toLocaleString("en")}/s, json-rules-engine ${Number(r.jsonRulesEnginePerSecond).toLocaleString("en")}/s (on ${Number(r.jsonRulesEngineSampled).toLocaleString("en")} sampled)`
      : r.scenario.startsWith("csv-in-process")
        ? `${Number(r.rows).toLocaleString("en")} rows, overall score ${String(r.score)}; CSV of ${fmtMb(Number(r.fileBytes))}; reading ${fmtMs(Number(r.readMs))}, scoring ${fmtMs(Number(r.scoreMs))} (peak ${fmtMb(Number(r.scoredPeakRssBytes))}); making every row object when an app reads \`rows\`: ${fmtMs(Number(r.rowsMs))} more; writing the scorecard as JSON text (${fmtMb(Number(r.jsonBytes))}, UTF-8, no file): ${fmtMs(Number(r.jsonMs))} more, of which, each written alone, the rows' facts take about ${fmtMs(Number(r.factsMs))} (${fmtMb(Number(r.factsBytes))}) and their messages ${fmtMs(Number(r.messagesMs))} (${fmtMb(Number(r.messagesBytes))})${medianOf(r)}`
        : r.scenario === "plan-warm"
          ? `median of ${String(r.runs)} runs after ${String(r.warmUp)} warm-up runs; ${String(r.rows)} rows`
          : r.scenario === "plan-cold"
            ? "median of 3 fresh processes, loading the library included"
            : `\`nq57 scorecard --format json --out FILE\`, process start to exit${medianOf(r)}`;
  const size = r.size ? Number(r.size).toLocaleString("en") : r.observations ? `${Number(r.observations).toLocaleString("en")} observations` : "Plan 142 fixture";
  lines.push(`| ${r.scenario} | ${size} | ${fmtMs(r.ms)} | ${fmtMb(r.peakRssBytes)} | ${notes} |`);
}
const formats = results.filter((r) => r.scenario === "csv-cli-format");
if (formats.length > 0) {
  lines.push("", "## The other output formats through the CLI", "");
  lines.push("`nq57 scorecard --format FORMAT --out FILE` on the same CSV files, process start to exit, one run each.", "");
  lines.push("| format | size | time | peak RSS | output |", "|---|---:|---:|---:|---:|");
  for (const r of formats) lines.push(`| ${String(r.format)} | ${Number(r.size).toLocaleString("en")} | ${fmtMs(r.ms)} | ${fmtMb(r.peakRssBytes)} | ${fmtMb(Number(r.outputBytes))} |`);
}
lines.push("", "## Targets", "", "| target | measured | |", "|---|---|---|");
lines.push(`| one plan scorecard warm < ${TARGETS.planWarmMs} ms | ${fmtMs(warm.ms)} | ${ok((warm.ms ?? Infinity) < TARGETS.planWarmMs)} |`);
lines.push(`| compiled ≥ ${TARGETS.speedupOverEngine}× plain json-rules-engine | ${speedup.toFixed(0)}× | ${ok(speedup >= TARGETS.speedupOverEngine)} |`);
lines.push(`| compiled within ${TARGETS.slowdownToLoop}× of a hand-written loop | hand-written is ${slowdown.toFixed(2)}× faster | ${ok(slowdown <= TARGETS.slowdownToLoop)} |`);
if (!quick) {
  const p1 = inProcess(1_000_000)!;
  const p100 = inProcess(100_000)!;
  const c1 = cliRun(1_000_000)!;
  const c100 = cliRun(100_000)!;
  lines.push(`| 1,000,000 observations in process < ${TARGETS.inProcess1MMs / 1000} s | ${fmtMs(p1.ms)} | ${ok((p1.ms ?? Infinity) < TARGETS.inProcess1MMs)} |`);
  lines.push(`| 1,000,000 observations through the CLI from CSV < ${TARGETS.cli1MMs / 1000} s | ${fmtMs(c1.ms)} | ${ok((c1.ms ?? Infinity) < TARGETS.cli1MMs)} |`);
  const peak = Math.max(p1.peakRssBytes, c1.peakRssBytes, ...formats.filter((r) => r.size === 1_000_000).map((r) => r.peakRssBytes));
  lines.push(`| peak RSS < 1 GB at 1,000,000 (in process, and the CLI in every format) | ${fmtMb(peak)} | ${ok(peak < TARGETS.peakRssBytes)} |`);
  const growthIn = (p1.ms ?? 0) / (p100.ms ?? 1);
  const growthCli = (c1.ms ?? 0) / (c100.ms ?? 1);
  lines.push(`| linear growth: 1M ≤ ${TARGETS.growth}× 100k | in process ${growthIn.toFixed(1)}×, CLI ${growthCli.toFixed(1)}× | ${ok(growthIn <= TARGETS.growth && growthCli <= TARGETS.growth)} |`);
} else {
  lines.push("| 1,000,000-observation targets | not run in a quick run | — |");
}
lines.push("");
const text = `${lines.join("\n")}\n`;
if (quick) process.stdout.write(text);
else writeFileSync(join(root, "bench", "RESULTS.md"), text);
log(quick ? "quick run: results printed, bench/RESULTS.md left as it is" : "wrote bench/RESULTS.md");
