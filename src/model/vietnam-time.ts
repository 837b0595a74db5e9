import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** The time zone every date of the plan is read in. */
export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

/**
 * The Vietnam calendar date (`YYYY-MM-DD`) at an instant, whatever the host's time zone.
 *
 * @example
 * vietnamDate(new Date("2025-09-30T17:30:00Z")); //=> "2025-10-01"
 */
export function vietnamDate(instant: Date | number = Date.now()): string {
  return format(new TZDate(typeof instant === "number" ? instant : instant.getTime(), VIETNAM_TIME_ZONE), "yyyy-MM-dd");
}
