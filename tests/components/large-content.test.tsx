// Content too large to format or show whole: replies and blocks fall back to plain text with a note and
// "Format anyway"; the request preview and the code export show the start and say how large the whole is, while
// Copy and Download take all of it.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CodeExportPanel } from '../../src/components/code/CodeExportPanel';
import { ReplyMarkdown } from '../../src/components/markdown/ReplyMarkdown';
import { RequestPreview } from '../../src/components/request/RequestPreview';
import { exportedCode, type ExportedCode } from '../../src/core/codegen/exportedCode';
import type { ChatRequest } from '../../src/core/request';
import type { CodeExportInput } from '../../src/worker/codeExportWorker';
import type { WorkerJob, WorkerJobDone } from '../../src/worker/workerJobs';
import { usePlaygroundStore } from '../../src/store';
import * as actions from '../../src/store/actions';
import { selectRequestBody } from '../../src/store/selectors';
import { resetEverything } from './helpers';

beforeEach(() => {
  resetEverything();
});

describe('a block too large to format', () => {
  it('shows a table of thousands of cells as plain text with its size, the rest formatted', async () => {
    const row = `|${' cell |'.repeat(20)}\n`;
    const table = `|${' head |'.repeat(20)}\n|${'---|'.repeat(20)}\n${row.repeat(300)}`;
    const text = `Intro **bold**.\n\n${table}`;
    const { container } = render(<ReplyMarkdown streaming={false} text={text} />);
    // Split over a few frames (a frame's budget at a time), all of it shown meanwhile.
    expect(container.textContent).toContain(row.repeat(300));
    expect(await screen.findByRole('note')).toHaveTextContent(/^Shown as plain text: too large to format \(\d+ KB\)/);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Format anyway' })).toBeInTheDocument();
    expect(screen.getByText('bold').tagName).toBe('STRONG');
  });

  it('keeps the text it has shown in place while the block grows: only the piece at its end changes', () => {
    const row = `|${' cell |'.repeat(20)}\n`;
    const head = `|${' head |'.repeat(20)}\n|${'---|'.repeat(20)}\n`;
    const { container, rerender } = render(<ReplyMarkdown streaming text={head + row.repeat(300)} />);
    const firstPiece = container.querySelector('.markdown-plain-text')?.firstChild;
    const firstPieceText = firstPiece?.textContent;
    rerender(<ReplyMarkdown streaming text={head + row.repeat(400)} />);
    const text = container.querySelector('.markdown-plain-text');
    expect(text?.textContent).toBe(head + row.repeat(400));
    expect(text?.firstChild).toBe(firstPiece);
    expect(text?.firstChild?.textContent).toBe(firstPieceText);
  });

  it('formats a long paragraph on request', async () => {
    const paragraph = `Start with *emphasis* and ${'many plain words '.repeat(7000)}`;
    const user = userEvent.setup();
    render(<ReplyMarkdown streaming={false} text={paragraph} />);
    expect(await screen.findByRole('note')).toHaveTextContent('Shown as plain text: too large to format (117 KB)');
    expect(screen.queryByText('emphasis')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Format anyway' }));
    expect(screen.getByText('emphasis').tagName).toBe('EM');
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  }, 15_000);
});

describe('a reply too large to format', () => {
  it('shows the whole reply as plain text with its size, and formats it on request', async () => {
    // One paragraph of plain lines: once formatted, the heading is shown and the paragraph falls back on its own.
    const text = `# Heading\n\n${'Some plain words in a line.\n'.repeat(41_000)}`;
    const user = userEvent.setup();
    const { container } = render(<ReplyMarkdown streaming={false} text={text} />);
    expect(screen.getByRole('note')).toHaveTextContent('Shown as plain text: too large to format (1.1 MB)');
    expect(screen.queryByRole('heading', { name: 'Heading' })).not.toBeInTheDocument();
    expect(container.querySelector('pre')?.textContent).toBe(text);
    await user.click(screen.getByRole('button', { name: 'Format anyway' }));
    expect(await screen.findByRole('heading', { name: 'Heading' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('note')).toHaveTextContent('Shown as plain text: too large to format (1.1 MB)'),
    );
  }, 30_000);
});

describe('a reply that outgrows the limit while it streams', () => {
  it('keeps its formatted start and shows the rest as plain text with the note, all of it', () => {
    const start = `# Heading\n\nSome **bold** words.\n\n`;
    const { rerender, container } = render(<ReplyMarkdown streaming text={start} />);
    expect(screen.getByRole('heading', { name: 'Heading' })).toBeInTheDocument();
    const rest = `${'Some plain words in a line.\n'.repeat(41_000)}\nThe last line.`;
    rerender(<ReplyMarkdown streaming text={start + rest} />);
    expect(screen.getByRole('heading', { name: 'Heading' })).toBeInTheDocument();
    expect(screen.getByText('bold').tagName).toBe('STRONG');
    expect(screen.getByRole('note')).toHaveTextContent('Shown as plain text: too large to format (1.1 MB)');
    expect(container.querySelector('.markdown-plain-block pre')?.textContent).toBe(rest);
  }, 30_000);
});

describe('a reply formatted over several frames', () => {
  it('shows what is not formatted yet as plain text, then formats it', async () => {
    const paragraphs = Array.from({ length: 400 }, (_, index) => `Paragraph *number ${index + 1}*.`).join('\n\n');
    const text = `${paragraphs}\n\n${'Filler words for the budget. '.repeat(700)}\n\nThe **last** line.`;
    const { container } = render(<ReplyMarkdown streaming={false} text={text} />);
    expect(container.textContent).toContain('The **last** line.');
    expect(await screen.findByText('last', {}, { timeout: 5_000 })).toHaveProperty('tagName', 'STRONG');
    expect(container.textContent).not.toContain('**');
  }, 30_000);
});

describe('a request body too large to show whole', () => {
  it('shows its start, states the full size, and copies the whole body', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    act(() => actions.setDraft('word '.repeat(60_000)));
    render(<RequestPreview />);
    // Written off the main thread (a worker in the browser), then shown.
    expect(await screen.findByRole('note')).toHaveTextContent(/^Showing the first 200 KB of 29\d KB/);
    const whole = JSON.stringify(selectRequestBody(usePlaygroundStore.getState()), null, 2);
    expect(screen.getByLabelText('Request body').textContent).toBe(whole.slice(0, 200 * 1024));
    await user.click(screen.getByRole('button', { name: 'Copy the whole request body' }));
    expect(writeText).toHaveBeenCalledWith(whole);
  });

  it('writes the JSON of a body of megabytes in a module worker, off the page', async () => {
    const started: string[] = [];
    class FakeWorker extends EventTarget {
      constructor(url: URL) {
        super();
        started.push(url.pathname);
      }
      postMessage({ jobId, input }: WorkerJob<unknown>): void {
        const data: WorkerJobDone<string> = { jobId, output: JSON.stringify(input, null, 2) };
        setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data })), 0);
      }
      terminate(): void {}
    }
    vi.stubGlobal('Worker', FakeWorker);
    try {
      act(() => actions.setDraft('word '.repeat(60_000)));
      render(<RequestPreview />);
      expect(await screen.findByRole('note')).toHaveTextContent(/^Showing the first 200 KB of 29\d KB/);
      expect(started).toEqual([expect.stringMatching(/requestPreviewWorker\.ts$/)]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows an ordinary body whole, with no note', () => {
    act(() => actions.setDraft('Hello'));
    render(<RequestPreview />);
    expect(screen.queryByText(/^Showing the first/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Request body')).toHaveTextContent('"content": "Hello"');
  });
});

describe('code too large to show whole', () => {
  it('shows the start of the code, states its size, and copies all of it', async () => {
    const request: ChatRequest = {
      baseUrl: 'https://api.z.ai/api/paas/v4',
      body: { model: 'glm-4.6', messages: [{ role: 'user', content: 'word '.repeat(60_000) }], stream: false },
    };
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<CodeExportPanel request={request} />);
    // Generated in the background (a worker in the browser): the panel says so until the code is there.
    expect(screen.getByText('Generating the cURL code…')).toBeInTheDocument();
    expect(await screen.findByRole('note')).toHaveTextContent(
      /^Showing the first 200 KB of 29\d KB: Copy and Download/,
    );
    // Too long for the editor: plain text.
    expect(screen.getByLabelText('cURL code').tagName).toBe('PRE');
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    const copied = writeText.mock.calls[0]?.[0] ?? '';
    expect(copied.length).toBeGreaterThan(290 * 1024);
    expect(copied).toContain('word '.repeat(60_000).trim());
  });
});

describe('code for a request of megabytes', () => {
  it('is generated in a module worker, off the page, and shown when it arrives', async () => {
    const started: { url: string; type: string | undefined }[] = [];
    class FakeWorker extends EventTarget {
      constructor(url: URL, options?: WorkerOptions) {
        super();
        started.push({ url: url.pathname, type: options?.type });
      }
      postMessage({ jobId, input }: WorkerJob<CodeExportInput>): void {
        const data: WorkerJobDone<ExportedCode> = { jobId, output: exportedCode(input.request, input.choices) };
        setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data })), 0);
      }
      terminate(): void {}
    }
    vi.stubGlobal('Worker', FakeWorker);
    try {
      const request: ChatRequest = {
        baseUrl: 'https://api.z.ai/api/paas/v4',
        body: { model: 'glm-4.6', messages: [{ role: 'user', content: 'line of text\n'.repeat(20_000) }] },
      };
      render(<CodeExportPanel request={request} />);
      expect(screen.getByText('Generating the cURL code…')).toBeInTheDocument();
      expect(await screen.findByRole('note')).toHaveTextContent(/^Showing the first 200 KB of 2\d\d KB/);
      expect(started).toEqual([{ url: expect.stringMatching(/codeExportWorker\.ts$/) as unknown, type: 'module' }]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
