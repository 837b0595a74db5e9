/**
 * Runs the code of every guide in docs/guides, so that no sample there can be wrong or go stale.
 *
 * Each guide's fenced blocks run in document order, in a fresh working folder of its own (under the system's
 * temporary folder), so that a later block may use what an earlier one wrote:
 *
 * - ```ts: written to a .ts file under `.tmp/` in the repository (git-ignored, deleted afterwards) with its
 *   imports of "nq57-scorecard" pointed at `src/index.ts`, and run with `node --import tsx FILE` in the working
 *   folder; it must exit with code 0. Blocks may use top-level await. Every ts block is also type-checked with
 *   the repository's compiler options (`tsc --noEmit`, lib DOM).
 * - ```ts browser: a block that needs a browser (the DOM) is type-checked only.
 * - ```sh: each command starting with `npx nq57` runs as `node --import tsx src/cli/main.ts …` in the working
 *   folder and must exit with code 0, or with N when the fence says `exit=N` (```sh exit=2); `npm install` lines
 *   are skipped, and any other command fails the test, so that every shell line a guide shows is checked.
 * - ```csv file=PATH, ```json file=PATH (any language): the block's text is written to PATH in the working
 *   folder, as a reader would save it, before the blocks after it run.
 * - ```text output: every non-blank line must appear in what the runnable block just before it printed.
 *
 * Blocks run in parallel across guides, one process per available CPU, so that the whole test takes well under a
 * minute.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, isAbsolute, join, normalize, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const guidesDir = join(root, "docs/guides");
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const tscBin = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const cli = join(root, "src/cli/main.ts");
const entryPoints: Record<string, string> = {
  "nq57-scorecard": join(root, "src/index.ts"),
  "nq57-scorecard/changes": join(root, "src/changes.ts"),
  "nq57-scorecard/schema": join(root, "src/schema.ts"),
  "nq57-scorecard/plans/haiphong-142": join(root, "src/plans/haiphong-142/entry.ts"),
};
/** How long one block may run before it is stopped. */
const PROCESS_TIMEOUT_MS = 90_000;

/** A fenced block of a guide: where it starts, its language, the words after the language, and its text. */
interface Block {
  readonly guide: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly flags: ReadonlyMap<string, string>;
  readonly code: string;
}

/** The fenced blocks of a Markdown text, with the indentation of their fence removed from their lines. */
function blocksOf(guide: string, text: string): Block[] {
  const lines = text.split(/\r?\n/);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,})([^`]*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, info] = open as unknown as [string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !new RegExp(`^ {0,3}${fence}\\s*$`).test(lines[j]!); j++) body.push(lines[j]!.startsWith(indent) ? lines[j]!.slice(indent.length) : lines[j]!);
    const [lang = "", ...words] = info.trim().split(/\s+/);
    const flags = new Map(words.map((w) => (w.includes("=") ? [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)] : [w, ""]) as [string, string]));
    blocks.push({ guide, line: i + 1, lang, flags, code: `${body.join("\n")}\n` });
    i = j;
  }
  return blocks;
}

/** What running a block gave. */
interface Outcome {
  readonly ok: boolean;
  /** Why it failed, or what was run. */
  readonly report: string;
  readonly stdout: string;
}

interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** At most one process per CPU at a time (at least two), so that parallel guides do not starve each other. */
const slots = { free: Math.max(2, availableParallelism()), waiting: [] as (() => void)[] };
/** The processes running now, stopped when the tests end early (a filtered run does not wait for all of them). */
const children = new Set<ChildProcess>();
let stopping = false;

async function runProcess(command: string, args: readonly string[], cwd: string): Promise<ProcessResult> {
  if (slots.free === 0) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.free -= 1;
  try {
    if (stopping) return { code: null, stdout: "", stderr: "not run: the tests ended" };
    return await new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" }, stdio: ["ignore", "pipe", "pipe"] });
      children.add(child);
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => void (stdout += d.toString("utf8")));
      child.stderr.on("data", (d: Buffer) => void (stderr += d.toString("utf8")));
      const timer = setTimeout(() => child.kill("SIGKILL"), PROCESS_TIMEOUT_MS);
      child.on("error", reject);
      child.on("close", (code) => {
        children.delete(child);
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free += 1;
  }
}

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
const tail = (text: string, max = 4000) => (text.length > max ? `…${text.slice(-max)}` : text);

/** A ts block as a module of its own, its imports of the package pointed at the sources. */
function moduleText(code: string): string {
  return code.replace(/\b(from\s+|import\s*\(\s*)(["'])(nq57-scorecard(?:\/schema|\/changes|\/plans\/haiphong-142)?)\2/g, (_m, head: string, _q, name: string) => `${head}${JSON.stringify(entryPoints[name])}`);
}

/** The commands of a shell block: continued lines joined, blanks and comments left out. */
function shellCommands(code: string): string[] {
  return code
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/** A path a block may write to: inside the working folder. */
function pathInside(folder: string, path: string): string {
  const full = normalize(join(folder, path));
  const rel = relative(folder, full);
  if (isAbsolute(path) || rel === "" || rel.startsWith("..") || rel.split(sep).includes(".."))
    throw new Error(`file=${path} must name a file inside the working folder`);
  return full;
}

const allBlocks = readdirSync(guidesDir)
  .filter((f) => f.endsWith(".md"))
  .sort()
  .flatMap((guide) => blocksOf(guide, readFileSync(join(guidesDir, guide), "utf8")));

const isRunnableTs = (b: Block) => b.lang === "ts" && !b.flags.has("browser");
const isShell = (b: Block) => b.lang === "sh" && shellCommands(b.code).some((c) => !/^npm (install|i|ci)\b/.test(c));
const isOutput = (b: Block) => b.flags.has("output");
const isFile = (b: Block) => b.flags.has("file");
const tsBlocks = allBlocks.filter((b) => b.lang === "ts");

/** Where the ts blocks are written: inside the repository, so that they resolve its node_modules. */
const tmpRoot = join(root, ".tmp", `guides-${process.pid}-${Date.now()}`);
const workDirs: string[] = [];
const fileOf = (b: Block) => join(tmpRoot, `${b.guide.replace(/\.md$/, "")}-L${b.line}.ts`);

let outcomes: Map<Block, Promise<Outcome>> | undefined;

/** Starts every guide's blocks, each guide's in order, the guides side by side; memoised. */
function start(): Map<Block, Promise<Outcome>> {
  if (outcomes) return outcomes;
  mkdirSync(tmpRoot, { recursive: true });
  for (const b of tsBlocks) writeFileSync(fileOf(b), moduleText(b.code));
  outcomes = new Map();
  for (const guide of new Set(allBlocks.map((b) => b.guide))) {
    const work = mkdtempSync(join(tmpdir(), `nq57-guide-${guide.replace(/\.md$/, "")}-`));
    workDirs.push(work);
    let previous: Promise<Outcome> = Promise.resolve({ ok: true, report: "", stdout: "" });
    let lastRun: Promise<Outcome> = previous;
    for (const block of allBlocks.filter((b) => b.guide === guide)) {
      let outcome: Promise<Outcome>;
      if (isFile(block)) outcome = previous.then(() => writeBlockFile(block, work));
      else if (isRunnableTs(block)) outcome = previous.then(() => runTs(block, work));
      else if (isShell(block)) outcome = previous.then(() => runShell(block, work));
      else if (isOutput(block)) {
        const before = lastRun;
        outcome = previous.then(() => checkOutput(block, before));
      } else continue;
      outcomes.set(block, outcome);
      if (!isOutput(block) && !isFile(block)) lastRun = outcome;
      // A failed block fails its own test; the blocks after it still run.
      previous = outcome.catch((error: unknown) => ({ ok: false, report: String(error), stdout: "" }));
    }
  }
  return outcomes;
}

function writeBlockFile(block: Block, work: string): Outcome {
  const path = pathInside(work, block.flags.get("file")!);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, block.code);
  return { ok: true, report: `wrote ${block.flags.get("file")}`, stdout: "" };
}

async function runTs(block: Block, work: string): Promise<Outcome> {
  const r = await runProcess(process.execPath, ["--import", tsxLoader, fileOf(block)], work);
  return {
    ok: r.code === 0,
    report: `${block.guide}:${block.line}: exit code ${r.code} (expected 0)\n--- stderr\n${tail(r.stderr)}\n--- stdout\n${tail(r.stdout)}`,
    stdout: r.stdout,
  };
}

async function runShell(block: Block, work: string): Promise<Outcome> {
  const expected = Number(block.flags.get("exit") ?? "0");
  let stdout = "";
  for (const command of shellCommands(block.code)) {
    if (/^npm (install|i|ci)\b/.test(command)) continue;
    if (!/^npx nq57(\s|$)/.test(command))
      return { ok: false, report: `${block.guide}:${block.line}: "${command}" is neither an npx nq57 command nor npm install; tag the block as text if it is not to be run`, stdout };
    const line = command.replace(/^npx nq57/, `${shellQuote(process.execPath)} --import ${shellQuote(tsxLoader)} ${shellQuote(cli)}`);
    const r = await runProcess("bash", ["-c", line], work);
    stdout = r.stdout;
    if (r.code !== expected)
      return { ok: false, report: `${block.guide}:${block.line}: "${command}" exited with ${r.code} (expected ${expected})\n--- stderr\n${tail(r.stderr)}\n--- stdout\n${tail(r.stdout)}`, stdout };
  }
  return { ok: true, report: "", stdout };
}

async function checkOutput(block: Block, before: Promise<Outcome>): Promise<Outcome> {
  const ran = await before;
  const missing = block.code
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !ran.stdout.includes(l));
  return {
    ok: missing.length === 0,
    report: `${block.guide}:${block.line}: lines not printed by the block before:\n${missing.join("\n")}\n--- it printed\n${tail(ran.stdout)}`,
    stdout: ran.stdout,
  };
}

/** Type-checks every ts block together, with the repository's options and the DOM; errors in the blocks only. */
async function typeCheck(): Promise<string[]> {
  start();
  const config = join(tmpRoot, "tsconfig.json");
  writeFileSync(
    config,
    JSON.stringify({
      extends: relative(tmpRoot, join(root, "tsconfig.json")).split(sep).join("/"),
      compilerOptions: { noEmit: true, allowImportingTsExtensions: true, exactOptionalPropertyTypes: true, lib: ["ES2023", "DOM", "DOM.Iterable"] },
      include: ["./*.ts"],
    }),
  );
  const r = await runProcess(process.execPath, [tscBin, "-p", config, "--pretty", "false"], root);
  const byFile = new Map(tsBlocks.map((b) => [fileOf(b), b]));
  return r.stdout
    .split("\n")
    .map((line) => {
      const m = /^(.+?)\((\d+),(\d+)\): (error .*)$/.exec(line);
      const block = m ? byFile.get(join(root, m[1]!)) ?? byFile.get(m[1]!) : undefined;
      return block && m ? `${block.guide}:${block.line + Number(m[2])}:${m[3]}: ${m[4]}` : undefined;
    })
    .filter((e): e is string => e !== undefined);
}

afterAll(async () => {
  stopping = true;
  for (const child of children) child.kill("SIGKILL");
  if (outcomes) await Promise.allSettled(outcomes.values());
  await typeChecked?.catch(() => undefined);
  rmSync(tmpRoot, { recursive: true, force: true });
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
}, 60_000);

let typeChecked: Promise<string[]> | undefined;

describe("the guides", () => {
  it("have code to run", () => {
    expect(allBlocks.filter(isRunnableTs).length).toBeGreaterThan(5);
    expect(allBlocks.filter(isShell).length).toBeGreaterThan(3);
  });

  it("type-check: every ts block compiles with the repository's strict options", { timeout: 180_000 }, async () => {
    typeChecked ??= typeCheck();
    expect(await typeChecked).toEqual([]);
  });

  for (const guide of [...new Set(allBlocks.map((b) => b.guide))]) {
    describe(guide, () => {
      for (const block of allBlocks.filter((b) => b.guide === guide && (isRunnableTs(b) || isShell(b) || isOutput(b) || isFile(b)))) {
        const what = isFile(block) ? `writes ${block.flags.get("file")}` : isOutput(block) ? "prints the output shown" : `runs the ${block.lang} block`;
        it(`line ${block.line}: ${what}`, { timeout: 180_000 }, async () => {
          const outcome = await start().get(block)!;
          expect(outcome.ok, outcome.report).toBe(true);
        });
      }
    });
  }
});
