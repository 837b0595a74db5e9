import { CellParseError } from "../errors.js";
import { foldName } from "../model/define-plan.js";

/** A name or alias and the agency it stands for. */
export interface AgencyName {
  readonly name: string;
  readonly id: string;
}

/** A prepared matcher over agency names, built once with {@link agencyMatcher}. */
export interface AgencyMatcher {
  /** Folded names, longest first, so that a collective wins over the agencies inside its name. */
  readonly names: ReadonlyArray<readonly [folded: string, id: string]>;
}

/** Prepares agency names (every alias of every agency) for {@link parseAgencyList}. */
export function agencyMatcher(names: Iterable<AgencyName>): AgencyMatcher {
  const folded = [...names].map(({ name, id }) => [foldName(name), id] as const);
  return { names: folded.sort((a, b) => b[0].length - a[0].length) };
}

const SEPARATORS = /^[\s,;.]+/u;
const CONNECTOR = /^và\s+/u;

/**
 * Reads an agency cell into agency ids, in order, without repeats. Names may be separated by commas,
 * semicolons, "và", or nothing at all; trailing separators are ignored. Collective names ("Các sở, ban,
 * ngành, UBND các cấp chính quyền địa phương, các đơn vị liên quan") match whole, never split.
 *
 * @throws {CellParseError} quoting the cell and the part no known name matches.
 * @example
 * parseAgencyList("Sở Khoa học và Công nghệ UBND các cấp chính quyền địa phương", matcher);
 * //=> ["so-khoa-hoc-va-cong-nghe", "uy-ban-nhan-dan-cac-cap-chinh-quyen-dia-phuong"]
 */
export function parseAgencyList(cell: string, matcher: AgencyMatcher): string[] {
  let rest = foldName(cell);
  const ids: string[] = [];
  while (true) {
    rest = rest.replace(SEPARATORS, "");
    if (rest === "") break;
    const hit = matcher.names.find(([name]) => rest.startsWith(name) && /^(?:$|[\s,;.])/u.test(rest.slice(name.length)));
    if (hit) {
      if (!ids.includes(hit[1])) ids.push(hit[1]);
      rest = rest.slice(hit[0].length);
    } else if (CONNECTOR.test(rest) && ids.length > 0) {
      rest = rest.replace(CONNECTOR, "");
    } else {
      throw new CellParseError("agency list", cell, `no known agency is named at "${rest}"`);
    }
  }
  if (ids.length === 0) throw new CellParseError("agency list", cell, "the cell names no agency");
  return ids;
}
