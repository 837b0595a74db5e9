import type { LocalizedText } from "../model/text.js";

/** One way the library reads a rule file otherwise than json-rules-engine 7.3 would, and why. */
export interface EngineDifference {
  /** A short key, e.g. `path`. */
  readonly id: string;
  /** The feature or the values concerned. */
  readonly feature: LocalizedText;
  /** What a stock json-rules-engine does. */
  readonly engine: LocalizedText;
  /** What the library does: a refusal at load naming the difference, or a value refused with a reason. */
  readonly library: LocalizedText;
  readonly why: LocalizedText;
}

/**
 * Every way the library reads a rule file otherwise than a stock json-rules-engine 7.3 `Engine` with its default
 * options. Everything else (the ten operators, the six decorators, `all` / `any` / `not`, priorities, shared
 * conditions, `{ "fact": … }` values) has the engine's meaning; where the meaning differs, the library never gives
 * another answer: it refuses the rule file when loading it, or refuses the value (`RuleValueError`) when met.
 * Listed in the rule docs (`docs/rules/json-rules-engine.md`).
 */
export const ENGINE_DIFFERENCES: readonly EngineDifference[] = [
  {
    id: "numbers-as-texts",
    feature: { vi: "`lessThan` … `greaterThanInclusive` với hai văn bản", en: "`lessThan` … `greaterThanInclusive` between two texts" },
    engine: { vi: "so sánh từng ký tự: \"10\" nhỏ hơn \"9\"", en: "compares them letter by letter: \"10\" is less than \"9\"" },
    library: {
      vi: "từ chối khi nạp nếu cả hai vế là văn bản (dữ kiện số thập phân, giá trị viết trong ngoặc kép); gặp khi chạy thì báo `RuleValueError` nếu câu trả lời khác số thập phân chính xác",
      en: "refused at load when both sides are texts (a decimal fact, a value in quotes); met when running, a `RuleValueError` where the answer is not the exact decimals' one",
    },
    why: { vi: "số liệu là số thập phân viết dạng văn bản; so sánh từng ký tự cho kết quả sai", en: "figures are decimals written as text; letter by letter gives wrong answers" },
  },
  {
    id: "float-rounding",
    feature: { vi: "`lessThan` … với số thập phân mà số thực nhị phân làm tròn", en: "`lessThan` … on a decimal a binary float rounds" },
    engine: { vi: "đọc \"0.30000000000000001\" thành số thực 0.3 rồi so sánh", en: "reads \"0.30000000000000001\" as the float 0.3, then compares" },
    library: {
      vi: "so sánh số thập phân chính xác; trả lời như bộ máy ở mọi giá trị bộ máy đọc không làm tròn, và báo `RuleValueError` khi hai câu trả lời khác nhau",
      en: "compares exact decimals; answers as the engine on every value it reads without rounding, and raises a `RuleValueError` where the two answers differ",
    },
    why: { vi: "số liệu là số thập phân chính xác, không bao giờ là số thực nhị phân", en: "numbers are exact decimals, never binary floats" },
  },
  {
    id: "number-readings",
    feature: { vi: "`lessThan` … với giá trị không phải số hay văn bản số thập phân", en: "`lessThan` … on a value that is neither a number nor a decimal text" },
    engine: {
      vi: "`parseFloat` phải đọc được một số (\"12abc\" đọc thành 12), rồi JavaScript đọc lại: \" 12\" là 12, \"0x1A\" là 26, \"1e3\" là 1000, [12] là 12, null là 0; \"12abc\" không là số nên luôn sai",
      en: "`parseFloat` must read a number from the fact (\"12abc\" reads as 12), then JavaScript reads it again: \" 12\" is 12, \"0x1A\" is 26, \"1e3\" is 1000, [12] is 12, null is 0; \"12abc\" is no number, so always false",
    },
    library: { vi: "sai khi bộ máy trả lời sai; `RuleValueError` khi bộ máy đọc ra một số và trả lời đúng", en: "false where the engine answers false; a `RuleValueError` where the engine reads a number from it and answers true" },
    why: { vi: "thư viện chỉ đọc số và văn bản số thập phân, không đoán", en: "the library reads numbers and decimal texts only, never guesses" },
  },
  {
    id: "rounded-literals",
    feature: { vi: "Số trong tệp quy tắc mà JSON đọc bị làm tròn", en: "A number in a rule file that JSON reads rounded" },
    engine: { vi: "dùng số đã làm tròn (0.30000000000000001 thành 0.3; 12345678901234567890 thành 12345678901234567000)", en: "uses the rounded number (0.30000000000000001 becomes 0.3; 12345678901234567890 becomes 12345678901234567000)" },
    library: { vi: "`ruleSourceFromText` (và dòng lệnh) từ chối tệp, chỉ ra số đó", en: "`ruleSourceFromText` (and the command line) refuses the file, naming the number" },
    why: { vi: "tệp ghi một số, bộ máy so sánh số khác", en: "the file would say one number and the engine compare another" },
  },
  {
    id: "path",
    feature: { vi: "`path` (JSONPath) của điều kiện hoặc của giá trị `{ \"fact\": … }`", en: "`path` (JSONPath) on a condition or a `{ \"fact\": … }` value" },
    engine: { vi: "lấy một phần của dữ kiện bằng jsonpath-plus", en: "picks part of the fact with jsonpath-plus" },
    library: { vi: "từ chối khi nạp", en: "refused at load" },
    why: {
      vi: "mọi dữ kiện là một giá trị phẳng (chỉ tiêu và số liệu được đọc bằng `meetsTarget`); biểu thức JSONPath là mã, nằm ngoài định dạng",
      en: "every fact is a flat value (targets and observations are read with `meetsTarget`); a JSONPath expression is code, outside the format",
    },
  },
  {
    id: "engine-errors",
    feature: {
      vi: "`in`/`notIn` với giá trị không phải danh sách hay văn bản; `someValue`/`everyValue` với giá trị không phải danh sách",
      en: "`in`/`notIn` with a value that is neither a list nor a text; `someValue`/`everyValue` with a value that is not a list",
    },
    engine: { vi: "dừng với `TypeError` khi chạy đến điều kiện đó", en: "stops with a `TypeError` when it reaches the condition" },
    library: { vi: "từ chối khi nạp (giá trị viết sẵn); `RuleValueError` khi chạy (giá trị là một dữ kiện)", en: "refused at load (a value written in the file); a `RuleValueError` when running (a value that is a fact)" },
    why: { vi: "lỗi được báo sớm và rõ, nêu tệp và điều kiện, thay vì một lỗi `TypeError` trần", en: "the mistake is told early and plainly, naming the file and the condition, not as a bare `TypeError`" },
  },
  {
    id: "types",
    feature: { vi: "So sánh một dữ kiện với giá trị khác kiểu", en: "A fact compared with a value of another type" },
    engine: {
      vi: "trả lời, luôn đúng hoặc luôn sai: `hasReport equal \"yes\"`, `observedValue equal 60` (dữ kiện là văn bản \"60\"), `contains` trên một văn bản",
      en: "answers, always false or always true: `hasReport equal \"yes\"`, `observedValue equal 60` (the fact is the text \"60\"), `contains` on a text",
    },
    library: { vi: "từ chối khi nạp, nêu kiểu của dữ kiện", en: "refused at load, naming the fact's type" },
    why: { vi: "một điều kiện không bao giờ thay đổi là một lỗi viết", en: "a condition whose answer never changes is a slip" },
  },
  {
    id: "unknown-names",
    feature: { vi: "Dữ kiện, toán tử, bộ trang trí hoặc điều kiện dùng chung không có", en: "An unknown fact, operator, decorator or shared condition" },
    engine: {
      vi: "chỉ báo lỗi khi chạy đến (\"Undefined fact\", \"Unknown operator\", \"No condition … exists\")",
      en: "fails only when it reaches it (\"Undefined fact\", \"Unknown operator\", \"No condition … exists\")",
    },
    library: { vi: "từ chối khi nạp, liệt kê các tên đúng", en: "refused at load, listing the names known" },
    why: { vi: "lỗi gõ được phát hiện trước khi chấm điểm", en: "a typo is found before anything is scored" },
  },
  {
    id: "limits",
    feature: { vi: "Tệp quy tắc lớn hoặc lồng sâu; hơn 3 bộ trang trí; điều kiện dùng chung gọi vòng", en: "Large or deep rule files; more than 3 decorators; shared conditions referring to each other in a ring" },
    engine: { vi: "chạy (vòng gọi thì đệ quy đến tràn ngăn xếp)", en: "runs them (a ring recurses until the stack is spent)" },
    library: { vi: "từ chối khi nạp (`RULE_LIMITS`)", en: "refused at load (`RULE_LIMITS`)" },
    why: { vi: "tệp quy tắc có thể đến từ bên ngoài", en: "rule files may come from outside" },
  },
  {
    id: "facts",
    feature: { vi: "Dữ kiện tính bằng hàm (`engine.addFact(id, fn)`), `params`, tùy chọn `allowUndefinedFacts`", en: "Facts computed by functions (`engine.addFact(id, fn)`), `params`, the `allowUndefinedFacts` option" },
    engine: { vi: "gọi hàm với `params`; không có `allowUndefinedFacts` thì dữ kiện thiếu là lỗi", en: "calls the function with its `params`; without `allowUndefinedFacts` a missing fact is an error" },
    library: {
      vi: "mọi dữ kiện là giá trị, do thư viện tính hoặc ứng dụng cung cấp (`appFacts`); `params` được nhận và không đổi gì, như bộ máy với dữ kiện là giá trị; mỗi đối tượng có đủ dữ kiện của bộ dữ kiện (trống là null), và ví dụ thiếu dữ kiện thì lỗi như bộ máy",
      en: "every fact is a value, made by the library or given by the app (`appFacts`); `params` are accepted and change nothing, as in the engine for facts that are values; each entity has every fact of its fact set (null when empty), and an example missing one fails as in the engine",
    },
    why: { vi: "quy tắc là dữ liệu, không chứa mã", en: "rules are data, never code" },
  },
  {
    id: "cases",
    feature: { vi: "Nhiều quy tắc trong một bộ máy", en: "Several rules in one engine" },
    engine: { vi: "chạy mọi quy tắc, theo độ ưu tiên", en: "runs every rule, by priority" },
    library: {
      vi: "mỗi trường hợp (case) là một quy tắc; trường hợp đầu tiên đúng quyết định và các trường hợp sau không được xét (`addRuleToEngine` dừng bộ máy ở đó)",
      en: "each case is a rule; the first that holds decides and the later ones are not looked at (`addRuleToEngine` stops the engine there)",
    },
    why: { vi: "mỗi đối tượng nhận một kết luận của mỗi quy tắc", en: "each entity gets one verdict from each rule" },
  },
];
