// Quoting helpers per target language. Every string a person typed reaches exported code only through these.

/**
 * Characters that must never appear raw inside a literal: controls, format characters (ZWJ, bidi overrides:
 * "trojan source"), private use, unassigned, lone surrogates, line/paragraph separators and unusual spaces.
 * Everything else (letters, CJK, emoji, symbols) stays readable.
 */
const invisibleCharacter = /[\p{C}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;
const invisibleCharacters = new RegExp(invisibleCharacter.source, 'gu');

function hex(codeUnit: number, width: number): string {
  return codeUnit.toString(16).padStart(width, '0');
}

function utf16Escapes(character: string, prefix: string): string {
  let escaped = '';
  for (let index = 0; index < character.length; index += 1) escaped += prefix + hex(character.charCodeAt(index), 4);
  return escaped;
}

/** Bash single-quoted word: nothing inside is expanded. Cannot carry NUL (bash strings end at NUL). */
export function bashSingleQuote(text: string): string {
  if (text.includes('\0')) throw new Error('A bash argument cannot contain a NUL character.');
  return "'" + text.replace(/'/g, "'\\''") + "'";
}

/** A JSON string literal whose invisible characters are \u escapes (JSON.stringify leaves U+2028, ZWJ… raw). */
export function jsonString(text: string): string {
  return JSON.stringify(text).replace(invisibleCharacters, (character) => utf16Escapes(character, '\\u'));
}

/** Code written as-is in place of a JSON value (e.g. a call that reads an image file). */
export class CodeExpression {
  constructor(readonly code: string) {}
}

/** How one language writes the JSON value kinds in a pretty-printed literal. */
export interface LiteralSyntax {
  indentUnit: string;
  /** Written for null, undefined and non-finite numbers. */
  nullLiteral: string;
  trueLiteral: string;
  falseLiteral: string;
  string: (text: string) => string;
  /** True: every item ends with a comma (Python); false: commas only between items (JSON). */
  commaAfterEveryItem: boolean;
  /** How a CodeExpression is written (JSON text marks it for the generator to split on; see expressionMarker). */
  expression: (code: string) => string;
}

/** A pretty-printed literal for a JSON value, one item per line, nested lines indented from `indent`. */
export function structuredLiteral(value: unknown, syntax: LiteralSyntax, indent = ''): string {
  if (value === null || value === undefined) return syntax.nullLiteral;
  if (value instanceof CodeExpression) return syntax.expression(value.code);
  if (typeof value === 'string') return syntax.string(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : syntax.nullLiteral;
  if (typeof value === 'boolean') return value ? syntax.trueLiteral : syntax.falseLiteral;
  const inner = indent + syntax.indentUnit;
  const items = Array.isArray(value)
    ? value.map((item) => structuredLiteral(item, syntax, inner))
    : Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => syntax.string(key) + ': ' + structuredLiteral(item, syntax, inner));
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return open + close;
  const lines = syntax.commaAfterEveryItem
    ? items.map((item) => inner + item + ',').join('\n')
    : items.map((item) => inner + item).join(',\n');
  return open + '\n' + lines + '\n' + indent + close;
}

const jsonSyntax: LiteralSyntax = {
  indentUnit: '  ',
  nullLiteral: 'null',
  trueLiteral: 'true',
  falseLiteral: 'false',
  string: jsonString,
  commaAfterEveryItem: false,
  expression: (code) => expressionMarker + code + expressionMarker,
};

/**
 * Brackets a CodeExpression inside JSON text. U+0001 never appears raw in jsonText output (jsonString escapes
 * every control character), so splitting on it finds exactly the expressions.
 */
export const expressionMarker = '\u0001';

/** JSON text cut into literal text (even indexes) and expression code (odd indexes). */
export function splitAtExpressions(text: string): string[] {
  return text.split(expressionMarker);
}

/** Pretty JSON (2-space indent) using jsonString for every key and string value. */
export function jsonText(value: unknown, indent = ''): string {
  return structuredLiteral(value, jsonSyntax, indent);
}

/** A double-quoted Python 3 string literal; invisible characters become \x, \u or \U escapes. */
export function pythonString(text: string): string {
  let literal = '"';
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (character === '\\') literal += '\\\\';
    else if (character === '"') literal += '\\"';
    else if (character === '\n') literal += '\\n';
    else if (character === '\r') literal += '\\r';
    else if (character === '\t') literal += '\\t';
    else if (codePoint < 0x20 || codePoint === 0x7f) literal += '\\x' + hex(codePoint, 2);
    else if (invisibleCharacter.test(character)) {
      literal += codePoint > 0xffff ? '\\U' + hex(codePoint, 8) : '\\u' + hex(codePoint, 4);
    } else literal += character;
  }
  return literal + '"';
}

/**
 * A Java string literal in pure ASCII, so the file compiles under any default encoding (javac -encoding
 * US-ASCII included). Java translates \uXXXX escapes *before* lexing, so \u is used only for characters that
 * are harmless after that translation (everything >= U+0080). Quotes, backslashes and controls use the
 * ordinary escapes (\" \\ \n, octal \000): a \u0022 or \u000a would end the literal, and a backslash written
 * as \\ keeps a following "u0022" in the text from being read as an escape.
 */
export function javaString(text: string): string {
  let literal = '"';
  for (let index = 0; index < text.length; index += 1) {
    const codeUnit = text.charCodeAt(index);
    const character = text[index] ?? '';
    if (character === '\\') literal += '\\\\';
    else if (character === '"') literal += '\\"';
    else if (character === '\n') literal += '\\n';
    else if (character === '\r') literal += '\\r';
    else if (character === '\t') literal += '\\t';
    else if (codeUnit < 0x20 || codeUnit === 0x7f) literal += '\\' + codeUnit.toString(8).padStart(3, '0');
    else if (codeUnit >= 0x80) literal += '\\u' + hex(codeUnit, 4);
    else literal += character;
  }
  return literal + '"';
}

/** Javac limits one string constant to 65535 bytes; 8000 UTF-16 units stay far below (3 bytes per unit). */
const javaChunkLength = 8000;

/**
 * A Java expression for text of any length: one literal, or String.join over literal pieces for long text
 * (a run-time join, because javac folds "a" + "b" into one constant that would again be too long).
 */
export function javaStringExpression(text: string): string {
  if (text.length <= javaChunkLength) return javaString(text);
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + javaChunkLength, text.length);
    // Keep surrogate pairs together so every piece is well-formed text on its own.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return 'String.join("",\n' + pieces.map((piece) => '        ' + javaString(piece)).join(',\n') + ')';
}

/** Text safe inside a comment in every target: no newline, no comment terminator, no backslash (Java \u). */
export function commentText(text: string): string {
  return text.replace(/[^A-Za-z0-9 ._:/@+,=()[\]-]/g, '?');
}
