import { Scorecard } from "../model/scorecard.js";
import type { Lang } from "../model/text.js";
import { renderComparisonHtml, renderComparisonJson, renderComparisonMarkdown } from "../render/comparison.js";
import { comparisonDocxSections, comparisonXlsxSheet } from "../render/comparison-office.js";
import { renderDocx } from "../render/docx.js";
import { renderXlsx } from "../render/xlsx.js";
import { compareScorecards } from "../scorecard/compare.js";
import { readScorecardText } from "./files.js";
import { emitBytes, emitPieces, EXIT, UsageError, type CliIo } from "./io.js";
import { planById } from "./plan-commands.js";

/** The output formats of `nq57 compare`. */
export const COMPARE_FORMATS = ["json", "md", "html", "docx", "xlsx"] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

/** Reads a scorecard written by `nq57 scorecard --format json`, naming the file and the field at fault when it is not one. */
export function readScorecardFile(file: string): Scorecard {
  const text = readScorecardText(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not JSON (${error instanceof Error ? error.message : String(error)}); give a scorecard written by nq57 scorecard --format json`);
  }
  const parsed = Scorecard.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file}: not a scorecard: ${issue.path.join(".") || "(top)"}: ${issue.message}; give a scorecard written by nq57 scorecard --format json`);
  }
  // The schema reads a score beside any verdict; a scorecard gives none beside no-data and not-applicable.
  const unscored = parsed.data.rows.findIndex((r) => (r.verdict === "no-data" || r.verdict === "not-applicable") && r.score !== null);
  if (unscored >= 0) throw new UsageError(`${file}: not a scorecard: rows.${unscored}.score: a ${parsed.data.rows[unscored]!.verdict} row has no score; give a scorecard written by nq57 scorecard --format json`);
  return parsed.data as Scorecard;
}

/**
 * `nq57 compare OLD NEW`: what changed from the earlier scorecard to the later, in JSON, Markdown or HTML; or the
 * later scorecard's report (DOCX) or workbook (XLSX) with the changes as sections or a sheet of their own.
 */
export async function compareCommand(io: CliIo, previousFile: string, currentFile: string, options: { format?: CompareFormat; out?: string; lang: Lang }): Promise<number> {
  const previous = readScorecardFile(previousFile);
  const current = readScorecardFile(currentFile);
  if (previous.plan.id !== current.plan.id) throw new UsageError(`${previousFile} is a scorecard of ${previous.plan.id} and ${currentFile} of ${current.plan.id}: compare two scorecards of one plan`);
  if (previous.asOf > current.asOf) throw new UsageError(`${previousFile} (as of ${previous.asOf}) is later than ${currentFile} (as of ${current.asOf}): give the earlier scorecard first`);
  const plan = planById(current.plan.id);
  const comparison = compareScorecards(previous, current);
  const format = options.format ?? (io.isTTY && !options.out ? "md" : "json");
  if (format === "docx" || format === "xlsx") {
    if (!options.out) throw new UsageError(`--format ${format} writes a file: give --out FILE, e.g. --out report.${format}`);
    const lang = options.lang;
    const bytes =
      format === "docx"
        ? await renderDocx(current, plan, { lang, sections: comparisonDocxSections(comparison, plan, { lang }) })
        : await renderXlsx(current, plan, { lang, sheets: [comparisonXlsxSheet(comparison, plan, { lang })] });
    emitBytes(bytes, options.out);
    return EXIT.success;
  }
  const text =
    format === "json"
      ? renderComparisonJson(comparison)
      : format === "md"
        ? renderComparisonMarkdown(comparison, plan, { lang: options.lang })
        : renderComparisonHtml(comparison, plan, { lang: options.lang });
  await emitPieces(io, [text], options.out);
  return EXIT.success;
}
