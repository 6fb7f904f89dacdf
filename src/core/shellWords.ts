// Just enough of the bash grammar to read a pasted curl command or the app's exported cURL script: words with
// '…', "…", $'…' (ANSI-C) and backslash quoting, `\` line continuations, comments, command separators, and
// heredocs (<<EOF, <<'EOF', <<-EOF) and here-strings (<<<). Nothing is expanded or run: "$VAR" stays as written
// and the word is marked as one a shell would expand. (`shell-quote` from npm splits words but knows no heredocs
// or $'…', which the exporter and pasted commands use, so this is a small tokenizer of its own.)
import { readAnsiCQuote } from './ansiCQuote';

export interface ShellWord {
  text: string;
  /** Contains an unquoted or double-quoted `$` or backtick: a shell would expand it; here it is kept as written. */
  expandable: boolean;
}

export interface Heredoc {
  delimiter: string;
  /** `<<'EOF'` / `<<"EOF"`: the body is taken literally by bash too. */
  quoted: boolean;
  body: string;
  /** The text ended before the delimiter line. */
  unterminated: boolean;
}

export interface ShellCommand {
  words: ShellWord[];
  /** Standard input from a heredoc or a here-string, when the command has one. */
  heredoc: Heredoc | null;
  hereString: ShellWord | null;
  /** `< file` and output redirections, as written. */
  redirections: string[];
}

export type ShellParseResult = { ok: true; commands: ShellCommand[] } | { ok: false; message: string };

class ShellScanner {
  private index = 0;
  private readonly commands: ShellCommand[] = [];
  private command: ShellCommand = emptyCommand();
  private word: ShellWord | null = null;
  /** What the next finished word is for: a heredoc delimiter, a here-string, a redirection target. */
  private pending:
    | { kind: 'heredoc'; stripTabs: boolean }
    | { kind: 'here-string' }
    | { kind: 'redirection'; operator: string }
    | null = null;
  private readonly heredocQueue: { command: ShellCommand; delimiter: string; quoted: boolean; stripTabs: boolean }[] =
    [];
  private wordQuoted = false;

  constructor(private readonly text: string) {}

  run(): ShellParseResult {
    const { text } = this;
    while (this.index < text.length) {
      const character = text.charAt(this.index);
      if (character === '\\') this.backslash();
      else if (character === "'") this.singleQuoted();
      else if (character === '$' && text.charAt(this.index + 1) === "'") this.ansiQuoted();
      else if (character === '"') this.doubleQuoted();
      else if (character === '#' && this.word === null) this.comment();
      else if (character === ' ' || character === '\t') this.finishWord(1);
      else if (character === '\n') this.newline();
      else if (character === ';' || character === '&' || character === '|') {
        this.finishWord(0);
        this.index += text.charAt(this.index + 1) === character ? 2 : 1;
        this.endCommand();
      } else if (character === '<' || character === '>') this.redirection();
      else {
        if (character === '$' || character === '`') this.current().expandable = true;
        this.current().text += character;
        this.index += 1;
      }
      if (this.failure) return { ok: false, message: this.failure };
    }
    this.finishWord(0);
    this.readHeredocs();
    this.endCommand();
    return { ok: true, commands: this.commands };
  }

  private failure: string | null = null;

  private current(): ShellWord {
    this.word ??= { text: '', expandable: false };
    return this.word;
  }

  private backslash(): void {
    const next = this.text.charAt(this.index + 1);
    if (next === '\n')
      this.index += 2; // line continuation
    else {
      if (next !== '') this.current().text += next;
      this.index += 2;
    }
  }

  private singleQuoted(): void {
    const end = this.text.indexOf("'", this.index + 1);
    if (end === -1) {
      this.failure = "A single quote (') is not closed — the command may have been cut off when it was copied.";
      return;
    }
    this.current().text += this.text.slice(this.index + 1, end);
    this.wordQuoted = true;
    this.index = end + 1;
  }

  private doubleQuoted(): void {
    const word = this.current();
    this.wordQuoted = true;
    let index = this.index + 1;
    for (;;) {
      if (index >= this.text.length) {
        this.failure = 'A double quote (") is not closed — the command may have been cut off when it was copied.';
        return;
      }
      const character = this.text.charAt(index);
      if (character === '"') break;
      if (character === '\\') {
        const next = this.text.charAt(index + 1);
        if (next === '\n') index += 2;
        else if ('$`"\\'.includes(next) && next !== '') {
          word.text += next;
          index += 2;
        } else {
          word.text += '\\';
          index += 1;
        }
        continue;
      }
      if (character === '$' || character === '`') word.expandable = true;
      word.text += character;
      index += 1;
    }
    this.index = index + 1;
  }

  private ansiQuoted(): void {
    const word = this.current();
    this.wordQuoted = true;
    const quote = readAnsiCQuote(this.text, this.index + 2);
    if (quote === null) {
      this.failure = "A $'…' quote is not closed — the command may have been cut off when it was copied.";
      return;
    }
    word.text += quote.value;
    this.index = quote.end + 1;
  }

  private comment(): void {
    const end = this.text.indexOf('\n', this.index);
    this.index = end === -1 ? this.text.length : end;
  }

  private redirection(): void {
    const { text } = this;
    // A file descriptor number right before the operator (2>, 1>) belongs to it, not to the command's words.
    if (this.word && !this.wordQuoted && /^\d+$/.test(this.word.text)) this.word = null;
    this.finishWord(0);
    if (text.startsWith('<<<', this.index)) {
      this.index += 3;
      this.pending = { kind: 'here-string' };
    } else if (text.startsWith('<<', this.index)) {
      const stripTabs = text.charAt(this.index + 2) === '-';
      this.index += stripTabs ? 3 : 2;
      this.pending = { kind: 'heredoc', stripTabs };
    } else {
      const operator = /^(<|>>|>&|>)/.exec(text.slice(this.index))?.[0] ?? '<';
      this.index += operator.length;
      this.pending = { kind: 'redirection', operator };
    }
  }

  /** Ends the word in progress (if any) and skips `advance` characters. */
  private finishWord(advance: number): void {
    this.index += advance;
    const word = this.word;
    const quoted = this.wordQuoted;
    this.word = null;
    this.wordQuoted = false;
    if (word === null) return;
    const pending = this.pending;
    this.pending = null;
    if (pending?.kind === 'heredoc') {
      this.heredocQueue.push({ command: this.command, delimiter: word.text, quoted, stripTabs: pending.stripTabs });
    } else if (pending?.kind === 'here-string') this.command.hereString = word;
    else if (pending?.kind === 'redirection') this.command.redirections.push(`${pending.operator} ${word.text}`);
    else this.command.words.push(word);
  }

  private newline(): void {
    this.finishWord(1);
    this.readHeredocs();
    this.endCommand();
  }

  /** After the line that started them, each pending heredoc takes the lines up to its delimiter. */
  private readHeredocs(): void {
    for (const heredoc of this.heredocQueue.splice(0)) {
      const lines: string[] = [];
      let unterminated = true;
      while (this.index < this.text.length) {
        const end = this.text.indexOf('\n', this.index);
        const rawLine = end === -1 ? this.text.slice(this.index) : this.text.slice(this.index, end);
        this.index = end === -1 ? this.text.length : end + 1;
        const line = heredoc.stripTabs ? rawLine.replace(/^\t+/, '') : rawLine;
        if (line === heredoc.delimiter) {
          unterminated = false;
          break;
        }
        lines.push(line);
      }
      const body = lines.length === 0 ? '' : lines.join('\n') + '\n';
      heredoc.command.heredoc = { delimiter: heredoc.delimiter, quoted: heredoc.quoted, body, unterminated };
    }
  }

  private endCommand(): void {
    if (this.command.words.length > 0 || this.command.heredoc || this.command.hereString)
      this.commands.push(this.command);
    this.command = emptyCommand();
    this.pending = null;
  }
}

function emptyCommand(): ShellCommand {
  return { words: [], heredoc: null, hereString: null, redirections: [] };
}

/** Splits shell text into commands and words (CRLF line endings are read as LF). */
export function parseShellCommands(text: string): ShellParseResult {
  return new ShellScanner(text.replace(/\r\n/g, '\n')).run();
}
