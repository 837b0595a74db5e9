import { z } from "zod";

/** Text in Vietnamese, verbatim from the source document (whitespace runs folded), with an English translation. */
export const LocalizedText = z.object({
  vi: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A date in the Vietnam calendar, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** A decimal number written as a string (`"0.77"`, `"1200"`), read with decimal.js, never a binary float. */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, "must be a decimal number such as 12 or 0.77");
export type DecimalString = z.infer<typeof DecimalString>;

/** Where an entity stands in the source document. */
export const SourceRef = z.object({
  /** `header`, `B.II`, `PL1` … `PL4`. */
  part: z.enum(["header", "B.II", "PL1", "PL2", "PL3", "PL4"]),
  /** 1-based line of the flattened source text. */
  line: z.int().positive(),
});
export type SourceRef = z.infer<typeof SourceRef>;
