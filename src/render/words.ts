import { Decimal } from "../decimal.js";
import type { Verdict } from "../model/verdict.js";
import { CANONICAL_UNIT } from "../model/scorecard.js";
import type { Lang } from "../model/text.js";


/** The order verdicts are counted and listed in. */
export const VERDICTS: readonly Verdict[] = ["pass", "warn", "fail", "no-data", "not-applicable"];

/** Words of the text renderers (terminal and Markdown), by language. */
export const WORDS = {
  vi: {
    scorecard: "Bảng đánh giá thực hiện Kế hoạch",
    asOf: "tính đến ngày",
    overall: "Tổng quan",
    score: "Điểm",
    band: "Xếp loại",
    coverage: "Độ phủ dữ liệu",
    rows: "Số dòng",
    verdicts: { pass: "đạt", warn: "cảnh báo", fail: "không đạt", "no-data": "chưa có dữ liệu", "not-applicable": "không áp dụng" },
    byTaskGroup: "Theo nhóm nhiệm vụ",
    byIndicatorGroup: "Theo nhóm chỉ tiêu",
    byAgency: "Theo cơ quan chủ trì",
    byLocality: "Theo địa phương",
    group: "Nhóm",
    title: "Tên nhóm",
    agency: "Cơ quan",
    locality: "Địa phương",
    needsAttention: "Cần chú ý",
    nothingNeedsAttention: "Không có dòng nào không đạt hoặc cần cảnh báo.",
    byRule: "Chi tiết theo quy tắc",
    rule: "Quy tắc",
    entity: "Mã",
    period: "Năm",
    verdict: "Kết luận",
    status: "Trạng thái",
    message: "Nội dung",
    severity: "Mức độ",
    severities: { high: "cao", medium: "trung bình", low: "thấp" },
    weight: "Trọng số",
    noRows: "Không có dòng nào.",
    input: "Dữ liệu đầu vào",
    observations: "số liệu chỉ tiêu",
    taskReports: "báo cáo nhiệm vụ",
    accepted: "nhận",
    rejectedWord: "bị loại",
    rulesVersion: "Phiên bản quy tắc",
    planChecks: "Kiểm tra văn bản kế hoạch",
    dataQuality: "Kiểm tra số liệu báo cáo",
    notScored: "không tính vào điểm",
    bySharedDuty: "Nhiệm vụ chung của nhiều cơ quan (không xếp hạng)",
    provisional: "tạm tính",
    belowMinCoverage: "chưa xếp loại: độ phủ dữ liệu {coverage}, dưới mức tối thiểu {min}",
    benchmark: "tham chiếu",
    source: "Nguồn",
    evidence: "minh chứng",
    remediation: "Việc cần làm",
    reportingByAgency: "Tình hình gửi báo cáo theo cơ quan chủ trì",
    wholePlan: "Toàn kế hoạch",
    allYears: "Các năm",
    reportsDue: "Báo cáo đến hạn",
    reportsReceived: "Đã nhận",
    receivedRate: "Tỷ lệ đã nhận",
    reportsOnTime: "Đúng hạn",
    onTimeRate: "Tỷ lệ đúng hạn",
    reportsDueLine: "Báo cáo nhiệm vụ đến hạn",
    other: "Khác",
  },
  en: {
    scorecard: "Scorecard of Plan",
    asOf: "as of",
    overall: "Overall",
    score: "Score",
    band: "Band",
    coverage: "Data coverage",
    rows: "Rows",
    verdicts: { pass: "pass", warn: "warn", fail: "fail", "no-data": "no data", "not-applicable": "not applicable" },
    byTaskGroup: "By task group",
    byIndicatorGroup: "By indicator group",
    byAgency: "By lead agency",
    byLocality: "By locality",
    group: "Group",
    title: "Title",
    agency: "Agency",
    locality: "Locality",
    needsAttention: "Needs attention",
    nothingNeedsAttention: "No row fails or warns.",
    byRule: "Rows by rule",
    rule: "Rule",
    entity: "Id",
    period: "Year",
    verdict: "Verdict",
    status: "Status",
    message: "Message",
    severity: "Severity",
    severities: { high: "high", medium: "medium", low: "low" },
    weight: "Weight",
    noRows: "No rows.",
    input: "Input",
    observations: "observations",
    taskReports: "task reports",
    accepted: "accepted",
    rejectedWord: "rejected",
    rulesVersion: "Rules version",
    planChecks: "Checks of the plan document",
    dataQuality: "Checks of the reported figures",
    notScored: "not counted in any score",
    bySharedDuty: "Duties shared by several bodies (not ranked)",
    provisional: "provisional",
    belowMinCoverage: "no band: data coverage {coverage}, below the minimum {min}",
    benchmark: "benchmark",
    source: "Source",
    evidence: "evidence",
    remediation: "What to do next",
    reportingByAgency: "Reporting by lead agency",
    wholePlan: "Whole plan",
    allYears: "All years",
    reportsDue: "Reports due",
    reportsReceived: "Received",
    receivedRate: "Received rate",
    reportsOnTime: "On time",
    onTimeRate: "On-time rate",
    reportsDueLine: "Task reports due",
    other: "Other",
  },
} as const;

/**
 * A decimal share (`"0.1032"`, `"1"`) as a percentage with at most one decimal, written the language's way;
 * null as "—".
 *
 * @example
 * formatPercent("0.1032", "vi"); //=> "10,3%"
 * formatPercent("1", "en"); //=> "100%"
 */
export function formatPercent(value: string | null, lang: Lang): string {
  if (value === null) return "—";
  const text = CANONICAL_UNIT.test(value) ? unitPercent(value) : decimalPercent(value);
  return `${lang === "vi" ? text.replace(".", ",") : text}%`;
}

function decimalPercent(value: string): string {
  const d = new Decimal(value).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_EVEN);
  return d.isInteger() ? d.toFixed(0) : d.toFixed(1);
}

/**
 * {@link decimalPercent} of a score from 0 to 1 by its digits, without decimal.js: a national table formats half a
 * million of them. The first three decimals are the percentage in tenths; the digits after them round it, half to even.
 */
function unitPercent(value: string): string {
  if (value === "1") return "100";
  if (value === "0") return "0";
  const digits = value.slice(2);
  let tenths = Number(digits.slice(0, 3).padEnd(3, "0"));
  const rest = digits.slice(3);
  // No trailing zeros: a rest of exactly "5" is the half, one starting with 5 and longer is above it.
  if (rest !== "" && (rest > "5" || (rest === "5" && tenths % 2 === 1))) tenths++;
  const whole = Math.floor(tenths / 10);
  const tenth = tenths % 10;
  return tenth === 0 ? String(whole) : `${whole}.${tenth}`;
}

/**
 * A `YYYY-MM-DD` date as a reader of the language writes it: `26/11/2026` in Vietnamese, unchanged in English.
 *
 * @example
 * formatDate("2026-11-26", "vi"); //=> "26/11/2026"
 */
export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split("-");
  return lang === "vi" && y && m && d ? `${d}/${m}/${y}` : date;
}

/** A verdict in the language, e.g. `không đạt`. */
export function verdictLabel(verdict: Verdict, lang: Lang): string {
  return WORDS[lang].verdicts[verdict];
}

