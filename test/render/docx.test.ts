import { describe, expect, it } from "vitest";
import { addMonthsToDate, renderDocx, rowsNeedingAttention, type Scorecard } from "../../src/index.js";
import { officeParts, paragraphs, tables } from "./office-reader.js";
import { WORDS } from "../../src/render/words.js";
import { plan, sampleScorecard, withRow } from "./scorecard.js";

/** Twentieths of a point in millimetres. */
const mm = (twips: number) => (twips * 25.4) / 1440;

async function docxOf(scorecard: Scorecard, options: Parameters<typeof renderDocx>[2] = {}) {
  const bytes = await renderDocx(scorecard, plan, options);
  const parts = officeParts(bytes);
  const xml = parts["word/document.xml"]!;
  return { bytes, parts, xml, text: paragraphs(xml), tables: tables(xml) };
}

describe("renderDocx: the report to the People's Committee", async () => {
  const scorecard = await sampleScorecard;
  const vi = await docxOf(scorecard);

  it("is a Word package with the document, its styles and the page-number headers", () => {
    expect([...vi.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // "PK": a ZIP package
    expect(Object.keys(vi.parts)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml"]));
  });

  it("lays out an A4 portrait page with the margins of Decree 30/2020 (top and bottom 20-25 mm, left 30-35, right 15-20)", () => {
    const size = vi.xml.match(/<w:pgSz w:w="(\d+)" w:h="(\d+)" w:orient="portrait"\/>/);
    expect(size).not.toBeNull();
    expect(mm(Number(size![1]))).toBeCloseTo(210, 0);
    expect(mm(Number(size![2]))).toBeCloseTo(297, 0);
    const margin = Object.fromEntries([...vi.xml.match(/<w:pgMar [^>]*>/)![0].matchAll(/w:(\w+)="(\d+)"/g)].map((m) => [m[1], mm(Number(m[2]))]));
    for (const side of ["top", "bottom"]) expect(margin[side]).toSatisfy((v: number) => v >= 19.9 && v <= 25.1);
    expect(margin.left).toSatisfy((v: number) => v >= 29.9 && v <= 35.1);
    expect(margin.right).toSatisfy((v: number) => v >= 14.9 && v <= 20.1);
  });

  it("writes every run in Times New Roman, the body at 14 pt and nothing under 11 pt or over 14 pt", () => {
    const fonts = new Set([...vi.xml.matchAll(/<w:rFonts ([^>]*)\/>/g)].flatMap((m) => [...m[1]!.matchAll(/="([^"]*)"/g)].map((f) => f[1])));
    expect([...fonts]).toEqual(["Times New Roman"]);
    expect(vi.parts["word/styles.xml"]).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*\/><w:color w:val="000000"\/><w:sz w:val="28"\/>/);
    const sizes = [...vi.xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]) / 2);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(14);
    // Body paragraphs: justified, the first line indented 1.27 cm.
    expect(vi.xml).toMatch(/<w:jc w:val="both"\/>/);
    expect(mm(Number(vi.xml.match(/<w:ind w:firstLine="(\d+)"\/>/)![1]))).toBeCloseTo(12.7, 0);
  });

  it("opens with the issuing body, the national title and motto, the number and date placeholders, and the subject", () => {
    const [block] = vi.tables;
    expect(block!.rows[0]).toEqual([
      "UBND THÀNH PHỐ HẢI PHÒNG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\n\nSố: …/BC-SKHCN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nHải Phòng, ngày … tháng … năm …",
    ]);
    const afterBlock = vi.text.slice(vi.text.indexOf("Hải Phòng, ngày … tháng … năm …") + 1).filter((p) => p !== "");
    expect(afterBlock.slice(0, 2)).toEqual(["BÁO CÁO", "Kết quả thực hiện Kế hoạch số 142/KH-UBND tính đến ngày 26/11/2026"]);
  });

  it("fills the number and date once known, writing the date as the decree does (a leading zero for days below 10 and months 1-2)", async () => {
    const filled = await docxOf(scorecard, { number: "125", date: "2026-12-05", issuer: { signer: "Nguyễn Văn A", authority: "KT. GIÁM ĐỐC", signerTitle: "PHÓ GIÁM ĐỐC" } });
    expect(filled.text).toContain("Số: 125/BC-SKHCN");
    expect(filled.text).toContain("Hải Phòng, ngày 05 tháng 12 năm 2026");
    expect(filled.text).toContain("(Kèm theo Báo cáo số 125/BC-SKHCN)");
    expect((await docxOf(scorecard, { date: "2027-02-01" })).text).toContain("Hải Phòng, ngày 01 tháng 02 năm 2027");
    expect((await docxOf(scorecard, { date: "2027-03-09" })).text).toContain("Hải Phòng, ngày 09 tháng 3 năm 2027");
    const signature = filled.tables.find((t) => t.rows[0]![0]!.startsWith("Nơi nhận:"))!;
    expect(signature.rows[0]![1]!.split("\n").filter(Boolean)).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"]);
    await expect(renderDocx(scorecard, plan, { date: "05/12/2026" })).rejects.toThrow(/date "05\/12\/2026" is not a date; write it as YYYY-MM-DD/);
  });

  it("numbers its parts I-IV in order, then the recipients, the signature and the two appendices", () => {
    const headings = ["I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI", "IV. KIẾN NGHỊ, ĐỀ XUẤT", "Nơi nhận:", "Phụ lục I", "Phụ lục II"];
    const at = headings.map((h) => vi.text.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(vi.text).toContain("- Lưu: VT.");
  });

  it("gives each task group its score, band and coverage in part I", () => {
    for (const [id, summary] of Object.entries(scorecard.summary.byTaskGroup)) {
      const line = vi.text.find((p) => p.includes(`Nhóm ${id} «`));
      expect(line, id).toBeDefined();
      expect(line).toContain(summary.band.label.vi);
    }
  });

  it("draws the shortcomings of part II from the failing and warning rows, most urgent first, and counts the causes", () => {
    const part = vi.text.slice(vi.text.indexOf("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"), vi.text.indexOf("III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI"));
    const failing = rowsNeedingAttention(scorecard);
    expect(failing.length).toBeGreaterThan(0);
    expect(part).toContain(`- ${failing[0]!.message.vi}`);
    const missing = failing.filter((r) => r.missingData === true).length;
    expect(part.some((p) => p.startsWith(`- ${missing} trường hợp chưa có báo cáo hoặc số liệu theo yêu cầu`))).toBe(true);
  });

  it("lists in part III the tasks falling due in the next six months, with their lead agencies", () => {
    const part = vi.text.slice(vi.text.indexOf("III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI"), vi.text.indexOf("IV. KIẾN NGHỊ, ĐỀ XUẤT"));
    expect(part).toContain("1. Nhiệm vụ đến hạn từ ngày 27/11/2026 đến ngày 26/05/2027");
    const due = plan.deadlinesBetween("2026-11-27", addMonthsToDate("2026-11-26", 6)).filter((d) => d.deadline.kind !== "annual" && d.deadline.kind !== "fromYear");
    expect(due.length).toBeGreaterThan(0);
    for (const item of due) expect(part.some((p) => p.startsWith(`- ${item.task.id} «`) && p.includes(plan.agency(item.task.lead[0]!)!.name.vi)), item.task.id).toBe(true);
  });

  it("tabulates in Appendix I every task row by status, with its lead agency, the header repeated on each page", () => {
    const taskRules = new Set(scorecard.rules.filter((r) => r.appliesTo === "task").map((r) => r.id));
    const taskRows = scorecard.rows.filter((r) => taskRules.has(r.rule));
    const appendix = vi.tables.find((t) => t.rows[0]!.join("|") === "STT|Nhiệm vụ|Cơ quan chủ trì|Năm / hạn|Đánh giá")!;
    expect(appendix.headerRows).toBe(1);
    const body = appendix.rows.slice(1);
    const lines = body.filter((r) => r.length === 5);
    const statusRows = body.filter((r) => r.length === 1);
    expect(lines).toHaveLength(taskRows.length);
    // Each status heads its rows with their count; the counts add up to the rows.
    expect(statusRows.map((r) => Number(r[0]!.match(/\((\d+)\)$/)![1])).reduce((a, b) => a + b, 0)).toBe(taskRows.length);
    expect(statusRows[0]![0]).toMatch(/^Quá hạn \(\d+\)$/);
    const overdue = taskRows.find((r) => r.status === "overdue")!;
    const line = lines.find((l) => l[1]!.startsWith(`${overdue.entity} `))!;
    expect(line[2]).toBe(plan.task(overdue.entity)!.lead.map((id) => plan.agency(id)!.name.vi).join("; "));
    expect(line[4]).toBe("không đạt");
  });

  it("tabulates in Appendix II each indicator's figure against its target", () => {
    const milestones = scorecard.rows.filter((r) => r.rule === "indicator.milestone-met");
    const appendix = vi.tables.find((t) => t.rows[0]!.join("|") === "STT|Chỉ tiêu|Năm|Mục tiêu|Số liệu|Đánh giá")!;
    expect(appendix.headerRows).toBe(1);
    expect(appendix.rows).toHaveLength(milestones.length + 1);
    const met = milestones.find((r) => r.status === "met" && r.locality === undefined)!;
    const line = appendix.rows.find((r) => r[1]!.startsWith(`${met.entity} `) && r[2] === String(met.period))!;
    expect(line[3]).toBe(met.facts.targetRaw);
    expect(line[4]).toBe(String(met.facts.observedValue).replace(".", ","));
    expect(line[5]).toBe("đạt chỉ tiêu");
  });

  it("numbers pages at the top centre from the second page", () => {
    const rels = vi.parts["word/_rels/document.xml.rels"]!;
    const header = (type: string) => {
      const id = vi.xml.match(new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`))![1];
      const target = rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`))!;
      return vi.parts[`word/${target[1] ?? target[2]}`]!;
    };
    expect(vi.xml).toContain("<w:titlePg/>");
    expect(header("default")).toMatch(/<w:jc w:val="center"\/>[\s\S]*<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    expect(header("first")).not.toContain("PAGE");
  });

  it("adds an app's own sections to part I after the overall results, numbering the rest after them", async () => {
    const { text, tables } = await docxOf(scorecard, {
      sections: [
        {
          title: "Thay đổi so với kỳ báo cáo trước",
          paragraphs: ["Điểm chung tăng 4,2 điểm phần trăm."],
          table: { columns: ["Cơ quan", "Kỳ trước", "Kỳ này"], rows: [["Sở Tài chính", "25%", "30%"]] },
        },
      ],
    });
    const part = text.slice(text.indexOf("I. KẾT QUẢ THỰC HIỆN"), text.indexOf("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"));
    const headings = part.filter((p) => /^\d+\. /.test(p));
    expect(headings).toEqual(["1. Kết quả chung", "2. Thay đổi so với kỳ báo cáo trước", "3. Kết quả theo nhóm nhiệm vụ", "4. Kết quả thực hiện các chỉ tiêu", "5. Kết quả theo cơ quan chủ trì", `6. ${WORDS.vi.reportingByAgency}`]);
    expect(part[part.indexOf("2. Thay đổi so với kỳ báo cáo trước") + 1]).toBe("Điểm chung tăng 4,2 điểm phần trăm.");
    expect(tables.find((t) => t.rows[0]!.join("|") === "Cơ quan|Kỳ trước|Kỳ này")!.rows[1]).toEqual(["Sở Tài chính", "25%", "30%"]);
  });

  it("gives the reporting rates of each lead agency and year, as the scorecard counts them", async () => {
    const { text, tables: found } = await docxOf(scorecard);
    expect(text).toContain(`5. ${WORDS.vi.reportingByAgency}`);
    const reporting = found.find((t) => t.rows[0]![0] === WORDS.vi.agency && t.rows[0]![2] === WORDS.vi.reportsDue)!;
    const dost = scorecard.summary.reporting!.byAgency["so-khoa-hoc-va-cong-nghe"]!;
    const [year, rate] = Object.entries(dost.byPeriod)[0]!;
    expect(reporting.rows.find((r) => r[0] === "Sở Khoa học và Công nghệ" && r[1] === year)?.slice(2, 4)).toEqual([String(rate.due), String(rate.received)]);
  });

  it("is written in English with lang en", async () => {
    const en = await docxOf(scorecard, { lang: "en" });
    expect(en.tables[0]!.rows[0]![1]).toBe("SOCIALIST REPUBLIC OF VIET NAM\nIndependence - Freedom - Happiness\n\nHai Phong, … … …");
    expect(en.text).toContain("REPORT");
    expect(en.text).toContain("I. RESULTS");
    expect(en.text.join("\n")).not.toMatch(/Phụ lục|Nơi nhận|KẾT QUẢ/);
  });

  it("keeps a file that opens when data holds characters XML cannot (a control character in a message)", async () => {
    const odd = withRow(scorecard, scorecard.rows.findIndex((r) => r.verdict === "fail"), { message: { vi: "Lỗi\u0007 <b>&amp;</b>", en: "x" } });
    const { xml, text } = await docxOf(odd);
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
    expect(text).toContain("- Lỗi\uFFFD <b>&amp;</b>");
  });
});
