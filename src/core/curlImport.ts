// "Paste cURL": a curl command for the chat completions endpoint (the vendor docs' samples, or the app's own
// exported script with its heredoc body) → the request body text, the endpoint and the key it names. Pure: the
// dialog asks before the key or the endpoint is used, and lists everything in `unmapped`.
import { parseRequestJson, type ParsedRequest, type RequestJsonProblem } from './requestJson';
import { parseShellCommands, type ShellCommand, type ShellWord } from './shellWords';
import {
  dataOptions,
  harmlessFlags,
  harmlessWithArgument,
  secretOptions,
  shortFlagLetters,
  shortWithArgument,
  unmappedWithArgument,
} from './curlOptions';
import { bodyFrom, readHeader, readUrl, type DataPart } from './curlRequestParts';

export interface CurlCommand {
  /** The URL as written (credentials included, if any: only baseUrl is ever used). */
  url: string | null;
  /** The base URL to offer as the endpoint (no /chat/completions, no user:password@), or null when unusable. */
  baseUrl: string | null;
  bodyText: string | null;
  /** A literal key from `Authorization: Bearer …` (or a variable the script assigns). Offered only after asking. */
  apiKey: string | null;
  /** `$ZAI_API_KEY`-style placeholders (and docs samples like "your-api-key") are recognised, never offered. */
  keyPlaceholder: string | null;
  /** Everything that was not imported, in words a user understands. */
  unmapped: string[];
}

export type CurlParseResult = { ok: true; command: CurlCommand } | { ok: false; message: string };

const scriptBoilerplate = new Set(['set', ':', 'echo', 'printf', 'exit', 'true']);

function isCurl(word: ShellWord | undefined): boolean {
  return word !== undefined && /(^|\/)curl(\.exe)?$/i.test(word.text);
}

function describeCommand(command: ShellCommand): string {
  const text = command.words.map((word) => word.text).join(' ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Reads the first curl command in `text`; other commands of an exported script are skipped or listed. */
export function parseCurlCommand(text: string): CurlParseResult {
  if (text.trim() === '') return { ok: false, message: 'Paste a curl command first.' };
  const parsed = parseShellCommands(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const unmapped: string[] = [];
  const variables = new Map<string, string>();
  let curl: { words: ShellWord[]; command: ShellCommand } | null = null;

  for (const command of parsed.commands) {
    let words = command.words;
    if (words[0]?.text === 'export') words = words.slice(1);
    // Leading NAME=value words: variable assignments (the exporter's "Include my key" writes ZAI_API_KEY='…').
    while (words[0] && /^[A-Za-z_]\w*=/.test(words[0].text)) {
      const [name = '', ...value] = words[0].text.split('=');
      variables.set(name, value.join('='));
      words = words.slice(1);
    }
    if (words.length === 0) continue;
    if (isCurl(words[0])) {
      if (curl)
        unmapped.push(`Only the first curl command was imported; this one was not: ${describeCommand(command)}`);
      else curl = { words: words.slice(1), command };
    } else if (!scriptBoilerplate.has(words[0]?.text ?? '')) {
      unmapped.push(`Not a curl command, ignored: ${describeCommand(command)}`);
    }
  }
  if (!curl) return { ok: false, message: 'No curl command was found. Paste a command that starts with "curl".' };
  return { ok: true, command: readCurl(curl.words, curl.command, variables, unmapped) };
}

function readCurl(
  words: ShellWord[],
  command: ShellCommand,
  variables: Map<string, string>,
  unmapped: string[],
): CurlCommand {
  const result: CurlCommand = {
    url: null,
    baseUrl: null,
    bodyText: null,
    apiKey: null,
    keyPlaceholder: null,
    unmapped,
  };
  const data: DataPart[] = [];
  const headers: string[] = [];
  let method: string | null = null;

  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] as ShellWord;
    const option = word.text;
    const takeArgument = (): ShellWord | null => {
      index += 1;
      const argument = words[index];
      if (!argument) unmapped.push(`The option ${option} has no value.`);
      return argument ?? null;
    };
    if (!option.startsWith('-') || option === '-') {
      if (result.url === null) result.url = option;
      else unmapped.push(`Extra URL not imported: ${option}`);
      continue;
    }
    if (option.startsWith('--')) {
      const dataKind = dataOptions[option];
      if (dataKind) {
        const value = takeArgument();
        if (value) data.push({ kind: dataKind, value });
      } else if (option === '--header') {
        const value = takeArgument();
        if (value) headers.push(value.text);
      } else if (option === '--request') {
        method = takeArgument()?.text ?? method;
      } else if (option === '--url') {
        const value = takeArgument();
        if (value && result.url === null) result.url = value.text;
        else if (value) unmapped.push(`Extra URL not imported: ${value.text}`);
      } else if (harmlessFlags.has(option)) {
        // changes nothing in the request
      } else if (harmlessWithArgument.has(option)) {
        takeArgument();
      } else if (unmappedWithArgument.has(option)) {
        const value = takeArgument();
        // Credentials are named, never echoed.
        unmapped.push(
          secretOptions.has(option)
            ? `${option} (credentials) was not imported.`
            : `${option} ${value?.text ?? ''} was not imported.`,
        );
      } else {
        unmapped.push(`Unknown option ${option} was not imported.`);
      }
      continue;
    }
    // Short options: bundled flags (-sSN), and an argument attached (-XPOST) or in the next word.
    for (let position = 1; position < option.length; position += 1) {
      const letter = option.charAt(position);
      if (shortFlagLetters.has(letter)) continue;
      if (!shortWithArgument.has(letter)) {
        unmapped.push(`Unknown option -${letter} was not imported.`);
        continue;
      }
      const attached = option.slice(position + 1);
      const value: ShellWord | null =
        attached !== '' ? { text: attached, expandable: word.expandable } : takeArgument();
      if (value) applyShort(letter, value);
      break;
    }
  }

  function applyShort(letter: string, value: ShellWord): void {
    if (letter === 'd') data.push({ kind: 'ascii', value });
    else if (letter === 'H') headers.push(value.text);
    else if (letter === 'X') method = value.text;
    else if (secretOptions.has(`-${letter}`)) unmapped.push(`-${letter} (credentials) was not imported.`);
    else if (!['o', 'm', 'w'].includes(letter)) unmapped.push(`-${letter} ${value.text} was not imported.`);
  }

  if (method !== null && method.toUpperCase() !== 'POST')
    unmapped.push(`The method ${method} was not imported (chat completions are always POST).`);
  for (const header of headers) readHeader(header, result, variables);
  for (const redirection of command.redirections) unmapped.push(`The redirection "${redirection}" was not imported.`);
  result.bodyText = bodyFrom(data, command, unmapped);
  readUrl(result);
  return result;
}

export type CurlImportResult =
  | { ok: true; command: CurlCommand; request: ParsedRequest }
  | { ok: false; message: string; problems: RequestJsonProblem[]; command: CurlCommand | null };

/** The command and the request it carries, or what stops the import (nothing is changed either way). */
export function readCurlImport(text: string): CurlImportResult {
  const parsed = parseCurlCommand(text);
  if (!parsed.ok) return { ok: false, message: parsed.message, problems: [], command: null };
  const { command } = parsed;
  if (command.bodyText === null) {
    return {
      ok: false,
      message: 'The command has no JSON body (-d, --data, --data-raw, --data-binary or a heredoc).',
      problems: [],
      command,
    };
  }
  const request = parseRequestJson(command.bodyText);
  if (!request.ok)
    return {
      ok: false,
      message: 'The body of the command is not a request the playground can open:',
      problems: request.problems,
      command,
    };
  const { ok: _ok, ...parsedRequest } = request;
  return { ok: true, command, request: parsedRequest };
}
