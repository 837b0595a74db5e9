/** Cuts text into chunks at the given places (taken modulo its length; empty chunks included, as a stream may give them). */
export function cut(text: string, places: readonly number[]): string[] {
  const at = places.map((p) => p % (text.length + 1)).sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of at) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}
