import type { Lang } from "../model/text.js";
import { formatIsoDate } from "../scorecard/figure-words.js";

/**
 * Vietnamese words for the reasons input is rejected and the notes on reading it, which the readers write in
 * English (the JSON keeps them as written): each pattern a reason of the readers, its parts (ids, values, dates)
 * carried over. A reason no pattern knows is shown as written.
 */
const VI: ReadonlyArray<readonly [RegExp, (...m: string[]) => string]> = [
  [/conflicting values for (\S+) (\d{4}) \(([^)]*)\): (.+)$/, (_, id, year, place, list) => `các giá trị khác nhau của ${id} năm ${year} (${place === "city" ? "toàn thành phố" : place}): ${list.replaceAll(" at ", " tại ")}`],
  [/duplicate of (.+)$/, (_, rest) => `trùng với ${rest.replaceAll(" at ", " tại ")}`],
  [/unknown indicator ("[^"]*"|\S+)(?: \(did you mean (\S+?)\?\))?/, (_, id, hint) => `không có chỉ tiêu ${id} trong kế hoạch${hint ? ` (có phải ${hint}?)` : ""}`],
  [/unknown task ("[^"]*"|\S+)(?: \(did you mean (\S+?)\?\))?/, (_, id, hint) => `không có nhiệm vụ ${id} trong kế hoạch${hint ? ` (có phải ${hint}?)` : ""}`],
  [/value ("[^"]*"|\S+) is not a number/, (_, v) => `giá trị ${v} không phải là số`],
  [/value ("[^"]*"|\S+) is not a finite number/, (_, v) => `giá trị ${v} không phải là số hữu hạn`],
  [/status ("[^"]*"|\S+) is not one of [a-z, -]+[a-z]/, (_, v) => `tình trạng ${v} không thuộc các giá trị: chưa bắt đầu (not-started), đang thực hiện (in-progress), đã hoàn thành (completed), đã hủy (cancelled)`],
  [/met ("[^"]*"|\S+) is not yes or no: write yes\/no, true\/false, 1\/0 or có\/không/, (_, v) => `giá trị đạt ${v} không phải có hoặc không: ghi có/không, yes/no, true/false hoặc 1/0`],
  [/(\w+) must be a year such as \d{4}, not (.+)$/, (_, f, v) => `${f} phải là một năm, ví dụ 2025, không phải ${v}`],
  [/(\w+) ("[^"]*"|\S+) is not a real date/, (_, f, v) => `${f} ${v} không phải là ngày có thật`],
  [/(\w+) ("[^"]*"|\S+) is not a date written as YYYY-MM-DD[^;]*/, (_, f, v) => `${f} ${v} không phải là ngày viết theo dạng YYYY-MM-DD hoặc ngày/tháng/năm`],
  [/(\w+) is missing/, (_, f) => `thiếu ${f}`],
  [/value \(or met, for a yes\/no indicator\) is missing/, () => "thiếu giá trị (value, hoặc met với chỉ tiêu đánh giá đạt/không đạt)"],
  [/give either value or met, not both/, () => "chỉ ghi value hoặc met, không ghi cả hai"],
  [/(\S+) is assessed as met or not: give met \(yes or no\) instead of value/, (_, id) => `${id} được đánh giá đạt hay không đạt: ghi met (có hoặc không) thay cho value`],
  [/(\S+) is measured by a number: give value instead of met/, (_, id) => `${id} được đo bằng số: ghi value thay cho met`],
  [/period (\d{4}) had not begun on reportedOn (\S+): a figure for a year to come is a forecast, not a figure/, (_, y, d) => `năm ${y} chưa bắt đầu vào ngày báo cáo ${formatIsoDate(d, "vi")}: số liệu của năm chưa tới là dự báo, không phải số liệu`],
  [/period (\d{4}) had not begun on reportedOn (\S+): a report cannot report on a year to come/, (_, y, d) => `năm ${y} chưa bắt đầu vào ngày báo cáo ${formatIsoDate(d, "vi")}: không thể báo cáo cho năm chưa tới`],
  [/completedOn (\S+) is after reportedOn (\S+): a report cannot say a task was completed after the day it was made/, (_, c, r) => `ngày hoàn thành ${formatIsoDate(c, "vi")} sau ngày báo cáo ${formatIsoDate(r, "vi")}: báo cáo không thể ghi nhiệm vụ hoàn thành sau ngày lập báo cáo`],
  [/(\w+) (\d{4}-\d{2}-\d{2}) is before (\d{4}-\d{2}-\d{2}): no report on this plan can carry it/, (_, f, d, e) => `${f} ${formatIsoDate(d, "vi")} trước ngày ${formatIsoDate(e, "vi")}: không báo cáo nào về kế hoạch này có thể mang ngày đó`],
  [/key ("[^"]*") is not observations or taskReports; it is ignored/, (_, k) => `khóa ${k} không phải observations hay taskReports nên được bỏ qua`],
  [/value (\S+) of (\S+) is outside 0-100 for a percentage/, (_, v, id) => `giá trị ${v} của ${id} nằm ngoài khoảng 0-100 của một tỷ lệ phần trăm`],
  [/status cancelled is kept as the agency's claim, but it does not take the task out of the scorecard: only a decision of the People's Committee amending the plan cancels a task \(section D\.3\)/, () => "tình trạng đã hủy được ghi nhận như báo cáo của cơ quan, nhưng nhiệm vụ vẫn được đánh giá: chỉ quyết định sửa đổi kế hoạch của Ủy ban nhân dân thành phố mới hủy được nhiệm vụ (mục D.3)"],
  [/the UTF-8 byte order mark \(BOM\) at the start of the file was removed/, () => "đã bỏ dấu BOM của UTF-8 ở đầu tệp"],
  [/the file has a header row but no records/, () => "tệp có dòng tiêu đề nhưng không có bản ghi nào"],
  [/the file has neither observations nor taskReports; nothing was read/, () => "tệp không có observations hay taskReports; không đọc được gì"],
  [/field ("[^"]*") is not part of ([^;]+); it is ignored \(known fields: ([^)]*)\)/, (_, f, _what, known) => `trường ${f} không thuộc bản ghi nên được bỏ qua (các trường được nhận: ${known})`],
  [/(\S+) is due every year; give period to say which year the report is for/, (_, id) => `${id} thực hiện hằng năm; ghi period để nói báo cáo cho năm nào`],
  [/completedOn is given but the status is ([a-z-]+)/, (_, s) => `có ngày hoàn thành nhưng tình trạng là ${s}`],
  [/the row repeats the header of line (\d+) \(were two files joined\?\); it is not a record/, (_, l) => `dòng lặp lại tiêu đề ở dòng ${l} (hai tệp bị ghép?); đây không phải bản ghi`],
  [/a record must be an object with ([^;]+)/, (_, what) => `bản ghi phải là một đối tượng có ${what.replaceAll(" and ", " và ").replaceAll(" or ", " hoặc ")}`],
  [/the record cannot be read/, () => "không đọc được bản ghi"],
];

/**
 * A reason a record was rejected, or a note on reading the input, in the language: as written in English, in
 * Vietnamese by the readers' patterns.
 *
 * @example
 * reasonWords('unknown task "T-9.9"', "vi"); //=> 'không có nhiệm vụ "T-9.9" trong kế hoạch'
 */
export function reasonWords(text: string, lang: Lang): string {
  if (lang === "en") return text;
  let out = text;
  for (const [pattern, words] of VI) out = out.replace(pattern, (...m) => words(...(m.slice(0, -2) as string[]).map((s) => s ?? "")));
  return out;
}
