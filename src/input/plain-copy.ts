/** How deep a copy goes: records are one or two levels deep; anything deeper is junk to be shown, not read. */
const MAX_DEPTH = 20;

/**
 * A copy of a value as given, fit to be kept in a rejection and written out as JSON: plain objects and
 * arrays copied (keys such as `__proto__` kept as plain keys), levels below the 20th, cycles, BigInts and
 * values that cannot be read replaced by a few words. A rejected record is shown back to whoever sent
 * it, so it must never make `JSON.stringify` throw, as a 10,000-level list or an object that holds
 * itself would.
 */
export function plainCopy(value: unknown): unknown {
  return copy(value, 0, new Set());
}

function copy(value: unknown, depth: number, open: Set<object>): unknown {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value !== "object" || value === null) return value;
  if (open.has(value)) return "[a reference to itself]";
  if (depth >= MAX_DEPTH) return `[${Array.isArray(value) ? "a list" : "an object"} nested too deep to show]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  open.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => copy(item, depth + 1, open));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item, depth + 1, open)]));
  } catch {
    return "[a value that cannot be read]";
  } finally {
    open.delete(value);
  }
}
