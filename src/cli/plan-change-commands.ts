import { Option, type Command } from "commander";
import { planFromSheets } from "../input/plan-sheets.js";
import type { DefinedPlan } from "../model/define-plan.js";
import type { Lang } from "../model/text.js";
import { vietnamDate } from "../model/vietnam-time.js";
import { planInForce } from "../plans/amend.js";
import { diffPlans, type PlanVersion } from "../plans/diff.js";
import { renderPlanDiff } from "../render/plan-diff.js";
import { emit, UsageError, type CliIo } from "./io.js";
import { planSummary } from "./plan-commands.js";
import { loadPlan, readChangeFiles, readPlanSheets, type ChangeFileOptions } from "./plan-files.js";

/** The options that give a command the plan's changes: amendments and successions, and the date of the plan in force. */
export function changeOptions(command: Command, checkDate: (option: string) => (value: string) => string): Command {
  return command
    .option("--amendments <files...>", "amendments files (.json or .csv): judge by the plan as amended on --as-of")
    .option("--successions <files...>", "successions files (.json or .csv): agencies succeeding others, beside the plan's own")
    .option("--as-of <date>", "the date of the plan in force, YYYY-MM-DD (default: today in Vietnam)", checkDate("--as-of"));
}

/** A plan as a command is asked for it: as given, or in force on a date when changes are given. */
export function planAsAmended(plan: DefinedPlan, options: ChangeFileOptions & { readonly asOf?: string }): PlanVersion & { readonly plan: DefinedPlan } {
  const changes = readChangeFiles({ ...(options.amendments ? { amendments: options.amendments } : {}), ...(options.successions ? { successions: options.successions } : {}) });
  if (Object.keys(changes).length === 0) return { plan };
  const asOf = options.asOf ?? vietnamDate();
  const inForce = planInForce(plan, asOf, changes);
  return { plan: inForce.plan, asOf, amendments: inForce.amendments.applied.map((a) => a.id) };
}

/** `nq57 plan diff` and `nq57 plan build`: added to the `plan` command. */
export function addPlanChangeCommands(plan: Command, io: CliIo, checkDate: (option: string) => (value: string) => string): void {
  const langOption = () => new Option("--lang <lang>", "language of the output").choices(["vi", "en"]).default("vi");
  changeOptions(
    plan
      .command("diff")
      .description("Compare two plans entity by entity and field by field (tasks, targets, deadlines, agencies): two plans, or a plan and the same plan amended.")
      .argument("<from>", "plan id or plan file (.json)")
      .argument("[to]", "plan id or plan file (.json); default: <from>, amended by --amendments")
      .addOption(new Option("--format <format>", "output format").choices(["md", "json"]).default("md"))
      .option("--out <file>", "write to a file instead of standard output")
      .addOption(langOption()),
    checkDate,
  )
    .action((from: string, to: string | undefined, opts: ChangeFileOptions & { asOf?: string; format: "md" | "json"; out?: string; lang: Lang }) => {
      if (to === undefined && !opts.amendments?.length && !opts.successions?.length)
        throw new UsageError("give a second plan to compare with, or --amendments (and --as-of) to compare the plan with itself amended");
      const before = loadPlan(from);
      const after = planAsAmended(to === undefined ? before : loadPlan(to), opts);
      const diff = diffPlans({ plan: before }, after);
      emit(io, opts.format === "json" ? `${JSON.stringify(diff, null, 2)}\n` : renderPlanDiff(diff, { lang: opts.lang }), opts.out);
    })
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  $ nq57 plan diff plan-2025.json plan-2026.json --format json",
        "  $ nq57 plan diff my-plan.json --amendments amendments.csv --as-of 2026-12-31 --lang en",
      ].join("\n"),
    );
  plan
    .command("build")
    .description("Build a plan from its spreadsheets (plan.csv, agencies.csv, groups.csv, tasks.csv, indicators.csv, targets.csv …): checked, as JSON.")
    .argument("<dir>", "folder of the plan's CSV sheets (nq57 init DIR --for plan writes their templates)")
    .option("--out <file>", "write the plan to a file (its summary is printed) instead of standard output")
    .addOption(langOption())
    .action((dir: string, opts: { out?: string; lang: Lang }) => {
      const built = planFromSheets(readPlanSheets(dir));
      emit(io, `${JSON.stringify(built, null, 2)}\n`, opts.out);
      if (opts.out) emit(io, planSummary(built, opts.lang), undefined);
    })
    .addHelpText("after", "\nExamples:\n  $ nq57 plan build my-plan/ --out my-plan.json\n  $ nq57 scorecard --plan my-plan.json --data observations.csv");
}
