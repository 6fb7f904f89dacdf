// Watches the decoded text of an event stream before it reaches the SSE parser: which text is a sign of life (any
// line but a `:` comment, so keep-alive comments alone still end in a stall), how large the event being read has
// grown (one event over the limit ends the call instead of filling memory), and whether the stream opened with an
// HTML page instead of events.

/** One SSE event larger than this is refused (a real chunk is a few hundred bytes). */
export const maxEventChars = 4 * 1024 * 1024;
/** How much of the stream's start is kept to recognise (and show) an HTML page. */
const startKept = 512;

const newline = 0x0a;
const carriageReturn = 0x0d;
const colon = 0x3a;
const giveUpFactor = 16;

export class SseTextWatch {
  private atLineStart = true;
  private inComment = false;
  private lineIsEmpty = true;
  private previousCode = -1;
  private eventChars = 0;
  private swallowing = false;
  /** The size of an event that went over the limit, once known (its end arrived, or counting gave up). */
  tooLargeEventChars: number | null = null;
  /** The first characters of the stream. */
  start = '';

  constructor(private readonly limit: number = maxEventChars) {}

  /**
   * Reads one piece of text. Returns whether it held anything but comments and blank lines, and what of it goes
   * on to the parser: an event over the limit is only counted, up to its end, and never reaches the parser.
   */
  read(text: string): { active: boolean; forward: string } {
    if (this.start.length < startKept) this.start += text.slice(0, startKept - this.start.length);
    let active = false;
    let forwardUpTo = this.swallowing ? 0 : text.length;
    for (let index = 0; index < text.length && this.tooLargeEventChars === null; index += 1) {
      const code = text.charCodeAt(index);
      const previous = this.previousCode;
      this.previousCode = code;
      if (code === newline || code === carriageReturn) {
        if (code === newline && previous === carriageReturn) continue; // one CRLF line ending
        // A blank line ends an event.
        if (this.lineIsEmpty) {
          if (this.swallowing) this.tooLargeEventChars = this.eventChars;
          this.eventChars = 0;
        }
        this.lineIsEmpty = true;
        this.atLineStart = true;
        this.inComment = false;
        continue;
      }
      if (this.atLineStart) {
        this.inComment = code === colon;
        this.atLineStart = false;
      }
      this.lineIsEmpty = false;
      if (this.inComment) continue;
      active = true;
      this.eventChars += 1;
      if (!this.swallowing && this.eventChars > this.limit) {
        this.swallowing = true;
        forwardUpTo = index;
      }
      // Counting an endless event would never end: past this, its size is reported as it stands.
      if (this.eventChars > this.limit * giveUpFactor) this.tooLargeEventChars = this.eventChars;
    }
    return { active, forward: text.slice(0, forwardUpTo) };
  }

  /** The stream ended: an event still being counted is as large as it got. */
  end(): void {
    if (this.swallowing && this.tooLargeEventChars === null) this.tooLargeEventChars = this.eventChars;
  }

  /** The stream began with markup, not events: an HTML page (a wrong base URL, a login or captive portal). */
  startsWithMarkup(): boolean {
    return this.start.trimStart().startsWith('<');
  }
}
