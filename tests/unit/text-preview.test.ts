// The clipped start of a long turn (src/core/textPreview.ts): what a collapsed transcript turn renders.
import { describe, expect, it } from 'vitest';
import { textPreview } from '../../src/core/textPreview';

const limits = { maxLines: 3, maxCharacters: 40 };

describe('textPreview', () => {
  it('returns a text within both limits unchanged', () => {
    expect(textPreview('one\ntwo\nthree', limits)).toBe('one\ntwo\nthree');
  });

  it('keeps the first maxLines lines, without the line break after them', () => {
    expect(textPreview('one\ntwo\nthree\nfour\nfive', limits)).toBe('one\ntwo\nthree');
  });

  it('cuts a long line at maxCharacters', () => {
    expect(textPreview('x'.repeat(100), limits)).toBe('x'.repeat(40));
    expect(textPreview(`short\n${'y'.repeat(100)}\nlast`, limits)).toBe(`short\n${'y'.repeat(34)}`);
  });

  it('keeps twelve lines of a 5,000-line reply', () => {
    const reply = Array.from({ length: 5000 }, (_, index) => `Line ${index} of a long reply.`).join('\n');
    const preview = textPreview(reply, { maxLines: 12, maxCharacters: 2000 });
    expect(preview.split('\n')).toHaveLength(12);
    expect(reply.startsWith(preview)).toBe(true);
  });
});
