// Where things are in a JSON text: the offset of every value by path, and a syntax error's offset. JSON.parse
// stays the source of values (exact semantics); this scanner only answers "which line is messages[2].role on?"
// with the same words in every browser.

import { childPath } from './jsonPaths';

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

export interface JsonLocations {
  /** Offset of each value (objects and arrays included), keyed by path ("messages[2].role", "" for the root). */
  values: Map<string, number>;
  /** Keys that appear twice in one object (JSON.parse silently keeps the last). */
  duplicateKeys: { path: string; offset: number }[];
}

class Scanner {
  index = 0;
  readonly values = new Map<string, number>();
  readonly duplicateKeys: { path: string; offset: number }[] = [];

  constructor(private readonly text: string) {}

  fail(message: string, offset = this.index): never {
    throw Object.assign(new Error(message), { offset });
  }

  skipSpace(): void {
    while (this.index < this.text.length && ' \t\n\r'.includes(this.text.charAt(this.index))) this.index += 1;
  }

  describeHere(): string {
    if (this.index >= this.text.length) return 'the text ended too early';
    return `unexpected ${JSON.stringify(this.text.charAt(this.index))}`;
  }

  value(path: string): void {
    this.skipSpace();
    this.values.set(path, this.index);
    const character = this.text.charAt(this.index);
    if (character === '{') this.object(path);
    else if (character === '[') this.array(path);
    else if (character === '"') this.string();
    else if (character === '-' || (character >= '0' && character <= '9')) this.number();
    else if (this.text.startsWith('true', this.index)) this.index += 4;
    else if (this.text.startsWith('false', this.index)) this.index += 5;
    else if (this.text.startsWith('null', this.index)) this.index += 4;
    else this.fail(`Expected a value: ${this.describeHere()}.`);
  }

  object(path: string): void {
    this.index += 1;
    const seen = new Set<string>();
    this.skipSpace();
    if (this.text.charAt(this.index) === '}') {
      this.index += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text.charAt(this.index) !== '"') this.fail(`Expected a quoted property name: ${this.describeHere()}.`);
      const keyStart = this.index;
      const key = this.string();
      const keyPath = childPath(path, key);
      if (seen.has(key)) this.duplicateKeys.push({ path: keyPath, offset: keyStart });
      seen.add(key);
      this.skipSpace();
      if (this.text.charAt(this.index) !== ':')
        this.fail(`Expected ":" after the property name: ${this.describeHere()}.`);
      this.index += 1;
      this.value(keyPath);
      this.skipSpace();
      const next = this.text.charAt(this.index);
      this.index += 1;
      if (next === '}') return;
      if (next !== ',') this.fail(`Expected "," or "}": ${this.describeAt(this.index - 1)}.`, this.index - 1);
      this.skipSpace();
      if (this.text.charAt(this.index) === '}') this.fail('A trailing comma is not allowed in JSON.', this.index);
    }
  }

  array(path: string): void {
    this.index += 1;
    this.skipSpace();
    if (this.text.charAt(this.index) === ']') {
      this.index += 1;
      return;
    }
    for (let item = 0; ; item += 1) {
      this.value(childPath(path, item));
      this.skipSpace();
      const next = this.text.charAt(this.index);
      this.index += 1;
      if (next === ']') return;
      if (next !== ',') this.fail(`Expected "," or "]": ${this.describeAt(this.index - 1)}.`, this.index - 1);
      this.skipSpace();
      if (this.text.charAt(this.index) === ']') this.fail('A trailing comma is not allowed in JSON.', this.index);
    }
  }

  describeAt(offset: number): string {
    if (offset >= this.text.length) return 'the text ended too early';
    return `unexpected ${JSON.stringify(this.text.charAt(offset))}`;
  }

  string(): string {
    const start = this.index;
    this.index += 1;
    for (;;) {
      if (this.index >= this.text.length) this.fail('A string is not closed (missing ").', start);
      const code = this.text.charCodeAt(this.index);
      if (code === 0x22) break;
      if (code < 0x20)
        this.fail('A string contains a raw control character or line break; write it as \\n, \\t or \\u00XX.');
      if (code === 0x5c) {
        const escape = this.text.charAt(this.index + 1);
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.index + 2, this.index + 6)))
            this.fail('Invalid \\u escape (needs four hex digits).');
          this.index += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(escape) || escape === '') this.fail(`Invalid escape "\\${escape}" in a string.`);
        this.index += 2;
        continue;
      }
      this.index += 1;
    }
    this.index += 1;
    return JSON.parse(this.text.slice(start, this.index)) as string;
  }

  number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.index, this.index + 400));
    if (!match || match[0] === '-') this.fail('Invalid number.');
    this.index += match[0].length;
  }
}

/** Scans `text` as JSON: the locations of its values, or where (and why) it is not valid JSON. */
export function locateJson(
  text: string,
): { ok: true; locations: JsonLocations } | { ok: false; error: JsonSyntaxError } {
  const scanner = new Scanner(text);
  try {
    scanner.value('');
    scanner.skipSpace();
    if (scanner.index < text.length) scanner.fail(`Unexpected text after the JSON value: ${scanner.describeHere()}.`);
  } catch (error) {
    const offset =
      typeof (error as { offset?: unknown }).offset === 'number' ? (error as { offset: number }).offset : 0;
    return { ok: false, error: { offset, message: error instanceof Error ? error.message : String(error) } };
  }
  return { ok: true, locations: { values: scanner.values, duplicateKeys: scanner.duplicateKeys } };
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: end - lineStart + 1 };
}
