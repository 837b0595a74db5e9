// Named re-exports only (see zod.ts): `import { z } from "zod"` keeps all of zod's namespace, its locales included.
export {
  _default,
  array,
  boolean,
  discriminatedUnion,
  enum,
  gte,
  int,
  iso,
  lazy,
  literal,
  lte,
  maxLength,
  minLength,
  NEVER,
  nonnegative,
  nullable,
  number,
  object,
  optional,
  pipe,
  positive,
  record,
  refine,
  regex,
  strictObject,
  string,
  superRefine,
  transform,
  union,
  unknown,
} from "zod/mini";
// `Infer`, not `infer`: a bundled declaration file hoists the name, and `infer` is a keyword of TypeScript.
export type { output as Infer, input, output, ZodMiniType as ZodType } from "zod/mini";

import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

// zod's English messages, which the library's errors quote, and only those (zod/mini registers none); an app's own
// choice of locale, made before, stands.
if (!config().localeError) config(en());
