// Loaded with `node --import` into a command being measured: reports its peak resident memory on exit,
// so that the benchmark measures the CLI process itself rather than a wrapper around it.
import { writeSync } from "node:fs";
import process from "node:process";

process.on("exit", () => {
  writeSync(2, `\nNQ57_BENCH_PEAK_RSS=${process.resourceUsage().maxRSS * 1024}\n`);
});
