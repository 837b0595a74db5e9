import type { LocalizedText } from "../model/text.js";
import type { AppliesTo } from "../model/verdict.js";
import type { FactSetName } from "./rule-file.js";

/** A fact a rule may read, described for the generated docs. */
export interface FactDefinition {
  readonly type: "string" | "decimal" | "integer" | "date" | "boolean" | "target" | "observation" | "list";
  readonly description: LocalizedText;
}

/** A set of facts the library computes for each checked entity of a kind. */
export interface FactSetDefinition {
  readonly appliesTo: AppliesTo;
  readonly description: LocalizedText;
  readonly facts: Readonly<Record<string, FactDefinition>>;
}

const f = (type: FactDefinition["type"], vi: string, en: string): FactDefinition => ({ type, description: { vi, en } });

const common = {
  asOf: f("date", "ngày đánh giá (giờ Việt Nam)", "the date of the assessment (Vietnam time)"),
};
const indicatorFacts = {
  indicator: f("string", "mã chỉ tiêu", "the indicator's id"),
  measure: f("string", "loại đại lượng của chỉ tiêu", "what the indicator measures (percent, count, rank, …)"),
  direction: f("string", "chiều tốt lên (increase: càng cao càng tốt; decrease: càng thấp càng tốt)", "which way is better (increase or decrease)"),
  locality: f("string", "địa phương (trống: toàn thành phố)", "the locality (empty: the whole city)"),
};
const taskFacts = {
  task: f("string", "mã nhiệm vụ", "the task's id"),
  deadlineKind: f("string", "loại thời hạn", "the kind of deadline (month, year, range, annual, continuous, fromYear, referenced)"),
};
const reportFacts = {
  hasReport: f("boolean", "có báo cáo (không kể báo cáo ghi đã hủy)", "a report was given (one saying cancelled aside)"),
  reportStatus: f(
    "string",
    "tình trạng trong báo cáo mới nhất, không kể báo cáo ghi đã hủy (not-started, in-progress, completed)",
    "the status of the latest report, one saying cancelled aside (not-started, in-progress, completed)",
  ),
  reportedOn: f("date", "ngày gửi báo cáo đó", "the date that report was sent"),
  completedOn: f("date", "ngày hoàn thành (ngày báo cáo nếu không ghi)", "the completion date (the report's date if none is given)"),
  evidence: f("string", "tài liệu minh chứng mà báo cáo nêu", "the evidence the report names"),
  cancellationClaimedOn: f(
    "date",
    "ngày của báo cáo ghi nhiệm vụ đã hủy, nếu đó là báo cáo mới nhất (việc hủy chỉ có hiệu lực khi UBND thành phố quyết định sửa đổi kế hoạch)",
    "the date of a report saying the task was cancelled, when it is the latest (a cancellation holds only when the People's Committee amends the plan)",
  ),
  daysLate: f("integer", "số ngày muộn so với hạn (trống: không muộn)", "how many days after its due date (empty: not late)"),
};
const recurringFacts = {
  period: f("integer", "năm báo cáo", "the year reported on"),
  periodDue: f("date", "hạn gửi báo cáo của năm", "the date the year's report is due"),
  daysUntilDue: f("integer", "số ngày còn lại đến hạn báo cáo (âm: đã quá hạn)", "days left until the report is due (negative: past)"),
};
const levelFacts = {
  targetLevel: f("string", "cấp áp dụng chỉ tiêu (city: toàn thành phố; locality: từng địa phương)", "whom the target binds (city: the whole city; locality: each locality)"),
  benchmark: f(
    "boolean",
    "số liệu của một địa phương đối chiếu với chỉ tiêu của thành phố, chỉ để tham chiếu",
    "a locality's figure judged against the city's target, as a benchmark only",
  ),
  failedChecks: f("list", "các kiểm tra số liệu (mức cao) mà số liệu bị gạt ra không đạt", "the high-severity checks of reported figures that the figures set aside failed"),
  whenMissing: f("string", "cách tính số liệu đến hạn mà thiếu (not-met hoặc no-data)", "how a figure that is due and missing counts (not-met or no-data)"),
};

/** Placeholders every message may use beside its fact set's facts and its rule's parameters, with what they show. */
export const MESSAGE_PLACEHOLDERS: Readonly<Record<string, LocalizedText>> = {
  label: { vi: "mã và tên rút gọn của đối tượng được kiểm tra", en: "the checked entity's id and short name" },
  name: { vi: "tên của đối tượng được kiểm tra", en: "the checked entity's name" },
  place: {
    vi: "toàn thành phố, hoặc địa phương (kèm \"đối chiếu với chỉ tiêu của thành phố\" khi chỉ tiêu là của thành phố)",
    en: "the whole city, or the locality (with \"against the city's target\" when the target is the city's)",
  },
};

/** Every fact set: which entities it covers and the facts its rules may read. */
export const FACT_SETS: Readonly<Record<FactSetName, FactSetDefinition>> = {
  milestone: {
    appliesTo: "indicator",
    description: {
      vi: "Mỗi chỉ tiêu, mỗi mốc năm đã qua có chỉ tiêu, mỗi địa phương có số liệu.",
      en: "Each indicator, each milestone year that has passed and has a target, each locality with data.",
    },
    facts: {
      ...common,
      ...indicatorFacts,
      year: f("integer", "năm mốc", "the milestone year"),
      target: f("target", "chỉ tiêu của năm mốc", "the target of the milestone year"),
      targetKind: f("string", "loại chỉ tiêu (atLeast, range, rankAtMost, qualitative, …)", "the kind of target"),
      targetRaw: f("string", "chỉ tiêu như văn bản ghi", "the target as the document writes it"),
      ...levelFacts,
      aspirational: f("boolean", "chỉ tiêu \"phấn đấu\"", "the target says \"strive for\""),
      observation: f("observation", "số liệu hợp lệ của năm mốc", "the valid figure reported for the milestone year"),
      hasObservation: f("boolean", "đã có số liệu hợp lệ của năm mốc", "a valid figure for the milestone year was given"),
      observedValue: f("string", "giá trị báo cáo: một số thập phân, hoặc đạt/met, không đạt/not met với chỉ tiêu định tính", "the reported value: a decimal, or đạt/met, không đạt/not met for a qualitative target"),
      setAsideValue: f("decimal", "số liệu của năm mốc bị gạt ra vì không đạt kiểm tra số liệu", "the milestone year's figure set aside for failing a check of reported figures"),
    },
  },
  acrossLocalities: {
    appliesTo: "indicator",
    description: {
      vi: "Mỗi chỉ tiêu, mỗi mốc năm đã qua có chỉ tiêu: số liệu của các địa phương (phường, xã) gộp lại.",
      en: "Each indicator and milestone year that has passed and has a target: the figures of its localities (wards, communes) taken together.",
    },
    facts: {
      ...common,
      indicator: indicatorFacts.indicator,
      measure: indicatorFacts.measure,
      direction: indicatorFacts.direction,
      year: f("integer", "năm mốc", "the milestone year"),
      target: f("target", "chỉ tiêu của năm mốc", "the target of the milestone year"),
      targetKind: f("string", "loại chỉ tiêu (atLeast, range, rankAtMost, qualitative, …)", "the kind of target"),
      targetRaw: f("string", "chỉ tiêu như văn bản ghi", "the target as the document writes it"),
      targetLevel: levelFacts.targetLevel,
      cityReported: f("boolean", "đã có số liệu hợp lệ của toàn thành phố cho năm mốc", "a valid figure of the whole city was given for the year"),
      localitiesReported: f("integer", "số địa phương có số liệu hợp lệ của năm mốc", "how many localities gave a valid figure for the year"),
      localitiesMeetingTarget: f("integer", "số địa phương có số liệu đạt chỉ tiêu", "how many localities' figures meet the target"),
      localitiesSetAside: f("integer", "số địa phương có số liệu bị gạt ra vì không đạt kiểm tra số liệu (và không có số liệu hợp lệ)", "how many localities' figures were set aside for failing a check of reported figures (with no valid one)"),
      leastValue: f("decimal", "giá trị nhỏ nhất trong số liệu của các địa phương (trống: không có số)", "the least of the localities' values (empty: none)"),
      greatestValue: f("decimal", "giá trị lớn nhất trong số liệu của các địa phương", "the greatest of the localities' values"),
      medianValue: f("decimal", "trung vị số liệu của các địa phương (số chẵn giá trị: trung bình của hai giá trị giữa)", "the median of the localities' values (an even count: the mean of the middle two)"),
    },
  },
  progress: {
    appliesTo: "indicator",
    description: {
      vi: "Mỗi chỉ tiêu và địa phương: tiến độ từ số liệu sớm nhất đến mới nhất so với mốc tiếp theo.",
      en: "Each indicator and locality: progress from the earliest to the latest observation toward the next milestone.",
    },
    facts: {
      ...common,
      ...indicatorFacts,
      nextTarget: f("target", "chỉ tiêu của mốc tiếp theo", "the target of the next milestone"),
      nextTargetYear: f("integer", "năm của mốc tiếp theo", "the year of the next milestone"),
      ...levelFacts,
      numericTarget: f("boolean", "chỉ tiêu tiếp theo là số đo được", "the next target is a number"),
      targetValue: f("decimal", "giá trị cần đạt (đầu gần của khoảng)", "the value to reach (a range's near end)"),
      baselineYear: f("integer", "năm của số liệu sớm nhất", "the year of the earliest observation"),
      baselineValue: f("decimal", "giá trị sớm nhất", "the earliest value"),
      latestYear: f(
        "integer",
        "năm của số liệu mới nhất, trong các năm đã qua (số liệu của năm đang diễn ra là sơ bộ, chưa được dùng)",
        "the year of the latest observation, of the years that are over (a figure for the year under way is preliminary, not read)",
      ),
      latestValue: f("decimal", "giá trị mới nhất", "the latest value"),
      latestObservation: f("observation", "số liệu mới nhất", "the latest observation"),
      dueYear: f("integer", "năm gần nhất phải có số liệu (năm trước năm đánh giá; trống trước năm đầu của kế hoạch)", "the latest year whose figure is due (the year before the assessment's; empty before the plan's first year)"),
      hasDueFigure: f("boolean", "có số liệu hợp lệ của năm đó (hoặc chưa năm nào đến hạn)", "a valid figure for that year was given (or no year is due yet)"),
      setAsideFigures: f("list", "các số liệu bị gạt ra vì không đạt kiểm tra số liệu (năm, giá trị, kiểm tra)", "the figures set aside for failing a check of reported figures (year, value, checks)"),
      baselineMet: f("boolean", "số liệu sớm nhất đã đạt chỉ tiêu (và có số liệu mới hơn)", "the earliest observation met the target (and a later one exists)"),
      observationCount: f("integer", "số năm có số liệu", "how many years have data"),
      actualChangePerYear: f("decimal", "mức thay đổi thực tế mỗi năm", "the actual change per year"),
      requiredChangePerYear: f("decimal", "mức thay đổi cần có mỗi năm để đạt mốc đúng hạn", "the change per year needed to reach the target on time"),
      progressRatio: f("decimal", "tỷ số tiến độ dự kiến (thực tế / cần có)", "the anticipated-progress ratio (actual / required)"),
      progressScore: f("decimal", "tỷ số tiến độ giới hạn trong 0 đến 1", "the ratio clamped to 0-1"),
      yearReachedAtPace: f(
        "integer",
        "năm đạt chỉ tiêu nếu giữ tốc độ thay đổi hiện nay (trống: không đạt được với tốc độ này)",
        "the year the target is reached if the figure keeps its present pace (empty: not at this pace)",
      ),
    },
  },
  taskDeadline: {
    appliesTo: "task",
    description: {
      vi: "Mỗi nhiệm vụ được giao trực tiếp (nhiệm vụ không chia nhiệm vụ con, và từng nhiệm vụ con), với thời hạn của nó.",
      en: "Each task that carries its own assignment (a task without sub-items, and each sub-item), with its deadline.",
    },
    facts: {
      ...common,
      ...taskFacts,
      ...reportFacts,
      due: f("date", "hạn hoàn thành", "the due date"),
      daysUntilDue: f("integer", "số ngày còn lại đến hạn (âm: đã quá hạn)", "days left until the due date (negative: past)"),
      issuedOn: f("date", "ngày ký kế hoạch", "the date the plan was signed"),
      dueBeforeSigning: f("boolean", "hạn đã qua trước ngày ký kế hoạch", "the deadline was already past when the plan was signed"),
    },
  },
  taskAnnual: {
    appliesTo: "task",
    description: {
      vi: "Mỗi nhiệm vụ thực hiện hằng năm (hoặc từ một năm trở đi), mỗi năm kể từ năm bắt đầu.",
      en: "Each annual (or from-a-year) task, each year from its first.",
    },
    facts: {
      ...common,
      ...taskFacts,
      ...reportFacts,
      ...recurringFacts,
    },
  },
  taskContinuous: {
    appliesTo: "task",
    description: {
      vi: "Mỗi nhiệm vụ thực hiện thường xuyên, mỗi năm kể từ năm ký kế hoạch.",
      en: "Each continuous task, each year from the year the plan was signed.",
    },
    facts: {
      ...common,
      ...taskFacts,
      ...reportFacts,
      ...recurringFacts,
    },
  },
  observation: {
    appliesTo: "observation",
    description: { vi: "Mỗi số liệu được báo cáo, kể cả số liệu bị loại vì mâu thuẫn.", en: "Each observation given, conflicting ones included." },
    facts: {
      ...common,
      ...indicatorFacts,
      period: f("integer", "năm của số liệu", "the year of the observation"),
      value: f("decimal", "giá trị", "the value"),
      met: f("boolean", "đạt/không đạt (chỉ tiêu định tính)", "met or not (qualitative targets)"),
      firstYear: f("integer", "năm sớm nhất được nhận làm số liệu gốc", "the earliest year accepted as a baseline"),
      lastTargetYear: f("integer", "năm mốc cuối cùng của chỉ tiêu", "the indicator's last milestone year"),
      conflicting: f("boolean", "có giá trị khác cho cùng chỉ tiêu, năm và địa phương", "another value was given for the same indicator, year and locality"),
      conflictingValues: f("list", "các giá trị mâu thuẫn", "the conflicting values"),
    },
  },
  planTask: {
    appliesTo: "plan",
    description: { vi: "Mỗi nhiệm vụ của kế hoạch, xét chính văn bản kế hoạch.", en: "Each task of the plan, checking the plan document itself." },
    facts: {
      ...taskFacts,
      leadCount: f("integer", "số cơ quan chủ trì được giao", "the number of lead agencies it names"),
      subItemCount: f("integer", "số nhiệm vụ con", "the number of its sub-items"),
      subItemsWithoutLead: f("integer", "số nhiệm vụ con không có cơ quan chủ trì", "the number of its sub-items without a lead"),
      due: f("date", "hạn hoàn thành", "the due date"),
      issuedOn: f("date", "ngày ký kế hoạch", "the date the plan was signed"),
    },
  },
  planIndicator: {
    appliesTo: "plan",
    description: { vi: "Mỗi chỉ tiêu của kế hoạch, xét chính văn bản kế hoạch.", en: "Each indicator of the plan, checking the plan document itself." },
    facts: {
      indicator: indicatorFacts.indicator,
      appendix: f("integer", "phụ lục", "the appendix"),
      isHeading: f("boolean", "việc chỉ tiêu là dòng tiêu đề nhóm (có chỉ tiêu con)", "whether it is a heading row with child indicators"),
      targetCount: f("integer", "số ô chỉ tiêu", "the number of its target cells"),
      missingTargetYears: f("list", "các năm mốc thiếu ô chỉ tiêu", "the milestone years with no target cell"),
      missingTargetCount: f("integer", "số năm mốc thiếu ô chỉ tiêu", "the number of milestone years without a target cell"),
      duplicates: f("list", "các chỉ tiêu trùng tên trong cùng một phần của phụ lục", "indicators with the same name in the same part of the appendix"),
      duplicateCount: f("integer", "số chỉ tiêu trùng", "the number of duplicates"),
    },
  },
};

// ---------------------------------------------------------------- facts an app brings

/** The kinds of entity an app may bring facts for: a task, an indicator (for the city or a locality), an agency. */
export const APP_FACT_KINDS = ["task", "indicator", "agency"] as const;
/** A kind of entity an app may bring facts for. */
export type AppFactKind = (typeof APP_FACT_KINDS)[number];

/** The types an app's fact may have: every value is one of them, or null (no value). */
export const APP_FACT_TYPES = ["string", "decimal", "integer", "date", "boolean", "list"] as const;
/** The type of an app's fact. */
export type AppFactType = (typeof APP_FACT_TYPES)[number];

/** A fact an app brings: its type and what it means, in both languages (shown in the rule docs). */
export interface AppFactDefinition {
  readonly type: AppFactType;
  readonly description: LocalizedText;
}

/**
 * The facts an app brings, by kind of entity and name. Rules of a task's fact sets read the task's facts and those of
 * its lead agency; rules of an indicator's fact sets read the facts given for the indicator and the locality (or the
 * whole city).
 *
 * @example
 * const appFacts: AppFacts = {
 *   task: { budgetApproved: { type: "boolean", description: { vi: "Đã bố trí kinh phí", en: "Funding approved" } } },
 * };
 */
export type AppFacts = { readonly [K in AppFactKind]?: Readonly<Record<string, AppFactDefinition>> };

/** Which kinds of an app's facts each fact set reads. */
export const APP_FACT_KINDS_OF: Readonly<Record<FactSetName, readonly AppFactKind[]>> = {
  milestone: ["indicator"],
  acrossLocalities: ["indicator"],
  progress: ["indicator"],
  observation: ["indicator"],
  planIndicator: ["indicator"],
  taskDeadline: ["task", "agency"],
  taskAnnual: ["task", "agency"],
  taskContinuous: ["task", "agency"],
  planTask: ["task", "agency"],
};

const factsWithApp = new WeakMap<AppFacts, Map<FactSetName, Readonly<Record<string, FactDefinition>>>>();

/** The facts a rule of a fact set may read: the library's, then the app's own of the kinds that fact set reads. */
export function factsOf(factSet: FactSetName, appFacts?: AppFacts): Readonly<Record<string, FactDefinition>> {
  const own = FACT_SETS[factSet].facts;
  if (!appFacts) return own;
  let byFactSet = factsWithApp.get(appFacts);
  if (!byFactSet) factsWithApp.set(appFacts, (byFactSet = new Map()));
  let facts = byFactSet.get(factSet);
  if (!facts) {
    const merged: Record<string, FactDefinition> = { ...own };
    for (const kind of APP_FACT_KINDS_OF[factSet]) for (const [name, def] of Object.entries(appFacts[kind] ?? {})) merged[name] = def;
    byFactSet.set(factSet, (facts = merged));
  }
  return facts;
}
