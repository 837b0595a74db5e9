import { CellParseError, fieldPath, fileIssueMessage, PlanFileError, type PlanFileIssue } from "../errors.js";
import type { Deadline } from "../model/deadline.js";
import { definePlan, type DefinedPlan } from "../model/define-plan.js";
import { Agency, Succession, type AmendmentMark, type Indicator, type Inactive, type Plan, type SuccessionMark, type Task } from "../model/entities.js";
import { Amendment, entrySource, type AmendmentChange, type NewTarget } from "../model/amendment.js";
import type { AmendmentSummary } from "../model/plan-changes.js";
import type { Target } from "../model/target.js";
import { agencyMatcher, parseAgencyList } from "../parse/agency-list.js";
import { parseDeadline } from "../parse/deadline.js";
import { parseTarget } from "../parse/target.js";

/** What changes a plan besides its own text: the amending decisions, and agencies succeeding others. */
export interface PlanChanges {
  /** Amendments as JSON (`Amendment`), as read by `readAmendments` or held by an app; checked against the plan. */
  readonly amendments?: readonly unknown[];
  /** Successions an app supplies (`Succession`), beside the plan's own. */
  readonly successions?: readonly unknown[];
  /** Successor agencies the plan does not name yet (`Agency`), for the successions. */
  readonly agencies?: readonly unknown[];
}

/** The plan in force on a date: the amended plan, which amendments it holds and which are not in force yet. */
export interface PlanInForce {
  /** The plan as amended on `asOf`: a plan of the same shape, each changed entity marked (`amendedBy`, `inactive`, `successions`). */
  readonly plan: DefinedPlan;
  readonly asOf: string;
  /** The amendments in force on `asOf`, in the order they were applied, and those taking effect after it. */
  readonly amendments: { readonly applied: readonly AmendmentSummary[]; readonly notYetInForce: readonly AmendmentSummary[] };
  /** The successions in force on `asOf` (the plan's own and those supplied). */
  readonly successions: readonly Succession[];
}

/**
 * The plan in force on a date: the plan with every amendment effective on or before it applied in order (by
 * effective date, then date of issue, then id), and every succession in force read into its agency lists. A pure
 * function of the plan, the changes and the date; the plan given is not touched.
 *
 * Amendments are checked against the plan first, all of them (those not yet in force too): an unknown task,
 * indicator, group or agency, an id added twice, two amendments changing the same field of the same entity on the
 * same day, a date before the plan's, a cell that cannot be read. Any problem refuses them all.
 *
 * @throws {PlanFileError} listing every problem, each naming the file (when read from one), the entry and the field.
 * @example
 * const { plan: amended, amendments } = planInForce(plans["haiphong-142"], "2026-12-31", {
 *   amendments: [{ id: "qd-215-2026", document: "215/QĐ-UBND", issuedOn: "2026-03-02", signer: "Phó Chủ tịch",
 *     effectiveOn: "2026-03-02", changes: [{ change: "deadline", task: "T-2.1", deadline: "Tháng 12/2026" }] }],
 * });
 * amended.task("T-2.1")?.deadline?.due; //=> "2026-12-31"
 * amended.task("T-2.1")?.amendedBy?.[0]?.document; //=> "215/QĐ-UBND"
 */
export function planInForce(plan: DefinedPlan, asOf: string, changes: PlanChanges = {}): PlanInForce {
  const newAgencies = readList(changes.agencies ?? [], Agency, "agencies", "agencies");
  const supplied = readList(changes.successions ?? [], Succession, "successions", "successions");
  const amendments = readList(changes.amendments ?? [], Amendment, "amendments", "amendments");
  const agencyIds = new Set([...plan.agencies.map((a) => a.id), ...newAgencies.map(({ value }) => value.id)]);
  const successionIssues = checkSuccessions(plan, supplied, newAgencies, agencyIds);
  if (successionIssues.length > 0) throw new PlanFileError("successions", successionIssues);
  const checked = checkAmendments(plan, amendments, agencyIds);
  if (checked.issues.length > 0) throw new PlanFileError("amendments", checked.issues);

  const data = JSON.parse(JSON.stringify(plan)) as Plan;
  data.agencies.push(...newAgencies.map(({ value }) => value));
  const ordered = checked.ordered;
  const applied = ordered.filter((a) => a.amendment.effectiveOn <= asOf);
  for (const a of applied) a.changes.forEach((c) => applyChange(data, a.amendment, c, asOf));
  const successions = [...(plan.successions ?? []), ...supplied.map(({ value }) => value)];
  if (successions.length > 0) data.successions = successions;
  const inForce = successions.filter((s) => s.from <= asOf);
  applySuccessions(data, inForce);
  return {
    plan: definePlan(data),
    asOf,
    amendments: {
      applied: applied.map(summaryOf),
      notYetInForce: ordered.filter((a) => a.amendment.effectiveOn > asOf).map(summaryOf),
    },
    successions: inForce,
  };
}

/** An entry of a list given, validated, with where it was: its index and, when read from a file, the file and line. */
interface Entry<T> {
  readonly value: T;
  readonly index: number;
  readonly input: unknown;
}

interface Schema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

/** Validates each entry of a list, naming every problem by entry and field; any problem refuses the list. */
function readList<T>(list: readonly unknown[], schema: Schema<T>, name: string, what: string): Entry<T>[] {
  const issues: PlanFileIssue[] = [];
  const entries: Entry<T>[] = [];
  list.forEach((input, index) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) entries.push({ value: parsed.data, index, input });
    else
      for (const issue of parsed.error.issues)
        issues.push({ ...where(input, name, index), field: fieldPath(issue.path), message: fileIssueMessage(issue.message, issue.path) });
  });
  if (issues.length > 0) throw new PlanFileError(what, issues);
  return entries;
}

/** The file, line and entry of an entry: `amendments[1] (qd-9-2026)`, with the file and line a reader recorded. */
function where(input: unknown, list: string, index: number): Pick<PlanFileIssue, "file" | "line" | "entry"> {
  const source = typeof input === "object" && input !== null ? entrySource(input) : undefined;
  const id = typeof input === "object" && input !== null && typeof (input as { id?: unknown }).id === "string" ? ` (${(input as { id: string }).id})` : "";
  return { ...(source?.file !== undefined ? { file: source.file } : {}), ...(source?.line !== undefined ? { line: source.line } : {}), entry: `${list}[${source?.index ?? index}]${id}` };
}

// ---------------------------------------------------------------- checks

/** An amendment with its changes read: agency names as ids, deadline and target cells as data. */
interface ReadAmendment {
  readonly amendment: Amendment;
  readonly changes: readonly ReadChange[];
}

/** A change as applied: the entity it is about, the fields it sets, and its values read. */
type ReadChange = AmendmentChange & {
  readonly index: number;
  readonly entity: string;
  readonly fields: readonly string[];
  readonly agencies?: readonly string[];
  readonly coordinatingIds?: readonly string[];
  readonly deadlineRead?: Deadline;
  readonly targetsRead?: readonly Target[];
};

const ENTITY_ID = /^[A-Z][A-Z0-9]*-[0-9A-Za-z.-]+$/;

/** Checks amendments against the plan, in the order they take effect, and reads their cells. */
function checkAmendments(plan: DefinedPlan, entries: readonly Entry<Amendment>[], agencyIds: ReadonlySet<string>): { issues: PlanFileIssue[]; ordered: ReadAmendment[] } {
  const issues: PlanFileIssue[] = [];
  const ids = new Map<string, number>();
  for (const e of entries) {
    const first = ids.get(e.value.id);
    if (first !== undefined) issues.push({ ...where(e.input, "amendments", e.index), field: "id", message: `id "${e.value.id}" is also amendments[${first}]'s; give each amendment its own id` });
    else ids.set(e.value.id, e.index);
    if (e.value.effectiveOn < plan.document.issuedOn)
      issues.push({ ...where(e.input, "amendments", e.index), field: "effectiveOn", message: `takes effect on ${e.value.effectiveOn}, before the plan itself (${plan.document.number}, signed ${plan.document.issuedOn})` });
  }
  const order = [...entries].sort((a, b) => compareAmendments(a.value, b.value));
  // What the plan holds as the amendments are applied in order: tasks and indicators added by an earlier one count.
  const tasks = new Map<string, { group: string; parent?: string | undefined }>(plan.tasks.map((t) => [t.id, t]));
  const indicators = new Map<string, { measure?: string | undefined }>(plan.indicators.map((x) => [x.id, x]));
  const groups = new Set(plan.groups.map((g) => g.id));
  // Who set a field of an entity, by effective date: two amendments setting it on one day leave it unclear.
  const setBy = new Map<string, { amendment: string; index: number; change: number }>();
  const ordered: ReadAmendment[] = [];
  // A cell naming several agencies ("Sở Tài chính, Sở Nội vụ") is read as the plan's cells are, by names and ids.
  const matcher = agencyMatcher([...plan.agencies.flatMap((a) => [a.name.vi, ...a.aliases].map((name) => ({ name, id: a.id }))), ...[...agencyIds].map((id) => ({ name: id, id }))]);
  for (const e of order) {
    const a = e.value;
    const read: ReadChange[] = [];
    a.changes.forEach((change, k) => {
      // A change on a row of its own (CSV) is named by its row's line.
      const changeLine = typeof e.input === "object" && e.input !== null ? entrySource(e.input)?.changeLines?.[k] : undefined;
      const at = { ...where(e.input, "amendments", e.index), ...(changeLine !== undefined ? { line: changeLine } : {}) };
      const problem = (field: string, message: string) => issues.push({ ...at, field: `changes[${k}].${field}`, message });
      const agenciesOf = (field: string, list: readonly string[]): string[] => [
        ...new Set(
          list.flatMap((name, i) => {
            const id = agencyIds.has(name) ? name : plan.agencyByName(name)?.id;
            if (id !== undefined) return [id];
            try {
              return parseAgencyList(name, matcher);
            } catch (error) {
              if (!(error instanceof CellParseError)) throw error;
              problem(`${field}[${i}]`, `unknown agency "${name}"; give an agency's id or a name of the plan (${error.reason})`);
              return [];
            }
          }),
        ),
      ];
      const knownTask = (id: string, field = "task") => tasks.has(id) || (problem(field, `unknown task "${id}"`), false);
      const knownIndicator = (id: string, field = "indicator") => indicators.has(id) || (problem(field, `unknown indicator "${id}"`), false);
      const cell = <T>(field: string, read: () => T): T | undefined => {
        try {
          return read();
        } catch (error) {
          if (error instanceof CellParseError) return void problem(field, error.message);
          throw error;
        }
      };
      const targetOf = (indicator: string, t: NewTarget | { year: number; target: string | Target; level?: Target["level"] }, field: string): Target | undefined => {
        const base = typeof t.target === "string" ? cell(field, () => parseTarget(t.target as string, { year: t.year, rank: indicators.get(indicator)?.measure === "rank" })) : { ...t.target, year: t.year };
        if (base && typeof t.target !== "string" && t.target.year !== t.year) problem(field, `the target says year ${t.target.year}, the change ${t.year}`);
        return base && (t.level ?? base.level) === "locality" ? { ...base, level: "locality" } : base && { ...base, level: undefined };
      };
      // The id of a task or indicator an amendment adds: an id, and not one the plan (as amended so far) has.
      const newId = (field: string, id: string, example: string) => {
        if (!ENTITY_ID.test(id)) problem(field, `"${id}" is not an id: write a prefix in capitals, a hyphen and a number, e.g. ${example}`);
        else if (tasks.has(id) || indicators.has(id) || groups.has(id)) problem(field, `"${id}" is already an id of the plan`);
      };
      let entity = "";
      let fields: string[] = [];
      let extra: Partial<ReadChange> = {};
      switch (change.change) {
        case "deadline":
          entity = change.task;
          fields = ["deadline"];
          knownTask(change.task);
          extra = { deadlineRead: typeof change.deadline === "string" ? cell("deadline", () => parseDeadline(change.deadline as string)) : change.deadline };
          break;
        case "lead": {
          const given = [change.task, change.indicator].filter((x) => x !== undefined);
          if (given.length !== 1) problem(change.task !== undefined ? "indicator" : "task", "name exactly one of task and indicator");
          entity = change.task ?? change.indicator ?? "";
          fields = ["lead"];
          if (change.task !== undefined) knownTask(change.task);
          else if (change.indicator !== undefined) knownIndicator(change.indicator);
          extra = { agencies: agenciesOf("lead", change.lead) };
          break;
        }
        case "coordinating":
          entity = change.task;
          fields = ["coordinating"];
          knownTask(change.task);
          extra = { coordinatingIds: agenciesOf("coordinating", change.coordinating) };
          break;
        case "cancel":
        case "suspend":
        case "resume":
          entity = change.task;
          fields = ["status"];
          knownTask(change.task);
          if (change.change === "suspend" && change.until !== undefined && change.until <= a.effectiveOn)
            problem("until", `the suspension ends (${change.until}) before it starts (${a.effectiveOn})`);
          break;
        case "withdraw":
          entity = change.indicator;
          fields = ["status"];
          knownIndicator(change.indicator);
          break;
        case "target": {
          entity = change.indicator;
          fields = [`targets.${change.year}${change.level === "locality" ? ".locality" : ""}`];
          if (knownIndicator(change.indicator)) {
            const t = targetOf(change.indicator, change, "target");
            extra = { targetsRead: t ? [t] : [] };
          }
          break;
        }
        case "addTask": {
          const t = change.task;
          entity = t.id;
          fields = ["added"];
          newId("task.id", t.id, "T-9.1");
          if (!groups.has(t.group)) problem("task.group", `unknown group "${t.group}"`);
          if (t.parent !== undefined) knownTask(t.parent, "task.parent");
          extra = {
            agencies: agenciesOf("task.lead", t.lead),
            coordinatingIds: agenciesOf("task.coordinating", t.coordinating ?? []),
            deadlineRead: t.deadline === undefined ? undefined : typeof t.deadline === "string" ? cell("task.deadline", () => parseDeadline(t.deadline as string)) : t.deadline,
          };
          tasks.set(t.id, t);
          break;
        }
        case "addIndicator": {
          const x = change.indicator;
          entity = x.id;
          fields = ["added"];
          newId("indicator.id", x.id, "CS-9");
          if (x.group !== undefined && !groups.has(x.group)) problem("indicator.group", `unknown group "${x.group}"`);
          if (x.parent !== undefined) knownIndicator(x.parent, "indicator.parent");
          indicators.set(x.id, x);
          const years = new Set<string>();
          const targets = (x.targets ?? []).flatMap((t, i) => {
            const key = `${t.year}|${t.level ?? "city"}`;
            if (years.has(key)) problem(`indicator.targets[${i}].year`, `a second target for ${t.year}`);
            years.add(key);
            const read = targetOf(x.id, t, `indicator.targets[${i}].target`);
            return read ? [read] : [];
          });
          extra = { agencies: agenciesOf("indicator.lead", x.lead), targetsRead: targets };
          break;
        }
      }
      for (const field of fields) {
        const key = `${entity}|${field}|${a.effectiveOn}`;
        const earlier = setBy.get(key);
        if (earlier && field !== "added")
          problem(
            change.change === "target" ? "year" : change.change === "lead" || change.change === "coordinating" ? change.change : change.change === "deadline" ? "deadline" : "change",
            earlier.amendment === a.id
              ? `changes ${field} of ${entity} a second time (changes[${earlier.change}] does too); give one change`
              : `changes ${field} of ${entity} on ${a.effectiveOn}, as amendments[${earlier.index}] (${earlier.amendment}) does on the same day: which one holds is unclear`,
          );
        else setBy.set(key, { amendment: a.id, index: e.index, change: k });
      }
      read.push({ ...change, ...extra, index: k, entity, fields } as ReadChange);
    });
    ordered.push({ amendment: a, changes: read });
  }
  return { issues: issues.sort((x, y) => (x.entry ?? "").localeCompare(y.entry ?? "", "en", { numeric: true })), ordered };
}

/** Amendments in the order they apply: by effective date, then by date of issue, then by id. */
function compareAmendments(a: Amendment, b: Amendment): number {
  return a.effectiveOn.localeCompare(b.effectiveOn) || a.issuedOn.localeCompare(b.issuedOn) || a.id.localeCompare(b.id);
}

function checkSuccessions(plan: DefinedPlan, supplied: readonly Entry<Succession>[], newAgencies: readonly Entry<Agency>[], agencyIds: ReadonlySet<string>): PlanFileIssue[] {
  const issues: PlanFileIssue[] = [];
  for (const e of newAgencies)
    if (plan.agency(e.value.id)) issues.push({ ...where(e.input, "agencies", e.index), field: "id", message: `"${e.value.id}" is already an agency of the plan` });
  const unknown = (name: string) => {
    const named = plan.agencyByName(name);
    return `unknown agency "${name}"${named ? `; the plan names it ${named.id}` : ""}: give an agency's id, and the successor as an agency when the plan does not name it`;
  };
  const next = new Map<string, string>();
  for (const e of supplied) {
    const s = e.value;
    const at = where(e.input, "successions", e.index);
    if (!agencyIds.has(s.predecessor)) issues.push({ ...at, field: "predecessor", message: unknown(s.predecessor) });
    if (!agencyIds.has(s.successor)) issues.push({ ...at, field: "successor", message: unknown(s.successor) });
    if (s.predecessor === s.successor) issues.push({ ...at, field: "successor", message: "an agency cannot succeed itself" });
    if (next.has(s.predecessor)) issues.push({ ...at, field: "predecessor", message: `${s.predecessor} already has a successor, ${next.get(s.predecessor)}` });
    next.set(s.predecessor, s.successor);
  }
  for (const s of plan.successions ?? []) if (!next.has(s.predecessor)) next.set(s.predecessor, s.successor);
  // A chain that comes back to where it started would resolve for ever.
  for (const start of next.keys()) {
    const seen = new Set<string>([start]);
    for (let id = next.get(start); id !== undefined; id = next.get(id)) {
      if (seen.has(id)) {
        issues.push({ entry: "successions", field: "successor", message: `the successions make a circle: ${[...seen, id].join(" → ")}` });
        return issues;
      }
      seen.add(id);
    }
  }
  return issues;
}

// ---------------------------------------------------------------- applying

function summaryOf({ amendment: a, changes }: ReadAmendment): AmendmentSummary {
  return {
    id: a.id,
    document: a.document,
    ...(a.title ? { title: a.title } : {}),
    signer: a.signer,
    issuedOn: a.issuedOn,
    effectiveOn: a.effectiveOn,
    changes: changes.map((c) => ({ change: c.change, entity: c.entity, fields: [...c.fields] })),
  };
}

function mark(entity: Task | Indicator, a: Amendment, fields: readonly string[]): void {
  const marks: AmendmentMark[] = (entity.amendedBy ??= []);
  const own = marks.find((m) => m.amendment === a.id);
  if (own) own.fields = [...new Set([...own.fields, ...fields])];
  else marks.push({ amendment: a.id, document: a.document, effectiveOn: a.effectiveOn, fields: [...fields] });
}

/** The entity and every entity below it (sub-items of a task, children of an indicator). */
function withDescendants<T extends Task | Indicator>(list: T[], id: string): T[] {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of list)
      if (e.parent !== undefined && ids.has(e.parent) && !ids.has(e.id)) {
        ids.add(e.id);
        grew = true;
      }
  }
  return list.filter((e) => ids.has(e.id));
}

function applyChange(data: Plan, a: Amendment, c: ReadChange, asOf: string): void {
  const task = (id: string) => data.tasks.find((t) => t.id === id)!;
  const indicator = (id: string) => data.indicators.find((x) => x.id === id)!;
  const inactive = (kind: Inactive["kind"], reason?: Inactive["reason"], until?: string): Inactive => ({
    kind,
    amendment: a.id,
    document: a.document,
    from: a.effectiveOn,
    ...(until !== undefined ? { until } : {}),
    ...(reason ? { reason } : {}),
  });
  switch (c.change) {
    case "deadline": {
      const t = task(c.task);
      if (c.deadlineRead) t.deadline = c.deadlineRead;
      mark(t, a, c.fields);
      break;
    }
    case "lead": {
      const e = c.task !== undefined ? task(c.task) : indicator(c.indicator!);
      e.lead = [...(c.agencies ?? [])];
      mark(e, a, c.fields);
      break;
    }
    case "coordinating": {
      const t = task(c.task);
      t.coordinating = [...(c.coordinatingIds ?? [])];
      mark(t, a, c.fields);
      break;
    }
    case "cancel":
      for (const t of withDescendants(data.tasks, c.task)) {
        t.inactive = inactive("cancelled", c.reason);
        mark(t, a, ["cancelled"]);
      }
      break;
    case "suspend":
      for (const t of withDescendants(data.tasks, c.task)) {
        // A suspension whose end has come leaves the task in the plan, marked.
        if (c.until === undefined || c.until > asOf) t.inactive = inactive("suspended", c.reason, c.until);
        else if (t.inactive?.kind === "suspended") delete t.inactive;
        mark(t, a, [c.until === undefined || c.until > asOf ? "suspended" : `suspended until ${c.until}`]);
      }
      break;
    case "resume":
      for (const t of withDescendants(data.tasks, c.task)) {
        if (t.inactive?.kind === "suspended") delete t.inactive;
        mark(t, a, ["resumed"]);
      }
      break;
    case "withdraw":
      for (const x of withDescendants(data.indicators, c.indicator)) {
        x.inactive = inactive("withdrawn", c.reason);
        mark(x, a, ["withdrawn"]);
      }
      break;
    case "target": {
      const x = indicator(c.indicator);
      for (const target of c.targetsRead ?? []) setTarget(x, target);
      mark(x, a, c.fields);
      break;
    }
    case "addTask": {
      const t = c.task;
      const added: Task = {
        id: t.id,
        group: t.group,
        ...(t.parent !== undefined ? { parent: t.parent } : {}),
        title: t.title,
        lead: [...(c.agencies ?? [])],
        coordinating: [...(c.coordinatingIds ?? [])],
        ...(t.output ? { output: t.output } : {}),
        ...(c.deadlineRead ? { deadline: c.deadlineRead } : {}),
        strategic: t.strategic ?? false,
        source: { part: a.id, line: c.index + 1 },
      };
      mark(added, a, c.fields);
      data.tasks.push(added);
      break;
    }
    case "addIndicator": {
      const x = c.indicator;
      const added: Indicator = {
        id: x.id,
        ...(x.group !== undefined ? { group: x.group } : {}),
        ...(x.parent !== undefined ? { parent: x.parent } : {}),
        name: x.name,
        ...(x.unit ? { unit: x.unit } : {}),
        ...(x.measure ? { measure: x.measure } : {}),
        direction: x.direction ?? (x.measure === "rank" ? "decrease" : "increase"),
        lead: [...(c.agencies ?? [])],
        targets: [],
        source: { part: a.id, line: c.index + 1 },
      };
      for (const target of c.targetsRead ?? []) setTarget(added, target);
      mark(added, a, c.fields);
      if (x.parent !== undefined) {
        const parent = indicator(x.parent);
        parent.children = [...(parent.children ?? []), x.id];
      }
      data.indicators.push(added);
      break;
    }
  }
}

/** Sets an indicator's target for a year and level, in place of the one it had; targets stay in year order. */
function setTarget(x: Indicator, target: Target): void {
  const clean = Object.fromEntries(Object.entries(target).filter(([, v]) => v !== undefined)) as Target;
  const level = (t: Target) => t.level ?? "city";
  x.targets = [...x.targets.filter((t) => t.year !== clean.year || level(t) !== level(clean)), clean].sort((p, q) => p.year - q.year);
}

/** Reads the successions in force into every task's and indicator's lists: a predecessor named becomes its successor. */
function applySuccessions(data: Plan, inForce: readonly Succession[]): void {
  if (inForce.length === 0) return;
  const next = new Map(inForce.map((s) => [s.predecessor, s]));
  /** The records followed from a predecessor to the agency now answering for it. */
  const chain = (id: string): Succession[] => {
    const found: Succession[] = [];
    for (let s = next.get(id); s !== undefined && found.length < next.size; s = next.get(s.successor)) found.push(s);
    return found;
  };
  for (const entity of [...data.tasks, ...data.indicators]) {
    const marks: SuccessionMark[] = [];
    const resolve = (list: readonly string[], field: "lead" | "coordinating") => {
      const out: string[] = [];
      for (const id of list) {
        const steps = chain(id);
        for (const s of steps) {
          const own = marks.find((m) => m.predecessor === s.predecessor && m.successor === s.successor);
          if (own) own.fields = [...new Set([...own.fields, field])];
          else marks.push({ predecessor: s.predecessor, successor: s.successor, from: s.from, document: s.document, fields: [field] });
        }
        const current = steps.at(-1)?.successor ?? id;
        if (!out.includes(current)) out.push(current);
      }
      return out;
    };
    entity.lead = resolve(entity.lead, "lead");
    if ("coordinating" in entity) entity.coordinating = resolve(entity.coordinating, "coordinating");
    if (marks.length > 0) entity.successions = marks;
  }
}
