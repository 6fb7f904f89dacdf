import { Lexer } from 'marked';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createBlockSplitter,
  plainTextSoftLimit,
  emptyBlockSplit,
  nextSplit,
  splitMarkdownBlocks,
  splitTextBlocks,
  type BlockSplit,
} from '../../src/core/markdownBlocks';
import { renderLimits } from '../../src/core/renderLimits';

/** A reply like the benchmark's: headings, paragraphs, lists, tables, code blocks, quotes, rules. */
function longReply(targetLength: number): string {
  const languages = ['js', 'python', 'ts', 'bash', 'json', 'go', 'rust', 'sql', ''];
  let text = '';
  for (let section = 0; text.length < targetLength; section++) {
    const language = languages[section % languages.length] ?? '';
    text +=
      `## Section ${section}: results\n\n` +
      `Paragraph ${section} with **bold**, _emphasis_, \`inline code\` and a [link](https://example.com/${section}).\n` +
      `A second line of the same paragraph continues here.\n\n` +
      `- item one\n- item two with \`code\`\n  - nested item\n- item three\n\n` +
      `1. first\n\n2. second (loose list)\n\n3. third\n\n` +
      `| Name | Value | Note |\n|:-----|------:|:----:|\n| a${section} | ${section * 3} | ok |\n| b | 2 | fine |\n\n` +
      '```' +
      language +
      `\nfunction f${section}(x) {\n  return x * ${section};\n}\n\n// blank line above stays inside\n` +
      '```\n\n' +
      `> A quote about section ${section}\n> on two lines.\n\n` +
      (section % 3 === 0 ? '---\n\n' : '') +
      `Closing sentence ${section}.\n\n`;
  }
  return text;
}

const samples: Record<string, string> = {
  empty: '',
  'only blank lines': '\n\n\n',
  'heading and paragraph': '# Title\n\nSome text.\n',
  'setext heading': 'Title\n=====\n\nText\n---\nMore',
  'lists and nested lists': '- a\n- b\n  - c\n\n1. one\n2. two\n\n* x\n\n* y\n',
  table: '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nafter',
  'open fenced code': 'Intro\n\n```python\ndef f():\n\n    return 1\n',
  'tilde fence with backticks inside': '~~~\n```\nnot closed by this\n```\n~~~\nafter',
  'indented code': 'para\n\n    code line\n\n    more code\n\nend',
  'html is just text': '<div>\n<script>alert(1)</script>\n</div>\n\n<img src=x onerror=alert(1)>\n',
  'link definitions': 'See [docs][d].\n\n[d]: https://example.com\n\n[e]: https://example.org\nEnd',
  'CRLF line endings': '# A\r\n\r\npara\r\nline\r\n\r\n- x\r\n- y\r\n',
  'lone CR': 'a\r\rb\rc',
  'no trailing newline': 'last paragraph without newline',
  'leading blank lines': '\n\n  \n# Heading\n',
  'benchmark-style mix': longReply(100_000),
};

function joined(split: BlockSplit): string {
  return split.blocks.map((block) => block.text).join('');
}

/** Feeds `text` to an incremental splitter in uneven chunks, returning every intermediate split. */
function streamInChunks(text: string, chunkSizes: readonly number[]): { prefix: string; split: BlockSplit }[] {
  const splitter = createBlockSplitter('markdown');
  const steps: { prefix: string; split: BlockSplit }[] = [];
  for (let end = 0, index = 0; end < text.length; index++) {
    end = Math.min(text.length, end + (chunkSizes[index % chunkSizes.length] ?? 1));
    const prefix = text.slice(0, end);
    steps.push({ prefix, split: splitter.split(prefix) });
  }
  return steps;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('splitMarkdownBlocks', () => {
  it.each(Object.entries(samples))('joins back to exactly the input: %s', (_name, text) => {
    expect(joined(splitMarkdownBlocks(text))).toBe(text);
  });

  it('joins back to exactly every prefix while the 100K reply streams in uneven chunks', () => {
    const text = longReply(100_000);
    const steps = streamInChunks(text, [1, 7, 3, 40, 13, 250, 2]);
    const broken = steps.filter(({ prefix, split }) => joined(split) !== prefix);
    expect(broken).toEqual([]);
    expect(steps.at(-1)?.prefix).toBe(text);
  });

  it('ends a stream with the same blocks as splitting the whole text at once', () => {
    const text = longReply(30_000);
    const streamed = streamInChunks(text, [5, 1, 31, 9]).at(-1)?.split;
    const boundaries = (split: BlockSplit | undefined) => split?.blocks.map((block) => block.start);
    expect(boundaries(streamed)).toEqual(boundaries(splitMarkdownBlocks(text)));
  });

  it('gives each top-level construct its own block', () => {
    const text = '# Title\n\nPara.\n\n- a\n- b\n\n| a |\n|---|\n| 1 |\n\n```js\nx\n```\n\n> quote\n';
    expect(splitMarkdownBlocks(text).blocks.map((block) => block.text)).toEqual([
      '# Title\n\n',
      'Para.\n\n',
      '- a\n- b\n\n',
      '| a |\n|---|\n| 1 |\n\n',
      '```js\nx\n```\n\n',
      '> quote\n',
    ]);
  });

  it('keeps a loose list with blank lines between items in one block', () => {
    const split = splitMarkdownBlocks('1. first\n\n2. second\n\n3. third\n');
    expect(split.blocks).toHaveLength(1);
  });

  it('lets a half-arrived line still join the list before it ("2" becoming "2. second")', () => {
    const splitter = createBlockSplitter('markdown');
    splitter.split('1. first\n\n2');
    const split = splitter.split('1. first\n\n2. second\n\nAfter.');
    expect(split.blocks.map((block) => block.text)).toEqual(['1. first\n\n2. second\n\n', 'After.']);
  });

  it('keeps a still-open fenced code block whole, even with blank lines and Markdown-like lines inside', () => {
    const text = 'Intro\n\n```python\ndef f():\n\n# not a heading\n- not a list\n';
    const blocks = splitMarkdownBlocks(text).blocks;
    expect(blocks.map((block) => block.text)).toEqual([
      'Intro\n\n',
      '```python\ndef f():\n\n# not a heading\n- not a list\n',
    ]);
    expect(blocks[1]?.fencedCode).toEqual({
      language: 'python',
      code: 'def f():\n\n# not a heading\n- not a list',
      closed: false,
    });
  });

  it('marks a fenced code block closed once its closing fence arrives', () => {
    const open = splitMarkdownBlocks('```ts\nconst a = 1;\n');
    const closed = splitMarkdownBlocks('```ts\nconst a = 1;\n```\n', open);
    expect(open.blocks[0]?.fencedCode?.closed).toBe(false);
    expect(closed.blocks[0]?.fencedCode).toEqual({ language: 'ts', code: 'const a = 1;', closed: true });
  });

  it('does not take a shorter fence as the end of a longer one', () => {
    const block = splitMarkdownBlocks('````md\n```\ninner\n```\n').blocks[0];
    expect(block?.fencedCode?.closed).toBe(false);
    expect(block?.fencedCode?.code).toBe('```\ninner\n```');
  });

  it('reuses the completed blocks of the previous split as the same objects', () => {
    const first = splitMarkdownBlocks('# A\n\nPara one.\n\nPara t');
    const second = splitMarkdownBlocks('# A\n\nPara one.\n\nPara two, longer', first);
    expect(second.blocks.map((block) => block.text)).toEqual(['# A\n\n', 'Para one.\n\n', 'Para two, longer']);
    expect(second.blocks[0]).toBe(first.blocks[0]);
    expect(second.blocks[1]).toBe(first.blocks[1]);
    expect(second.blocks[2]).not.toBe(first.blocks[2]);
    expect(second.blocks[2]?.key).toBe(first.blocks[2]?.key);
  });

  it('lexes only the last block or two when the text grows', () => {
    const text = longReply(20_000);
    const lexed: number[] = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the spied lexer as `this`
    const original = Lexer.prototype.blockTokens;
    vi.spyOn(Lexer.prototype, 'blockTokens').mockImplementation(function (this: Lexer, source: string, ...rest: []) {
      lexed.push(source.length);
      return original.call(this, source, ...rest);
    });
    const steps = streamInChunks(text, [20]);
    // Nested calls (list items) are smaller than their list; the top-level call is what matters.
    const largestLexed = Math.max(...lexed);
    const lengths = steps.at(-1)?.split.blocks.map((block) => block.text.length) ?? [];
    const largestPair = Math.max(...lengths.map((length, index) => length + (lengths[index + 1] ?? 0)));
    expect(largestLexed).toBeLessThanOrEqual(largestPair + 20);
    expect(largestLexed).toBeLessThan(text.length / 20);
  });

  it('splits from scratch when the text no longer extends the previous one (a regenerated reply)', () => {
    const first = splitMarkdownBlocks('# Old\n\nold text\n');
    const second = splitMarkdownBlocks('New text\n\n- item\n', first);
    expect(second.blocks.map((block) => block.text)).toEqual(['New text\n\n', '- item\n']);
  });

  it('returns the previous split unchanged for the same text', () => {
    const first = splitMarkdownBlocks('a\n\nb');
    expect(splitMarkdownBlocks('a\n\nb', first)).toBe(first);
  });

  it('gives every block a unique key', () => {
    const blocks = splitMarkdownBlocks(longReply(50_000)).blocks;
    expect(new Set(blocks.map((block) => block.key)).size).toBe(blocks.length);
  });
});

describe('nextSplit: how much of a reply to split in one frame', () => {
  const text = longReply(100_000);

  it('splits all of the text when no more than the budget is new since the last split', () => {
    const previous = splitMarkdownBlocks(text.slice(0, text.length - 9_000));
    expect(nextSplit(text, previous, 10_000).end).toBe(text.length);
  });

  it('splits the budget’s worth more when more is new, the rest in the next frames', () => {
    const previous = splitMarkdownBlocks(text.slice(0, 50_000));
    expect(nextSplit(text, previous, 10_000).end).toBe(60_000);
    expect(nextSplit(text, emptyBlockSplit, 10_000).end).toBe(10_000);
  });

  it('starts from the beginning of a text that does not extend the last split', () => {
    const previous = splitMarkdownBlocks(`Another reply. ${text.slice(0, 50_000)}`);
    expect(nextSplit(text, previous, 10_000).end).toBe(10_000);
  });

  it('splits the rest at once when the last block is already too large to format, instead of lexing it again per step', () => {
    const paragraph = 'word '.repeat(renderLimits.maxFormattedBlockCharacters / 4);
    const previous = splitMarkdownBlocks(paragraph);
    expect(nextSplit(`${paragraph}${'more words '.repeat(10_000)}`, previous, 10_000).end).toBe(
      paragraph.length + 'more words '.length * 10_000,
    );
  });
});

describe('nextSplit while the text grows: a reply behind a block too large to format', () => {
  const row = '| cell | cell | cell |\n';
  const table = `| a | b | c |\n| --- | --- | --- |\n${row.repeat(Math.ceil(renderLimits.maxFormattedBlockCharacters / row.length) + 10)}`;
  const previous = splitMarkdownBlocks(table);

  it('is not split again for a few more rows: lexing the whole table again each frame is the cost', () => {
    const more = table + row.repeat(20);
    expect(nextSplit(more, previous, 10_000, true).waiting).toBe(true);
    expect(nextSplit(more, previous, 10_000, true).end).toBe(table.length);
  });

  it('is split again at once when the new text holds a blank line, where the table may have ended', () => {
    const ended = `${table}${row}\n## Next section\n`;
    expect(nextSplit(ended, previous, 10_000, true).waiting).toBe(false);
    expect(nextSplit(ended, previous, 10_000, true).end).toBe(ended.length);
  });

  it('is split again once it has grown by half the block', () => {
    const grown = table + row.repeat(Math.ceil(table.length / 2 / row.length));
    expect(nextSplit(grown, previous, 10_000, true).waiting).toBe(false);
  });

  it('is split to the end once the text no longer grows', () => {
    const more = table + row.repeat(20);
    expect(nextSplit(more, previous, 10_000, false).end).toBe(more.length);
  });

  it('never waits behind a block that can be formatted', () => {
    const short = splitMarkdownBlocks('| a |\n| --- |\n| 1 |\n');
    expect(nextSplit('| a |\n| --- |\n| 1 |\n| 2 |\n', short, 10_000, true).waiting).toBe(false);
  });
});

describe('splitTextBlocks', () => {
  it('splits at blank lines and joins back to exactly the input', () => {
    const text = 'First thought.\nStill first.\n\nSecond thought.\n\n\nThird.';
    const split = splitTextBlocks(text);
    expect(split.blocks.map((block) => block.text)).toEqual([
      'First thought.\nStill first.\n\n',
      'Second thought.\n\n\n',
      'Third.',
    ]);
    expect(joined(split)).toBe(text);
  });

  it('does not start an empty block for line breaks at the end of the text', () => {
    expect(splitTextBlocks('Thinking.\n\n').blocks.map((block) => block.text)).toEqual(['Thinking.\n\n']);
  });

  it('also splits a long paragraph at single line breaks once it passes the soft limit', () => {
    const line = 'x'.repeat(99) + '\n';
    const text = line.repeat(30);
    const split = splitTextBlocks(text);
    expect(split.blocks.length).toBeGreaterThan(1);
    expect(Math.max(...split.blocks.map((block) => block.text.length))).toBeLessThanOrEqual(
      plainTextSoftLimit + line.length,
    );
    expect(joined(split)).toBe(text);
  });

  it('keeps completed paragraphs as the same objects while text streams in', () => {
    const splitter = createBlockSplitter('text');
    const first = splitter.split('One.\n\nTw');
    const second = splitter.split('One.\n\nTwo and more.\n\nThree');
    expect(second.blocks[0]).toBe(first.blocks[0]);
    expect(second.blocks.map((block) => block.text)).toEqual(['One.\n\n', 'Two and more.\n\n', 'Three']);
  });

  it('joins back to exactly every prefix of 20,000 characters of reasoning streamed in chunks', () => {
    const paragraph = (index: number) => `Step ${index}: consider the case carefully.\n`.repeat((index % 5) + 1);
    let text = '';
    for (let index = 0; text.length < 20_000; index++) text += paragraph(index) + (index % 4 === 0 ? '\n' : '\n\n');
    const splitter = createBlockSplitter('text');
    const mismatches: number[] = [];
    for (let end = 0; end < text.length;) {
      end = Math.min(text.length, end + 17);
      if (joined(splitter.split(text.slice(0, end))) !== text.slice(0, end)) mismatches.push(end);
    }
    expect(mismatches).toEqual([]);
  });
});
