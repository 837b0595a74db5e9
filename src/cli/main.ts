import { existsSync, realpathSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, Option } from "commander";
import { Nq57Error } from "../errors.js";
import { readRuleSources } from "./files.js";
import { COMPARE_FORMATS, compareCommand, type CompareFormat } from "./compare-command.js";
import { INIT_KINDS, initCommand, type InitCommandOptions } from "./init-command.js";
import { emit, EXIT, exitCodesHelp, processIo, UsageError, type CliIo } from "./io.js";
import { terminalText } from "../safe-text.js";
import { deadlineList, exportPlan, planById, planSummary } from "./plan-commands.js";
import { addPlanChangeCommands, changeOptions, planAsAmended } from "./plan-change-commands.js";
import { DEFAULT_PLAN } from "./plan-files.js";
import { planDemos, plans, type PlanId } from "../plans/index.js";
import { PlanFileError } from "../errors.js";
import type { Lang } from "../model/text.js";
import { ruleDetails, ruleList, testRuleFiles, verifyRuleFiles } from "./rules-commands.js";
import { standardRules } from "../rules/standard.js";
import { checkIsoDate, SCORECARD_FORMATS, scorecardCommand, scorecardOf, validateCommand, type ScorecardCommandOptions } from "./scorecard-commands.js";
import { renderComparisonMarkdown } from "../render/comparison.js";
import { compareScorecards } from "../scorecard/compare.js";
import { PLAN_ENTITIES } from "../model/tables.js";
import { vietnamDate } from "../model/vietnam-time.js";
import pkg from "../../package.json";

const isoDate = (option: string) => (value: string) => checkIsoDate(value, option);

/** The demo of the default plan: its data (bundled beside `src/` and `dist/` alike) and the date it is scored on. */
const demo = planDemos[DEFAULT_PLAN as PlanId];
/** The bundled demo data, beside `src/` and `dist/` alike. */
export const DEMO_DATA = demo ? fileURLToPath(new URL(`../../fixtures/${demo.data}`, import.meta.url)) : "";
/** The date the demo scores the bundled data on. */
export const DEMO_AS_OF = demo?.asOf ?? "";
/** The date of the demo's previous report, a year before: what `nq57 demo --compare` compares with. */
export const DEMO_PREVIOUS_AS_OF = DEMO_AS_OF ? `${Number(DEMO_AS_OF.slice(0, 4)) - 1}${DEMO_AS_OF.slice(4)}` : "";

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The exit code a command asks for, beside commander's own. */
interface RunState {
  exitCode: number;
}

function program(io: CliIo, state: RunState = { exitCode: 0 }): Command {
  const langOption = () => new Option("--lang <lang>", "language of the output").choices(["vi", "en"]).default("vi");
  const root = new Command("nq57")
    .description(`Track a plan implementing Resolution 57-NQ/TW and score how it is carried out (shipped: ${Object.values(plans).map((p) => p.document.number).join(", ")}; any other as a plan file).`)
    .version(pkg.version, "-v, --version")
    .option("--debug", "show stack traces")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .addHelpText(
      "after",
      "\nExit codes, the same for every command: 0 done; 1 a finding (a row fails with --fail-on, validate rejects a record,\nan example of rules test fails,\nrules verify finds a difference); 2 bad input or usage (an unknown option, a file missing, unreadable or not a regular\nfile, an invalid rule file); 3 unexpected error (run again with --debug).",
    );

  const plan = root.command("plan").description("Show, export, compare, build and query a plan: one shipped with the library (by id) or a plan file (.json).");
  plan
    .command("show")
    .description("Print a plan's summary.")
    .argument("[plan]", "plan id or plan file (.json)", DEFAULT_PLAN)
    .addOption(langOption())
    .action((id: string, opts: { lang: Lang }) => emit(io, planSummary(planById(id), opts.lang), undefined))
    .addHelpText("after", `\nExample:\n  $ nq57 plan show ${DEFAULT_PLAN} --lang en`);
  changeOptions(
    plan
      .command("export")
      .description("Print a plan as JSON, or one of its entities as a CSV table (UTF-8 with BOM, for Excel); with --amendments, the plan in force on --as-of.")
      .argument("<plan>", `plan id or plan file (.json), e.g. ${DEFAULT_PLAN}`)
      .addOption(new Option("--format <format>", "output format").choices(["json", "csv"]).default("json"))
      .addOption(new Option("--entity <entity>", "table to export as CSV").choices([...PLAN_ENTITIES]))
      .option("--out <file>", "write to a file instead of standard output"),
    isoDate,
  )
    .action((id: string, opts: { format: string; entity?: string; out?: string; amendments?: string[]; successions?: string[]; asOf?: string }) =>
      emit(io, exportPlan(planAsAmended(planById(id), opts).plan, opts.format, opts.entity), opts.out),
    )
    .addHelpText(
      "after",
      `\nExamples:\n  $ nq57 plan export ${DEFAULT_PLAN} --format json > plan.json\n  $ nq57 plan export ${DEFAULT_PLAN} --format csv --entity tasks --out tasks.csv\n  $ nq57 plan export ${DEFAULT_PLAN} --amendments amendments.csv --as-of 2026-12-31 > plan-in-force.json`,
    );
  addPlanChangeCommands(plan, io, isoDate);
  plan
    .command("deadlines")
    .description("List what falls due between two dates (Vietnam calendar, both included).")
    .argument("[plan]", "plan id or plan file (.json)", DEFAULT_PLAN)
    .requiredOption("--from <date>", "first day, YYYY-MM-DD", isoDate("--from"))
    .requiredOption("--to <date>", "last day, YYYY-MM-DD", isoDate("--to"))
    .addOption(langOption())
    .action((id: string, opts: { from: string; to: string; lang: Lang }) =>
      emit(io, deadlineList(planById(id), opts.from, opts.to, opts.lang, vietnamDate()), undefined),
    )
    .addHelpText("after", "\nExample:\n  $ nq57 plan deadlines --from 2025-09-01 --to 2025-12-31");

  const planOption = () => new Option("--plan <plan>", "plan id, or a plan file (.json) as nq57 plan build writes it").default(DEFAULT_PLAN);
  const dataOption = () => new Option("--data <files...>", "data file: .json, or .csv of observations or of task reports (repeatable)").makeOptionMandatory();

  root
    .command("scorecard")
    .description("Score how the plan is carried out on reported data: every rule on every task and indicator, summed up by group, agency and locality.")
    .addOption(planOption())
    .addOption(dataOption())
    .option("--as-of <date>", "assess the plan as of this Vietnam date, YYYY-MM-DD (default: today in Vietnam)", isoDate("--as-of"))
    .addOption(new Option("--format <format>", "output format (default: table on a terminal, else json)").choices([...SCORECARD_FORMATS]))
    .option("--out <file>", "write to a file instead of standard output (needed for docx and xlsx)")
    .option("--rules <paths...>", "extra rule files or folders of them, added to the standard rules (repeatable)")
    .option("--param <rule.parameter=value>", "override a rule parameter, e.g. task.deadline.dueSoonDays=14 (repeatable)", collect)
    .addOption(new Option("--fail-on <verdict>", "exit with code 1 when a row fails (fail) or fails or warns (warn)").choices(["fail", "warn"]))
    .option("--min-coverage <share>", "the least data coverage (0 to 1) a summary needs for a band; below it the score is provisional (default 0.5)")
    .option("--amendments <files...>", "amendments files (.json or .csv): judge each entity by the plan as amended on --as-of")
    .option("--waivers <files...>", "waivers files (.json or .csv): rows a waiver in force covers are shown as exempted and not scored")
    .option("--successions <files...>", "successions files (.json or .csv): agencies that took over others' duties")
    .addOption(new Option("--only <rows>", "list only these rows, in any format: problems (fail, warn, no data); the summaries stay whole").choices(["problems"]))
    .option("--agency <id>", "one agency's scorecard: the tasks it leads and coordinates and the indicators it leads (ids: nq57 plan export PLAN --format csv --entity agencies)")
    .addOption(langOption())
    .action(async (opts: ScorecardCommandOptions) => {
      state.exitCode = await scorecardCommand(io, opts);
    })
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  $ nq57 scorecard --data observations.csv --data task-reports.csv --as-of 2026-11-26",
        `  $ nq57 scorecard --plan ${DEFAULT_PLAN} --data report.json --as-of 2026-11-26 --format md --out scorecard.md --lang en`,
        "  $ nq57 scorecard --plan my-plan.json --data observations.csv --amendments amendments.csv --waivers waivers.csv",
        "  $ nq57 scorecard --data report.json --format csv --out scorecard.csv",
        "  $ nq57 scorecard --data report.json --format docx --out bao-cao.docx   (the report to the People's Committee)",
        "  $ nq57 scorecard --data report.json --format xlsx --out bang-danh-gia.xlsx",
        "  $ nq57 scorecard --data national.csv --format ndjson --only problems --out problems.ndjson",
        "  $ nq57 scorecard --data report.json --agency so-khoa-hoc-va-cong-nghe --format md --out dost.md",
        "  $ nq57 scorecard --data report.json --param task.deadline.dueSoonDays=14 --rules ./my-rules --fail-on fail",
        "",
        exitCodesHelp("a row fails (or warns) with --fail-on"),
        "Colour only on a terminal, never when NO_COLOR is set.",
      ].join("\n"),
    );

  root
    .command("compare")
    .description("What changed from one scorecard to the next (each written by nq57 scorecard --format json): tasks newly overdue and completed, milestones newly met and missed, scores and coverage per agency, group and locality, reporting rates, problems in the figures new and resolved.")
    .argument("<previous>", "the earlier scorecard (JSON)")
    .argument("<current>", "the later scorecard (JSON)")
    .addOption(new Option("--format <format>", "output format (default: md on a terminal, else json)").choices([...COMPARE_FORMATS]))
    .option("--out <file>", "write to a file instead of standard output")
    .addOption(langOption())
    .action(async (previous: string, current: string, opts: { format?: CompareFormat; out?: string; lang: Lang }) => {
      state.exitCode = await compareCommand(io, previous, current, opts);
    })
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  $ nq57 scorecard --data report-2025.json --as-of 2025-11-26 --format json --out 2025.json",
        "  $ nq57 scorecard --data report-2026.json --as-of 2026-11-26 --format json --out 2026.json",
        "  $ nq57 compare 2025.json 2026.json --format md --out changes.md",
        "  $ nq57 compare 2025.json 2026.json --format docx --out bao-cao.docx   # the report, with the changes",
        "",
        exitCodesHelp(undefined),
      ].join("\n"),
    );

  root
    .command("validate")
    .description("Read and check data files without scoring: accepted and rejected records per file, each rejection with its reason.")
    .addOption(planOption())
    .addOption(dataOption())
    .addOption(langOption())
    .action(async (opts: { plan: string; data: string[]; lang: Lang }) => {
      state.exitCode = await validateCommand(io, opts);
    })
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  $ nq57 validate --data observations.csv task-reports.csv",
        `  $ nq57 validate --plan ${DEFAULT_PLAN} --data report.json`,
        "",
        "Each rejected record is printed as FILE:LINE: FIELD: REASON.",
        exitCodesHelp("a record is rejected"),
      ].join("\n"),
    );

  root
    .command("init")
    .description("Write CSV templates (UTF-8 with BOM, for Excel): what an agency reports (observations.csv, task-reports.csv), a plan's sheets (--for plan), or a plan's changes (--for changes).")
    .argument("[dir]", "folder to write them to (made if missing)", ".")
    .addOption(new Option("--for <kind>", "reports: what agencies report; plan: a plan's spreadsheets; changes: amendments, waivers, successions").choices([...INIT_KINDS]).default("reports"))
    .addOption(planOption())
    .option("--force", "overwrite the templates if they exist")
    .addOption(langOption())
    .action((dir: string, opts: InitCommandOptions & { plan: string }) => {
      state.exitCode = initCommand(io, dir, opts, planById(opts.plan));
    })
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  $ nq57 init",
        "  $ nq57 init bao-cao --lang en",
        "  $ nq57 init my-plan --for plan",
        "  $ nq57 init changes --for changes",
        "",
        exitCodesHelp(undefined),
        "A template that exists is bad input: nothing is written without --force.",
      ].join("\n"),
    );

  const rules = root.command("rules").description("List, explain and test the rules a scorecard applies.");
  rules
    .command("list")
    .description("List the standard rules: id, severity, weight and title.")
    .addOption(langOption())
    .action((opts: { lang: Lang }) => emit(io, ruleList(opts.lang), undefined))
    .addHelpText("after", "\nExample:\n  $ nq57 rules list --lang en");
  rules
    .command("show")
    .description("Explain a standard rule: what it checks, why, its parameters, its cases in order and its worked examples.")
    .argument("<id>", "rule id, e.g. task.deadline")
    .addOption(langOption())
    .action((id: string, opts: { lang: Lang }) => emit(io, ruleDetails(id, opts.lang), undefined))
    .addHelpText("after", "\nExamples:\n  $ nq57 rules show task.deadline\n  $ nq57 rules show indicator.progress --lang en");
  rules
    .command("test")
    .description("Check rule files and run their worked examples: PASS or FAIL for each.")
    .argument("<paths...>", "rule files, or folders of .json rule files")
    .action(async (paths: string[]) => {
      const report = await testRuleFiles(readRuleSources(paths));
      emit(io, report.text, undefined);
      state.exitCode = report.passed ? EXIT.success : EXIT.findings;
    })
    .addHelpText(
      "after",
      `\nExamples:\n  $ nq57 rules test ./my-rules\n  $ nq57 rules test rules/task.deadline.json my-rules/budget.json\n\n${exitCodesHelp("an example fails")}`,
    );
  rules
    .command("verify")
    .description(
      "Run every worked example of rule files (the standard rules when none is given) through the compiled path and through a stock json-rules-engine: SAME or DIFF for each.",
    )
    .argument("[paths...]", "rule files, or folders of .json rule files")
    .action(async (paths: string[]) => {
      const report = await verifyRuleFiles(paths.length > 0 ? readRuleSources(paths) : standardRules);
      emit(io, report.text, undefined);
      state.exitCode = report.passed ? EXIT.success : EXIT.findings;
    })
    .addHelpText(
      "after",
      `\nExamples:\n  $ nq57 rules verify\n  $ nq57 rules verify ./my-rules\n\n${exitCodesHelp("an example is decided otherwise by the two")}`,
    );

  root
    .command("demo")
    .description(`Score the bundled illustrative data as of ${DEMO_AS_OF}: the scorecard as a table.`)
    .addOption(langOption())
    .option("--compare", `show what changed since the report of ${DEMO_PREVIOUS_AS_OF} instead (Markdown), as nq57 compare does`)
    .action(async (opts: { lang: Lang; compare?: boolean }) => {
      if (!existsSync(DEMO_DATA))
        throw new UsageError(`the demo data ${DEMO_DATA} is missing; score your own data with: nq57 scorecard --data FILE --as-of YYYY-MM-DD`);
      io.stdout(
        opts.lang === "vi"
          ? "Số liệu minh họa, tự đặt ra để chạy thử; không phải số liệu chính thức.\n\n"
          : "Illustrative figures made up for the demo; not official data.\n\n",
      );
      if (opts.compare) {
        const plan = planById(DEFAULT_PLAN);
        const data = [relative(process.cwd(), DEMO_DATA) || DEMO_DATA];
        const [previous, current] = [await scorecardOf(plan, { data, asOf: DEMO_PREVIOUS_AS_OF }), await scorecardOf(plan, { data, asOf: DEMO_AS_OF })];
        emit(io, renderComparisonMarkdown(compareScorecards(previous, current), plan, { lang: opts.lang }), undefined);
        return;
      }
      state.exitCode = await scorecardCommand(io, {
        plan: DEFAULT_PLAN,
        data: [relative(process.cwd(), DEMO_DATA) || DEMO_DATA],
        asOf: DEMO_AS_OF,
        format: "table",
        lang: opts.lang,
      });
    })
    .addHelpText("after", `\nExamples:\n  $ nq57 demo --lang en\n  $ nq57 demo --compare   # what changed since ${DEMO_PREVIOUS_AS_OF}\n\nThe same as:\n  $ nq57 scorecard --plan ${DEFAULT_PLAN} --data fixtures/${demo?.data ?? ""} --as-of ${DEMO_AS_OF} --format table`);
  return root;
}

/**
 * Runs the CLI with arguments (without `node` and the script) and returns the exit code, the same for every command
 * ({@link EXIT}): 0 done; 1 a finding (`--fail-on`, a record `validate` rejects, an example `rules test` fails);
 * 2 bad input or usage; 3 an unexpected error. Messages on standard error show control characters from data as
 * escapes, never as codes a terminal acts on.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const state: RunState = { exitCode: EXIT.success };
  const cmd = program(io, state);
  try {
    await cmd.parseAsync([...argv], { from: "user" });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.success : EXIT.usage;
    if (error instanceof UsageError || error instanceof Nq57Error) {
      // A file of plan data lists every problem, one a line; other errors say theirs in one line.
      const lines = error instanceof PlanFileError ? error.message.split("\n") : [error.message.split("\n")[0]!];
      for (const line of lines) io.stderr(`nq57: ${terminalText(line.replace(/^\s+- /, "  "), { singleLine: true })}\n`);
      if (argv.includes("--debug")) io.stderr(`${terminalText(String(error.stack))}\n`);
      return EXIT.usage;
    }
    io.stderr(`nq57: unexpected error: ${terminalText(error instanceof Error ? error.message : String(error), { singleLine: true })}\n`);
    if (argv.includes("--debug") && error instanceof Error) io.stderr(`${terminalText(String(error.stack))}\n`);
    return EXIT.unexpected;
  }
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (invokedDirectly) {
  // Output piped into a command that stops reading (`| head`) is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await runCli(process.argv.slice(2));
}
