import type { RecordSource } from "./records.js";

/**
 * Says where a record was read, the way a data clerk looks for it: `observations.csv:12`,
 * `report.json index 3`, `index 3`.
 *
 * @example
 * describeSource({ file: "observations.csv", line: 12 }); //=> "observations.csv:12"
 * describeSource({ index: 3 }); //=> "index 3"
 */
export function describeSource(source: RecordSource): string {
  const { file, line, index } = source;
  if (file !== undefined && line !== undefined) return `${file}:${line}`;
  const place = line !== undefined ? `line ${line}` : index !== undefined ? `index ${index}` : undefined;
  if (file !== undefined) return place ? `${file} ${place}` : file;
  return place ?? "an unknown place";
}

/** Orders sources by file name, then line, then index; a source without a line (a whole file) comes first. */
export function compareSources(a: RecordSource, b: RecordSource): number {
  const fa = a.file ?? "";
  const fb = b.file ?? "";
  if (fa !== fb) return fa < fb ? -1 : 1;
  const byLine = (a.line ?? 0) - (b.line ?? 0);
  return byLine !== 0 ? byLine : (a.index ?? -1) - (b.index ?? -1);
}

/** A copy of `items` in source order; items at the same place keep their order. */
export function sortBySource<T extends { readonly source: RecordSource }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareSources(a.source, b.source));
}
