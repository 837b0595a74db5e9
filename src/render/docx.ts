import type { DefinedPlan, DueItem } from "../model/define-plan.js";
import type { Scorecard, ScorecardRow, Summary } from "../model/scorecard.js";
import { Nq57Error } from "../errors.js";
import { isIsoDate, type Lang } from "../model/text.js";
import { addMonthsToDate } from "../model/vietnam-time.js";
import type { Table as PlainTable } from "../model/tables.js";
import { officeText } from "../safe-text.js";
import { rowsToWrite } from "../scorecard/rows.js";
import { appliesToOf, entityTitle, factText, leadNames } from "./office-rows.js";
import { statusesOf, statusWords, summaryScore, type StatusOf } from "./row-parts.js";
import { attentionOrder, shorten, summaryTables } from "./table.js";
import { formatDate, formatPercent, VERDICTS, verdictLabel } from "./words.js";

/** Who issues the report and who signs it, as the heading and signature block of the document show them. */
export interface DocxIssuer {
  /** The superior body, in capitals, above the issuing body; empty for none. Default the city's People's Committee. */
  readonly superior?: string;
  /** The issuing body's name as a sentence writes it. Default the Department of Science and Technology. */
  readonly name?: string;
  /** The issuing body as the heading writes it, in capitals. Default the name in capitals. */
  readonly body?: string;
  /** The issuing body's abbreviation in the document's symbol (`BC-SKHCN`). Default `SKHCN`. */
  readonly symbol?: string;
  /** The place written before the date. Default Hải Phòng. */
  readonly place?: string;
  /** The signer's authority in capitals (`GIÁM ĐỐC`, `KT. GIÁM ĐỐC`). Default the director. */
  readonly authority?: string;
  /** The signer's title under a `KT.` authority (`PHÓ GIÁM ĐỐC`); none by default. */
  readonly signerTitle?: string;
  /** The signer's name; a placeholder until known. */
  readonly signer?: string;
}

/** Options of {@link renderDocx}. */
export interface DocxOptions {
  /** Language of the report. Default `vi`. */
  readonly lang?: Lang;
  /** The issuing body and signer; each part has a default for the Department of Science and Technology of Hai Phong. */
  readonly issuer?: DocxIssuer;
  /** The document's registered number; a placeholder (`…`) until the office registers it. */
  readonly number?: string;
  /** The document's date (`YYYY-MM-DD`); placeholders (`ngày … tháng … năm …`) until it is signed. */
  readonly date?: string;
  /** How many months after the date assessed the next period's tasks run to (what falls due in it). Default 6. */
  readonly nextPeriodMonths?: number;
  /** The proposals of part IV, one paragraph each; a placeholder for the drafter when none is given. */
  readonly proposals?: readonly string[];
  /** Recipients listed under "Nơi nhận:"; default the People's Committee and the archive. */
  readonly recipients?: readonly string[];
  /** Rows listed by name in each item of shortcomings before the rest are counted. Default 10. */
  readonly listedPerShortcoming?: number;
  /**
   * Sections of an app's own added to part I after the overall results, numbered with the others: such as the
   * changes since the last report, drawn from a comparison with the previous period's scorecard.
   */
  readonly sections?: readonly DocxSection[];
}

/** A numbered section of the report: its title, its paragraphs, and a table under them. */
export interface DocxSection {
  readonly title: string;
  readonly paragraphs?: readonly string[];
  readonly table?: { readonly columns: readonly string[]; readonly rows: readonly (readonly (string | number)[])[]; readonly widths?: readonly number[] };
}

/** Points of a font size in the half-points Word counts in. */
const pt = (points: number) => points * 2;
/** Millimetres in the twentieths of a point Word measures pages in. */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

/** Decree 30/2020/NĐ-CP, Appendix I: A4 portrait; margins top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm. */
export const DOCX_PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
} as const;

/** The font of every run: Times New Roman, the Unicode font the decree names (TCVN 6909:2001). */
export const DOCX_FONT = "Times New Roman";

const TEXT_WIDTH = DOCX_PAGE.width - DOCX_PAGE.margin.left - DOCX_PAGE.margin.right;
/** The share of the width the issuing body's column takes in the heading block; the national title has the rest. */
const HEADING_SPLIT = 0.44;
const BODY_SIZE = pt(14);
const TABLE_SIZE = pt(12);

const DOCX_WORDS = {
  vi: {
    superior: "UBND THÀNH PHỐ HẢI PHÒNG",
    name: "Sở Khoa học và Công nghệ",
    place: "Hải Phòng",
    nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto: "Độc lập - Tự do - Hạnh phúc",
    number: (n: string, symbol: string) => `Số: ${n}/BC-${symbol}`,
    // Decree 30: a day below 10 and the months 1 and 2 are written with a leading zero ("ngày 05 tháng 02", "tháng 3").
    dated: (place: string, date: string | undefined) => {
      const [y, m, d] = date?.split("-") ?? [];
      const month = m === undefined ? "…" : Number(m) <= 2 ? m : String(Number(m));
      return `${place}, ngày ${d ?? "…"} tháng ${month} năm ${y ?? "…"}`;
    },
    kind: "BÁO CÁO",
    subject: (plan: string, asOf: string) => `Kết quả thực hiện Kế hoạch số ${plan} tính đến ngày ${asOf}`,
    intro: (plan: string, issuer: string, issuedOn: string, reporter: string, asOf: string) =>
      `Thực hiện Kế hoạch số ${plan} ngày ${issuedOn} của ${issuer}, ${reporter} báo cáo kết quả thực hiện tính đến ngày ${asOf} như sau:`,
    parts: ["KẾT QUẢ THỰC HIỆN", "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI", "KIẾN NGHỊ, ĐỀ XUẤT"],
    overall: "Kết quả chung",
    overallText: (score: string, band: string, coverage: string, counts: string) =>
      `Điểm đánh giá chung đạt ${score} (${band}); độ phủ dữ liệu ${coverage}. Số dòng đánh giá: ${counts}.`,
    inputText: (obs: number, obsRejected: number, reports: number, reportsRejected: number) =>
      `Số liệu tiếp nhận: ${obs} số liệu chỉ tiêu (${obsRejected} bị loại) và ${reports} báo cáo nhiệm vụ (${reportsRejected} bị loại).`,
    byTaskGroup: "Kết quả theo nhóm nhiệm vụ",
    byIndicatorGroup: "Kết quả thực hiện các chỉ tiêu",
    byAgency: "Kết quả theo cơ quan chủ trì",
    groupText: (id: string, title: string, score: string, band: string, coverage: string) => `Nhóm ${id} «${title}»: điểm ${score} (${band}), độ phủ dữ liệu ${coverage}`,
    statuses: "trong đó",
    shortcomings: "Tồn tại, hạn chế",
    noShortcomings: "Không có nhiệm vụ hay chỉ tiêu nào không đạt hoặc cần cảnh báo.",
    andMore: (n: number) => `Và ${n} trường hợp khác (xem các Phụ lục).`,
    causes: "Nguyên nhân",
    causeMissing: (n: number, agencies: string) =>
      `${n} trường hợp chưa có báo cáo hoặc số liệu theo yêu cầu; các cơ quan có nhiều trường hợp nhất: ${agencies}.`,
    causeShort: (n: number) => `${n} trường hợp đã báo cáo nhưng kết quả chưa đạt yêu cầu (chậm so với thời hạn hoặc chưa đạt chỉ tiêu).`,
    causeRejected: (n: number) => `${n} bản ghi số liệu, báo cáo bị loại do sai sót, không được tính.`,
    noCause: "Không có.",
    dueNext: (from: string, to: string) => `Nhiệm vụ đến hạn từ ngày ${from} đến ngày ${to}`,
    nothingDue: "Không có nhiệm vụ nào đến hạn trong thời gian này.",
    annualDue: (n: number, date: string) => `${n} nhiệm vụ thực hiện hằng năm phải báo cáo kết quả trước ngày ${date}`,
    overdueNext: (n: number) => `Tiếp tục hoàn thành ${n} nhiệm vụ đã quá hạn (Phụ lục I).`,
    lead: "chủ trì",
    due: "hạn",
    proposalPlaceholder: "(Nội dung kiến nghị, đề xuất do đơn vị soạn thảo bổ sung.)",
    recipientsTitle: "Nơi nhận:",
    recipients: ["UBND thành phố (để báo cáo)", "Lưu: VT"],
    authority: "GIÁM ĐỐC",
    appendix: (n: string) => `Phụ lục ${n}`,
    attached: (n: string, symbol: string) => `(Kèm theo Báo cáo số ${n}/BC-${symbol})`,
    tasksTitle: "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO TRẠNG THÁI",
    indicatorsTitle: "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU SO VỚI MỤC TIÊU",
    columns: {
      no: "STT",
      task: "Nhiệm vụ",
      indicator: "Chỉ tiêu",
      lead: "Cơ quan chủ trì",
      period: "Năm / hạn",
      status: "Tình trạng",
      year: "Năm",
      target: "Mục tiêu",
      value: "Số liệu",
      verdict: "Đánh giá",
    },
    none: "Không có.",
  },
  en: {
    superior: "HAI PHONG CITY PEOPLE'S COMMITTEE",
    name: "Department of Science and Technology",
    place: "Hai Phong",
    nation: "SOCIALIST REPUBLIC OF VIET NAM",
    motto: "Independence - Freedom - Happiness",
    number: (n: string, symbol: string) => `No.: ${n}/BC-${symbol}`,
    dated: (place: string, date: string | undefined) => `${place}, ${date ?? "… … …"}`,
    kind: "REPORT",
    subject: (plan: string, asOf: string) => `Results of carrying out Plan No. ${plan} as of ${asOf}`,
    intro: (plan: string, issuer: string, issuedOn: string, reporter: string, asOf: string) =>
      `Under Plan No. ${plan} of ${issuedOn} of the ${issuer}, the ${reporter} reports the results as of ${asOf} as follows:`,
    parts: ["RESULTS", "SHORTCOMINGS AND THEIR CAUSES", "TASKS FOR THE NEXT PERIOD", "PROPOSALS"],
    overall: "Overall results",
    overallText: (score: string, band: string, coverage: string, counts: string) =>
      `The overall score is ${score} (${band}); data coverage ${coverage}. Rows assessed: ${counts}.`,
    inputText: (obs: number, obsRejected: number, reports: number, reportsRejected: number) =>
      `Data received: ${obs} indicator figures (${obsRejected} rejected) and ${reports} task reports (${reportsRejected} rejected).`,
    byTaskGroup: "Results by task group",
    byIndicatorGroup: "Results on the indicators",
    byAgency: "Results by lead agency",
    groupText: (id: string, title: string, score: string, band: string, coverage: string) => `Group ${id} «${title}»: score ${score} (${band}), data coverage ${coverage}`,
    statuses: "of which",
    shortcomings: "Shortcomings",
    noShortcomings: "No task or indicator fails or warns.",
    andMore: (n: number) => `And ${n} more (see the appendices).`,
    causes: "Causes",
    causeMissing: (n: number, agencies: string) => `${n} cases lack the report or figure required; the agencies with the most: ${agencies}.`,
    causeShort: (n: number) => `${n} cases were reported but fall short (late against the deadline, or the target not met).`,
    causeRejected: (n: number) => `${n} records of figures and reports were rejected for errors and not counted.`,
    noCause: "None.",
    dueNext: (from: string, to: string) => `Tasks falling due from ${from} to ${to}`,
    nothingDue: "No task falls due in this period.",
    annualDue: (n: number, date: string) => `${n} yearly tasks are to report their results by ${date}`,
    overdueNext: (n: number) => `Complete the ${n} overdue tasks (Appendix I).`,
    lead: "lead",
    due: "due",
    proposalPlaceholder: "(Proposals to be added by the drafting unit.)",
    recipientsTitle: "Recipients:",
    recipients: ["City People's Committee (for reporting)", "Archive: VT"],
    authority: "DIRECTOR",
    appendix: (n: string) => `Appendix ${n}`,
    attached: (n: string, symbol: string) => `(Attached to Report No. ${n}/BC-${symbol})`,
    tasksTitle: "TASKS BY STATUS",
    indicatorsTitle: "INDICATORS AGAINST THEIR TARGETS",
    columns: {
      no: "No.",
      task: "Task",
      indicator: "Indicator",
      lead: "Lead agency",
      period: "Year / due",
      status: "Status",
      year: "Year",
      target: "Target",
      value: "Figure",
      verdict: "Verdict",
    },
    none: "None.",
  },
} as const;

type Words = (typeof DOCX_WORDS)[Lang];
type Docx = typeof import("docx");
type Block = import("docx").Paragraph | import("docx").Table;

const ROMAN = ["I", "II", "III", "IV", "V", "VI"];
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * The report to the People's Committee on the plan's implementation, as a Word document (DOCX) in the administrative
 * format of Decree 30/2020/NĐ-CP: A4 portrait with the decree's margins, Times New Roman throughout (14 pt body,
 * 12-13 pt heading block, 12 pt tables); the issuing body and national motto block with the number and date left as
 * placeholders until the document is registered and signed; "BÁO CÁO" and its subject; I. results (overall, by task
 * group, on the indicators, by lead agency), II. shortcomings drawn from the failing and warning rows and their
 * causes, III. tasks for the next period from what falls due, IV. proposals; recipients and signature; Appendix I,
 * the tasks by status with their lead agencies, and Appendix II, the indicators against their targets, each table's
 * header repeated on every page. Page numbers at the top centre from the second page.
 *
 * The `docx` library is loaded when the first report is made, so that an app that never makes one does not load
 * it. Runs in Node.js and in browsers; the bytes can be saved as a `.docx` file or offered as a download.
 *
 * @example
 * const bytes = await renderDocx(scorecard, plans["haiphong-142"], { number: "125" });
 * await writeFile("bao-cao.docx", bytes);
 */
export async function renderDocx(scorecard: Scorecard, plan: DefinedPlan, options: DocxOptions = {}): Promise<Uint8Array> {
  if (options.date !== undefined && !isIsoDate(options.date)) throw new Nq57Error(`renderDocx: date "${options.date}" is not a date; write it as YYYY-MM-DD`);
  const docx = await import("docx");
  const lang = options.lang ?? "vi";
  const w = DOCX_WORDS[lang];
  const make = new Maker(docx);
  const rows = [...rowsToWrite(scorecard).rows()];
  const context: Context = { scorecard, plan, lang, w, rows, statusOf: statusesOf(scorecard), make, options };
  const number = options.number ?? "…";

  const body: Block[] = [
    ...heading(context),
    ...results(context),
    ...shortcomings(context),
    ...nextTasks(context),
    make.part(3, w.parts[3]),
    ...(options.proposals?.length ? options.proposals.map((p) => make.body(p)) : [make.body(w.proposalPlaceholder, { italics: true })]),
    closing(context),
    ...appendixTasks(context, number),
    ...appendixIndicators(context, number),
  ];

  const pageNumber = new docx.Paragraph({
    alignment: docx.AlignmentType.CENTER,
    children: [new docx.TextRun({ children: [docx.PageNumber.CURRENT], size: BODY_SIZE })],
  });
  const document = new docx.Document({
    creator: officeText(issuerName(options.issuer ?? {}, w)),
    title: officeText(`${w.kind} ${w.subject(scorecard.plan.number, formatDate(scorecard.asOf, lang))}`),
    styles: {
      default: {
        document: { run: { font: DOCX_FONT, size: BODY_SIZE, color: "000000" }, paragraph: { spacing: { before: 120, after: 0, line: 276 } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height, orientation: docx.PageOrientation.PORTRAIT },
            margin: { ...DOCX_PAGE.margin, header: mm(10), footer: mm(10) },
          },
        },
        // The decree numbers pages from the second: the first page's header is empty.
        headers: { default: new docx.Header({ children: [pageNumber] }), first: new docx.Header({ children: [new docx.Paragraph({})] }) },
        children: body,
      },
    ],
  });
  return docx.Packer.pack(document, "uint8array");
}

interface Context {
  readonly scorecard: Scorecard;
  readonly plan: DefinedPlan;
  readonly lang: Lang;
  readonly w: Words;
  readonly rows: readonly ScorecardRow[];
  readonly statusOf: StatusOf;
  readonly make: Maker;
  readonly options: DocxOptions;
}

interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly size?: number;
}

/** The document's paragraphs and tables in the decree's styles. */
class Maker {
  constructor(readonly docx: Docx) {}

  run(text: string, style: RunStyle = {}) {
    return new this.docx.TextRun({ text: officeText(text), font: DOCX_FONT, size: style.size ?? BODY_SIZE, bold: style.bold ?? false, italics: style.italics ?? false });
  }

  /** A body paragraph: justified, first line indented 1.27 cm, 6 pt before. */
  body(text: string, style: RunStyle = {}) {
    return new this.docx.Paragraph({ alignment: this.docx.AlignmentType.JUSTIFIED, indent: { firstLine: mm(12.7) }, children: [this.run(text, style)] });
  }

  centred(text: string, style: RunStyle = {}, before = 0) {
    return new this.docx.Paragraph({ alignment: this.docx.AlignmentType.CENTER, spacing: { before, after: 0 }, children: [this.run(text, style)] });
  }

  /** A short centred rule, `length` long in a column `within` wide, under the line before: an empty paragraph's bottom border. */
  rule(length: number, within = TEXT_WIDTH) {
    const { docx } = this;
    const side = Math.max(0, Math.round((within - length) / 2));
    return new docx.Paragraph({
      spacing: { before: 0, after: 0, line: 20, lineRule: docx.LineRuleType.EXACT },
      indent: { left: side, right: side },
      border: { bottom: { style: docx.BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
      children: [],
    });
  }

  /** A part heading: Roman numeral and title in capitals, bold. */
  part(index: number, title: string) {
    return new this.docx.Paragraph({ indent: { firstLine: mm(12.7) }, keepNext: true, spacing: { before: 240 }, children: [this.run(`${ROMAN[index]}. ${title}`, { bold: true })] });
  }

  /** A section heading: `1. Title` bold, or `1.1. Title` bold italic. */
  section(number: string, title: string, sub = false) {
    return new this.docx.Paragraph({ indent: { firstLine: mm(12.7) }, keepNext: true, children: [this.run(`${number}. ${title}`, { bold: true, italics: sub })] });
  }

  /** A line of a list: `- text` (or `a) text`), justified and indented as the body. */
  item(text: string, mark = "-") {
    return this.body(`${mark} ${text}`);
  }

  /** A table with a bold header row repeated on each page, 12 pt, full width. */
  table(columns: readonly string[], rows: readonly (readonly (string | number)[] | { group: string })[], widths: readonly number[]) {
    const { docx } = this;
    const total = TEXT_WIDTH;
    const sum = widths.reduce((a, b) => a + b, 0);
    const twips = widths.map((x) => Math.floor((x / sum) * total));
    const cell = (text: string | number, i: number, style: RunStyle = {}, span = 1) =>
      new docx.TableCell({
        ...(span > 1 ? { columnSpan: span } : {}),
        width: { size: span > 1 ? total : twips[i]!, type: docx.WidthType.DXA },
        margins: { left: 60, right: 60, top: 20, bottom: 20 },
        verticalAlign: docx.VerticalAlignTable.CENTER,
        children: [
          new docx.Paragraph({
            spacing: { before: 0, after: 0, line: 240 },
            alignment: typeof text === "number" || (style.bold && span === 1) ? docx.AlignmentType.CENTER : docx.AlignmentType.LEFT,
            children: [this.run(String(text), { size: TABLE_SIZE, ...style })],
          }),
        ],
      });
    return new docx.Table({
      width: { size: total, type: docx.WidthType.DXA },
      columnWidths: twips,
      layout: docx.TableLayoutType.FIXED,
      rows: [
        new docx.TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c, i, { bold: true })) }),
        ...rows.map((r) =>
          "group" in r
            ? new docx.TableRow({ cantSplit: true, children: [cell(r.group, 0, { bold: true }, columns.length)] })
            : new docx.TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i)) }),
        ),
      ],
    });
  }

  /** A table without borders, for the heading and signature blocks: two columns of paragraphs. */
  layout(left: readonly Block[], right: readonly Block[], split = HEADING_SPLIT) {
    const { docx } = this;
    const total = TEXT_WIDTH;
    const widths = [Math.round(total * split), total - Math.round(total * split)];
    const flush = { left: 0, right: 0, top: 0, bottom: 0 };
    const none = { style: docx.BorderStyle.NONE, size: 0, color: "FFFFFF" };
    const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
    return new docx.Table({
      width: { size: total, type: docx.WidthType.DXA },
      columnWidths: widths,
      layout: docx.TableLayoutType.FIXED,
      borders,
      rows: [
        // The signature block is never split from its recipients across pages.
        new docx.TableRow({
          cantSplit: true,
          children: [left, right].map(
            (children, i) => new docx.TableCell({ width: { size: widths[i]!, type: docx.WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none }, margins: flush, children: [...children] }),
          ),
        }),
      ],
    });
  }

  pageBreak() {
    return new this.docx.Paragraph({ children: [new this.docx.PageBreak()] });
  }
}

function heading({ make, w, options, scorecard, lang }: Context): Block[] {
  const issuer = options.issuer ?? {};
  const superior = issuer.superior ?? w.superior;
  const leftWidth = TEXT_WIDTH * HEADING_SPLIT;
  const left = [
    ...(superior ? [make.centred(superior.toLocaleUpperCase("vi"), { size: pt(13) })] : []),
    make.centred((issuer.body ?? issuerName(issuer, w)).toLocaleUpperCase("vi"), { size: pt(13), bold: true }),
    make.rule(mm(20), leftWidth),
    make.centred(w.number(options.number ?? "…", issuer.symbol ?? "SKHCN"), { size: pt(13) }, 160),
  ];
  const right = [
    make.centred(w.nation, { size: pt(12), bold: true }),
    make.centred(w.motto, { size: pt(13), bold: true }),
    // As long as the motto: about 2.2 mm a character at 13 pt bold.
    make.rule(mm(w.motto.length * 2.2), TEXT_WIDTH - leftWidth),
    make.centred(w.dated(issuer.place ?? w.place, options.date), { size: pt(14), italics: true }, 160),
  ];
  return [
    make.layout(left, right),
    make.centred(w.kind, { bold: true }, 480),
    make.centred(w.subject(scorecard.plan.number, formatDate(scorecard.asOf, lang)), { bold: true }),
    make.rule(mm(40)),
  ];
}

/** The issuing body's name as written in a sentence (`Sở Khoa học và Công nghệ`). */
function issuerName(issuer: DocxIssuer, w: Words): string {
  return issuer.name ?? w.name;
}

/** Verdict counts in words, those above zero: `đạt 5, không đạt 4`. */
function countsText(counts: Summary["counts"], lang: Lang): string {
  return VERDICTS.filter((v) => counts[v] > 0).map((v) => `${verdictLabel(v, lang)} ${counts[v]}`).join(", ");
}

/** How many of the rows have each status, in words, most first: `quá hạn 4, hoàn thành 3`. */
function statusCounts(rows: readonly ScorecardRow[], context: Context): string {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const words = statusWords(context.statusOf, row, context.lang);
    counts.set(words, (counts.get(words) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([words, n]) => `${words} ${n}`).join(", ");
}

function results(context: Context): Block[] {
  const { make, w, scorecard, plan, lang, rows } = context;
  const { overall } = scorecard.summary;
  const input = scorecard.input;
  const kinds = appliesToOf(scorecard);
  const blocks: Block[] = [
    make.body(
      w.intro(plan.document.number, plan.document.issuer[lang], formatDate(plan.document.issuedOn, lang), issuerName(context.options.issuer ?? {}, w), formatDate(scorecard.asOf, lang)),
    ),
    make.part(0, w.parts[0]),
    make.section("1", w.overall),
    make.body(w.overallText(summaryScore(overall, lang), overall.band.label[lang], formatPercent(overall.coverage, lang), countsText(overall.counts, lang))),
    make.body(w.inputText(input.observations.accepted, input.observations.rejected, input.taskReports.accepted, input.taskReports.rejected)),
  ];
  const groupParagraphs = (summaries: Record<string, Summary>, of: "task" | "indicator") => {
    let n = 0;
    return plan.groups
      .filter((g) => Object.hasOwn(summaries, g.id))
      .map((g) => {
        const s = summaries[g.id]!;
        const own = rows.filter((r) => kinds.get(r.rule) === of && (of === "task" ? plan.task(r.entity)?.group : plan.indicator(r.entity)?.group) === g.id && r.benchmark !== true);
        const statuses = statusCounts(own, context);
        return make.body(
          `${LETTERS[n++ % LETTERS.length]}) ${w.groupText(g.id, shorten(g.title[lang], 160), summaryScore(s, lang), s.band.label[lang], formatPercent(s.coverage, lang))}${statuses ? `; ${w.statuses}: ${statuses}` : ""}.`,
        );
      });
  };
  let section = 1;
  for (const own of context.options.sections ?? []) {
    blocks.push(make.section(String(++section), own.title), ...(own.paragraphs ?? []).map((p) => make.body(p)));
    if (own.table) blocks.push(make.table(own.table.columns, own.table.rows, own.table.widths ?? own.table.columns.map(() => 1)));
  }
  blocks.push(make.section(String(++section), w.byTaskGroup), ...groupParagraphs(scorecard.summary.byTaskGroup, "task"));
  blocks.push(make.section(String(++section), w.byIndicatorGroup), ...groupParagraphs(scorecard.summary.byIndicatorGroup, "indicator"));
  const agencies = summaryTables(scorecard, plan, lang).find((s) => s.id === "byAgency");
  if (agencies && agencies.table.rows.length > 0) {
    blocks.push(make.section(String(++section), w.byAgency), agencyTable(agencies.table, context));
  }
  const reporting = summaryTables(scorecard, plan, lang).find((s) => s.id === "reporting");
  if (reporting && reporting.table.rows.length > 0) {
    const { columns, rows } = reporting.table;
    blocks.push(make.section(String(++section), reporting.heading), make.table(columns, rows.map((r) => r.map((cell) => (typeof cell === "number" ? cell : String(cell ?? "")))), columns.map((_, k) => (k === 0 ? 4 : k === 1 ? 1 : 2))));
  }
  return blocks;
}

/** The agencies' scores: name, score, band and coverage (the verdict counts are in the appendices). */
function agencyTable(table: PlainTable, { make, w }: Context) {
  return make.table(
    [w.columns.no, ...table.columns.slice(0, 4)],
    table.rows.map((r, i) => [i + 1, ...r.slice(0, 4).map(String)]),
    [8, 40, 18, 20, 14],
  );
}

/** The performance and data rows that fail or warn, most urgent first (the plan document's own checks aside). */
function attentionRows(context: Context): ScorecardRow[] {
  const kinds = appliesToOf(context.scorecard);
  return attentionOrder(
    context.rows.filter((r) => kinds.get(r.rule) !== "plan"),
    (r) => r,
    context.statusOf,
  );
}

function shortcomings(context: Context): Block[] {
  const { make, w, lang, plan, scorecard, options } = context;
  const listed = options.listedPerShortcoming ?? 10;
  const failing = attentionRows(context);
  const blocks: Block[] = [make.part(1, w.parts[1]), make.section("1", w.shortcomings)];
  if (failing.length === 0) blocks.push(make.body(w.noShortcomings));
  // Items in the order of attention: one per rule and status, its rows by message.
  const items = new Map<string, ScorecardRow[]>();
  for (const row of failing) {
    const key = `${row.rule}\u0000${row.status}`;
    groupInto(items, key, row);
  }
  let n = 0;
  for (const rows of items.values()) {
    const first = rows[0]!;
    const title = scorecard.rules.find((r) => r.id === first.rule)?.title[lang] ?? first.rule;
    blocks.push(make.body(`${LETTERS[n++ % LETTERS.length]}) ${title}: ${statusWords(context.statusOf, first, lang)} (${rows.length})`, { italics: true }));
    for (const row of rows.slice(0, listed)) blocks.push(make.item(row.message[lang]));
    if (rows.length > listed) blocks.push(make.body(w.andMore(rows.length - listed), { italics: true }));
  }

  blocks.push(make.section("2", w.causes));
  const missing = failing.filter((r) => r.missingData === true);
  const short = failing.filter((r) => r.missingData !== true);
  const byAgency = new Map<string, number>();
  for (const row of missing)
    for (const id of plan.task(row.entity)?.lead ?? plan.indicator(row.entity)?.lead ?? []) byAgency.set(id, (byAgency.get(id) ?? 0) + 1);
  const top = [...byAgency]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([id, count]) => `${plan.agency(id)?.name[lang] ?? id} (${count})`)
    .join(", ");
  const causes = [
    ...(missing.length ? [w.causeMissing(missing.length, top)] : []),
    ...(short.length ? [w.causeShort(short.length)] : []),
    ...(scorecard.rejected.length ? [w.causeRejected(scorecard.rejected.length)] : []),
  ];
  if (causes.length === 0) blocks.push(make.body(w.noCause));
  for (const cause of causes) blocks.push(make.item(cause));
  return blocks;
}

function nextTasks(context: Context): Block[] {
  const { make, w, lang, plan, scorecard, options } = context;
  const from = nextDay(scorecard.asOf);
  const to = addMonthsToDate(scorecard.asOf, options.nextPeriodMonths ?? 6);
  const due = plan.deadlinesBetween(from, to);
  const lead = (item: DueItem) => item.task.lead.map((id) => plan.agency(id)?.name[lang] ?? id).join(", ");
  const blocks: Block[] = [make.part(2, w.parts[2]), make.section("1", w.dueNext(formatDate(from, lang), formatDate(to, lang)))];
  const dated = due.filter((d) => d.deadline.kind !== "annual" && d.deadline.kind !== "fromYear");
  const yearly = due.filter((d) => d.deadline.kind === "annual" || d.deadline.kind === "fromYear");
  if (due.length === 0) blocks.push(make.body(w.nothingDue));
  for (const item of dated)
    blocks.push(make.item(`${item.task.id} «${shorten(item.task.title[lang], 160)}» (${w.lead}: ${lead(item) || "—"}; ${w.due} ${formatDate(item.due, lang)});`));
  const byDate = new Map<string, DueItem[]>();
  for (const item of yearly) groupInto(byDate, item.due, item);
  for (const [date, items] of byDate) {
    const agencies = new Map<string, number>();
    for (const item of items) for (const id of item.task.lead) agencies.set(id, (agencies.get(id) ?? 0) + 1);
    const named = [...agencies].sort((a, b) => b[1] - a[1]).map(([id, count]) => `${plan.agency(id)?.name[lang] ?? id} (${count})`).join(", ");
    blocks.push(make.item(`${w.annualDue(items.length, formatDate(date, lang))}${named ? `: ${named}` : ""}.`));
  }
  const overdue = new Set(context.rows.filter((r) => r.rule === "task.deadline" && r.status === "overdue").map((r) => r.entity));
  if (overdue.size > 0) blocks.push(make.section("2", w.overdueNext(overdue.size)));
  return blocks;
}

/** Adds an item to its key's list, in the order given. */
function groupInto<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}

/** The Vietnam calendar day after a `YYYY-MM-DD` date. */
function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function closing({ make, w, options }: Context): Block {
  const issuer = options.issuer ?? {};
  const recipients = options.recipients ?? w.recipients;
  const left = [
    new make.docx.Paragraph({ spacing: { before: 240 }, children: [make.run(w.recipientsTitle, { bold: true, italics: true, size: pt(12) })] }),
    ...recipients.map((r, i) => new make.docx.Paragraph({ spacing: { before: 0 }, children: [make.run(`- ${r}${i === recipients.length - 1 ? "." : ";"}`, { size: pt(11) })] })),
  ];
  const right = [
    make.centred((issuer.authority ?? w.authority).toLocaleUpperCase("vi"), { bold: true }, 240),
    ...(issuer.signerTitle ? [make.centred(issuer.signerTitle.toLocaleUpperCase("vi"), { bold: true })] : []),
    // Room for the signature and seal.
    ...[0, 1, 2, 3].map(() => make.centred("")),
    make.centred(issuer.signer ?? "…", { bold: true }),
  ];
  return make.layout(left, right, 0.5);
}

function appendixHeading(context: Context, numeral: string, title: string, number: string): Block[] {
  const { make, w } = context;
  return [
    make.pageBreak(),
    make.centred(w.appendix(numeral), { bold: true }),
    make.centred(title, { bold: true }),
    make.centred(w.attached(number, context.options.issuer?.symbol ?? "SKHCN"), { italics: true }),
    make.rule(mm(40)),
    new make.docx.Paragraph({ children: [] }),
  ];
}

function appendixTasks(context: Context, number: string): Block[] {
  const { make, w, lang, plan, scorecard } = context;
  const kinds = appliesToOf(scorecard);
  const taskRows = context.rows.filter((r) => kinds.get(r.rule) === "task");
  // Statuses by how urgently they need attention, then the statuses that need none, by verdict.
  const byStatus = new Map<string, ScorecardRow[]>();
  const order = (r: ScorecardRow) => [VERDICTS.indexOf(r.verdict) === 2 ? 0 : VERDICTS.indexOf(r.verdict) === 1 ? 1 : 2 + VERDICTS.indexOf(r.verdict), context.statusOf(r)?.attention ?? 1001] as const;
  const sorted = [...taskRows].sort((a, b) => {
    const [va, sa] = order(a);
    const [vb, sb] = order(b);
    return va - vb || sa - sb;
  });
  for (const row of sorted) {
    const words = statusWords(context.statusOf, row, lang);
    groupInto(byStatus, words, row);
  }
  const table: ((string | number)[] | { group: string })[] = [];
  let n = 0;
  for (const [words, rows] of byStatus) {
    table.push({ group: `${words[0]!.toLocaleUpperCase("vi")}${words.slice(1)} (${rows.length})` });
    for (const row of rows) {
      const due = factText(row, "due") ?? factText(row, "periodDue");
      const when = [row.period === undefined ? "" : String(row.period), due ? `${w.due} ${formatDate(due, lang)}` : ""].filter(Boolean).join(", ");
      table.push([++n, `${row.entity} ${shorten(entityTitle(row.entity, plan, lang), 140)}`, leadNames(row, plan, lang), when, verdictLabel(row.verdict, lang)]);
    }
  }
  const c = w.columns;
  return [
    ...appendixHeading(context, "I", w.tasksTitle, number),
    table.length ? make.table([c.no, c.task, c.lead, c.period, c.verdict], table, [8, 44, 22, 14, 12]) : make.body(w.none),
  ];
}

function appendixIndicators(context: Context, number: string): Block[] {
  const { make, w, lang, plan } = context;
  const rows = context.rows.filter((r) => r.rule === "indicator.milestone-met" || (appliesToOf(context.scorecard).get(r.rule) === "indicator" && "targetRaw" in r.facts));
  const c = w.columns;
  const table = rows.map((row, i) => {
    const name = shorten(entityTitle(row.entity, plan, lang), 120);
    const place = row.locality === undefined ? "" : ` (${row.locality})`;
    const value = factText(row, "observedValue");
    return [
      i + 1,
      `${row.entity} ${name}${place}`,
      row.period === undefined ? "" : String(row.period),
      factText(row, "targetRaw") ?? "",
      value === undefined ? "—" : lang === "vi" ? value.replace(".", ",") : value,
      statusWords(context.statusOf, row, lang),
    ];
  });
  return [
    ...appendixHeading(context, "II", w.indicatorsTitle, number),
    table.length ? make.table([c.no, c.indicator, c.year, c.target, c.value, c.verdict], table, [8, 40, 8, 18, 10, 16]) : make.body(w.none),
  ];
}
