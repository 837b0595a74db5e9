import { strFromU8, unzipSync } from "fflate";

/** The parts of an Office file (a ZIP package) by path, as text. */
export function officeParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text with its entities read back. */
export function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
  );
}

/** The text of each paragraph of a WordprocessingML part, in order (a table cell's paragraphs included). */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map((p) => unescapeXml([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")));
}

/** The tables of a WordprocessingML part: each a list of rows, each a list of its cells' text. */
export function tables(xml: string): { rows: string[][]; headerRows: number }[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) => {
    const rows = [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).join("\n")));
    return { rows, headerRows: (t[0].match(/<w:tblHeader\/>|<w:tblHeader w:val="(?:true|1|on)"\/>/g) ?? []).length };
  });
}
