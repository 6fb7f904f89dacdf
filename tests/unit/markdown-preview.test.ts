// The clipped start of a Markdown turn with the definitions from its rest (src/core/markdownPreview.ts): what a
// collapsed assistant turn renders, so that its footnote and link references resolve.
import { describe, expect, it } from 'vitest';
import { definitionBlocks, markdownPreview } from '../../src/core/markdownPreview';

const limits = { maxLines: 2, maxCharacters: 200 };

describe('markdownPreview', () => {
  it('returns a text within the limits unchanged', () => {
    expect(markdownPreview('One[^a].\n\n[^a]: Note.', { maxLines: 5, maxCharacters: 200 })).toBe(
      'One[^a].\n\n[^a]: Note.',
    );
  });

  it('is the plain start when the rest defines nothing', () => {
    expect(markdownPreview('one\ntwo\nthree\nfour', limits)).toBe('one\ntwo');
  });

  it('follows the start with a footnote definition from the end of the text', () => {
    const text = 'Claim[^a].\n\nMore text.\n\nEven more.\n\n[^a]: The source.';
    expect(markdownPreview(text, limits)).toBe('Claim[^a].\n\n[^a]: The source.');
  });

  it('follows the start with a link reference definition, title included', () => {
    const text = 'See [the docs][d].\n\nMore.\n\n[d]: https://docs.z.ai "Docs"';
    expect(markdownPreview(text, limits)).toBe('See [the docs][d].\n\n[d]: https://docs.z.ai "Docs"');
  });

  it('takes nothing from the rest of a line the start was cut in', () => {
    const text = `Intro [a].\n${'x'.repeat(20)}[a]: https://a.example\nmore`;
    expect(markdownPreview(text, { maxLines: 5, maxCharacters: 31 })).toBe(`Intro [a].\n${'x'.repeat(20)}`);
  });

  it('does not repeat definitions the start already holds', () => {
    const text = '[d]: https://a.example\nSee [d].\nMore.\nLast.';
    expect(markdownPreview(text, limits)).toBe('[d]: https://a.example\nSee [d].');
  });
});

describe('definitionBlocks', () => {
  it('finds none in a text without "]:"', () => {
    expect(definitionBlocks('Plain [text] and [^1] references.')).toEqual([]);
  });

  it('keeps each definition separate, in order', () => {
    expect(definitionBlocks('[a]: https://a.example\n[^b]: Note b.\n   [c]: https://c.example')).toEqual([
      '[a]: https://a.example',
      '[^b]: Note b.',
      '   [c]: https://c.example',
    ]);
  });

  it("keeps a footnote's lazy continuation line and its indented next paragraph with it", () => {
    const note = '[^a]: First line\ncontinued.\n\n    Second paragraph.';
    expect(definitionBlocks(`${note}\n\nAfter the note.`)).toEqual([note]);
  });

  it('ends a definition at a blank line followed by text that is not indented', () => {
    expect(definitionBlocks('[^a]: Note.\n\nA paragraph after it.\n')).toEqual(['[^a]: Note.']);
  });

  it('takes no line indented four spaces or more as a definition (that is code)', () => {
    expect(definitionBlocks('Text\n\n    [a]: https://a.example\n')).toEqual([]);
  });
});
