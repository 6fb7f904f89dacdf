// The content of a user message built from the typed text and the long pasted texts attached to it.
import { describe, expect, it } from 'vitest';
import {
  attachedTextSummary,
  hasMessageText,
  isLongPaste,
  lineCount,
  messageContent,
  type AttachedText,
} from '../../src/core/messageContent';

const attached = (text: string, id = text.slice(0, 8)): AttachedText => ({ id, text });

describe('messageContent', () => {
  it('is the typed text exactly as typed when nothing is attached', () => {
    expect(messageContent('  Hello\n', [])).toBe('  Hello\n');
  });

  it('puts each attached text, in order, before the typed text', () => {
    expect(messageContent('Summarise both.', [attached('First'), attached('Second')])).toBe(
      'First\n\nSecond\n\nSummarise both.',
    );
  });

  it('keeps attached texts exactly as pasted, trailing newlines and all', () => {
    expect(messageContent('Question', [attached('  line one\nline two\n')])).toBe('  line one\nline two\n\n\nQuestion');
  });

  it('leaves out typed text that is only white space when texts are attached', () => {
    expect(messageContent(' \n ', [attached('Document')])).toBe('Document');
  });

  it('is the attached text alone when one is attached and nothing is typed', () => {
    expect(messageContent('', [attached('Document')])).toBe('Document');
  });
});

describe('hasMessageText', () => {
  it('is true for an attached text even with nothing typed', () => {
    expect(hasMessageText('', [attached('Document')])).toBe(true);
  });

  it('is false for white space alone', () => {
    expect(hasMessageText('  \n', [])).toBe(false);
  });
});

describe('isLongPaste', () => {
  it('is true from 100 KB on', () => {
    expect(isLongPaste('x'.repeat(100 * 1024))).toBe(true);
    expect(isLongPaste('x'.repeat(100 * 1024 - 1))).toBe(false);
  });

  it('is true from 2,000 lines on, however short they are', () => {
    expect(isLongPaste('a\n'.repeat(2000))).toBe(true);
    expect(isLongPaste('a\n'.repeat(1999))).toBe(false);
  });
});

describe('lineCount and attachedTextSummary', () => {
  it('counts a last line without a newline, and no line after a trailing newline', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\nb'), lineCount('a\nb\n')]).toEqual([0, 1, 2, 2]);
  });

  it('states the size and the lines with thousands separators', () => {
    const text = 'Pasted document line with some words in it to make it long enough.\n'.repeat(62_000);
    expect(attachedTextSummary(attached(text))).toBe('4.0 MB · 62,000 lines');
  });
});
