/**
 * Hand-checked expectations for the deadline cells of Plan 142/KH-UBND (Hai Phong, 9 June 2025).
 *
 * Source: fixtures/source/haiphong-142.txt
 *   - Appendix 3 (PHỤ LỤC 3), column "Thời gian hoàn thành", lines 1014-1188
 *   - Appendix 4 (PHỤ LỤC 4), column "Thời gian thực hiện/hoàn thành", lines 1189-1785
 *
 * Readings follow design/plan-model.md ("Deadline"); dates are calendar dates in Vietnam
 * (Asia/Ho_Chi_Minh). A month deadline is due on the last day of that month; a year range runs
 * from 1 January of the first year to 31 December of the last, and is due at its end.
 *
 * Source slips worth knowing when reading this table:
 *   - Three deadlines were already past when the plan was signed on 2025-06-09:
 *     "Tháng 3/2025" (line 1041, NQ71 task 7), "Tháng 5/2025" (line 1122, NQ71 task 92) and
 *     "4/2025" (line 1203, Appendix 4 task 1.1).
 *   - "Hằng năm" and "Hàng năm" are two spellings of the same reading (annual).
 *   - Year ranges are written both with and without spaces around the hyphen
 *     ("2025 - 2030" / "2025-2030", "2025 - 2027" / "2025-2027").
 */

export interface ExpectedDeadline {
  kind: "month" | "year" | "range" | "annual" | "continuous" | "fromYear" | "referenced";
  due?: string;
  start?: string;
  end?: string;
  from?: string;
}

/** Every distinct deadline cell text, in order of first occurrence in the document. */
export const expectedDeadlines: ReadonlyArray<readonly [cell: string, expected: ExpectedDeadline]> = [
  // ---- Appendix 3 (first occurrences) ----
  ["Thường xuyên", { kind: "continuous" }],
  ["Tháng 3/2025", { kind: "month", due: "2025-03-31" }],
  ["Tháng 9/2025", { kind: "month", due: "2025-09-30" }],
  ["Tháng 12/2025", { kind: "month", due: "2025-12-31" }],
  ["Tháng 6/2028", { kind: "month", due: "2028-06-30" }],
  ["Tháng 6/2026", { kind: "month", due: "2026-06-30" }],
  ["Tháng 9/2026", { kind: "month", due: "2026-09-30" }],
  ["Tháng 5/2025", { kind: "month", due: "2025-05-31" }],
  ["Năm 2025 và những năm tiếp theo", { kind: "fromYear", from: "2025-01-01" }],
  ["Hằng năm", { kind: "annual" }],

  // ---- Appendix 4 (texts not already listed above) ----
  ["4/2025", { kind: "month", due: "2025-04-30" }],
  ["11/2025", { kind: "month", due: "2025-11-30" }],
  ["06/2025", { kind: "month", due: "2025-06-30" }],
  ["11/2026", { kind: "month", due: "2026-11-30" }],
  ["11/2027", { kind: "month", due: "2027-11-30" }],
  ["2025 - 2030", { kind: "range", start: "2025-01-01", end: "2030-12-31", due: "2030-12-31" }],
  ["12/2027", { kind: "month", due: "2027-12-31" }],
  ["12/2026", { kind: "month", due: "2026-12-31" }],
  ["2025-2027", { kind: "range", start: "2025-01-01", end: "2027-12-31", due: "2027-12-31" }],
  ["10/2025", { kind: "month", due: "2025-10-31" }],
  ["2025-2030", { kind: "range", start: "2025-01-01", end: "2030-12-31", due: "2030-12-31" }],
  ["2025 - 2027", { kind: "range", start: "2025-01-01", end: "2027-12-31", due: "2027-12-31" }],
  ["12/2025", { kind: "month", due: "2025-12-31" }],
  ["2025-2028", { kind: "range", start: "2025-01-01", end: "2028-12-31", due: "2028-12-31" }],
  ["2026-2027", { kind: "range", start: "2026-01-01", end: "2027-12-31", due: "2027-12-31" }],
  ["Hàng năm", { kind: "annual" }],
  ["Theo thời gian tại các Nghị quyết, Quyết định, Kế hoạch đã phê duyệt", { kind: "referenced" }],
];

/**
 * Every deadline cell of Appendix 3 and Appendix 4, by 1-based source line, in document order.
 * Appendix 3: one per NQ71 task row (24 rows). Appendix 4: one per task row, and one per bullet
 * sub-row of 5.8 (5), 5.9 (3), 5.25 (2) and 5.26 (4); 97 rows in all.
 */
export const deadlineCellLines: ReadonlyArray<readonly [line: number, cell: string]> = [
  // Appendix 3 (column "Thời gian hoàn thành")
  [1031, "Thường xuyên"],
  [1036, "Thường xuyên"],
  [1041, "Tháng 3/2025"],
  [1048, "Thường xuyên"],
  [1055, "Thường xuyên"],
  [1060, "Tháng 9/2025"],
  [1069, "Tháng 9/2025"],
  [1074, "Tháng 12/2025"],
  [1083, "Tháng 6/2028"],
  [1090, "Tháng 6/2026"],
  [1096, "Tháng 9/2026"],
  [1103, "Tháng 12/2025"],
  [1110, "Tháng 9/2025"],
  [1115, "Tháng 9/2025"],
  [1122, "Tháng 5/2025"],
  [1129, "Tháng 9/2026"],
  [1136, "Thường xuyên"],
  [1145, "Tháng 9/2025"],
  [1152, "Tháng 9/2025"],
  [1158, "Năm 2025 và những năm tiếp theo"],
  [1167, "Tháng 9/2025"],
  [1174, "Tháng 6/2028"],
  [1181, "Hằng năm"],
  [1188, "Tháng 12/2025"],
  // Appendix 4 (column "Thời gian thực hiện/hoàn thành")
  // group 1
  [1203, "4/2025"],
  [1209, "Hằng năm"],
  [1215, "11/2025"],
  [1221, "Hằng năm"],
  [1227, "Hằng năm"],
  [1233, "Hằng năm"],
  [1239, "Hằng năm"],
  [1245, "11/2025"],
  [1251, "Hằng năm"],
  // group 2
  [1259, "06/2025"],
  [1265, "Hằng năm"],
  [1271, "11/2026"],
  [1277, "11/2026"],
  [1283, "11/2027"],
  [1289, "2025 - 2030"],
  [1295, "2025 - 2030"],
  [1301, "2025 - 2030"],
  [1307, "12/2027"],
  [1313, "12/2027"],
  [1319, "12/2026"],
  [1325, "12/2026"],
  [1331, "12/2026"],
  // group 3
  [1339, "Hằng năm"],
  [1345, "Hằng năm"],
  [1351, "2025 - 2030"],
  [1357, "11/2026"],
  [1363, "Hằng năm"],
  [1369, "11/2026"],
  [1375, "Hằng năm"],
  [1381, "Hằng năm"],
  [1387, "Hằng năm"],
  [1393, "2025-2027"],
  [1399, "2025-2027"],
  [1405, "Hằng năm"],
  [1411, "Hằng năm"],
  [1417, "Hằng năm"],
  [1423, "Hằng năm"],
  [1429, "Hằng năm"],
  // group 4
  [1437, "10/2025"],
  [1443, "Hằng năm"],
  [1449, "2025-2030"],
  [1455, "2025 - 2027"],
  [1461, "11/2026"],
  [1467, "11/2026"],
  [1473, "Hằng năm"],
  [1479, "Hằng năm"],
  [1485, "Hằng năm"],
  [1491, "Hằng năm"],
  [1497, "Hằng năm"],
  [1503, "2025-2027"],
  // group 5
  [1511, "Hằng năm"],
  [1517, "Hằng năm"],
  [1523, "Hằng năm"],
  [1529, "Hằng năm"],
  [1535, "Hằng năm"],
  [1541, "Hằng năm"],
  [1547, "Hằng năm"],
  [1554, "12/2025"],
  [1559, "12/2026"],
  [1564, "12/2025"],
  [1569, "2025-2028"],
  [1574, "2026-2027"],
  [1581, "Hằng năm"],
  [1586, "Hằng năm"],
  [1591, "11/2026"],
  [1597, "Hằng năm"],
  [1603, "12/2026"],
  [1609, "Hàng năm"],
  [1615, "Hàng năm"],
  [1621, "Hàng năm"],
  [1627, "Hàng năm"],
  [1633, "Hàng năm"],
  [1639, "Hàng năm"],
  [1644, "Hàng năm"],
  [1650, "Hàng năm"],
  [1656, "Hàng năm"],
  [1662, "Hàng năm"],
  [1668, "Hàng năm"],
  [1674, "Hàng năm"],
  [1680, "Hàng năm"],
  [1687, "12/2026"],
  [1692, "2026-2027"],
  [1699, "Hàng năm"],
  [1704, "Hàng năm"],
  [1709, "Hàng năm"],
  [1714, "Hàng năm"],
  // group 6
  [1722, "11/2026"],
  [1728, "Hàng năm"],
  [1734, "Hàng năm"],
  [1740, "Hàng năm"],
  [1746, "Hàng năm"],
  // group 7
  [1754, "Hàng năm"],
  [1760, "Hàng năm"],
  [1766, "Hàng năm"],
  [1772, "Hàng năm"],
  [1778, "Hàng năm"],
  // group 8
  [1785, "Theo thời gian tại các Nghị quyết, Quyết định, Kế hoạch đã phê duyệt"],
];
