// Hostile or broken Markdown cannot take the page down: stretches beyond the parser's safe limits show as plain
// text, and a block whose renderer throws falls back to its text while the other blocks stay rendered.
import { render, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ReplyMarkdown } from '../../src/components/markdown/ReplyMarkdown';

vi.mock('react-markdown', async (importOriginal) => {
  const original = await importOriginal<typeof import('react-markdown')>();
  function FailingMarkdown(props: ComponentProps<typeof original.default>) {
    if (props.children?.includes('BOOM')) throw new Error('renderer failed');
    return <original.default {...props} />;
  }
  return { ...original, default: FailingMarkdown };
});

describe('safety limits', () => {
  it('shows a reply of 2,000 nested quote markers as plain text with a note', () => {
    const text = 'Before.\n\n' + '>'.repeat(2000) + ' deep\n\nAfter.';
    const { container } = render(<ReplyMarkdown streaming={false} text={text} />);
    expect(screen.getByRole('note')).toHaveTextContent('Shown as plain text: too deeply nested to render safely');
    expect(container.querySelector('pre')?.textContent).toBe('>'.repeat(2000) + ' deep\n');
    expect(screen.getByText('Before.').tagName).toBe('P');
    expect(screen.getByText('After.').tagName).toBe('P');
  });

  it('shows deeply nested list items as plain text while they stream in', () => {
    const text = Array.from({ length: 150 }, (_, level) => '  '.repeat(level) + '- item').join('\n');
    const { rerender } = render(<ReplyMarkdown streaming text={text.slice(0, text.length / 2)} />);
    rerender(<ReplyMarkdown streaming={false} text={text} />);
    expect(screen.getByRole('note')).toHaveTextContent('too deeply nested');
  });

  it('shows 20,000 emphasis markers as plain text with a note', async () => {
    const text = 'x*'.repeat(20_000);
    const { container } = render(<ReplyMarkdown streaming={false} text={text} />);
    expect(await screen.findByRole('note')).toHaveTextContent('Shown as plain text: too many emphasis or link markers');
    expect(container.querySelector('pre')?.textContent).toBe(text);
  });

  it('renders ordinary nesting as Markdown', () => {
    render(<ReplyMarkdown streaming={false} text={'> > > quoted\n\n- a\n  - b\n    - c\n'} />);
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.getByText('quoted').closest('blockquote')).not.toBeNull();
  });
});

describe('a block whose renderer throws', () => {
  it('falls back to its plain text with a note, and the other blocks stay rendered', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<ReplyMarkdown streaming={false} text={'# Title\n\nThis *BOOM* block fails.\n\n- still\n- here\n'} />);
    expect(screen.getByRole('heading', { name: 'Title' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('note')).toHaveTextContent('Shown as plain text: this part could not be rendered');
    expect(screen.getByText(/This \*BOOM\* block fails\./).closest('pre')).not.toBeNull();
  });
});
