import { CellParseError } from "../errors.js";
import type { Deadline } from "../model/deadline.js";

/**
 * Reads a deadline cell ("Thời gian thực hiện/hoàn thành"). Due dates are the last day of the period in
 * the Vietnam calendar.
 *
 * @throws {CellParseError} quoting the cell when its form is unknown.
 * @example
 * parseDeadline("Tháng 9/2025"); //=> { raw: "Tháng 9/2025", kind: "month", due: "2025-09-30" }
 * parseDeadline("2025 - 2030"); //=> { raw: "2025 - 2030", kind: "range", start: "2025-01-01", end: "2030-12-31", due: "2030-12-31" }
 */
export function parseDeadline(cell: string): Deadline {
  const raw = cell.replace(/\s+/g, " ").trim();
  const t = raw.replace(/[.;]$/u, "").toLocaleLowerCase("vi");
  if (t === "") throw new CellParseError("deadline", cell, "the cell is empty");

  const month = /^(?:tháng\s+)?(\d{1,2})\s*\/\s*(\d{4})$/u.exec(t);
  if (month) {
    const m = Number(month[1]);
    const y = year(month[2] as string, cell);
    if (m < 1 || m > 12) throw new CellParseError("deadline", cell, `month ${m} does not exist`);
    return { raw, kind: "month", due: lastDayOfMonth(y, m) };
  }
  const range = /^(?:giai đoạn\s+)?(\d{4})\s*[-–]\s*(\d{4})$/u.exec(t);
  if (range) {
    const start = year(range[1] as string, cell);
    const end = year(range[2] as string, cell);
    if (start > end) throw new CellParseError("deadline", cell, `the range ends (${end}) before it starts (${start})`);
    return { raw, kind: "range", start: `${start}-01-01`, end: `${end}-12-31`, due: `${end}-12-31` };
  }
  const from = /^(?:năm\s+(\d{4})\s+và\s+(?:những|các)\s+năm\s+tiếp\s+theo|từ\s+năm\s+(\d{4})(?:\s+trở\s+đi)?)$/u.exec(t);
  if (from) return { raw, kind: "fromYear", from: `${year((from[1] ?? from[2]) as string, cell)}-01-01` };
  const single = /^(?:năm\s+)?(\d{4})$/u.exec(t);
  if (single) return { raw, kind: "year", due: `${year(single[1] as string, cell)}-12-31` };
  if (/^(?:hằng|hàng)\s+năm$/u.test(t)) return { raw, kind: "annual" };
  if (/^thường\s+xuyên$/u.test(t)) return { raw, kind: "continuous" };
  if (/^theo\s+(?:thời gian|thời hạn|tiến độ)\b/u.test(t)) return { raw, kind: "referenced" };
  throw new CellParseError(
    "deadline",
    cell,
    'expected a month ("Tháng 9/2025", "11/2026"), a year or year range ("2025 - 2030"), "Hằng năm", "Thường xuyên", "Năm 2025 và những năm tiếp theo" or a reference to other documents',
  );
}

function year(text: string, cell: string): number {
  const y = Number(text);
  if (y < 1900 || y > 2200) throw new CellParseError("deadline", cell, `year ${text} is out of range`);
  return y;
}

/** Last day of a month as `YYYY-MM-DD`, computed in UTC so that the host's time zone cannot shift it. */
function lastDayOfMonth(y: number, m: number): string {
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
