import { foldName, INVISIBLE } from "../model/define-plan.js";
import { quoted } from "../safe-text.js";
import { tableOfInput } from "./observation-table.js";
import type { InputNote, Observation, ReadInput, RecordSource, RejectedRecord } from "../model/records.js";
import { compareSources } from "../model/source.js";

/** Words every note on a folded spelling holds, by which a merge knows them to make them again. */
const FOLDED = ", the same place as first written";

/** The places of an input's observations: each one's name, and a note for each other spelling of it. */
export interface LocalityNames {
  /** Each place's name by its folded spelling ({@link foldName}): the spelling of its first record by source. */
  readonly names: ReadonlyMap<string, string>;
  /** A note for each spelling that is not its place's name, at its first record. */
  readonly notes: readonly InputNote[];
}

const cache = new WeakMap<object, LocalityNames>();

/**
 * The localities an input's observations name, one per place: spellings that differ only in case, spacing, Unicode
 * form or invisible characters ("Kiến Thụy", "KIẾN  THỤY", "Kiến\u200bThụy") are one place, named as its first
 * record by source writes it, whatever order the records came in. The records counted are those the scorecard reads
 * a locality from: the accepted observations and those rejected as a conflict (which make a conflict row). Each
 * other spelling gets a note, at its first record, so that no spelling is folded silently.
 */
export function localityNames(input: ReadInput): LocalityNames {
  const known = cache.get(input);
  if (known) return known;
  const first = new Map<string, RecordSource>();
  const meet = (spelling: string | undefined, source: RecordSource) => {
    if (spelling === undefined) return;
    const seen = first.get(spelling);
    if (seen === undefined || compareSources(source, seen) < 0) first.set(spelling, source);
  };
  const found = tableOfInput(input);
  if (found) {
    // Read from the columns: the entries are in source order, so a spelling's first entry is its earliest.
    const { table, order } = found;
    const firstEntry = new Int32Array(table.spellings.length).fill(-1);
    for (const e of order) {
      const spelling = table.spelling[e]!;
      if (spelling >= 0 && firstEntry[spelling] === -1) firstEntry[spelling] = e;
    }
    firstEntry.forEach((e, spelling) => e >= 0 && meet(table.spellings[spelling], table.source(e)));
  } else for (const o of input.observations) meet(o.record.locality, o.source);
  for (const r of input.rejected) if (isConflict(r)) meet(r.record.locality, r.source);

  const places = new Map<string, { spelling: string; source: RecordSource }[]>();
  for (const [spelling, source] of first) {
    const place = foldName(spelling);
    const spellings = places.get(place);
    if (spellings) spellings.push({ spelling, source });
    else places.set(place, [{ spelling, source }]);
  }
  const names = new Map<string, string>();
  const notes: InputNote[] = [];
  for (const [place, spellings] of places) {
    spellings.sort((a, b) => compareSources(a.source, b.source) || (a.spelling < b.spelling ? -1 : 1));
    const name = spellings[0]!.spelling;
    names.set(place, name);
    for (const { spelling, source } of spellings.slice(1))
      notes.push({ source, field: "locality", note: `locality ${quoted(spelling)} is read as ${quoted(name)}${FOLDED} (${difference(spelling, name)}); its figures count for that one locality` });
  }
  const result = { names, notes };
  if (found) cache.set(input, result);
  return result;
}

/** Whether a note is one {@link localityNames} makes: made again whenever inputs are put together. */
export function isFoldedSpellingNote(note: InputNote): boolean {
  return note.field === "locality" && note.note.includes(FOLDED);
}

/** An input's notes (or `given`, the notes it is to have) with those on folded spellings made again for the input as a whole. */
export function withLocalityNotes(input: ReadInput, given: InputNote[] = input.notes): InputNote[] {
  const notes = given.filter((n) => !isFoldedSpellingNote(n));
  const folded = localityNames(input).notes;
  return folded.length === 0 && notes.length === given.length ? given : [...notes, ...folded].sort((a, b) => compareSources(a.source, b.source));
}

function isConflict(r: RejectedRecord): r is RejectedRecord & { record: Observation } {
  return r.kind === "observation" && r.clash === "conflict" && typeof r.record === "object" && r.record !== null;
}

/** The ways spellings of one place may differ, each with how it is folded away. */
const ASPECTS: readonly [string, (text: string) => string][] = [
  ["invisible characters", (t) => t.replace(INVISIBLE, "")],
  ["Unicode form (NFC/NFD)", (t) => t.normalize("NFC")],
  // Whitespace as foldName reads it once invisible characters are gone: a byte order mark, which \s matches, is not spacing.
  ["spacing", (t) => t.replace(/(?:(?!\ufeff)\s)+/g, " ").replace(/^ | $/g, "")],
  ["case", (t) => t.toLocaleLowerCase("vi")],
];

/** How two spellings of one place differ, in words: each way that, alone left unfolded, still tells them apart. */
function difference(a: string, b: string): string {
  const foldedBut = (text: string, kept: number) => ASPECTS.reduce((t, [, fold], k) => (k === kept ? t : fold(t)), text);
  const ways = ASPECTS.flatMap(([how], k) => (foldedBut(a, k) !== foldedBut(b, k) ? [how] : []));
  return `they differ only in ${ways.join(" and ") || "spelling"}`;
}
