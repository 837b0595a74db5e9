import type { Verdict } from "../../model/verdict.js";

/** The bands the page has colours for; a custom band id is drawn in a neutral colour. */
const KNOWN_BANDS = new Set(["high", "fairly-high", "medium", "low", "insufficient-data"]);

/** The CSS class colouring a band: `band-medium`, or `band-other` for a band the page does not know. */
export function bandClass(bandId: string): string {
  return KNOWN_BANDS.has(bandId) ? `band-${bandId}` : "band-other";
}

/** The CSS class colouring a verdict. */
export function verdictClass(verdict: Verdict): string {
  return `v-${verdict}`;
}

/**
 * Colours of the lines of a milestone chart: the whole city first, then localities. Okabe–Ito hues, which
 * people with the common colour-vision deficiencies tell apart, darkened to stand out on white.
 */
export const SERIES_COLORS = ["#0b5cad", "#c25400", "#6d3fb8", "#00796b", "#a1306f", "#8a6d00", "#3b6e1f", "#455a64"] as const;
