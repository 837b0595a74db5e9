/** The source document as tests read it: lines (1-based through `line`) and the whole text folded. */
import { readFileSync } from "node:fs";

export const sourceText = readFileSync(new URL("../fixtures/source/haiphong-142.txt", import.meta.url), "utf8");
export const sourceLines = sourceText.split("\n");
export const fold = (s: string) => s.replace(/\s+/g, " ").trim();
/** Line `n` of the source (1-based), whitespace folded. */
export const line = (n: number) => fold(sourceLines[n - 1] ?? "");
export const foldedSource = fold(sourceText);
