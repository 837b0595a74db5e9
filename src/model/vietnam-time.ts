import { TZDate } from "@date-fns/tz";
import { formatISO } from "date-fns/formatISO";

/** The time zone every date of the plan is read in. */
export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

/**
 * The Vietnam calendar date (`YYYY-MM-DD`) at an instant, whatever the host's time zone.
 *
 * @example
 * vietnamDate(new Date("2025-09-30T17:30:00Z")); //=> "2025-10-01"
 */
export function vietnamDate(instant: Date | number = Date.now()): string {
  // formatISO's date representation, rather than format's pattern language, which brings a locale and its tokens.
  return formatISO(new TZDate(typeof instant === "number" ? instant : instant.getTime(), VIETNAM_TIME_ZONE), { representation: "date" });
}

const DAY_MS = 86_400_000;

function utcOf(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/**
 * Calendar days from one date to another (`YYYY-MM-DD`), negative when `to` is earlier. Pure calendar
 * arithmetic, so the host's time zone and daylight saving cannot shift it.
 *
 * @example
 * daysBetween("2025-09-30", "2025-10-01"); //=> 1
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/**
 * A date moved by whole months, the day clamped to the month's length.
 *
 * @example
 * addMonthsToDate("2026-02-28", -12); //=> "2025-02-28"
 * addMonthsToDate("2024-02-29", 12); //=> "2025-02-28"
 */
export function addMonthsToDate(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
