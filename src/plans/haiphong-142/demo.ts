/**
 * What `nq57 demo` scores: the illustrative 2025-2026 report in `fixtures/`, as of a date a year and a half into the
 * plan.
 */
export const haiphong142Demo = { data: "report-2025-2026.json", asOf: "2026-11-26" } as const;
