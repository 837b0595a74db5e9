import type { Scorecard } from "../scorecard/schema.js";

/** Arrays of a scorecard that may hold a million entries: written one entry at a time. */
const LONG_ARRAYS = new Set(["rows", "rejected", "notes"]);

/**
 * The scorecard as JSON text in pieces, exactly `JSON.stringify(scorecard, null, 2)` followed by a line break
 * when joined, but never one string of it all: a scorecard of a million rows is larger than a JavaScript string
 * may be, and written piece by piece it needs no more memory than one row.
 *
 * @example
 * for (const piece of scorecardJson(scorecard)) stream.write(piece);
 */
export function* scorecardJson(scorecard: Scorecard): Generator<string> {
  const entries = Object.entries(scorecard).filter(([, value]) => value !== undefined);
  yield "{";
  for (const [i, [key, value]] of entries.entries()) {
    yield `${i === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `;
    if (LONG_ARRAYS.has(key) && Array.isArray(value) && value.length > 0) {
      yield "[";
      for (let k = 0; k < value.length; k++) yield `${k === 0 ? "" : ","}\n    ${indent(JSON.stringify(value[k], null, 2), "    ")}`;
      yield "\n  ]";
    } else yield indent(JSON.stringify(value, null, 2), "  ");
  }
  yield "\n}\n";
}

function indent(text: string, by: string): string {
  return text.includes("\n") ? text.replace(/\n/g, `\n${by}`) : text;
}
