/**
 * Writes package.json's version into src/version.ts, so that `nq57 --version`, the package and every
 * scorecard's `rulesVersion` agree. Run by `npm run version` after `changeset version`.
 */
import { readFileSync, writeFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const { version } = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { version: string };
const file = new URL("src/version.ts", root);
const text = readFileSync(file, "utf8").replace(/export const VERSION = "[^"]*";/, `export const VERSION = "${version}";`);
writeFileSync(file, text);
console.log(`src/version.ts: ${version}`);
