// The reply renderer as a user meets it: Markdown shown, hostile output inert, code copyable, streaming cheap.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReplyMarkdown } from '../../src/components/markdown/ReplyMarkdown';
import { highlightHtmlToReact } from '../../src/components/markdown/highlightTree';

// Records the text of every Markdown parse, so tests can tell which blocks rendered again.
const parsedTexts = vi.hoisted(() => [] as string[]);
vi.mock('react-markdown', async (importOriginal) => {
  const original = await importOriginal<typeof import('react-markdown')>();
  function CountingMarkdown(props: ComponentProps<typeof original.default>) {
    parsedTexts.push(props.children ?? '');
    if ((props.children ?? '').includes('render-failure')) throw new Error('a block that cannot render');
    return <original.default {...props} />;
  }
  return { ...original, default: CountingMarkdown };
});

beforeEach(() => {
  parsedTexts.length = 0;
});

describe('Markdown', () => {
  it('shows headings, lists, tables, quotes and code as such', () => {
    render(
      <ReplyMarkdown
        streaming={false}
        text={
          '# Title\n\nSome **bold** text.\n\n- one\n- two\n\n| Name | Value |\n|---|---|\n| a | 1 |\n\n> quoted\n\n```\nplain code\n```\n'
        }
      />,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Title' })).toBeInTheDocument();
    expect(screen.getByText('bold').tagName).toBe('STRONG');
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('columnheader', { name: 'Value' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'a' })).toBeInTheDocument();
    expect(screen.getByText('quoted').closest('blockquote')).not.toBeNull();
    expect(screen.getByText('plain code').closest('pre')).not.toBeNull();
  });

  it('renders a text streamed in pieces the same as the whole text at once', () => {
    const text =
      '## Plan\n\n1. first\n\n2. second\n\nA paragraph with a [link](https://example.com).\n\n' +
      '| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n\nmore\n```\n\n> quote\n> more\n\n- x\n  - y\n\nThe end.';
    const streamed = render(<ReplyMarkdown streaming text="" />);
    for (let end = 3; end < text.length + 3; end += 3) {
      streamed.rerender(<ReplyMarkdown streaming text={text.slice(0, end)} />);
    }
    const whole = render(<ReplyMarkdown streaming text={text} />);
    expect(streamed.container.innerHTML).toBe(whole.container.innerHTML);
  });
});

describe('untrusted model output', () => {
  it('shows raw HTML as text and creates no element from it', () => {
    const { container } = render(
      <ReplyMarkdown
        streaming={false}
        text={
          '<script>alert(1)</script>\n\nInline <img src=x onerror=alert(1)> here.\n\n' +
          '<iframe src="https://evil.example"></iframe>\n\n<svg onload=alert(1)></svg>\n'
        }
      />,
    );
    expect(container.querySelector('script, img, iframe, svg, [onerror], [onload]')).toBeNull();
    for (const markup of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload=alert(1)></svg>',
    ]) {
      expect(container).toHaveTextContent(markup);
    }
  });

  it.each([
    ['javascript:', '[Click me](javascript:alert(1))'],
    ['JavaScript: in mixed case', '[Click me](JaVaScRiPt:alert(1))'],
    ['javascript: written with a character reference', '[Click me](&#106;avascript:alert(1))'],
    ['javascript: as an autolink', 'Click me <javascript:alert(1)>'],
    ['vbscript:', '[Click me](vbscript:msgbox(1))'],
    ['data:text/html', '[Click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['file:', '[Click me](file:///etc/passwd)'],
  ])('neutralises a %s link: its text stays, no link is made', (_kind, text) => {
    const { container } = render(<ReplyMarkdown streaming={false} text={text} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(container).toHaveTextContent(/Click me/);
  });

  it('opens safe links in a new tab without opener or referrer', () => {
    render(
      <ReplyMarkdown streaming={false} text={'See [the docs](https://docs.z.ai/guide) or https://example.com/x.'} />,
    );
    const docs = screen.getByRole('link', { name: 'the docs' });
    expect(docs).toHaveAttribute('href', 'https://docs.z.ai/guide');
    expect(docs).toHaveAttribute('target', '_blank');
    expect(docs).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: 'https://example.com/x' })).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('does not load a remote image until the user asks, then shows it', async () => {
    const user = userEvent.setup();
    render(<ReplyMarkdown streaming={false} text={'Look: ![a cat](https://images.example/cat.png?c=secret)'} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('https://images.example/cat.png?c=secret')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Load image/ }));

    expect(screen.getByRole('img', { name: 'a cat' })).toHaveAttribute(
      'src',
      'https://images.example/cat.png?c=secret',
    );
    expect(screen.queryByRole('button', { name: /Load image/ })).toBeNull();
  });

  it('loads an image inside a link without following the link', async () => {
    const user = userEvent.setup();
    render(<ReplyMarkdown streaming={false} text={'[![logo](https://a.example/logo.png)](https://a.example/)'} />);
    const followed: boolean[] = [];
    const listener = (event: MouseEvent) => followed.push(!event.defaultPrevented);
    document.addEventListener('click', listener);

    await user.click(screen.getByRole('button', { name: /Load image/ }));
    document.removeEventListener('click', listener);

    expect(followed).toEqual([false]);
    expect(screen.getByRole('img', { name: 'logo' })).toBeInTheDocument();
  });

  it('names each "Load image" button after its image', () => {
    render(
      <ReplyMarkdown streaming={false} text={'![chart](https://a.example/1.png) ![map](https://b.example/2.png)'} />,
    );
    expect(screen.getByRole('button', { name: 'Load image chart' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Load image map' })).toBeInTheDocument();
  });

  it('shows an image with an unsafe source as text, with nothing to load', () => {
    const { container } = render(
      <ReplyMarkdown streaming={false} text={'![x](javascript:alert(1)) ![y](file:///etc/passwd)'} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.queryByRole('button', { name: /Load image/ })).toBeNull();
    expect(screen.getAllByText(/Image removed: unsafe address/)).toHaveLength(2);
  });
});

describe('a block that fails to render', () => {
  it('shows that block as plain text with a note, and the rest of the reply formatted', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { container } = render(
      <ReplyMarkdown streaming={false} text={'# Title\n\n- render-failure **x**\n\nAfter **bold**.'} />,
    );
    expect(screen.getByText(/Shown as plain text: this part could not be rendered/)).toBeInTheDocument();
    expect(container).toHaveTextContent('- render-failure **x**');
    expect(screen.getByRole('heading', { level: 1, name: 'Title' })).toBeInTheDocument();
    expect(screen.getByText('bold').tagName).toBe('STRONG');
    vi.restoreAllMocks();
  });
});

describe('code blocks', () => {
  it('copies the code of its own block and says so', async () => {
    const user = userEvent.setup();
    render(<ReplyMarkdown streaming={false} text={'```python\nprint("one")\n```\n\n```bash\necho two\n```\n'} />);
    const buttons = screen.getAllByRole('button', { name: 'Copy code' });
    expect(buttons).toHaveLength(2);

    await user.click(buttons[1] as HTMLElement);

    expect(await navigator.clipboard.readText()).toBe('echo two');
    const [firstStatus, secondStatus] = screen.getAllByRole('status');
    expect(secondStatus).toHaveTextContent('Copied');
    expect(firstStatus).toHaveTextContent('');
  });

  it('highlights a completed block once its language has loaded', async () => {
    const { container } = render(<ReplyMarkdown streaming={false} text={'```js\nconst answer = 42;\n```\n'} />);
    await waitFor(() => expect(container.querySelector('.hljs-keyword')).toHaveTextContent('const'));
    expect(container.querySelector('pre')).toHaveTextContent('const answer = 42;');
  });

  it('keeps markup inside code as text when highlighted', async () => {
    const code = '<img src=x onerror="alert(1)">\n<script>alert(2)</script>';
    const { container } = render(<ReplyMarkdown streaming={false} text={'```html\n' + code + '\n```\n'} />);
    await waitFor(() => expect(container.querySelector('.hljs-tag')).not.toBeNull());
    expect(container.querySelector('pre img, pre script')).toBeNull();
    expect(container.querySelector('pre')?.textContent).toBe(code);
  });

  it('turns only highlight.js spans into elements; any other markup in its output stays text', () => {
    const html =
      '<span class="hljs-keyword">let</span> x<img src=x onerror=alert(1)><span onclick="x">&lt;b&gt;&amp;&#x27;';
    const { container } = render(<code>{highlightHtmlToReact(html)}</code>);
    expect(container.querySelector('img, [onclick], b')).toBeNull();
    expect(container.querySelector('.hljs-keyword')).toHaveTextContent('let');
    expect(container.textContent).toBe('let x<img src=x onerror=alert(1)><span onclick="x"><b>&\'');
  });

  it('does not highlight the block still streaming, and does once the reply ends', async () => {
    const text = 'Intro\n\n```ts\nconst a: number = 1;\n';
    const { container, rerender } = render(<ReplyMarkdown streaming text={text} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.querySelector('.hljs-keyword')).toBeNull();
    expect(screen.getByText('const a: number = 1;')).toBeInTheDocument();

    rerender(<ReplyMarkdown streaming={false} text={text} />);

    await waitFor(() => expect(container.querySelector('.hljs-keyword')).not.toBeNull());
  });
});

describe('streaming cost', () => {
  it('parses only the growing last block again when the reply grows', () => {
    const start = '# Heading\n\nFirst paragraph.\n\n- a\n- b\n\n| x |\n|---|\n| 1 |\n\nGrowing *para';
    const { rerender } = render(<ReplyMarkdown streaming text={start} />);
    parsedTexts.length = 0;

    rerender(<ReplyMarkdown streaming text={start + 'graph*, more'} />);
    rerender(<ReplyMarkdown streaming text={start + 'graph*, more words'} />);

    expect(parsedTexts).toEqual(['Growing *paragraph*, more', 'Growing *paragraph*, more words']);
  });

  it('does not parse the last block again when the reply ends', () => {
    const text = 'Intro.\n\n- **one**: first\n- **two**: second';
    const { rerender } = render(<ReplyMarkdown streaming text={text} />);
    parsedTexts.length = 0;

    rerender(<ReplyMarkdown streaming={false} text={text} />);

    expect(parsedTexts).toEqual([]);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('highlights code inside a list once the block is complete, without parsing the block again', async () => {
    const text = '- Example:\n\n  ```ts\n  const a: number = 1;\n  ```';
    const { container, rerender } = render(<ReplyMarkdown streaming text={text} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.querySelector('li pre')).toHaveTextContent('const a: number = 1;');
    expect(container.querySelector('.hljs-keyword')).toBeNull();
    parsedTexts.length = 0;

    rerender(<ReplyMarkdown streaming={false} text={text} />);

    await waitFor(() => expect(container.querySelector('li pre .hljs-keyword')).toHaveTextContent('const'));
    expect(parsedTexts).toEqual([]);
  });

  it('shows paragraphs and headings of plain words without parsing them, growing or complete', () => {
    const { rerender } = render(<ReplyMarkdown streaming text={'## Plain heading\n\nA plain paragraph, growing'} />);
    rerender(<ReplyMarkdown streaming={false} text={'## Plain heading\n\nA plain paragraph, grown.'} />);

    expect(parsedTexts).toEqual([]);
    expect(screen.getByRole('heading', { level: 2, name: 'Plain heading' })).toBeInTheDocument();
    expect(screen.getByText('A plain paragraph, grown.').tagName).toBe('P');
  });

  it('keeps the page elements of completed blocks while later blocks stream in', () => {
    const { rerender } = render(<ReplyMarkdown streaming text={'# Kept\n\nA table:\n\n| x |\n|---|\n| 1 |\n\nTai'} />);
    const heading = screen.getByRole('heading', { name: 'Kept' });
    const table = screen.getByRole('table');

    rerender(<ReplyMarkdown streaming text={'# Kept\n\nA table:\n\n| x |\n|---|\n| 1 |\n\nTail grows\n\n## Next'} />);

    expect(screen.getByRole('heading', { name: 'Kept' })).toBe(heading);
    expect(screen.getByRole('table')).toBe(table);
    expect(screen.getByRole('heading', { name: 'Next' })).toBeInTheDocument();
  });

  it('shows a growing fenced code block without parsing it as Markdown each time', () => {
    const { rerender } = render(<ReplyMarkdown streaming text={'Intro.\n\n```js\nlet a = 1;\n'} />);
    parsedTexts.length = 0;

    rerender(<ReplyMarkdown streaming text={'Intro.\n\n```js\nlet a = 1;\nlet b = 2;\n'} />);

    expect(parsedTexts).toEqual([]);
    expect(screen.getByRole('button', { name: 'Copy code' })).toBeInTheDocument();
    expect(document.querySelector('pre')).toHaveTextContent('let a = 1; let b = 2;');
  });
});

describe('definitions that apply to the whole reply', () => {
  it('links a reference-style link defined at the end, and renders footnotes with back links', () => {
    const text =
      'See [the docs][1] and a note[^1].\n\n## More\n\nText.\n\n[1]: https://docs.example/guide\n[^1]: The note.\n';
    const { container } = render(<ReplyMarkdown streaming={false} text={text} />);
    expect(screen.getByRole('link', { name: 'the docs' })).toHaveAttribute('href', 'https://docs.example/guide');
    expect(container).not.toHaveTextContent('[^1]');
    const reference = screen.getByRole('link', { name: '1' });
    const note = container.querySelector(`[id="${reference.getAttribute('href')?.slice(1) ?? ''}"]`);
    expect(note).toHaveTextContent('The note.');
    expect(within(note as HTMLElement).getByRole('link', { name: 'Back to reference 1' })).toHaveAttribute(
      'href',
      '#' + reference.id,
    );
  });

  it('gives the footnotes of two replies on one page different ids', () => {
    const text = 'A[^1].\n\n[^1]: Note.\n';
    const { container } = render(
      <>
        <ReplyMarkdown streaming={false} text={text} />
        <ReplyMarkdown streaming={false} text={text} />
      </>,
    );
    const ids = [...container.querySelectorAll('[id]')].map((element) => element.id);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
