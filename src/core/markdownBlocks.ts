// Splits a growing text into top-level blocks so a renderer can memoise every completed block and redo only the
// last, still-growing one per frame. Blocks are plain slices of the input: joined together they are the input.
import { Lexer, type Token } from 'marked';
import { findUnsafeRegion, type UnsafeReason } from './markdownSafety';
import { renderLimits } from './renderLimits';

export interface FencedCode {
  /** First word of the info string ('' when none). */
  language: string;
  code: string;
  /** False while the closing fence has not arrived yet. */
  closed: boolean;
}

export interface SourceBlock {
  /** The block's start offset as a string: stable for as long as the block exists. */
  readonly key: string;
  readonly start: number;
  readonly text: string;
  /** Present when the whole block is one fenced code block, so it can be shown without a Markdown parse. */
  readonly fencedCode?: FencedCode;
  /** Set when the block breaks a safety limit: it is shown as plain text and never parsed. */
  readonly unsafe?: UnsafeReason;
}

export interface BlockSplit {
  readonly source: string;
  readonly blocks: readonly SourceBlock[];
}

export const emptyBlockSplit: BlockSplit = { source: '', blocks: [] };

type TailSplitter = (text: string, from: number) => SourceBlock[];

/**
 * Reuses the completed blocks of `previous` when `text` extends `previous.source`, and re-splits only the tail:
 * from the start of the last block, or of the one before it while the last block's first line is unfinished
 * (until then it may still turn out to continue the previous block: "2" becoming "2. second" of a list).
 * Otherwise splits from scratch.
 */
/** `text.startsWith(prefix)`, but V8 compares equal strings far faster than it runs startsWith on long text. */
function extendsText(text: string, prefix: string): boolean {
  return text.length >= prefix.length && text.slice(0, prefix.length) === prefix;
}

function splitIncrementally(text: string, previous: BlockSplit, splitTail: TailSplitter): BlockSplit {
  if (text === previous.source) return previous;
  const oldBlocks = previous.blocks;
  let firstOpen = oldBlocks.length - 1;
  if (firstOpen > 0 && !oldBlocks[firstOpen]?.text.includes('\n')) firstOpen--;
  const firstOpenBlock = oldBlocks[firstOpen];
  if (firstOpenBlock === undefined || !extendsText(text, previous.source)) {
    return { source: text, blocks: splitTail(text, 0) };
  }
  const tail = splitTail(text, firstOpenBlock.start);
  // Tail blocks identical to previous ones keep their objects, so memoised renderers can skip them.
  tail.forEach((block, index) => {
    const old = oldBlocks[firstOpen + index];
    if (old !== undefined && old.start === block.start && old.text === block.text) tail[index] = old;
  });
  return { source: text, blocks: oldBlocks.slice(0, firstOpen).concat(tail) };
}

function makeBlock(text: string, start: number, end: number, fencedCode?: FencedCode): SourceBlock {
  const block = { key: String(start), start, text: text.slice(start, end) };
  return fencedCode === undefined ? block : { ...block, fencedCode };
}

// ---- Markdown -------------------------------------------------------------------------------------------------

const fenceOpening = /^ {0,3}(`{3,}|~{3,})/;
const fenceClosing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

function isFenceClosed(raw: string): boolean {
  const lines = raw.replace(/\n+$/, '').split('\n');
  if (lines.length < 2) return false;
  const opening = fenceOpening.exec(lines[0] ?? '')?.[1];
  const closing = fenceClosing.exec(lines.at(-1) ?? '')?.[1];
  return (
    opening !== undefined && closing !== undefined && closing[0] === opening[0] && closing.length >= opening.length
  );
}

function fencedCodeOf(token: Token, blockText: string): FencedCode | undefined {
  if (token.type !== 'code' || token.codeBlockStyle === 'indented') return undefined;
  // Only when the block is exactly this token (plus blank lines), so nothing else in it would go unrendered.
  if (!blockText.startsWith(token.raw) || blockText.slice(token.raw.length).trim() !== '') return undefined;
  const info = typeof token.lang === 'string' ? token.lang : '';
  // The renderer decodes escapes and character references in the info string; leave those blocks to it.
  if (/[&\\]/.test(info)) return undefined;
  const language = info.trim().split(/\s+/)[0] ?? '';
  const code = typeof token.text === 'string' ? token.text : '';
  return { language, code, closed: isFenceClosed(token.raw) };
}

/** marked reads `\r\n` and `\r` as `\n`; this maps offsets in the normalised text back to the original. */
function normaliseLineEndings(text: string): { normalised: string; originalOffset: (offset: number) => number } {
  if (!text.includes('\r')) return { normalised: text, originalOffset: (offset) => offset };
  const offsets: number[] = [];
  let normalised = '';
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '\r' && text[index + 1] === '\n') continue;
    offsets.push(index);
    normalised += char === '\r' ? '\n' : char;
  }
  offsets.push(text.length);
  return { normalised, originalOffset: (offset) => offsets[offset] ?? text.length };
}

const lexerOptions = { gfm: true } as const;

const footnoteDefinitionLine = /^ {0,3}\[\^[^\]\s]+\]:/;

/**
 * True while the last footnote definition in `text` may still take indented lines: marked knows no footnotes and
 * would make its later paragraphs (indented after a blank line) a code block of their own.
 */
function endsInOpenFootnote(text: string): boolean {
  const lines = text.split('\n');
  let index = lines.length - 1;
  while (index >= 0 && !footnoteDefinitionLine.test(lines[index] ?? '')) index--;
  if (index < 0) return false;
  for (let after = index + 1, previousBlank = false; after < lines.length; after++) {
    const line = lines[after] ?? '';
    const blank = line.trim() === '';
    if (!blank && previousBlank && !/^(?: {4}|\t)/.test(line)) return false;
    previousBlank = blank;
  }
  return true;
}

function splitLexedMarkdown(text: string, from: number, to: number): SourceBlock[] {
  const { normalised: tail, originalOffset } = normaliseLineEndings(text.slice(from, to));
  // Block-level lexing only: inline tokens are never needed to find block boundaries.
  const tokens = new Lexer(lexerOptions).blockTokens(tail);
  const starts: { start: number; token: Token }[] = [];
  let cursor = 0;
  for (const token of tokens) {
    let start = cursor;
    if (!tail.startsWith(token.raw, cursor)) {
      // marked drops link definitions from the token list; find where the next token really starts.
      start = tail.indexOf(token.raw, cursor);
      if (start === -1) break;
    }
    cursor = start + token.raw.length;
    const continuesFootnote =
      token.type === 'code' &&
      token.codeBlockStyle === 'indented' &&
      starts.length > 0 &&
      endsInOpenFootnote(tail.slice(starts.at(-1)?.start ?? 0, start));
    // Blank lines belong to the block before them.
    if (token.type !== 'space' && !continuesFootnote) starts.push({ start, token });
  }
  if (tail.length === 0) return [];
  if (starts.length === 0) return [makeBlock(text, from, to)];

  const blocks: SourceBlock[] = [];
  starts.forEach(({ start, token }, index) => {
    const blockStart = index === 0 ? 0 : start;
    const next = starts[index + 1];
    const blockEnd = next === undefined ? tail.length : next.start;
    const fencedCode = fencedCodeOf(token, tail.slice(blockStart, blockEnd));
    blocks.push(makeBlock(text, from + originalOffset(blockStart), from + originalOffset(blockEnd), fencedCode));
  });
  return blocks;
}

/** Lexes the tail, except stretches beyond the safety limits: each of those becomes one block of plain text. */
function splitMarkdownTail(text: string, from: number): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  for (let start = from; start < text.length;) {
    const region = findUnsafeRegion(text.slice(start));
    if (region === null) return blocks.concat(splitLexedMarkdown(text, start, text.length));
    blocks.push(...splitLexedMarkdown(text, start, start + region.start));
    blocks.push({ ...makeBlock(text, start + region.start, start + region.end), unsafe: region.reason });
    start += region.end;
  }
  return blocks;
}

/** Splits Markdown into top-level blocks, reusing the completed blocks of `previous` when `text` extends it. */
export function splitMarkdownBlocks(text: string, previous: BlockSplit = emptyBlockSplit): BlockSplit {
  return splitIncrementally(text, previous, splitMarkdownTail);
}

/** True when the last block of `split` is too large to format: it is shown plain, and may still be growing. */
export function endsInBlockTooLargeToFormat(split: BlockSplit): boolean {
  return (split.blocks.at(-1)?.text.length ?? 0) > renderLimits.maxFormattedBlockCharacters;
}

/**
 * True when a growing `text`, which extends `previous`, need not be split again yet: the last block of the last split
 * is too large to format (shown plain whatever follows), and the text since holds no blank line (where such a block
 * may end) and has not grown by half that block. Lexing the block costs in proportion to its length: a table of
 * hundreds of kilobytes lexed again on every frame was the longest work of a frame.
 */
function waitsForMoreText(text: string, previous: BlockSplit): boolean {
  const open = previous.blocks.at(-1);
  if (open === undefined || !endsInBlockTooLargeToFormat(previous)) return false;
  const splitSoFar = previous.source.length;
  return !text.includes('\n\n', Math.max(0, splitSoFar - 1)) && text.length - splitSoFar < open.text.length / 2;
}

/** How far into a text to split now, and whether that is short of its end only to wait for more text. */
export interface NextSplit {
  end: number;
  waiting: boolean;
}

/**
 * How far into `text` to split now, given the split made last: all of it when no more than `budget` characters are
 * new, otherwise `budget` characters more (the rest in the next frames). Text that does not extend the last split
 * starts again from its beginning. A last block already too large to format is shown plain whatever follows, so the
 * rest is split at once rather than lexing that block again at every step, and while the text still `grows`, not
 * before it has to (see waitsForMoreText): then it is the last split's end, and `waiting`.
 */
export function nextSplit(
  text: string,
  previous: BlockSplit,
  budget: number = renderLimits.splitCharactersPerFrame,
  grows = false,
): NextSplit {
  // Compared once: for a reply of megabytes this comparison is the costly part.
  if (!extendsText(text, previous.source)) return { end: Math.min(text.length, budget), waiting: false };
  if (grows && waitsForMoreText(text, previous)) return { end: previous.source.length, waiting: true };
  if (endsInBlockTooLargeToFormat(previous)) return { end: text.length, waiting: false };
  return { end: Math.min(text.length, previous.source.length + budget), waiting: false };
}

// ---- Plain text (reasoning) -----------------------------------------------------------------------------------

/** A paragraph longer than this is also split at single line breaks, so no block grows without bound. */
export const plainTextSoftLimit = 1200;

function splitPlainTail(text: string, from: number): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let blockStart = from;
  let newline = text.indexOf('\n', from);
  while (newline !== -1) {
    let runEnd = newline;
    while (text.charCodeAt(runEnd) === 10) runEnd++;
    // A boundary needs text after the line breaks: until then more breaks may still join the run.
    if (runEnd < text.length && (runEnd - newline >= 2 || runEnd - blockStart >= plainTextSoftLimit)) {
      blocks.push(makeBlock(text, blockStart, runEnd));
      blockStart = runEnd;
    }
    newline = text.indexOf('\n', runEnd);
  }
  if (blockStart < text.length) blocks.push(makeBlock(text, blockStart, text.length));
  return blocks;
}

/** Splits plain text into paragraphs (blank-line separated; long ones also at line breaks), incrementally. */
export function splitTextBlocks(text: string, previous: BlockSplit = emptyBlockSplit): BlockSplit {
  return splitIncrementally(text, previous, splitPlainTail);
}

/** Remembers the previous split, so each call only re-splits the tail. */
export interface BlockSplitter {
  split(text: string): BlockSplit;
  /** The split made last. */
  last(): BlockSplit;
}

export function createBlockSplitter(kind: 'markdown' | 'text'): BlockSplitter {
  const splitFunction = kind === 'markdown' ? splitMarkdownBlocks : splitTextBlocks;
  let previous = emptyBlockSplit;
  return {
    split(text) {
      previous = splitFunction(text, previous);
      return previous;
    },
    last: () => previous,
  };
}
