// How a curl command's headers, data options and URL become the key, the body text and the endpoint of the
// import; everything left out is explained in `unmapped`.
import { chatCompletionsPath } from './endpoints';
import type { CurlCommand } from './curlImport';
import type { ShellCommand, ShellWord } from './shellWords';

const placeholderKeys = /^(your[-_ ]?(api[-_ ]?)?key|api[-_ ]?key|<[^>]*>|\[[^\]]*\]|\.\.\.|…|x+|\*+|sk-\.\.\.)$/i;
const variableReference = /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))$/;

export interface DataPart {
  kind: 'ascii' | 'raw' | 'binary' | 'json' | 'urlencode';
  value: ShellWord;
}

export function readHeader(header: string, result: CurlCommand, variables: Map<string, string>): void {
  const separator = header.indexOf(':');
  const name = (separator === -1 ? header : header.slice(0, separator)).trim();
  const value = separator === -1 ? '' : header.slice(separator + 1).trim();
  const lower = name.toLowerCase();
  if (lower === 'content-type' && /^application\/json\b/i.test(value)) return;
  if (lower === 'authorization') {
    const bearer = /^Bearer\s+(.+)$/i.exec(value);
    if (!bearer) {
      result.unmapped.push('The Authorization header is not "Bearer <key>", so it was not imported.');
      return;
    }
    const token = (bearer[1] ?? '').trim();
    const variable = variableReference.exec(token);
    const variableName = variable ? (variable[1] ?? variable[2] ?? '') : null;
    if (
      variableName !== null &&
      variables.has(variableName) &&
      !placeholderKeys.test(variables.get(variableName) ?? '')
    ) {
      result.apiKey = variables.get(variableName) ?? null;
    } else if (variableName !== null || placeholderKeys.test(token) || /[$`]/.test(token)) {
      result.keyPlaceholder = token;
    } else {
      result.apiKey = token;
    }
    return;
  }
  result.unmapped.push(`The header "${name}" was not imported (the playground sends its own headers).`);
}

export function bodyFrom(data: DataPart[], command: ShellCommand, unmapped: string[]): string | null {
  const parts: string[] = [];
  for (const { kind, value } of data) {
    if (kind === 'urlencode') {
      unmapped.push('--data-urlencode was not imported (the body must be JSON).');
      continue;
    }
    if (kind === 'raw' || !value.text.startsWith('@')) {
      if (value.expandable)
        unmapped.push('The body contains $ or ` that a shell would expand; it was imported exactly as written.');
      parts.push(value.text);
      continue;
    }
    const file = value.text.slice(1);
    if (file !== '-') {
      unmapped.push(
        `The body is read from the file "${file}", which cannot be opened here: paste its content with -d '…' instead.`,
      );
      continue;
    }
    const stdin = standardInput(command, unmapped);
    if (stdin === null) {
      unmapped.push(
        `${value.text} reads the body from standard input, but no heredoc (<<'EOF' … EOF) follows the command.`,
      );
      continue;
    }
    // curl -d @file drops carriage returns and newlines; --data-binary and --json send the file as it is.
    parts.push(kind === 'ascii' ? stdin.replace(/[\r\n]/g, '') : stdin);
  }
  return parts.length === 0 ? null : parts.join('&');
}

function standardInput(command: ShellCommand, unmapped: string[]): string | null {
  const { heredoc, hereString } = command;
  if (heredoc) {
    if (heredoc.unterminated)
      unmapped.push(
        `The heredoc has no closing "${heredoc.delimiter}" line; the rest of the text was used as the body.`,
      );
    if (!heredoc.quoted && /[$`]/.test(heredoc.body)) {
      unmapped.push(
        `The heredoc delimiter is not quoted (<<${heredoc.delimiter}), so a shell would expand $ and \` in the body; it was imported exactly as written.`,
      );
    }
    return heredoc.body;
  }
  if (hereString) return hereString.text + '\n';
  return null;
}

export function readUrl(result: CurlCommand): void {
  if (result.url === null) {
    result.unmapped.push('The command has no URL, so the endpoint was not changed.');
    return;
  }
  let url: URL;
  try {
    url = new URL(result.url);
  } catch {
    result.unmapped.push(`"${result.url}" is not a full URL, so the endpoint was not changed.`);
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    result.unmapped.push(`The URL's scheme ${url.protocol} is not supported, so the endpoint was not changed.`);
    return;
  }
  if (url.username !== '' || url.password !== '') {
    result.unmapped.push('The user name and password in the URL were not imported.');
    url.username = '';
    url.password = '';
  }
  if (url.search !== '' || url.hash !== '')
    result.unmapped.push(`The URL's query or fragment (${url.search}${url.hash}) was not imported.`);
  const path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith(chatCompletionsPath)) {
    result.unmapped.push(`The URL does not end in ${chatCompletionsPath}, so the endpoint was not taken from it.`);
    return;
  }
  result.baseUrl = url.origin + path.slice(0, -chatCompletionsPath.length);
}
