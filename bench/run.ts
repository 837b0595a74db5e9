/**
 * `npm run bench` (or `npm run bench -- --quick`): runs every scenario in a process of its own, side by side,
 * and writes bench/RESULTS.md with the machine, the date, the figures and whether each target is met.
 *
 *   - one Plan 142 scorecard on the bundled fixture, warm and cold (cold includes loading the library);
 *   - national input: 100,000 and 1,000,000 observations as agencies send them (decimals with a dot or a comma,
 *     integers for counts and ranks, a few percent of rows missing or unusable; see synthetic.ts), in three orders
 *     (year by year, commune by commune, shuffled), from a CSV file: in process, through the CLI (JSON, median of a
 *     few runs; in a full run also CSV, Markdown, HTML, the terminal table and NDJSON, and JSON, NDJSON and Markdown
 *     trimmed by `--only problems`), and a bare read-and-compare loop over the same file that the CLI is measured
 *     against; each beside the machine's speed (a fixed loop) just before;
 *   - rule decisions per second: compiled, plain json-rules-engine (one run per decision), a hand-written loop;
 *   - peak resident memory of each.
 *
 * Parts only, printed and never recorded (the same for `--quick`): `--only=plan,national,decisions` picks the groups
 * of scenarios, `--order=year-major,commune-major,shuffled` and `--size=100000,1000000` the national inputs,
 * `--runs=N` the runs of each national scenario, `--formats` adds the CLI's other formats.
 *
 * The scenarios are bundled with esbuild first (the library from src/, as the build ships it), so no
 * transpiler runs while they are measured; the CLI scenarios run the built dist/cli/main.js.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, freemem, totalmem, type as osType, release } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { GENERATOR_VERSION, ORDERS, writeRealisticCsv, type Order } from "./synthetic.js";

const args = process.argv.slice(2);
/** The values of `--name=a,b`, or undefined when it is not given. */
const listOption = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3).split(",");
const quick = args.includes("--quick");
const only = listOption("only");
const partial = quick || args.some((a) => /^--(only|order|size|runs|formats)\b/.test(a));
const runsGroup = (group: "plan" | "national" | "decisions") => only === undefined || only.includes(group);
const root = new URL("../", import.meta.url).pathname;
const out = join(root, "bench", ".out");
mkdirSync(out, { recursive: true });

const SIZES = listOption("size")?.map(Number) ?? (quick ? [100_000] : [100_000, 1_000_000]);
const VARIANTS: readonly Order[] = (listOption("order") as Order[] | undefined) ?? ORDERS;
for (const order of VARIANTS) if (!ORDERS.includes(order)) throw new Error(`--order: ${order} is not one of ${ORDERS.join(", ")}`);
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
const withFormats = !partial || args.includes("--formats");
const TARGETS = { planWarmMs: 20, inProcess1MMs: 3000, cliToBareLoop: 8, peakRssBytes: 1024 ** 3, speedupOverEngine: 20, slowdownToLoop: 5, growth: 12 };

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
const RUNS = Number(listOption("runs")?.[0] ?? (quick ? 1 : 3));

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
log(`bench: ${partial ? "partial" : "full"} run`);
speeds.push(machineSpeed());

// The CLI scenarios run the build: a full run builds it afresh, so that it never measures a build older than src/.
if (runsGroup("national") && (!partial || !existsSync(join(root, "dist", "cli", "main.js")))) run("npm", ["run", "build"]);

if (runsGroup("plan")) {
  const planWarm = await bundle("plan-warm");
  const planCold = await bundle("plan-cold");
  log("plan scorecard, warm and cold");
  results.push(scenario(planWarm, ["50", "60"]));
  const cold = [0, 1, 2].map(() => scenario(planCold));
  results.push({ ...cold.sort((a, b) => (a.ms ?? 0) - (b.ms ?? 0))[1]!, runs: 3 });
}

/** `nq57 scorecard` on a file in a format, process start to exit, with its peak memory. */
function cliRun(csv: string, format: string, file: string, more: readonly string[] = []): { ms: number; peakRssBytes: number } {
  rmSync(file, { force: true });
  const cli = run(process.execPath, ["--import", join(root, "bench", "rss.mjs"), join(root, "dist", "cli", "main.js"), "scorecard", "--data", csv, "--as-of", "2026-11-26", "--format", format, ...more, "--out", file]);
  return { ms: cli.ms, peakRssBytes: Number(/NQ57_BENCH_PEAK_RSS=(\d+)/.exec(cli.stderr)?.[1] ?? 0) };
}

if (runsGroup("national")) {
  const csvInProcess = await bundle("csv-in-process");
  const bareLoop = await bundle("bare-loop");
  for (const size of SIZES)
    for (const order of VARIANTS) {
      const csv = join(out, `observations-v${GENERATOR_VERSION}-${order}-${size}.csv`);
      if (!existsSync(csv)) {
        log(`writing ${size.toLocaleString("en")} observations, ${order}`);
        await writeRealisticCsv(csv, size, order);
      }
      // The machine's speed just before this input's scenarios, recorded beside each of them.
      const loopMs = machineSpeed();
      speeds.push(loopMs);
      const about = { size, order, loopMs, fileBytes: statSync(csv).size };
      // This machine's speed drifts by half from one minute to the next: each scenario is the median of a few runs.
      log(`${size.toLocaleString("en")} observations, ${order}: in process`);
      results.push({ ...medianRun(() => scenario(csvInProcess, [csv])), ...about });
      log(`${size.toLocaleString("en")} observations, ${order}: through the CLI, and the bare loop`);
      const scorecardFile = join(out, `scorecard-${order}-${size}.json`);
      results.push({ ...medianRun(() => ({ scenario: "csv-cli", ...cliRun(csv, "json", scorecardFile) })), ...about });
      const bareFile = join(out, `bare-${order}-${size}.ndjson`);
      results.push({
        ...medianRun(() => {
          rmSync(bareFile, { force: true });
          const bare = run(process.execPath, ["--import", join(root, "bench", "rss.mjs"), bareLoop, csv, bareFile]);
          return { scenario: "bare-loop", ms: bare.ms, peakRssBytes: Number(/NQ57_BENCH_PEAK_RSS=(\d+)/.exec(bare.stderr)?.[1] ?? 0), outputBytes: statSync(bareFile).size };
        }),
        ...about,
      });
      rmSync(scorecardFile, { force: true });
      rmSync(bareFile, { force: true });
      // The other formats write the same rows: each once, in a full run only (a quick run stays under a minute).
      if (withFormats)
        for (const [format, only] of OTHER_FORMATS) {
          const label = only ? `${format} --only ${only}` : format;
          log(`${size.toLocaleString("en")} observations, ${order}: through the CLI, --format ${label}`);
          const file = join(out, `scorecard-${order}-${size}${only ? `-${only}` : ""}.${format}`);
          results.push({ scenario: "csv-cli-format", format: label, ...cliRun(csv, format, file, only ? ["--only", only] : []), outputBytes: statSync(file).size, ...about });
          rmSync(file, { force: true });
        }
    }
}

if (runsGroup("decisions")) {
  const decisions = await bundle("decisions");
  log("rule decisions: compiled, json-rules-engine, hand-written");
  results.push(scenario(decisions, [quick ? "30000" : "100000"]));
}
speeds.push(machineSpeed());

// ------------------------------------------------------------------- report
const find = (name: string, size?: number, order?: Order) => results.find((r) => r.scenario === name && (size === undefined || r.size === size) && (order === undefined || r.order === order));
const fmtMs = (ms: number | undefined) => (ms === undefined ? "—" : ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms).toLocaleString("en")} ms`);
const fmtMb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString("en")} MB`;
const fmtSize = (n: number) => n.toLocaleString("en");
const ok = (met: boolean) => (met ? "met" : "**not met**");
const medianOf = (r: Result) => (Number(r.runs) > 1 ? `; median of ${String(r.runs)} runs` : "");

const lines: string[] = [];
const cpu = cpus()[0]?.model ?? "unknown CPU";
lines.push("# Benchmark results", "");
lines.push(`Recorded by \`npm run bench${partial ? ` ${args.join(" ")}` : ""}\` on ${new Date().toISOString().slice(0, 10)}.`, "");
lines.push(`Machine: ${cpus().length} × ${cpu}, ${fmtMb(totalmem())} memory (${fmtMb(freemem())} free at the end), ${osType()} ${release()}, Node.js ${process.version}.`, "");
lines.push("Each scenario ran in a process of its own; peak memory is that process's maximum resident set size (for a median of several runs, the highest of them).", "");
lines.push(
  `How fast the machine ran: a fixed loop (10⁸ additions, median of 3 fresh processes) took ${speeds.map((ms) => fmtMs(ms)).join(", ")} at the start, before each national input and at the end. The machine's speed drifts from one minute to the next, and every figure below moves with it: a longer loop means a slower machine.`,
  "",
);

const others = results.filter((r) => r.scenario === "plan-warm" || r.scenario === "plan-cold" || r.scenario === "decisions");
if (others.length > 0) {
  lines.push("## Scenarios", "", "| scenario | size | time | peak RSS | notes |", "|---|---:|---:|---:|---|");
  for (const r of others) {
    const notes =
      r.scenario === "decisions"
        ? `${Number(r.decisions).toLocaleString("en")} decisions: compiled ${Number(r.compiledPerSecond).toLocaleString("en")}/s, hand-written ${Number(r.handWrittenPerSecond).toLocaleString("en")}/s, json-rules-engine ${Number(r.jsonRulesEnginePerSecond).toLocaleString("en")}/s (on ${Number(r.jsonRulesEngineSampled).toLocaleString("en")} sampled)`
        : r.scenario === "plan-warm"
          ? `median of ${String(r.runs)} runs after ${String(r.warmUp)} warm-up runs; ${String(r.rows)} rows`
          : "median of 3 fresh processes, loading the library included";
    const size = r.observations ? `${Number(r.observations).toLocaleString("en")} observations` : "Plan 142 fixture";
    lines.push(`| ${r.scenario} | ${size} | ${fmtMs(r.ms)} | ${fmtMb(r.peakRssBytes)} | ${notes} |`);
  }
  lines.push("");
}

const national = results.filter((r) => r.scenario.startsWith("csv-in-process"));
if (national.length > 0) {
  lines.push("## National input", "");
  lines.push(
    "Observations as agencies send them (`bench/synthetic.ts`): the numeric indicators of Plan 142 for 2024 to 2026, the city's and those of communes across Vietnam; decimals of one or two places written with a dot (a fixed number of places, or the shortest form) or with a decimal comma in a quoted cell, integers for counts and ranks; about 2% of the figures never sent and 3% of the rows unusable or suspect (an empty value, a dash or `N/A`, a percentage above 100, an id in lower case). The same records in three orders: year by year, commune by commune, shuffled.",
    "",
    "*In process*: read from the CSV file as a stream, checked and scored (`evaluateStream`), every verdict, score and summary decided. *CLI*: `nq57 scorecard --format json --out FILE`, process start to exit. *Bare loop*: the least a program doing the CLI's job does (`bench/scenarios/bare-loop.ts`): reads the same file, compares each value, as a binary float, with its indicator's first target, and writes a line of JSON per row, process start to exit. *Loops*: a time divided by the fixed loop's just before, comparable from one machine or minute to another.",
    "",
    "| order | size | fixed loop | in process | in loops | reading | scoring | peak RSS | CLI, JSON | peak RSS | bare loop | CLI ÷ bare loop |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of national) {
    const order = r.order as Order;
    const size = Number(r.size);
    const cli = find("csv-cli", size, order);
    const bare = find("bare-loop", size, order);
    const loopMs = Number(r.loopMs);
    lines.push(
      `| ${order} | ${fmtSize(size)} | ${fmtMs(loopMs)} | ${fmtMs(r.ms)} | ${((r.ms ?? 0) / loopMs).toFixed(1)} | ${fmtMs(Number(r.readMs))} | ${fmtMs(Number(r.scoreMs))} | ${fmtMb(r.peakRssBytes)} | ${fmtMs(cli?.ms)} | ${cli ? fmtMb(cli.peakRssBytes) : "—"} | ${fmtMs(bare?.ms)} | ${cli && bare ? `${((cli.ms ?? 0) / (bare.ms ?? 1)).toFixed(1)}×` : "—"} |`,
    );
  }
  lines.push("", "In process, in detail:", "");
  for (const r of national)
    lines.push(
      `- ${String(r.order)}, ${fmtSize(Number(r.size))}: ${Number(r.observations).toLocaleString("en")} observations given, ${Number(r.accepted).toLocaleString("en")} accepted, ${Number(r.notes).toLocaleString("en")} notes; ${Number(r.rows).toLocaleString("en")} rows, overall score ${String(r.score)}; CSV of ${fmtMb(Number(r.fileBytes))}; peak ${fmtMb(Number(r.scoredPeakRssBytes))} once scored; making every row object when an app reads \`rows\`: ${fmtMs(Number(r.rowsMs))} more; writing the scorecard as JSON text (${fmtMb(Number(r.jsonBytes))}, UTF-8, no file): ${fmtMs(Number(r.jsonMs))} more, of which, each written alone, the rows' facts take about ${fmtMs(Number(r.factsMs))} (${fmtMb(Number(r.factsBytes))}) and their messages ${fmtMs(Number(r.messagesMs))} (${fmtMb(Number(r.messagesBytes))})${medianOf(r)}.`,
    );
  lines.push("");
}
const formats = results.filter((r) => r.scenario === "csv-cli-format");
if (formats.length > 0) {
  lines.push("## The other output formats through the CLI", "");
  lines.push("`nq57 scorecard --format FORMAT --out FILE` on the same CSV files, process start to exit, one run each.", "");
  lines.push("| format | order | size | fixed loop | time | peak RSS | output |", "|---|---|---:|---:|---:|---:|---:|");
  for (const r of formats)
    lines.push(`| ${String(r.format)} | ${String(r.order)} | ${fmtSize(Number(r.size))} | ${fmtMs(Number(r.loopMs))} | ${fmtMs(r.ms)} | ${fmtMb(r.peakRssBytes)} | ${fmtMb(Number(r.outputBytes))} |`);
  lines.push("");
}

lines.push("## Targets", "", "| target | measured | |", "|---|---|---|");
const warm = find("plan-warm");
if (warm) lines.push(`| one plan scorecard warm < ${TARGETS.planWarmMs} ms | ${fmtMs(warm.ms)} | ${ok((warm.ms ?? Infinity) < TARGETS.planWarmMs)} |`);
const dec = find("decisions");
if (dec) {
  const speedup = Number(dec.compiledPerSecond) / Number(dec.jsonRulesEnginePerSecond);
  const slowdown = Number(dec.handWrittenPerSecond) / Number(dec.compiledPerSecond);
  lines.push(`| compiled ≥ ${TARGETS.speedupOverEngine}× plain json-rules-engine | ${speedup.toFixed(0)}× | ${ok(speedup >= TARGETS.speedupOverEngine)} |`);
  lines.push(`| compiled within ${TARGETS.slowdownToLoop}× of a hand-written loop | hand-written is ${slowdown.toFixed(2)}× faster | ${ok(slowdown <= TARGETS.slowdownToLoop)} |`);
}
/** A target on every order of the national input: each order's figure, and whether all hold. */
const everyOrder = (target: string, measure: (order: Order) => { text: string; met: boolean } | undefined) => {
  const measured = VARIANTS.flatMap((order) => {
    const m = measure(order);
    return m ? [{ order, ...m }] : [];
  });
  if (measured.length > 0) lines.push(`| ${target} | ${measured.map((m) => `${m.order} ${m.text}`).join(", ")} | ${ok(measured.every((m) => m.met))} |`);
};
const M = 1_000_000;
const K100 = 100_000;
everyOrder(`1,000,000 observations in process < ${TARGETS.inProcess1MMs / 1000} s`, (order) => {
  const r = find("csv-in-process-compiled", M, order);
  return r && { text: fmtMs(r.ms), met: (r.ms ?? Infinity) < TARGETS.inProcess1MMs };
});
everyOrder(`1,000,000 observations through the CLI from CSV to JSON within ${TARGETS.cliToBareLoop}× the bare loop`, (order) => {
  const cli = find("csv-cli", M, order);
  const bare = find("bare-loop", M, order);
  if (!cli || !bare) return undefined;
  const ratio = (cli.ms ?? Infinity) / (bare.ms ?? 1);
  return { text: `${ratio.toFixed(1)}× (${fmtMs(cli.ms)} and ${fmtMs(bare.ms)})`, met: ratio <= TARGETS.cliToBareLoop };
});
everyOrder("peak RSS < 1 GB at 1,000,000 (in process, and the CLI in every format run)", (order) => {
  const all = results.filter((r) => r.size === M && r.order === order && r.scenario !== "bare-loop");
  if (all.length === 0) return undefined;
  const peak = Math.max(...all.map((r) => r.peakRssBytes));
  return { text: fmtMb(peak), met: peak < TARGETS.peakRssBytes };
});
everyOrder(`linear growth: 1M ≤ ${TARGETS.growth}× 100k (in process, CLI)`, (order) => {
  const growth = (name: string) => (find(name, M, order)?.ms ?? NaN) / (find(name, K100, order)?.ms ?? NaN);
  const inProcess = growth("csv-in-process-compiled");
  const cli = growth("csv-cli");
  if (Number.isNaN(inProcess)) return undefined;
  return { text: `${inProcess.toFixed(1)}×, ${cli.toFixed(1)}×`, met: inProcess <= TARGETS.growth && cli <= TARGETS.growth };
});
lines.push("");
const text = `${lines.join("\n")}\n`;
if (partial) process.stdout.write(text);
else writeFileSync(join(root, "bench", "RESULTS.md"), text);
log(partial ? "partial run: results printed, bench/RESULTS.md left as it is" : "wrote bench/RESULTS.md");
