/**
 * A plan's data in the form the built package ships: the same JSON, its texts gathered by language (every Vietnamese
 * text, then every English one, then the rest: ids, raw cells) and the structure left with a `null` where each text
 * was. gzip finds more to share among texts of one language side by side than in texts of two languages
 * interleaved: Plan 142's data weighs about a tenth less gzipped. The build packs it (tsup.config.ts); the library
 * unpacks it once, when the plan is first defined, into exactly the object the JSON file holds.
 *
 * @module
 */
import { Nq57Error } from "../errors.js";

/** A plan's data, packed: texts by language and the structure they fit back into. */
export interface PackedPlanData {
  readonly vi: readonly string[];
  readonly en: readonly string[];
  readonly other: readonly string[];
  readonly shape: unknown;
}

type TextList = "vi" | "en" | "other";
const listOf = (key: string): TextList => (key === "vi" || key === "en" ? key : "other");

/** Packs a plan's parsed JSON. Throws on a `null` in it: the packed structure marks a text's place with one. */
export function packPlanData(data: unknown): PackedPlanData {
  const lists: Record<TextList, string[]> = { vi: [], en: [], other: [] };
  const walk = (value: unknown, list: TextList): unknown => {
    if (typeof value === "string") return lists[list].push(value), null;
    if (value === null) throw new Nq57Error("a plan's data to pack holds a null: the packed form keeps null for the place of a text");
    if (Array.isArray(value)) return value.map((item) => walk(item, list));
    if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, listOf(key))]));
    return value;
  };
  const shape = walk(data, "other");
  return { ...lists, shape };
}

/** The plan's JSON a {@link PackedPlanData} was packed from. */
export function unpackPlanData(packed: PackedPlanData): unknown {
  const next: Record<TextList, number> = { vi: 0, en: 0, other: 0 };
  const walk = (value: unknown, list: TextList): unknown => {
    if (value === null) return packed[list][next[list]++];
    if (Array.isArray(value)) return value.map((item) => walk(item, list));
    if (typeof value === "object") return Object.fromEntries(Object.entries(value as object).map(([key, item]) => [key, walk(item, listOf(key))]));
    return value;
  };
  return walk(packed.shape, "other");
}
