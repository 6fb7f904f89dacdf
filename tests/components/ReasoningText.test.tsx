// Reasoning shown as plain text, paragraph by paragraph, without touching finished paragraphs as it grows.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReasoningText } from '../../src/components/markdown/ReasoningText';

describe('ReasoningText', () => {
  it('shows every character of the reasoning, in order', () => {
    const text = 'First, read the question.\nIt asks for a sum.\n\nSecond, add 2 and 2.\n\n\nSo the answer is 4.';
    const { container } = render(<ReasoningText streaming={false} text={text} />);
    expect(container.textContent).toBe(text);
  });

  it('puts each paragraph in its own element', () => {
    render(<ReasoningText streaming={false} text={'Alpha paragraph.\n\nBeta paragraph.'} />);
    const alpha = screen.getByText('Alpha paragraph.', { exact: false });
    const beta = screen.getByText('Beta paragraph.', { exact: false });
    expect(alpha).not.toBe(beta);
    expect(alpha).not.toHaveTextContent('Beta');
  });

  it('shows Markdown and HTML literally, creating no elements from them', () => {
    const text = '**not bold** <img src=x onerror=alert(1)> <script>alert(1)</script> [link](javascript:alert(1))';
    const { container } = render(<ReasoningText streaming text={text} />);
    expect(container.querySelector('strong, img, script, a')).toBeNull();
    expect(container).toHaveTextContent(text);
  });

  it('leaves finished paragraphs untouched while the reasoning grows', async () => {
    const start = 'Paragraph one is done.\n\nParagraph two is done.\n\nParagraph three gro';
    const { container, rerender } = render(<ReasoningText streaming text={start} />);
    const first = screen.getByText('Paragraph one is done.', { exact: false });
    // Text that the page replaced or edited: a finished paragraph must never be part of it.
    const replacedText: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') replacedText.push(record.oldValue ?? '');
        record.removedNodes.forEach((node) => replacedText.push(node.textContent ?? ''));
      }
    });
    observer.observe(container, { subtree: true, childList: true, characterData: true, characterDataOldValue: true });

    rerender(<ReasoningText streaming text={start + 'ws'} />);
    rerender(<ReasoningText streaming text={start + 'ws and grows.\n\nParagraph four'} />);
    await Promise.resolve();
    observer.disconnect();

    expect(screen.getByText('Paragraph one is done.', { exact: false })).toBe(first);
    expect(replacedText.length).toBeGreaterThan(0);
    expect(replacedText.filter((text) => text.includes('Paragraph one') || text.includes('Paragraph two'))).toEqual([]);
    expect(container.textContent).toBe(start + 'ws and grows.\n\nParagraph four');
  });

  it('starts over cleanly when the text is replaced by a different one', () => {
    const { container, rerender } = render(<ReasoningText streaming text={'Old idea.\n\nOld detail.'} />);
    rerender(<ReasoningText streaming text={'New idea.'} />);
    expect(container.textContent).toBe('New idea.');
  });
});
