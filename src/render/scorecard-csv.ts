import type { Table } from "../model/tables.js";
import type { Scorecard } from "../scorecard/schema.js";

/** The columns of {@link scorecardTable}, in order. */
export const SCORECARD_COLUMNS = ["rule", "entity", "period", "locality", "verdict", "status", "score", "weight", "message_vi", "message_en"] as const;

/**
 * A scorecard's rows as a flat table, one row per scorecard row, for a spreadsheet: `formatCsv(scorecardTable(s))`
 * is the CSV output (UTF-8 with BOM). Absent period, locality and score are empty cells; scores and weights
 * keep their decimal strings.
 *
 * @example
 * formatCsv(scorecardTable(scorecard)).split("\r\n")[0]; //=> "\uFEFFrule,entity,period,locality,verdict,status,score,weight,message_vi,message_en"
 */
export function scorecardTable(scorecard: Scorecard): Table {
  return {
    columns: SCORECARD_COLUMNS,
    rows: scorecard.rows.map((r) => [
      r.rule,
      r.entity,
      r.period,
      r.locality,
      r.verdict,
      r.status,
      r.score ?? undefined,
      r.weight,
      r.message.vi,
      r.message.en,
    ]),
  };
}
