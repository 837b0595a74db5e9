import { rowsToWrite } from "../scorecard/rows.js";
import type { Scorecard } from "../model/scorecard.js";
import { inPieces } from "./pieces.js";

/**
 * The scorecard as JSON text, as {@link renderJsonPieces} writes it, in one string: for a scorecard of a plan, not of a
 * nation (its text may be longer than a string can be).
 *
 * @example
 * JSON.parse(renderJson(scorecard)).summary.overall.score;
 */
export function renderJson(scorecard: Scorecard): string {
  return [...scorecardJsonParts(scorecard)].join("");
}

/** Arrays of a scorecard that may hold a million entries: written one compact entry per line. */
const LONG_ARRAYS = new Set(["rows", "rejected", "notes"]);

/**
 * The scorecard as JSON text, in pieces of about a megabyte (never one string of it all: a scorecard of a million
 * rows is larger than a JavaScript string may be, and written piece by piece it needs little more memory than one
 * piece). The top level is indented by two spaces as `JSON.stringify(scorecard, null, 2)` would write it, but each
 * entry of `rows`, `rejected` and `notes` is written compact (`JSON.stringify(entry)`) on a line of its own, so the
 * text is far smaller and a row can be found with `grep`. The text ends with a line break; `JSON.parse` of the
 * pieces joined gives back the scorecard.
 *
 * @example
 * for (const piece of renderJsonPieces(scorecard)) stream.write(piece);
 * // {
 * //   "plan": {
 * //     "id": "haiphong-142",
 * //     "number": "142/KH-UBND"
 * //   },
 * //   …
 * //   "rows": [
 * //     {"rule":"indicator.milestone-met","entity":"PL2-1","period":2025,"verdict":"pass",…},
 * //     {"rule":"indicator.milestone-met","entity":"PL2-1","period":2025,"locality":"Phường Hồng Bàng",…}
 * //   ],
 * //   …
 * // }
 */
export function* renderJsonPieces(scorecard: Scorecard): Generator<string> {
  yield* inPieces(scorecardJsonParts(scorecard));
}

/**
 * The text of {@link scorecardJson} in its smallest parts: each entry of a long array and what separates it, each
 * a flat string as `JSON.stringify` made it. A writer that encodes parts straight into a byte buffer (the CLI)
 * never joins them, where joining a megabyte of short strings costs as much as encoding it.
 *
 * @internal
 */
export function* scorecardJsonParts(scorecard: Scorecard): Generator<string> {
  // Rows not yet made are made one at a time as they are written, and not kept.
  const valueOf = (key: string): unknown => (key === "rows" ? rowsToWrite(scorecard, { transient: true }) : (scorecard as unknown as Record<string, unknown>)[key]);
  const keys = Object.keys(scorecard).filter((key) => valueOf(key) !== undefined);
  yield "{";
  for (const [i, key] of keys.entries()) {
    yield `${i === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `;
    const value = valueOf(key);
    const long = !LONG_ARRAYS.has(key) ? undefined : Array.isArray(value) ? { count: value.length, rows: () => value } : key === "rows" ? (value as ReturnType<typeof rowsToWrite>) : undefined;
    if (long && long.count > 0) {
      yield "[\n    ";
      let k = 0;
      for (const entry of long.rows()) {
        if (k++ > 0) yield ",\n    ";
        // An entry JSON.stringify leaves out (undefined, a function) is null in an array, as JSON.stringify writes it.
        yield JSON.stringify(entry) ?? "null";
      }
      yield "\n  ]";
    } else yield indent(JSON.stringify(key === "rows" ? [] : value, null, 2), "  ");
  }
  yield "\n}\n";
}

function indent(text: string, by: string): string {
  return text.includes("\n") ? text.replace(/\n/g, `\n${by}`) : text;
}

/**
 * The scorecard's rows as newline-delimited JSON, one row (with its facts, sources, message and remediation) a line,
 * in pieces of about a megabyte: for a national run read by another program a line at a time (`jq`, a database's
 * loader), without the whole scorecard in one document. The summaries are in {@link renderJsonPieces}.
 *
 * @example
 * for (const piece of renderNdjsonPieces(onlyProblems(scorecard))) stream.write(piece);
 * // {"rule":"task.deadline","entity":"T-1.1","verdict":"fail","status":"overdue",…}
 */
export function* renderNdjsonPieces(scorecard: Scorecard): Generator<string> {
  yield* inPieces(scorecardNdjsonParts(scorecard));
}

/**
 * Each row of {@link renderNdjsonPieces} as one line with its line break, made when written and not kept.
 *
 * @internal
 */
export function* scorecardNdjsonParts(scorecard: Scorecard): Generator<string> {
  for (const row of rowsToWrite(scorecard, { transient: true }).rows()) yield `${JSON.stringify(row)}\n`;
}
