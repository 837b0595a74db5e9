import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitPieces, UsageError, type CliIo } from "../../src/cli/io.js";

const dir = mkdtempSync(join(tmpdir(), "nq57-emit-"));

function capture(): CliIo & { writes: string[] } {
  const writes: string[] = [];
  return { writes, stdout: (text) => void writes.push(text), stderr: () => {} };
}

/** Pieces small and large, with Vietnamese letters, a character outside the BMP and one larger than the buffer. */
function pieces(): string[] {
  const out = ["{", "\n  \"a\": ", JSON.stringify("Phường Hồng Bàng ≥60% 𝔸")];
  for (let i = 0; i < 3000; i++) out.push(`,\n  "r${i}": ${JSON.stringify(`Năm 2025, PL2-${i} đạt chỉ tiêu ≥60% «x» ${"đ".repeat(i % 50)}`)}`);
  out.push(`,\n  "big": ${JSON.stringify("ệ".repeat(5 * 1024 * 1024))}`, ",\n  \"z\": \"𝔸\"\n}\n");
  return out;
}

describe("emitPieces", () => {
  it("writes the pieces to a file as UTF-8, byte for byte", async () => {
    const file = join(dir, "out.json");
    const io = capture();
    const given = pieces();
    await emitPieces(io, given, file);
    expect(io.writes).toEqual([]);
    expect(readFileSync(file).equals(Buffer.from(given.join("")))).toBe(true);
  });

  it("writes an empty file when there are no pieces", async () => {
    const file = join(dir, "empty.json");
    await emitPieces(capture(), [], file);
    expect(readFileSync(file, "utf8")).toBe("");
  });

  it("writes to standard output in batches of about a megabyte, joined the same", async () => {
    const io = capture();
    const given = pieces();
    await emitPieces(io, given, undefined);
    expect(io.writes.join("")).toBe(given.join(""));
    expect(io.writes.length).toBeGreaterThan(1);
    expect(io.writes.length).toBeLessThan(given.length / 10);
  });

  it("waits for standard output to pass on each batch before making the next", async () => {
    // A slow reader: each batch is passed on a few ticks after it is written.
    const events: string[] = [];
    let pending = 0;
    const io: CliIo = {
      stdout: () => {
        pending++;
        events.push(`write with ${pending} pending`);
      },
      stderr: () => {},
      drained: async () => {
        for (let i = 0; i < 3; i++) await Promise.resolve();
        pending = 0;
      },
    };
    let made = 0;
    const given = pieces();
    const counted = (function* () {
      for (const piece of given) {
        made++;
        yield piece;
      }
    })();
    const writing = emitPieces(io, counted, undefined);
    // Nothing beyond the first batch is made before that batch has been passed on.
    expect(events).toEqual(["write with 1 pending"]);
    expect(made).toBeLessThan(given.length);
    await writing;
    expect(made).toBe(given.length);
    expect(events.length).toBeGreaterThan(1);
    expect(events.every((e) => e === "write with 1 pending")).toBe(true);
  });

  it("reports a file it cannot write as a UsageError", async () => {
    await expect(emitPieces(capture(), ["x"], join(dir, "no-such-folder", "out.json"))).rejects.toThrow(UsageError);
    await expect(emitPieces(capture(), ["x"], dir)).rejects.toThrow(/: a directory; --out writes a file/);
  });

  it.runIf(existsSync("/dev/full"))("reports a disk that is full as a UsageError naming the file", async () => {
    await expect(emitPieces(capture(), pieces(), "/dev/full")).rejects.toThrow("/dev/full: cannot write the file (ENOSPC)");
  });
});

describe("the CLI's standard output", () => {
  it("holds about a batch, not the whole text, when the program it is piped into reads slowly", { timeout: 60_000 }, async () => {
    // A child writes 64 MB through emitPieces to a pipe its parent reads only after a pause, noting the most
    // the stream ever held; without waiting for it to drain, the stream would hold all 64 MB.
    const io = new URL("../../src/cli/io.ts", import.meta.url).href;
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `import { emitPieces, processIo } from ${JSON.stringify(io)};
let most = 0;
function* pieces() {
  for (let i = 0; i < 64 * 1024; i++) {
    most = Math.max(most, process.stdout.writableLength);
    yield "ệ".repeat(341) + "\\n";
  }
}
await emitPieces(processIo, pieces(), undefined);
process.stderr.write(String(most));`,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    let bytes = 0;
    child.stdout.on("data", (d: Buffer) => (bytes += d.length));
    child.stdout.resume();
    const [code] = (await once(child, "close")) as [number];
    expect(code).toBe(0);
    expect(bytes).toBe(64 * 1024 * (341 * 3 + 1));
    expect(stderr).toMatch(/^\d+$/);
    expect(Number(stderr)).toBeLessThan(4 * 1024 * 1024);
  });
});
