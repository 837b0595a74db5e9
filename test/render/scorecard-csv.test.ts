import { describe, expect, it } from "vitest";
import { formatCsv, SCORECARD_COLUMNS, scorecardTable } from "../../src/index.js";
import { readCsv } from "./csv-reader.js";
import { sampleScorecard, withRow } from "./scorecard.js";

const scorecard = await sampleScorecard;

describe("scorecardTable", () => {
  it("has one row per scorecard row, in the scorecard's order", () => {
    const table = scorecardTable(scorecard);
    expect(table.columns).toEqual([
      "rule",
      "entity",
      "period",
      "locality",
      "benchmark",
      "verdict",
      "status",
      "score",
      "weight",
      "missing_data",
      "sources",
      "evidence",
      "message_vi",
      "message_en",
      "remediation_vi",
      "remediation_en",
      "changes",
    ]);
    expect(table.columns).toEqual(SCORECARD_COLUMNS);
    expect(table.rows).toHaveLength(scorecard.rows.length);
    expect(table.rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(scorecard.rows.map((r) => `${r.rule} ${r.entity}`));
  });

  it("becomes a CSV with a BOM that reads back cell for cell, Vietnamese and all", () => {
    const csv = formatCsv(scorecardTable(scorecard));
    expect(csv.startsWith("\uFEFFrule,entity,period,locality,benchmark,verdict,status,score,weight,missing_data,sources,evidence,message_vi,message_en,remediation_vi,remediation_en,changes\r\n")).toBe(true);
    const [header, ...rows] = readCsv(csv.slice(1));
    expect(header).toEqual([...SCORECARD_COLUMNS]);
    expect(rows).toHaveLength(scorecard.rows.length);
    expect(rows.some((cells) => cells[14] !== "" && cells[15] !== "")).toBe(true);
    rows.forEach((cells, i) => {
      const r = scorecard.rows[i]!;
      expect(cells).toEqual([
        r.rule,
        r.entity,
        r.period?.toString() ?? "",
        r.locality ?? "",
        r.benchmark ? "true" : "",
        r.verdict,
        r.status,
        r.score ?? "",
        r.weight,
        r.missingData ? "true" : "",
        (r.sources ?? []).map((s) => (s.line === undefined ? `${s.file} index ${s.index}` : `${s.file}:${s.line}`)).join("; "),
        typeof r.facts.evidence === "string" ? r.facts.evidence : "",
        r.message.vi,
        r.message.en,
        r.remediation?.vi ?? "",
        r.remediation?.en ?? "",
        // No amendment, waiver or succession was given.
        "",
      ]);
    });
  });

  it("keeps a spreadsheet from running a formula sent in a report", () => {
    const odd = withRow(scorecard, 0, { locality: "=HYPERLINK(\"http://x\")" });
    const [, first] = readCsv(formatCsv(scorecardTable(odd)).slice(1));
    expect(first![3]).toBe("'=HYPERLINK(\"http://x\")");
  });
});
