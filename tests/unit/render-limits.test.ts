// Which replies and blocks are too large to format: the thresholds, the note and the plain-text chunks.
import { describe, expect, it } from 'vitest';
import {
  blocksWithinBudget,
  blockTooLargeToFormat,
  formattingWeight,
  liveBlockTooLargeToFormat,
  renderLimits,
  replyTooLargeToFormat,
  tableCellCount,
  textChunks,
  tooLargeToFormatNote,
} from '../../src/core/renderLimits';
import { shownPart } from '../../src/core/textPreview';

function table(rows: number, columns: number): string {
  const row = `|${' cell |'.repeat(columns)}\n`;
  return `|${' head |'.repeat(columns)}\n|${'---|'.repeat(columns)}\n${row.repeat(rows)}`;
}

describe('blocks too large to format', () => {
  it('formats an ordinary table and a paragraph of ordinary length', () => {
    expect(blockTooLargeToFormat(table(20, 5))).toBe(false);
    expect(blockTooLargeToFormat('word '.repeat(1000))).toBe(false);
  });

  it('shows a table of 2,000 rows by 20 columns as plain text', () => {
    expect(tableCellCount(table(2000, 20))).toBeGreaterThan(renderLimits.maxFormattedTableCells);
    expect(blockTooLargeToFormat(table(2000, 20))).toBe(true);
  });

  it('shows a block just over the character limit as plain text, and one at the limit formatted', () => {
    expect(blockTooLargeToFormat('a'.repeat(renderLimits.maxFormattedBlockCharacters))).toBe(false);
    expect(blockTooLargeToFormat('a'.repeat(renderLimits.maxFormattedBlockCharacters + 1))).toBe(true);
  });
});

describe('the block still streaming', () => {
  it('is formatted up to the live block limit, and shown plain past it', () => {
    expect(liveBlockTooLargeToFormat('a'.repeat(renderLimits.maxLiveBlockCharacters))).toBe(false);
    expect(liveBlockTooLargeToFormat('a'.repeat(renderLimits.maxLiveBlockCharacters + 1))).toBe(true);
  });

  it('gets its share of the limit when several replies stream side by side', () => {
    const quarter = 'a'.repeat(renderLimits.maxLiveBlockCharacters / 4 + 1);
    expect(liveBlockTooLargeToFormat(quarter)).toBe(false);
    expect(liveBlockTooLargeToFormat(quarter, 1 / 4)).toBe(true);
  });

  it('is shown plain sooner when it is dense with emphasis markers, each of which makes an element', () => {
    const dense = '*word* '.repeat(Math.floor(renderLimits.maxLiveBlockCharacters / 14));
    expect(dense.length).toBeLessThan(renderLimits.maxLiveBlockCharacters);
    expect(liveBlockTooLargeToFormat(dense)).toBe(true);
    expect(liveBlockTooLargeToFormat('word '.repeat(Math.floor(renderLimits.maxLiveBlockCharacters / 14)))).toBe(false);
  });
});

describe('formattingWeight', () => {
  it('counts each emphasis, strikethrough or link marker beyond its character', () => {
    expect(formattingWeight('plain words')).toBe('plain words'.length);
    expect(formattingWeight('*a* [b](c)')).toBe(10 + 4 * renderLimits.formattingCharactersPerMarker);
  });

  it('counts each table cell separator beyond its character', () => {
    expect(formattingWeight('| a | b |')).toBe(9 + 3 * renderLimits.formattingCharactersPerMarker);
  });
});

describe('blocks formatted per frame', () => {
  const blocks = (...lengths: number[]) => lengths.map((length) => ({ text: 'a'.repeat(length) }));

  it('formats every block that fits in the budget at once', () => {
    expect(blocksWithinBudget(blocks(10, 10, 10), 0, 100, 0)).toBe(3);
  });

  it('stops before the block that would go over the budget', () => {
    expect(blocksWithinBudget(blocks(40, 40, 40), 0, 100, 0)).toBe(2);
  });

  it('always formats one block more than before, however long', () => {
    expect(blocksWithinBudget(blocks(500, 10), 0, 100, 0)).toBe(1);
  });

  it('counts the last block shown before against the budget, since it may have grown', () => {
    expect(blocksWithinBudget(blocks(10, 95, 10, 10), 2, 100, 0)).toBe(3);
  });

  it('counts nothing for a block shown as plain text anyway', () => {
    const unsafe = { text: 'a'.repeat(500), unsafe: 'too deeply nested' };
    expect(blocksWithinBudget([...blocks(10), unsafe, ...blocks(10)], 0, 100, 0)).toBe(3);
  });

  it('counts a cost for each block besides its characters, so many short blocks do not crowd one frame', () => {
    expect(blocksWithinBudget(blocks(10, 10, 10, 10), 0, 100, 40)).toBe(2);
  });

  it('shows no more blocks than there are', () => {
    expect(blocksWithinBudget(blocks(10), 5, 100, 0)).toBe(1);
  });
});

describe('replies too large to format', () => {
  it('draws the line at the reply limit', () => {
    expect(replyTooLargeToFormat('a'.repeat(renderLimits.maxFormattedReplyCharacters))).toBe(false);
    expect(replyTooLargeToFormat('a'.repeat(renderLimits.maxFormattedReplyCharacters + 1))).toBe(true);
  });

  it('states the size in the note', () => {
    expect(tooLargeToFormatNote(300 * 1024)).toBe('Shown as plain text: too large to format (300 KB)');
    expect(tooLargeToFormatNote(5 * 1024 * 1024)).toBe('Shown as plain text: too large to format (5.0 MB)');
  });

  it('cuts plain text into chunks that join back into the text', () => {
    const text = 'x'.repeat(150_000);
    const chunks = textChunks(text, 64 * 1024);
    expect(chunks).toHaveLength(3);
    expect(chunks.join('')).toBe(text);
    expect(textChunks('')).toEqual([]);
  });

  it('cuts a text that starts further on in a longer one where the longer one is cut', () => {
    expect(textChunks('cdefgh', 4, 2)).toEqual(['cd', 'efgh']);
    expect(textChunks('efgh', 4, 4)).toEqual(['efgh']);
  });
});

describe('the shown part of a long text', () => {
  it('shows a short text whole, with no note', () => {
    expect(shownPart('short', 10)).toEqual({ text: 'short', note: null });
  });

  it('shows the start of a long text and states its full size', () => {
    const text = 'y'.repeat(Math.round(4.1 * 1024 * 1024));
    const shown = shownPart(text);
    expect(shown.text).toHaveLength(200 * 1024);
    expect(shown.note).toBe('Showing the first 200 KB of 4.1 MB');
  });
});
