import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import { Nq57Error } from "../errors.js";
import { emit, processIo, UsageError, type CliIo } from "./io.js";
import { aroundToday, deadlineList, exportPlan, planById, planSummary, type Lang } from "./plan-commands.js";
import { PLAN_ENTITIES } from "../model/tables.js";
import { vietnamDate } from "../model/vietnam-time.js";
import pkg from "../../package.json";

const isoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new UsageError(`"${value}" is not a date (YYYY-MM-DD)`);
  return value;
};

function program(io: CliIo): Command {
  const langOption = () => new Option("--lang <lang>", "language of the output").choices(["vi", "en"]).default("vi");
  const root = new Command("nq57")
    .description("Track Hai Phong's Plan 142/KH-UBND (Resolution 57-NQ/TW) and score how it is carried out.")
    .version(pkg.version, "-v, --version")
    .option("--debug", "show stack traces")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  const plan = root.command("plan").description("Show, export and query a plan shipped with the library.");
  plan
    .command("show")
    .description("Print a plan's summary.")
    .argument("[plan]", "plan id", "haiphong-142")
    .addOption(langOption())
    .action((id: string, opts: { lang: Lang }) => io.stdout(planSummary(planById(id), opts.lang)))
    .addHelpText("after", "\nExample:\n  $ nq57 plan show haiphong-142 --lang en");
  plan
    .command("export")
    .description("Print a plan as JSON, or one of its entities as a CSV table (UTF-8 with BOM, for Excel).")
    .argument("<plan>", "plan id, e.g. haiphong-142")
    .addOption(new Option("--format <format>", "output format").choices(["json", "csv"]).default("json"))
    .addOption(new Option("--entity <entity>", "table to export as CSV").choices([...PLAN_ENTITIES]))
    .option("--out <file>", "write to a file instead of standard output")
    .action((id: string, opts: { format: string; entity?: string; out?: string }) =>
      emit(io, exportPlan(planById(id), opts.format, opts.entity), opts.out),
    )
    .addHelpText(
      "after",
      "\nExamples:\n  $ nq57 plan export haiphong-142 --format json > plan.json\n  $ nq57 plan export haiphong-142 --format csv --entity tasks --out tasks.csv",
    );
  plan
    .command("deadlines")
    .description("List what falls due between two dates (Vietnam calendar, both included).")
    .argument("[plan]", "plan id", "haiphong-142")
    .requiredOption("--from <date>", "first day, YYYY-MM-DD", isoDate)
    .requiredOption("--to <date>", "last day, YYYY-MM-DD", isoDate)
    .addOption(langOption())
    .action((id: string, opts: { from: string; to: string; lang: Lang }) =>
      io.stdout(deadlineList(planById(id), opts.from, opts.to, opts.lang, vietnamDate())),
    )
    .addHelpText("after", "\nExample:\n  $ nq57 plan deadlines --from 2025-09-01 --to 2025-12-31");

  root
    .command("demo")
    .description("Run the main job on the bundled data: the plan's summary and what falls due around today.")
    .addOption(langOption())
    .action((opts: { lang: Lang }) => {
      const p = planById("haiphong-142");
      io.stdout(`${planSummary(p, opts.lang)}\n${aroundToday(p, opts.lang)}`);
    });
  return root;
}

/**
 * Runs the CLI with arguments (without `node` and the script) and returns the exit code:
 * 0 success, 2 bad input or usage.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const cmd = program(io);
  try {
    await cmd.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError || error instanceof Nq57Error) {
      io.stderr(`nq57: ${error.message.split("\n")[0]}\n`);
      if (argv.includes("--debug")) io.stderr(`${error.stack}\n`);
      return 2;
    }
    io.stderr(`nq57: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (argv.includes("--debug") && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 1;
  }
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (invokedDirectly) process.exitCode = await runCli(process.argv.slice(2));
