import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCsv } from "../../src/index.js";
import { CsvSyntaxError, parseCsv, type CsvRow, type CsvSeparator } from "../../src/input/csv.js";

/** The cells of each row, as plain arrays. */
const cells = (rows: CsvRow[]) => rows.map((row) => [...row]);
const lines = (rows: CsvRow[]) => rows.map((row) => row.line);

describe("parseCsv", () => {
  it("splits rows on LF, CRLF and CR alike", () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const rows = parseCsv(["indicator,period,value", "PL2-1,2025,60", "PL2-22,2025,300"].join(eol));
      expect(cells(rows)).toEqual([
        ["indicator", "period", "value"],
        ["PL2-1", "2025", "60"],
        ["PL2-22", "2025", "300"],
      ]);
      expect(lines(rows)).toEqual([1, 2, 3]);
    }
  });

  it("keeps commas inside quoted cells and reads doubled quotes as one", () => {
    expect(cells(parseCsv('a,"Sở KH&CN, báo cáo ""quý III""",c'))).toEqual([["a", 'Sở KH&CN, báo cáo "quý III"', "c"]]);
  });

  it("keeps line breaks inside quoted cells, and numbers rows by the line they start on", () => {
    const rows = parseCsv('task,evidence\r\nT-1.2,"line one\r\nline two\nline three"\r\nT-2.3,ok\r\n');
    expect(cells(rows)).toEqual([
      ["task", "evidence"],
      ["T-1.2", "line one\r\nline two\nline three"],
      ["T-2.3", "ok"],
    ]);
    expect(lines(rows)).toEqual([1, 2, 5]);
  });

  it("removes a leading UTF-8 byte order mark", () => {
    expect(cells(parseCsv("\uFEFFindicator,value\n"))).toEqual([["indicator", "value"]]);
  });

  it("does not make an empty row of a final line break", () => {
    expect(cells(parseCsv("a,b\n"))).toEqual([["a", "b"]]);
    expect(cells(parseCsv("a,b\r\n"))).toEqual([["a", "b"]]);
    expect(cells(parseCsv("a,b"))).toEqual([["a", "b"]]);
  });

  it("gives a blank line as a row of one empty cell, on its own line number", () => {
    const rows = parseCsv("a\n\nb\n");
    expect(cells(rows)).toEqual([["a"], [""], ["b"]]);
    expect(lines(rows)).toEqual([1, 2, 3]);
  });

  it("reads empty cells, a trailing comma included", () => {
    expect(cells(parseCsv(",a,,\n"))).toEqual([["", "a", "", ""]]);
    expect(cells(parseCsv("a,"))).toEqual([["a", ""]]);
    expect(cells(parseCsv('""'))).toEqual([[""]]);
  });

  it("gives no rows for empty text or a lone byte order mark", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\uFEFF")).toEqual([]);
  });

  it("keeps text after a closing quote as written, as spreadsheets do", () => {
    expect(cells(parseCsv('"60"5,b'))).toEqual([["605", "b"]]);
    expect(cells(parseCsv('a"b,c'))).toEqual([['a"b', "c"]]);
  });

  it("throws a CsvSyntaxError naming the line of a quoted cell that is never closed", () => {
    const text = 'indicator,value\nPL2-1,60\nPL2-22,"300\nPL2-43,1\n';
    expect(() => parseCsv(text)).toThrow(CsvSyntaxError);
    expect(() => parseCsv(text)).toThrow("a quoted cell that starts on line 3 is never closed");
    try {
      parseCsv(text);
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(3);
    }
  });

  it("reads back what formatCsv writes (round trip)", () => {
    const table = {
      columns: ["task", "status", "evidence"],
      rows: [
        ["T-1.2", "completed", 'Báo cáo "số 1", ngày 15/12'],
        ["T-2.3", "in-progress", "dòng một\r\ndòng hai"],
        ["NQ71-2", "not-started", ""],
      ],
    };
    for (const eol of ["\r\n", "\n"] as const) {
      const rows = parseCsv(formatCsv(table, { eol }));
      expect(cells(rows)).toEqual([table.columns, ...table.rows]);
      expect(lines(rows)).toEqual([1, 2, 3, 5]);
    }
  });

  it.each([";", "\t"] as const)("splits at %j when told, quoted cells, doubled quotes, line breaks and line numbers alike", (separator) => {
    const text = ["indicator", "value", "source"].join(separator) + "\r\n" + ["PL2-1", '"60,5"', `"Sở${separator} ""KH""\r\nquý III"`].join(separator) + "\r\n" + ["PL2-22", "310", ""].join(separator);
    const rows = parseCsv(text, { separator });
    expect(cells(rows)).toEqual([
      ["indicator", "value", "source"],
      ["PL2-1", "60,5", `Sở${separator} "KH"\r\nquý III`],
      ["PL2-22", "310", ""],
    ]);
    expect(lines(rows)).toEqual([1, 2, 4]);
    // Commas are then text like any other.
    expect(cells(parseCsv("a,b;c,d", { separator: ";" }))).toEqual([["a,b", "c,d"]]);
  });

  it("reads a large file in one pass, keeping line numbers", () => {
    const count = 100_000;
    const text = ["indicator,period,value", ...Array.from({ length: count }, (_, i) => `PL2-1,2025,"${i}\n"`)].join("\r\n");
    const rows = parseCsv(text);
    expect(rows).toHaveLength(count + 1);
    expect(rows[count]?.line).toBe(1 + 2 * count - 1);
    expect([...(rows[count] as CsvRow)]).toEqual(["PL2-1", "2025", `${count - 1}\n`]);
  });
});

/** parseCsv as its documentation reads, one character at a time: the reference its quicker cuts are held to. */
function referenceCsv(text: string, separator: string): { cells: string[]; line: number }[] | "unclosed" {
  const rows: { cells: string[]; line: number }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const cells: string[] = [];
    const first = line;
    for (;;) {
      let cell = "";
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) return "unclosed";
          const c = text[i]!;
          if (c === '"' && text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else if (c === '"') {
            i++;
            break;
          } else {
            if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
            cell += c;
            i++;
          }
        }
      }
      while (i < n && text[i] !== separator && text[i] !== "\n" && text[i] !== "\r") cell += text[i++];
      cells.push(cell);
      if (i >= n) break;
      if (text[i] === separator) {
        i++;
        if (i < n) continue;
        cells.push("");
        break;
      }
      i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      break;
    }
    rows.push({ cells, line: first });
  }
  return rows;
}

describe("parseCsv against a reading one character at a time", () => {
  it("cuts every text into the same rows, cells and lines, quotes anywhere", () => {
    const piece = fc.constantFrom("a", "60", ",", ";", '"', '""', '"62,5"', '"x"y', "\n", "\r\n", "\r", " ", "Xã", "\t");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom<CsvSeparator>(",", ";", "\t"), (pieces, separator) => {
        const text = pieces.join("");
        const expected = referenceCsv(text, separator);
        if (expected === "unclosed") expect(() => parseCsv(text, { separator })).toThrow(CsvSyntaxError);
        else expect(parseCsv(text, { separator }).map((row) => ({ cells: [...row], line: row.line }))).toEqual(expected);
      }),
      { numRuns: 20_000 },
    );
  });
});
