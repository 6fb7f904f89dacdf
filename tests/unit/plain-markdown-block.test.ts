import { describe, expect, it } from 'vitest';
import { plainMarkdownBlock } from '../../src/core/plainMarkdownBlock';

describe('plainMarkdownBlock', () => {
  it('takes one line of words, digits and punctuation as a paragraph of that text', () => {
    const line = `Stream 42 tokens, then stop: it works (mostly); isn't it "fine" - or not?`;
    expect(plainMarkdownBlock(line)).toEqual({ element: 'p', text: line });
  });

  it('takes a heading of such words, at its level', () => {
    expect(plainMarkdownBlock('# Title')).toEqual({ element: 'h1', text: 'Title' });
    expect(plainMarkdownBlock('###   Section 3: limits')).toEqual({ element: 'h3', text: 'Section 3: limits' });
    expect(plainMarkdownBlock('###### Deep')).toEqual({ element: 'h6', text: 'Deep' });
  });

  it('leaves out trailing spaces and the blank lines that end the block, as Markdown does', () => {
    expect(plainMarkdownBlock('Trailing spaces   ')).toEqual({ element: 'p', text: 'Trailing spaces' });
    expect(plainMarkdownBlock('Complete block.\n\n')).toEqual({ element: 'p', text: 'Complete block.' });
    expect(plainMarkdownBlock('## Heading  \n\n')).toEqual({ element: 'h2', text: 'Heading' });
  });

  it('takes letters of any script', () => {
    expect(plainMarkdownBlock('Grüße aus Zürich')?.text).toBe('Grüße aus Zürich');
    expect(plainMarkdownBlock('你好世界')?.text).toBe('你好世界');
    expect(plainMarkdownBlock('Ελληνικά και русский')?.text).toBe('Ελληνικά και русский');
  });

  it('refuses a line that does not open with a letter: lists, quotes, indented code, seven #', () => {
    for (const line of [
      '- item',
      '1. item',
      '> quote',
      ' indented',
      '    code',
      '(aside)',
      '####### seven',
      '#tag',
      '',
    ])
      expect(plainMarkdownBlock(line), line).toBeNull();
  });

  it('refuses more than one line of text', () => {
    expect(plainMarkdownBlock('Title\n=====')).toBeNull();
    expect(plainMarkdownBlock('First\nsecond')).toBeNull();
  });

  it('refuses every character that Markdown or GFM syntax uses, and tabs', () => {
    for (const character of ['*', '_', '~', '`', '[', ']', '!', '<', '>', '&', '\\', '|', '@', '/', '#', '\t'])
      expect(plainMarkdownBlock(`before ${character} after`), character).toBeNull();
  });

  it('refuses a www. address, which GFM turns into a link', () => {
    expect(plainMarkdownBlock('See www.example.com today')).toBeNull();
    expect(plainMarkdownBlock('## See WWW.example.com')).toBeNull();
  });
});
