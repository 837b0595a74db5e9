import { INPUT_LIMITS } from "./bounds.js";
import { quoted } from "../safe-text.js";

/** How deep a copy goes: records are one or two levels deep; anything deeper is junk to be shown, not read. */
const MAX_DEPTH = 20;
/** How many entries of a list or keys of an object a copy keeps: a record has a handful. */
const MAX_ENTRIES = 1000;

/**
 * A copy of a value as given, fit to be kept in a rejection and written out as JSON: plain objects and
 * arrays copied (keys such as `__proto__` kept as plain keys), levels below the 20th, cycles, BigInts and
 * values that cannot be read replaced by a few words. A rejected record is shown back to whoever sent
 * it, so it must never make `JSON.stringify` throw, as a 10,000-level list or an object that holds
 * itself would, nor make the output as large as a hostile record: a text longer than a field may hold
 * (10,000 characters) is cut to its start and its length, and a list or object keeps its first 1,000 entries.
 */
export function plainCopy(value: unknown): unknown {
  return copy(value, 0, new Set());
}

function copy(value: unknown, depth: number, open: Set<object>): unknown {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return value.length > INPUT_LIMITS.maxFieldChars ? `[cut: ${quoted(value)}]` : value;
  if (typeof value !== "object" || value === null) return value;
  if (open.has(value)) return "[a reference to itself]";
  if (depth >= MAX_DEPTH) return `[${Array.isArray(value) ? "a list" : "an object"} nested too deep to show]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  open.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ENTRIES).map((item) => copy(item, depth + 1, open));
      return value.length > MAX_ENTRIES ? [...items, `[and ${(value.length - MAX_ENTRIES).toLocaleString("en")} more]`] : items;
    }
    const entries: [string, unknown][] = [];
    let count = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (count++ < MAX_ENTRIES) entries.push([key.length > INPUT_LIMITS.maxFieldChars ? (copy(key, depth, open) as string) : key, copy((value as Record<string, unknown>)[key], depth + 1, open)]);
    }
    if (count > MAX_ENTRIES) entries.push(["…", `[and ${(count - MAX_ENTRIES).toLocaleString("en")} more keys]`]);
    return Object.fromEntries(entries);
  } catch {
    return "[a value that cannot be read]";
  } finally {
    open.delete(value);
  }
}
