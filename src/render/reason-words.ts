import type { Lang } from "../model/text.js";
import { formatIsoDate } from "../scorecard/figure-words.js";

/** A decimal of the readers (`305.5`) with the decimal comma Vietnamese writes (`305,5`). */
const comma = (n: string) => (/^-?\d+\.\d+$/.test(n) ? n.replace(".", ",") : n);

/** How two spellings of a place differ, in Vietnamese. */
const DIFFERENCES: Readonly<Record<string, string>> = {
  case: "chữ hoa, chữ thường",
  "spacing and case": "khoảng trắng và chữ hoa, chữ thường",
  spacing: "khoảng trắng",
  "invisible characters": "ký tự vô hình",
  "Unicode form (NFC/NFD)": "dạng Unicode (NFC/NFD)",
};

/**
 * Vietnamese words for the reasons input is rejected and the notes on reading it, which the readers write in
 * English (the JSON keeps them as written): each pattern a reason of the readers, its parts (ids, values, dates)
 * carried over. A reason no pattern knows is shown as written.
 */
const VI: ReadonlyArray<readonly [RegExp, (...m: string[]) => string]> = [
  // Fragments shared by several reasons first, then whole reasons, each before any shorter pattern it contains.
  [/observations need indicator, period and value or met \(optional: ([^)]*)\); task reports need task and status \(optional: ([^)]*)\)/, (_, o, t) => `số liệu chỉ tiêu cần các cột indicator, period và value hoặc met (không bắt buộc: ${o}); báo cáo nhiệm vụ cần các cột task và status (không bắt buộc: ${t})`],
  [/^the header \(([^)]*)\) is not that of observations or task reports: /, (_, h) => `dòng tiêu đề (${h}) không phải của số liệu chỉ tiêu hay báo cáo nhiệm vụ: `],
  [/^the file seems to separate cells with semicolons, but the header \(([^)]*)\) is not that of observations or task reports: /, (_, h) => `tệp có vẻ ngăn cách các ô bằng dấu chấm phẩy, nhưng dòng tiêu đề (${h}) không phải của số liệu chỉ tiêu hay báo cáo nhiệm vụ: `],
  [/^the file has no header row: /, () => "tệp không có dòng tiêu đề: "],
  [/^the header has the columns of both observations \(indicator, period, value or met\) and task reports \(task, status\): put each kind in its own file$/, () => "dòng tiêu đề có cả các cột của số liệu chỉ tiêu (indicator, period, value hoặc met) và của báo cáo nhiệm vụ (task, status): mỗi loại cần một tệp riêng"],
  [/; nothing in the file was read$/, () => "; không đọc được gì trong tệp"],
  [/; the file was read up to there$/, () => "; tệp được đọc đến chỗ đó"],
  [/^(\w+) "([^"]*)" is read as (\d{4}-\d{2}-\d{2}) \(day\/month\/year, the Vietnamese convention\)$/, (_, f, v, d) => `${f} "${v}" được đọc là ngày ${formatIsoDate(d, "vi")} (ngày/tháng/năm, theo cách viết của Việt Nam)`],
  [/^(\w+) ("[^"]*") is not a real date: read as day\/month\/year \(the Vietnamese convention\), it would be day (\d+) of month (\d+) of (\d+)(?:; if it is month\/day\/year, write it as (\S+))?$/, (_, f, v, d, m, y, iso) => `${f} ${v} không phải là ngày có thật: đọc theo ngày/tháng/năm (cách viết của Việt Nam) thì là ngày ${d} tháng ${m} năm ${y}${iso ? `; nếu là tháng/ngày/năm, hãy viết ${iso}` : ""}`],
  [/^column ("[^"]*") is not one of ([^;]+); it is ignored$/, (_, c, known) => `cột ${c} không thuộc các cột: ${known}; cột này được bỏ qua`],
  [/^column (\d+) has no name; it is ignored$/, (_, n) => `cột thứ ${n} không có tên nên được bỏ qua`],
  [/^the column (\S+) appears twice in the header$/, (_, c) => `cột ${c} xuất hiện hai lần trong dòng tiêu đề`],
  [/^value ("[^"]*") is read as (\S+) \(the comma is the decimal mark, as Vietnamese writes it(; the % sign left out)?\)$/, (_, v, n, pct) => `value ${v} được đọc là ${comma(n)} (dấu phẩy là dấu thập phân, theo cách viết của Việt Nam${pct ? "; bỏ dấu %" : ""})`],
  [/^value ("[^"]*") is read as (\S+) \(the dots group thousands and the comma is the decimal mark, as Vietnamese writes it\)$/, (_, v, n) => `value ${v} được đọc là ${comma(n)} (dấu chấm ngăn cách hàng nghìn, dấu phẩy là dấu thập phân, theo cách viết của Việt Nam)`],
  [/^value ("[^"]*") is read as (\S+) \(the dot is the decimal mark\); write (\S+) if you meant thousands$/, (_, v, n, t) => `value ${v} được đọc là ${comma(n)} (dấu chấm là dấu thập phân); nếu là hàng nghìn, hãy viết ${t}`],
  [/^value ("[^"]*") is read as (\S+) \(the % sign left out\)$/, (_, v, n) => `value ${v} được đọc là ${comma(n)} (bỏ dấu %)`],
  [/^value ("[^"]*") is ambiguous, a decimal comma or a thousands separator: write (\S+) if the comma is the decimal mark, or (\S+) if it separates thousands$/, (_, v, d, t) => `value ${v} không rõ dấu phẩy là dấu thập phân hay dấu ngăn cách hàng nghìn: ghi ${d} nếu là dấu thập phân, hoặc ${t} nếu là hàng nghìn`],
  [/^value (.+) is not a number: it is a spreadsheet formula; save the figure it computes instead$/, (_, v) => `value ${v} không phải là số mà là công thức bảng tính; hãy lưu con số công thức tính ra`],
  [/^value ("[^"]*") is not a number: write it without thousands separators and with a dot for decimals, e\.g\. (\S+)$/, (_, v, e) => `value ${v} không phải là số: ghi không có dấu ngăn cách hàng nghìn, dùng dấu chấm cho phần thập phân, ví dụ ${e}`],
  [/^value ("[^"]*") is not a number: write it without thousands separators, e\.g\. (\S+)$/, (_, v, e) => `value ${v} không phải là số: ghi không có dấu ngăn cách hàng nghìn, ví dụ ${e}`],
  [/^value ("[^"]*") is not a number: write it without spaces between the digits, e\.g\. (\S+)$/, (_, v, e) => `value ${v} không phải là số: ghi các chữ số liền nhau, không có khoảng trắng, ví dụ ${e}`],
  [/^value ("[^"]*") has a % sign, but (\S+) is not measured in percent \(it is (a rank|a count|a growth rate, unit ([^)]*))\): give the figure in that unit, without the % sign$/, (_, v, id, kind, unit) => `value ${v} có dấu %, nhưng ${id} không đo bằng phần trăm (${kind === "a rank" ? "là thứ hạng" : kind === "a count" ? "là số lượng" : `là tốc độ tăng, đơn vị ${unit}`}): ghi số liệu theo đơn vị đó, không có dấu %`],
  [/^value (an object|a list) is not a number$/, (_, k) => `value là ${k === "a list" ? "một danh sách" : "một đối tượng"}, không phải là số`],
  [/^value (\S+) of (\S+) is below (\d+), the first rank$/, (_, v, id, n) => `giá trị ${comma(v)} của ${id} nhỏ hơn ${n}, thứ hạng đầu tiên`],
  [/^value (\S+) of (\S+) is negative$/, (_, v, id) => `giá trị ${comma(v)} của ${id} là số âm`],
  [/^unknown indicator ("[^"]*"|\S+) \(did you mean (\S+)\? the id holds a character that is invisible or only looks like a hyphen\)$/, (_, id, hint) => `không có chỉ tiêu ${id} trong kế hoạch (có phải ${hint}? mã có một ký tự vô hình hoặc chỉ trông giống dấu gạch nối)`],
  [/^unknown task ("[^"]*"|\S+) \((\S+) is an indicator: report it as an observation with indicator, period and value\)$/, (_, id, x) => `không có nhiệm vụ ${id} trong kế hoạch (${x} là chỉ tiêu: báo cáo như số liệu chỉ tiêu với indicator, period và value)`],
  [/^unknown indicator ("[^"]*"|\S+) \((\S+) is a task: report it as a task report with task and status\)$/, (_, id, x) => `không có chỉ tiêu ${id} trong kế hoạch (${x} là nhiệm vụ: báo cáo như báo cáo nhiệm vụ với task và status)`],
  [/^(\S+) has no target of its own: report its parts (.+)$/, (_, id, parts) => `${id} không có chỉ tiêu riêng: báo cáo các chỉ tiêu thành phần ${parts}`],
  [/^the row has (\d+) cells but the header has (\d+)(?:; a cell holding a comma, such as ([^,]+,\S+), must be in double quotes)?$/, (_, a, b, e) => `dòng có ${a} ô nhưng dòng tiêu đề có ${b}${e ? `; ô có dấu phẩy, như ${e}, phải đặt trong dấu ngoặc kép` : ""}`],
  [/^the number (\S+) cannot be held exactly by a JSON number \(it would be read as (\S+)\); it is read as the text ("[^"]*")$/, (_, n, r, t) => `số ${n} không thể giữ chính xác bằng một số JSON (sẽ bị đọc thành ${r}); được đọc là chuỗi ${t}`],
  [/^the line ("[^"]*") that Excel writes before the header was skipped(; cells are read as separated by semicolons, as it says)?$/, (_, l, semi) => `đã bỏ qua dòng ${l} mà Excel ghi trước dòng tiêu đề${semi ? "; các ô được đọc theo dấu chấm phẩy, như dòng đó ghi" : ""}`],
  [/^the key ("[^"]*") is given twice in this record \(lines (\d+) and (\d+)\): JSON keeps only the last, so which one is meant is unclear; give it once$/, (_, k, a, b) => `khóa ${k} có hai lần trong bản ghi này (dòng ${a} và ${b}): JSON chỉ giữ lần sau nên không rõ giá trị nào được dùng; chỉ ghi một lần`],
  [/^the key ("[^"]*") appears twice \(lines (\d+) and (\d+)\): JSON would keep only the last list; put all (\w+) in one list/, (_, k, a, b, what) => `khóa ${k} có hai lần (dòng ${a} và ${b}): JSON chỉ giữ danh sách sau; hãy đưa mọi ${what} vào một danh sách`],
  [/^the file must hold a JSON object such as (.+)$/, (_, e) => `tệp phải chứa một đối tượng JSON như ${e}`],
  [/^the file is not valid JSON: ([\s\S]+)$/, (_, detail) => `tệp không phải JSON hợp lệ: ${detail}`],
  [/^the file is empty$/, () => "tệp rỗng"],
  [/^the file holds NUL characters \(the first on line (\d+)\), so it is not UTF-8 text: it is probably saved as UTF-16 \(("[^"]*")\); save it as ("[^"]*") or UTF-8 JSON/, (_, l, a, b) => `tệp có ký tự NUL (đầu tiên ở dòng ${l}) nên không phải văn bản UTF-8: có lẽ được lưu dạng UTF-16 (${a}); hãy lưu dạng ${b} hoặc JSON UTF-8`],
  [/^the file holds (\d+) byte sequences? that (?:is|are) not UTF-8, shown as � \(the first on line (\d+)\): it may be saved in an older encoding such as TCVN3 or Windows-1258; save it as UTF-8 so that names read correctly$/, (_, n, l) => `tệp có ${n} chuỗi byte không phải UTF-8, hiện thành � (đầu tiên ở dòng ${l}): có thể tệp được lưu theo bảng mã cũ như TCVN3 hoặc Windows-1258; hãy lưu dạng UTF-8 để tên được đọc đúng`],
  [/^the cells are separated by tabs, not commas \(as a spreadsheet copies cells, or a \.tsv file\): the file was read with tabs$/, () => "các ô được ngăn cách bằng dấu tab, không phải dấu phẩy (như khi sao chép ô từ bảng tính, hoặc tệp .tsv): tệp được đọc theo dấu tab"],
  [/^the cells are separated by semicolons, not commas \(as Excel saves CSV under a Vietnamese or European locale\): the file was read with semicolons$/, () => "các ô được ngăn cách bằng dấu chấm phẩy, không phải dấu phẩy (như Excel lưu CSV theo thiết lập vùng Việt Nam hoặc châu Âu): tệp được đọc theo dấu chấm phẩy"],
  [/^(task|indicator) (\S+) must be an id such as (\S+)$/, (_, f, v, e) => `${f} ${v} phải là một mã, ví dụ ${e}`],
  [/^reportedOn is missing: a report is judged by the date it was sent$/, () => "thiếu ngày báo cáo (reportedOn): báo cáo được đánh giá theo ngày gửi"],
  [/^(\w+) is missing: (\S+) is assessed as met or not \(yes or no\)$/, (_, f, id) => `thiếu ${f}: ${id} được đánh giá đạt hay không đạt (có hoặc không)`],
  [/^(\w+) must be a list of records \(\[ … \]\); none of it was read$/, (_, k) => `${k} phải là một danh sách bản ghi ([ … ]); không đọc được phần nào`],
  [/^locality ("[^"]*") holds only invisible characters: leave it empty for the whole city, or write the place's name$/, (_, v) => `locality ${v} chỉ có ký tự vô hình: để trống nếu là số liệu toàn thành phố, hoặc ghi tên địa phương`],
  [/^locality ("[^"]*") is read as ("[^"]*"), the same place as first written \(they differ only in (.+)\); its figures count for that one locality$/, (_, a, b, how) => `locality ${a} được đọc là ${b}, cùng địa phương như lần viết đầu tiên (chỉ khác ${DIFFERENCES[how] ?? how}); số liệu được tính cho một địa phương đó`],
  [/^a quoted cell that starts on line (\d+) is never closed/, (_, l) => `ô trong dấu ngoặc kép bắt đầu ở dòng ${l} không được đóng`],
  [/^duplicate of the record at /, () => "trùng với bản ghi tại "],
  [/^status ("[^"]*"|\S+) is not one of not-started, in-progress, completed, cancelled$/, (_, v) => `tình trạng ${v} không thuộc các giá trị: chưa bắt đầu (not-started), đang thực hiện (in-progress), đã hoàn thành (completed), đã hủy (cancelled)`],
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
