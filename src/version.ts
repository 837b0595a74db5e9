/** The package version; scorecards carry it as `rulesVersion`. Kept equal to package.json by a test. */
export const VERSION = "0.1.0";
