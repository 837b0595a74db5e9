/**
 * Reading JSON text a person wrote, without losing what `JSON.parse` drops silently: a key given twice in one object
 * (the last would win). Shared by the readers of rule files and of plan-change files.
 *
 * @module
 */

/** A key given twice in one object of a JSON text: its path, the key and the lines. */
export interface KeyTwice {
  readonly path: string;
  readonly key: string;
  readonly lines: readonly [number, number];
}

interface Frame {
  readonly array: boolean;
  /** Keys of an object so far, with the line each is given on. */
  readonly keys: Map<string, number>;
  /** The key whose value is being read, or the index of the element. */
  key: string | undefined;
  index: number;
  expectKey: boolean;
  /** The path of this object or array. */
  readonly path: string;
}

/** The first key given twice in one object of a text already known to be valid JSON, in one pass. */
export function keyGivenTwice(text: string): KeyTwice | undefined {
  const stack: Frame[] = [];
  let line = 1;
  /** The path of the value starting now, in the object or array on top of the stack. */
  const pathHere = (): string => {
    const top = stack.at(-1);
    if (!top) return "";
    if (top.array) return `${top.path}[${top.index}]`;
    const key = top.key ?? "";
    const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
    return top.path ? `${top.path}.${name}` : name;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34 /* " */) {
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 34) end += text.charCodeAt(end) === 92 ? 2 : 1;
      const top = stack.at(-1);
      if (top && !top.array && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const first = top.keys.get(key);
        top.key = key;
        if (first !== undefined) return { path: pathHere(), key, lines: [first, line] };
        top.keys.set(key, line);
        top.expectKey = false;
      }
      i = end;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      stack.push({ array: c === 91, keys: new Map(), key: undefined, index: 0, expectKey: c === 123, path: pathHere() });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
    } else if (c === 44 /* , */) {
      const top = stack.at(-1);
      if (top?.array) top.index++;
      else if (top) top.expectKey = true;
    }
  }
  return undefined;
}

/** The 1-based line of a position in a text. */
export function lineOf(text: string, position: number): number {
  let line = 1;
  for (let k = 0; k < position && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/**
 * The 1-based line each element of a top-level list starts on (`{ "amendments": [ {…}, {…} ] }`), for a text already
 * known to be valid JSON: what a problem found in an entry names.
 */
export function elementLines(text: string, list: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let key: string | undefined;
  let inList = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 32 || c === 9 || c === 13) continue;
    else if (c === 34 /* " */) {
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 34) end += text.charCodeAt(end) === 92 ? 2 : 1;
      if (depth === 1 && !expectValue) key = JSON.parse(text.slice(i, end + 1)) as string;
      else if (inList && depth === 2 && expectValue) lines.push(line);
      expectValue = false;
      i = end;
    } else if (c === 58 /* : */) expectValue = true;
    else if (c === 44 /* , */) expectValue = inList && depth === 2;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (inList && depth === 2 && expectValue) lines.push(line);
      if (depth === 1 && c === 91 && key === list) inList = true;
      depth++;
      expectValue = inList && depth === 2;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
      if (depth === 1) inList = false;
      expectValue = false;
    } else if (inList && depth === 2 && expectValue) {
      // A number, true, false or null as an element.
      lines.push(line);
      expectValue = false;
    }
  }
  return lines;
}

/**
 * JSON text parsed, a byte order mark removed: the value, or JSON.parse's message and the line its position points
 * at, for an error that names the line.
 */
export function parseJsonText(text: string): { readonly body: string } & ({ readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly message: string; readonly line?: number }) {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { body, ok: true, json: JSON.parse(body) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    return { body, ok: false, message, ...(at ? { line: lineOf(body, Number(at[1])) } : {}) };
  }
}
