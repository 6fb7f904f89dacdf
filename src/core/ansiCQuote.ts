// Bash's ANSI-C quoting, $'…': the body is read with C-style backslash escapes (\n, \t, \x41, \u00e9, \101, \cA).
// The app's exported cURL script quotes bodies this way, so the curl importer must read it back.

const ansiEscapes: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** The text of a $'…' quote whose body starts at `start`, and the index of its closing quote; null when unclosed. */
export function readAnsiCQuote(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let index = start;
  for (;;) {
    if (index >= text.length) return null;
    const character = text.charAt(index);
    if (character === "'") break;
    if (character !== '\\') {
      value += character;
      index += 1;
      continue;
    }
    const escape = text.charAt(index + 1);
    const rest = text.slice(index + 2);
    const hex = (digits: number) => new RegExp(`^[0-9a-fA-F]{1,${digits}}`).exec(rest)?.[0] ?? '';
    if (escape in ansiEscapes) {
      value += ansiEscapes[escape] ?? '';
      index += 2;
    } else if (escape === 'x' || escape === 'u' || escape === 'U') {
      const digits = hex(escape === 'x' ? 2 : escape === 'u' ? 4 : 8);
      value += digits === '' ? `\\${escape}` : String.fromCodePoint(Math.min(parseInt(digits, 16), 0x10ffff));
      index += 2 + digits.length;
    } else if (escape >= '0' && escape <= '7') {
      const digits = /^[0-7]{1,3}/.exec(text.slice(index + 1))?.[0] ?? '0';
      value += String.fromCharCode(parseInt(digits, 8) & 0xff);
      index += 1 + digits.length;
    } else if (escape === 'c' && rest !== '') {
      value += String.fromCharCode(rest.charCodeAt(0) & 0x1f);
      index += 3;
    } else {
      value += '\\' + escape;
      index += 2;
    }
  }
  return { value, end: index };
}
