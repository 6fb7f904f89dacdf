// A tiny line/indentation builder shared by every generator, so each one only says *what* to write.

export class CodeBuilder {
  private readonly output: string[] = [];
  private depth = 0;

  constructor(private readonly indentUnit: string) {}

  /** Adds one line (or several, when text contains newlines) at the current indentation. */
  line(text = ''): this {
    for (const part of text.split('\n')) {
      this.output.push(part === '' ? '' : this.indentUnit.repeat(this.depth) + part);
    }
    return this;
  }

  /** Adds lines verbatim, without indentation (heredoc bodies must start at column 0). */
  raw(text: string): this {
    this.output.push(...text.split('\n'));
    return this;
  }

  /** Runs `write` one level deeper. */
  indented(write: () => void): this {
    this.depth += 1;
    try {
      write();
    } finally {
      this.depth -= 1;
    }
    return this;
  }

  /** A block opened by `opening` and closed by `closing`, with its content indented. */
  block(opening: string, write: () => void, closing?: string): this {
    this.line(opening);
    this.indented(write);
    if (closing !== undefined) this.line(closing);
    return this;
  }

  toString(): string {
    return this.output.join('\n') + '\n';
  }
}
