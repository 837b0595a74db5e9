import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/input/csv.js";
import { csvRowsOf } from "../../src/input/csv-stream.js";
import { cut } from "./cut.js";

async function rowsOf(chunks: string[]) {
  const rows = [];
  for await (const row of csvRowsOf(chunks)) rows.push({ cells: [...row], line: row.line });
  return rows;
}
const whole = (text: string) => parseCsv(text).map((row) => ({ cells: [...row], line: row.line }));


describe("csvRowsOf", () => {
  it("gives the rows parseCsv gives, however the text is cut into chunks", async () => {
    const cell = fc.oneof(fc.constantFrom("", "PL2-1", "60.5", '"quoted, with ""quotes"""', '"two\nlines"', '"crlf\r\nin cell"', "Phường Lê Chân"), fc.string({ maxLength: 5 }).map((s) => s.replace(/["\r\n,]/g, "")));
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(","));
    const text = fc.tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom("\n", "\r\n"), fc.boolean(), fc.boolean()).map(
      ([lines, eol, bom, final]) => `${bom ? "\uFEFF" : ""}${lines.join(eol)}${final ? eol : ""}`,
    );
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), async (t, places) => {
        expect(await rowsOf(cut(t, places))).toEqual(whole(t));
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses a quoted cell never closed, like parseCsv", async () => {
    await expect(rowsOf(["a,b\n", '1,"open\n', "2,3\n"])).rejects.toThrow(/never closed/);
  });
});
