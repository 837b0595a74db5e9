import { describe, expect, it } from "vitest";
import { formatCsv, planTable, plans, PLAN_ENTITIES } from "../../src/index.js";

const plan = plans["haiphong-142"];

describe("planTable", () => {
  it.each(PLAN_ENTITIES)("gives every %s row as many cells as columns", (entity) => {
    const table = planTable(plan, entity);
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
  });

  it("writes agency lists as ids and as Vietnamese names", () => {
    const { columns, rows } = planTable(plan, "tasks");
    const row = rows.find((r) => r[0] === "T-3.16")!;
    expect(row[columns.indexOf("lead")]).toBe("ban-quan-ly-khu-kinh-te; so-khoa-hoc-va-cong-nghe");
    expect(row[columns.indexOf("lead_vi")]).toBe("Ban Quản lý Khu kinh tế; Sở Khoa học và Công nghệ");
    expect(row[columns.indexOf("strategic")]).toBe(true);
  });

  it("describes the members of compound targets", () => {
    const { rows } = planTable(plan, "targets");
    expect(rows.find((r) => r[0] === "PL2-43" && r[1] === 2030)?.[8]).toBe("range 200-300 | rankAtMost 3");
    expect(rows.find((r) => r[0] === "PL1-36.1")?.[8]).toBe(
      "greaterThan 95 (cơ sở giáo dục phổ thông và giáo dục thường xuyên); greaterThan 90 (các cơ sở giáo dục mầm non và các cơ quan quản lý giáo dục)",
    );
  });
});

describe("formatCsv", () => {
  it("quotes cells with commas, quotes and line breaks, and leaves empty cells empty", () => {
    expect(formatCsv({ columns: ["a", "b", "c"], rows: [['x, "y"', undefined, "line\nbreak"]] }, { bom: false })).toBe(
      'a,b,c\r\n"x, ""y""",,"line\nbreak"\r\n',
    );
  });

  it("starts with a byte order mark unless told not to", () => {
    expect(formatCsv({ columns: ["a"], rows: [] }).charCodeAt(0)).toBe(0xfeff);
    expect(formatCsv({ columns: ["a"], rows: [] }, { bom: false, eol: "\n" })).toBe("a\n");
  });

  it("keeps a spreadsheet from running a cell as a formula: an apostrophe before it, and quotes around", () => {
    expect(formatCsv({ columns: ["a"], rows: [["=HYPERLINK(1)"], ["-"], ["-5"], ["@x"], ["-1+1"]] }, { bom: false })).toBe("a\r\n\"'=HYPERLINK(1)\"\r\n-\r\n-5\r\n\"'@x\"\r\n\"'-1+1\"\r\n");
  });
});
