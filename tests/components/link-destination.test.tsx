// Deceptive links in model output: text that reads as one address but goes to another shows the real host, and
// hidden characters that reorder or hide parts of the text are removed.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReplyMarkdown } from '../../src/components/markdown/ReplyMarkdown';
import { misleadingDestination, withoutHiddenCharacters } from '../../src/components/markdown/linkDestination';

describe('link destinations', () => {
  it('shows the real host after a link whose text reads as another address', () => {
    render(
      <ReplyMarkdown streaming={false} text="Log in at [https://bank.example/login](https://evil.example/steal)." />,
    );
    const link = screen.getByRole('link', { name: 'https://bank.example/login' });
    expect(link).toHaveAttribute('href', 'https://evil.example/steal');
    expect(link.parentElement).toHaveTextContent('Log in at https://bank.example/login (goes to evil.example).');
  });

  it('adds nothing when the text tells the truth or is not an address', () => {
    render(
      <ReplyMarkdown
        streaming={false}
        text="See [www.bank.example](https://bank.example/help), [the docs](https://docs.example) and https://plain.example."
      />,
    );
    expect(screen.queryByText(/goes to/)).toBeNull();
  });

  it('removes right-to-left overrides and zero-width characters from link text', () => {
    render(<ReplyMarkdown streaming={false} text={'[invoice\u202Efdp.exe\u200B](https://files.example/x)'} />);
    const link = screen.getByRole('link', { name: 'invoicefdp.exe' });
    expect(link.textContent).toBe('invoicefdp.exe');
    expect(link).toHaveAttribute('title', 'Hidden control characters were removed from this link text');
  });

  it('the rule: hosts compared without www. and in their ASCII form', () => {
    expect(misleadingDestination('bank.example', 'https://www.bank.example/')).toBeNull();
    expect(misleadingDestination('https://bank.example', 'https://bank.example.evil.example/')).toBe(
      'bank.example.evil.example',
    );
    expect(misleadingDestination('paypal.com', 'https://xn--pypal-4ve.com/')).toBe('xn--pypal-4ve.com');
    expect(misleadingDestination('click here', 'https://anywhere.example/')).toBeNull();
    expect(withoutHiddenCharacters('a\u2066b\u2069c\uFEFF')).toBe('abc');
  });
});
