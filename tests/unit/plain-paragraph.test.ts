import { describe, expect, it } from 'vitest';
import { plainParagraphText } from '../../src/core/plainParagraph';

describe('plainParagraphText', () => {
  it('takes one line of words, digits and punctuation as a paragraph of that text', () => {
    expect(plainParagraphText(`Stream 42 tokens, then stop: it works (mostly); isn't it "fine" - or not?`)).toBe(
      `Stream 42 tokens, then stop: it works (mostly); isn't it "fine" - or not?`,
    );
  });

  it('drops the trailing spaces, as a paragraph does', () => {
    expect(plainParagraphText('Trailing spaces   ')).toBe('Trailing spaces');
  });

  it('takes letters of any script', () => {
    expect(plainParagraphText('Grüße aus Zürich')).toBe('Grüße aus Zürich');
    expect(plainParagraphText('你好世界')).toBe('你好世界');
    expect(plainParagraphText('Ελληνικά και русский')).toBe('Ελληνικά και русский');
  });

  it('refuses a line that does not open with a letter: headings, lists, quotes, indented code', () => {
    for (const line of ['# Heading', '- item', '1. item', '> quote', ' indented', '    code', '(aside)', ''])
      expect(plainParagraphText(line), line).toBeNull();
  });

  it('refuses more than one line', () => {
    expect(plainParagraphText('Title\n=====')).toBeNull();
    expect(plainParagraphText('Line\n')).toBeNull();
  });

  it('refuses every character that Markdown or GFM syntax uses, and tabs', () => {
    for (const character of ['*', '_', '~', '`', '[', ']', '!', '<', '>', '&', '\\', '|', '@', '/', '\t'])
      expect(plainParagraphText(`before ${character} after`), character).toBeNull();
  });

  it('refuses a www. address, which GFM turns into a link', () => {
    expect(plainParagraphText('See www.example.com today')).toBeNull();
    expect(plainParagraphText('See WWW.example.com today')).toBeNull();
  });
});
