import { Decimal } from "../decimal.js";
import { CellParseError } from "../errors.js";
import type { SimpleTargetKind, Target, TargetMember } from "../model/target.js";
import { parseVietnameseNumber } from "./number.js";

/** Options of {@link parseTarget}. */
export interface ParseTargetOptions {
  /** The milestone year the cell is for. */
  year: number;
  /** The indicator is a rank (Thứ bậc): `≤ 10` and `Top 3` are `rankAtMost`, and lower is better. */
  rank?: boolean;
}

type Bounds = Pick<TargetMember, "kind" | "value" | "min" | "max">;

// A plain string, not String.raw: a tagged template is a call, which would keep this module in every bundle.
const NUMBER = "\\d+(?:[.,]\\d+)*";
const ASPIRATION = /phấn đấu\s*/giu;
const COMPARATORS: ReadonlyArray<readonly [RegExp, SimpleTargetKind]> = [
  [/^(?:≥|>=)\s*/u, "atLeast"],
  [/^(?:≤|<=)\s*/u, "atMost"],
  [/^>\s*/u, "greaterThan"],
  [/^<\s*/u, "lessThan"],
  [/^=\s*/u, "exactly"],
  [/^đạt trên\s+/iu, "greaterThan"],
  [/^trên\s+/iu, "greaterThan"],
  [/^(?:có từ|từ|ít nhất|tối thiểu|đạt)\s+/iu, "atLeast"],
];
/** Words a cell may put after its number: the unit is the indicator's, not the cell's. */
const UNIT_SUFFIX = /\s*(?:%|người)?\s*$/u;

/**
 * Reads a target cell of Appendix 1 or 2.
 *
 * @throws {CellParseError} quoting the cell when its form is unknown; nothing is guessed.
 * @example
 * parseTarget("≥ 1.200", { year: 2035 }); //=> { year: 2035, raw: "≥ 1.200", kind: "atLeast", value: "1200", aspirational: false }
 * parseTarget("Phấn đấu đứng top 3 toàn quốc", { year: 2030, rank: true }).kind; //=> "rankAtMost"
 */
export function parseTarget(cell: string, options: ParseTargetOptions): Target {
  const raw = cell.replace(/\s+/g, " ").trim();
  if (raw === "") throw new CellParseError("target", cell, "the cell is empty");
  const aspirational = ASPIRATION.test(raw);
  ASPIRATION.lastIndex = 0;
  const base = { year: options.year, raw, aspirational };
  if (/^[-–—]$/u.test(raw)) return { ...base, kind: "none" };
  // Words without a number are a qualitative target; a comparison sign without one is a broken cell.
  if (!/\d/u.test(raw) && !/[<>≤≥=]/u.test(raw)) return { ...base, kind: "qualitative" };

  const pieces = raw.split(/(?<=;)\s*(?=[<>≤≥])/u);
  if (pieces.length > 1) {
    const parts = pieces.map((piece) => readPart(piece, cell, options));
    return { ...base, kind: "parts", parts };
  }
  const choices = raw.split(/\s+hoặc\s+/iu);
  if (choices.length > 1) {
    const alternatives = choices.map((choice) => ({ raw: choice, ...readBounds(choice, cell, options) }));
    return { ...base, kind: "alternatives", alternatives };
  }
  return { ...base, ...readBounds(raw, cell, options) };
}

/** A member for one population: `> 95% đối với cơ sở giáo dục phổ thông …;`. */
function readPart(piece: string, cell: string, options: ParseTargetOptions): TargetMember {
  const m = /^(.*?)\s+đối với\s+(.+?)[;.]?$/u.exec(piece.trim());
  if (!m) throw new CellParseError("target", cell, `the part "${piece}" names no population ("đối với …")`);
  return { raw: piece.trim(), ...readBounds(m[1] as string, cell, options), label: { vi: m[2] as string } };
}

function readBounds(text: string, cell: string, options: ParseTargetOptions): Bounds {
  let t = text.replace(ASPIRATION, "").trim();
  t = t.replace(/^đứng\s+/iu, "");

  const top = new RegExp(`^top\\s+(${NUMBER})(?:\\s.*)?$`, "iu").exec(t);
  if (top) return { kind: "rankAtMost", value: number(top[1] as string, cell) };

  const range = new RegExp(`^(${NUMBER})\\s*(?:-|–|đến)\\s*(${NUMBER})${UNIT_SUFFIX.source}`, "iu").exec(t);
  if (range) {
    const min = number(range[1] as string, cell);
    const max = number(range[2] as string, cell);
    if (new Decimal(min).gt(max)) throw new CellParseError("target", cell, `the range ${range[1]}-${range[2]} ends below where it starts`);
    return { kind: "range", min, max };
  }

  let kind: SimpleTargetKind | undefined;
  for (const [prefix, k] of COMPARATORS) {
    if (prefix.test(t)) {
      kind = k;
      t = t.replace(prefix, "");
      break;
    }
  }
  const single = new RegExp(`^(${NUMBER})${UNIT_SUFFIX.source}`, "u").exec(t);
  if (!single) throw new CellParseError("target", cell, "expected a comparison such as ≥ 60%, a range such as 45-50%, Top 3, or text without numbers");
  const value = number(single[1] as string, cell);
  // A bare number states the level to reach; on a rank, reaching it means being at or above that place.
  if (options.rank && (kind === undefined || kind === "atMost")) return { kind: "rankAtMost", value };
  return { kind: kind ?? "atLeast", value };
}

function number(text: string, cell: string): string {
  const value = parseVietnameseNumber(text);
  if (value === undefined) throw new CellParseError("target", cell, `"${text}" is not a number in Vietnamese notation`);
  return value;
}
