import { describe, expect, it } from "vitest";
import { CellParseError, parseAgencyList, plans } from "../../src/index.js";
import { agencyIdOf } from "../../src/parse/agency-id.js";
import { agencyMatcher } from "../../src/parse/agency-list.js";
import { line } from "../source.js";

const plan = plans["haiphong-142"];
const matcher = agencyMatcher(plan.agencies.flatMap((a) => a.aliases.map((name) => ({ name, id: a.id }))));
const read = (cell: string) => parseAgencyList(cell, matcher);
const ALL = "cac-so-ban-nganh-ubnd-cac-cap-chinh-quyen-dia-phuong-cac-don-vi-lien-quan";

describe("parseAgencyList", () => {
  it("keeps a collective assignee whole instead of splitting it at its commas", () => {
    expect(read("Các sở, ban, ngành, UBND các cấp chính quyền địa phương, các đơn vị liên quan")).toEqual([ALL]);
  });

  it("splits on commas and semicolons", () => {
    expect(read("Sở Nội vụ, Sở Khoa học và Công nghệ; Các cấp chính quyền địa phương")).toEqual([
      "so-noi-vu",
      "so-khoa-hoc-va-cong-nghe",
      "uy-ban-nhan-dan-cac-cap-chinh-quyen-dia-phuong",
    ]);
  });

  it("splits names run together with no separator (PL1-24)", () => {
    expect(read("Sở Khoa học và Công nghệ UBND các cấp chính quyền địa phương")).toEqual([
      "so-khoa-hoc-va-cong-nghe",
      "uy-ban-nhan-dan-cac-cap-chinh-quyen-dia-phuong",
    ]);
  });

  it("reads names that share one 'Sở' (PL1-15)", () => {
    expect(read("Sở Tài chính, Kế hoạch và Đầu tư, Khoa học và Công nghệ")).toEqual([
      "so-tai-chinh",
      "ke-hoach-va-dau-tu",
      "so-khoa-hoc-va-cong-nghe",
    ]);
  });

  it("ignores trailing commas and semicolons", () => {
    expect(read("Sở Tài chính, Công an thành phố,")).toEqual(["so-tai-chinh", "cong-an-thanh-pho"]);
  });

  it("reads 'và' between two names", () => {
    expect(read("Sở Khoa học và Công nghệ và các cấp chính quyền, đơn vị")).toEqual(["so-khoa-hoc-va-cong-nghe", "cac-cap-chinh-quyen-don-vi"]);
  });

  it("finds spellings that differ in case or spacing", () => {
    expect(read("Sở Giáo dục và đào tạo;  Sở Nội Vụ")).toEqual(["so-giao-duc-va-dao-tao", "so-noi-vu"]);
    expect(read("Ngân hàng Nhà nước Việt Nam thành ph ố")).toEqual(["ngan-hang-nha-nuoc-thanh-pho"]);
  });

  it("names each agency once", () => {
    expect(read("Sở Tài chính; Sở Tài chính")).toEqual(["so-tai-chinh"]);
  });

  it("refuses an unknown name, quoting the cell and where reading stopped", () => {
    expect(() => read("Sở Tài chính, Sở Du hành Vũ trụ")).toThrow(CellParseError);
    expect(() => read("Sở Tài chính, Sở Du hành Vũ trụ")).toThrow(/"Sở Tài chính, Sở Du hành Vũ trụ".*sở du hành vũ trụ/);
    expect(() => read(" ; ")).toThrow(/names no agency/);
  });

  it("does not match a name inside a longer word", () => {
    expect(() => read("Sở Y tếx")).toThrow(CellParseError);
  });
});

describe("agencyIdOf", () => {
  it.each([
    ["Sở Khoa học và Công nghệ", "so-khoa-hoc-va-cong-nghe"],
    ["Công an thành phố", "cong-an-thanh-pho"],
    ["Sở Văn hóa, Thể thao và Du lịch", "so-van-hoa-the-thao-va-du-lich"],
    ["Ủy ban MTTQ Việt nam thành phố", "uy-ban-mttq-viet-nam-thanh-pho"],
  ])("turns %j into %j", (name, id) => expect(agencyIdOf(name)).toBe(id));

  it("is the id of every agency of the dataset", () => {
    for (const a of plan.agencies) expect(a.id).toBe(agencyIdOf(a.name.vi));
  });
});

/** The agency cells of the document, found from each row's position, and the ids the dataset holds for them. */
function agencyCellsOfDocument(): { where: string; cell: string; ids: readonly string[] }[] {
  const cells: { where: string; cell: string; ids: readonly string[] }[] = [];
  for (const t of plan.tasks) {
    if (t.assignmentSource && plan.childrenOf(t.id).length === 0) {
      const n = t.assignmentSource.line;
      // Rows are text, lead, coordinating, output, deadline; two rows lack the coordinating cell.
      const fourCells = t.id === "T-1.1" || t.id === "T-5.18";
      cells.push({ where: `${t.id} lead (line ${n + 1})`, cell: line(n + 1), ids: t.lead });
      if (!fourCells) cells.push({ where: `${t.id} coordinating (line ${n + 2})`, cell: line(n + 2), ids: t.coordinating });
    } else if (t.source.part === "PL3") {
      let n = t.source.line + 1;
      if (/^\(\d+\)$/.test(line(n + 1))) n += 1;
      cells.push({ where: `${t.id} lead (line ${n + 1})`, cell: line(n + 1), ids: t.lead });
    }
  }
  for (const x of plan.indicators) {
    if (x.appendix === 2) {
      let n = x.source.line;
      while (line(n) !== "Bộ số liệu báo cáo") n++;
      cells.push({ where: `${x.id} lead (line ${n - 1})`, cell: line(n - 1), ids: x.lead });
    } else if (x.lead.length) {
      const span = x.id === "PL1-23" ? 3 : x.id === "PL1-36.1" ? 5 : 4;
      cells.push({ where: `${x.id} lead (line ${x.source.line + span})`, cell: line(x.source.line + span), ids: x.lead });
    }
  }
  return cells;
}

describe("every agency cell of the document", () => {
  const cells = agencyCellsOfDocument();

  it("is found: 97 Appendix 4 rows, 24 Appendix 3 rows, 118 indicator rows (all but the headings 11 and 36)", () => {
    expect(cells.filter((c) => / lead /.test(c.where) && /^T-/.test(c.where))).toHaveLength(97);
    expect(cells.filter((c) => /^NQ71-/.test(c.where))).toHaveLength(24);
    expect(cells.filter((c) => /^PL/.test(c.where))).toHaveLength(118);
  });

  it("reads into the agencies the dataset holds", () => {
    for (const { where, cell, ids } of cells) expect(read(cell), `${where}: "${cell}"`).toEqual(ids);
  });

  it("names only agencies of the plan", () => {
    const known = new Set(plan.agencies.map((a) => a.id));
    for (const { ids } of cells) for (const id of ids) expect(known.has(id), id).toBe(true);
  });
});
