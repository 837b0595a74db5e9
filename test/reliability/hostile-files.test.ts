import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/io.js";
import { cli, hostile } from "./hostile.js";

/**
 * Every file argument of every command is checked before a byte is read from it: a named pipe (which would wait for a
 * writer for ever), a device such as /dev/zero (which never ends), a directory or a socket is refused with one line
 * naming it and what it is, exit code 2, and never hangs; a file that cannot be read is a usage error too, not an
 * unexpected one. (A reader that opened a FIFO to read it would block this test process: the refusal must come first.)
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "nq57-hostile-files-"));
const at = (name: string) => join(dir, name);
const canMakeFifos = process.platform !== "win32" && spawnSync("mkfifo", ["--version"]).status === 0;

/** The kinds of path that are not regular files, each made under the name given, and how a refusal names it. */
const KINDS = {
  fifo: { words: "a named pipe (FIFO)", make: (path: string) => spawnSync("mkfifo", [path]) },
  device: { words: "a device", make: (path: string) => symlinkSync("/dev/zero", path) },
  directory: { words: "a directory", make: (path: string) => mkdirSync(path) },
  socket: { words: "a socket", make: (path: string) => listen(path) },
} as const;
type Kind = keyof typeof KINDS;
const servers: Server[] = [];
function listen(path: string): void {
  const server = createServer();
  server.listen(path);
  servers.push(server);
}

beforeAll(async () => {
  for (const [kind, { make }] of Object.entries(KINDS)) for (const ext of ["csv", "json"]) make(at(`${kind}.${ext}`));
  // A folder of rule files holding one of each kind beside a good one.
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const folder = at(`rules-with-${kind}`);
    mkdirSync(folder);
    copyFileSync(join(root, "rules/task.deadline.json"), join(folder, "a.json"));
    KINDS[kind].make(join(folder, "b.json"));
  }
  const made = await cli(["scorecard", "--as-of", "2026-11-26", "--data", hostile("spellings.csv"), "--format", "json", "--out", at("good-scorecard.json")]);
  expect(made.code, made.stderr).not.toBe(EXIT.usage);
  await new Promise((resolve) => setTimeout(resolve, 50));
});
afterAll(() => servers.forEach((server) => server.close()));

/** The refusal every case must give: exit code 2 and one line naming the path and what it is. */
async function expectRefused(argv: string[], path: string, kind: Kind) {
  const { code, stdout, stderr } = await cli(argv);
  expect(code, stderr).toBe(EXIT.usage);
  expect(stderr).toMatch(new RegExp(`^nq57: ${escape(path)}: ${escape(KINDS[kind].words)}[,;] `));
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stdout).toBe("");
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const kinds = (Object.keys(KINDS) as Kind[]).filter((k) => k !== "fifo" || canMakeFifos);
/** A scorecard written by the CLI (in beforeAll), the other side of a comparison. */
const goodScorecard = () => at("good-scorecard.json");
const scorecard = ["scorecard", "--as-of", "2026-11-26"];

describe.each(kinds)("a %s given as a file", { timeout: 10_000 }, (kind) => {
  it.each(["csv", "json"])("scorecard --data X.%s", async (ext) => {
    const path = at(`${kind}.${ext}`);
    await expectRefused([...scorecard, "--data", path], path, kind);
  });

  it.each(["csv", "json"])("validate --data X.%s, beside a good file", async (ext) => {
    const path = at(`${kind}.${ext}`);
    await expectRefused(["validate", "--data", hostile("spellings.csv"), path], path, kind);
  });

  it.runIf(kind !== "directory")("scorecard --rules X, and rules test X", async () => {
    const path = at(`${kind}.json`);
    await expectRefused([...scorecard, "--data", hostile("spellings.csv"), "--rules", path], path, kind);
    await expectRefused(["rules", "test", path], path, kind);
  });

  it.runIf(kind !== "directory")("a folder of rule files holding one: scorecard --rules DIR, rules test DIR", async () => {
    const path = join(at(`rules-with-${kind}`), "b.json");
    await expectRefused([...scorecard, "--data", hostile("spellings.csv"), "--rules", at(`rules-with-${kind}`)], path, kind);
    await expectRefused(["rules", "test", at(`rules-with-${kind}`)], path, kind);
  });

  it.runIf(kind !== "device")("scorecard --out X and plan export --out X", async () => {
    const path = at(`${kind}.json`);
    await expectRefused([...scorecard, "--data", hostile("spellings.csv"), "--format", "json", "--out", path], path, kind);
    await expectRefused(["plan", "export", "haiphong-142", "--out", path], path, kind);
  });

  it.each(["csv", "json"])("scorecard --amendments, --waivers, --successions X.%s", async (ext) => {
    const path = at(`${kind}.${ext}`);
    for (const option of ["--amendments", "--waivers", "--successions"]) await expectRefused([...scorecard, "--data", hostile("spellings.csv"), option, path], path, kind);
  });

  it("scorecard --plan X, plan diff X Y, plan diff Y X", async () => {
    const path = at(`${kind}.json`);
    await expectRefused([...scorecard, "--plan", path, "--data", hostile("spellings.csv")], path, kind);
    await expectRefused(["plan", "diff", path, "haiphong-142"], path, kind);
    await expectRefused(["plan", "diff", "haiphong-142", path], path, kind);
  });

  it("compare X Y and compare Y X", async () => {
    const path = at(`${kind}.json`);
    await expectRefused(["compare", path, goodScorecard()], path, kind);
    await expectRefused(["compare", goodScorecard(), path], path, kind);
  });

  // A device (as /dev/null) may be written to; init refuses what would wait for ever or cannot be a file.
  it.runIf(kind === "fifo" || kind === "socket")("init, where a template would be written", async () => {
    const folder = at(`init-${kind}`);
    mkdirSync(folder);
    KINDS[kind].make(join(folder, "observations.csv"));
    await expectRefused(["init", folder, "--force"], join(folder, "observations.csv"), kind);
  });
});

describe("what may be given: /dev/null as --out, a folder of rule files", () => {
  it("writes to /dev/null", async () => {
    expect((await cli(["plan", "export", "haiphong-142", "--out", "/dev/null"])).code).toBe(EXIT.success);
  });

  it("reads a folder of rule files", async () => {
    const folder = at("rules-good");
    mkdirSync(folder);
    copyFileSync(hostile("rules/app.hostile-text.json"), join(folder, "a.json"));
    expect((await cli(["rules", "test", folder])).code).toBe(EXIT.success);
  });
});

describe("a file that cannot be read", () => {
  // Tests run as root, whom no permission stops: the CLI is then run as the user nobody, in a process of its own.
  const asRoot = process.getuid?.() === 0;
  const unreadable = (name: string, text: string) => {
    const folder = mkdtempSync(join(tmpdir(), "nq57-unreadable-"));
    chmodSync(folder, 0o755);
    const path = join(folder, name);
    writeFileSync(path, text);
    chmodSync(path, 0o000);
    return path;
  };
  // Node.js from the npm registry lives under root's home, which nobody cannot enter: a copy nobody can run serves.
  let nodeForNobody: string | undefined;
  const nobodysNode = () => {
    if (nodeForNobody) return nodeForNobody;
    nodeForNobody = process.execPath;
    if (spawnSync(nodeForNobody, ["-e", ""], { uid: 65534, gid: 65534 }).status !== 0) {
      const folder = mkdtempSync(join(tmpdir(), "nq57-node-"));
      chmodSync(folder, 0o755);
      nodeForNobody = join(folder, "node");
      copyFileSync(process.execPath, nodeForNobody);
      chmodSync(nodeForNobody, 0o755);
    }
    return nodeForNobody;
  };
  const run = async (argv: string[]) => {
    if (!asRoot) return cli(argv);
    const child = spawnSync(nobodysNode(), ["--import", "tsx", join(root, "src/cli/main.ts"), ...argv], { uid: 65534, gid: 65534, encoding: "utf8", cwd: root, timeout: 150_000 });
    return { code: child.status, stdout: child.stdout, stderr: child.stderr };
  };

  it.runIf(process.platform !== "win32").each([
    ["validate --data", "x.csv", "indicator,period,value\nPL2-1,2025,60\n", (p: string) => ["validate", "--data", p]],
    ["scorecard --data", "x.json", '{"observations":[]}', (p: string) => ["scorecard", "--data", p, "--as-of", "2026-11-26"]],
    ["rules test", "r.json", "{}", (p: string) => ["rules", "test", p]],
  ] as const)("%s: a usage error naming the file, not an unexpected error", { timeout: 180_000 }, async (_, name, text, argv) => {
    const path = unreadable(name, text);
    const { code, stderr } = await run(argv(path));
    // A process of its own compiles the CLI anew (its cache is another user's): slow on a loaded machine, never null.
    expect(code, stderr).toBe(EXIT.usage);
    expect(stderr).toBe(`nq57: ${path}: cannot read the file (permission denied)\n`);
  });
});

describe("exit codes: one table for every command", () => {
  const data = hostile("spellings.csv");
  const good = hostile("rules/app.hostile-text.json");
  const failing = at("failing-rule.json");
  const clean = at("clean.csv");
  beforeAll(() => {
    writeFileSync(clean, "indicator,period,value\nPL2-1,2025,60\n");
    const rule = JSON.parse(readFileSync(good, "utf8")) as { examples: { expect: { verdict: string } }[] };
    rule.examples[0]!.expect.verdict = "pass";
    writeFileSync(failing, JSON.stringify(rule));
  });
  const initDir = () => mkdtempSync(join(tmpdir(), "nq57-init-"));

  /** Per command: a run that succeeds, one with a finding (where the command has findings), and one with bad input. */
  const COMMANDS: Record<string, { success: () => string[]; finding?: () => string[]; bad: () => string[] }> = {
    "plan show": { success: () => ["plan", "show"], bad: () => ["plan", "show", "no-such-plan"] },
    "plan export": { success: () => ["plan", "export", "haiphong-142"], bad: () => ["plan", "export", "haiphong-142", "--format", "csv"] },
    "plan deadlines": { success: () => ["plan", "deadlines", "--from", "2025-01-01", "--to", "2025-12-31"], bad: () => ["plan", "deadlines", "--from", "2025-02-30", "--to", "2025-12-31"] },
    scorecard: {
      success: () => ["scorecard", "--data", data, "--as-of", "2026-11-26"],
      finding: () => ["scorecard", "--data", data, "--as-of", "2026-11-26", "--fail-on", "fail"],
      bad: () => ["scorecard", "--data", at("missing.csv")],
    },
    validate: { success: () => ["validate", "--data", clean], finding: () => ["validate", "--data", data], bad: () => ["validate", "--data", at("missing.csv")] },
    init: { success: () => ["init", initDir()], bad: () => ["init", data] },
    "rules list": { success: () => ["rules", "list"], bad: () => ["rules", "list", "--lang", "fr"] },
    "rules show": { success: () => ["rules", "show", "task.deadline"], bad: () => ["rules", "show", "no.such-rule"] },
    "rules test": { success: () => ["rules", "test", good], finding: () => ["rules", "test", failing], bad: () => ["rules", "test", hostile("rule-weight-twice.json")] },
    demo: { success: () => ["demo"], bad: () => ["demo", "--lang", "fr"] },
  };

  it.each(Object.entries(COMMANDS))("%s: 0 done, 1 a finding, 2 bad input or usage, 3 unexpected", { timeout: 30_000 }, async (_, c) => {
    expect((await cli(c.success())).code).toBe(EXIT.success);
    if (c.finding) expect((await cli(c.finding())).code).toBe(EXIT.findings);
    const bad = await cli(c.bad());
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toMatch(/^(nq57: |error: )/);
    expect((await cli([...c.success(), "--no-such-option"])).code).toBe(EXIT.usage);
    // An error the CLI does not expect (here, standard output failing) is told apart from every other outcome.
    const unexpected = await cli(c.success(), {
      stdout: () => {
        throw new Error("standard output broke");
      },
    });
    expect(unexpected.code).toBe(EXIT.unexpected);
    expect(unexpected.stderr).toBe("nq57: unexpected error: standard output broke\n");
  });

  it("the table: 0, 1, 2 and 3, each its own meaning", () => expect(EXIT).toEqual({ success: 0, findings: 1, usage: 2, unexpected: 3 }));
});
