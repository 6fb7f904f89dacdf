// Code blocks are highlighted in a module worker, off the page's main thread; where no worker starts, on the page.
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplyMarkdown } from '../../src/components/markdown/ReplyMarkdown';
import { highlightToHtml, type HighlightRequest } from '../../src/core/highlighter';
import type { WorkerJob, WorkerJobDone } from '../../src/worker/workerJobs';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('code highlighting', () => {
  it('hands a completed code block to the highlighting worker and shows the tokens it sends back', async () => {
    const started: { url: string; type: string | undefined }[] = [];
    const requests: HighlightRequest[] = [];
    class FakeWorker extends EventTarget {
      constructor(url: URL, options?: WorkerOptions) {
        super();
        started.push({ url: url.pathname, type: options?.type });
      }
      postMessage({ jobId, input }: WorkerJob<HighlightRequest>): void {
        requests.push(input);
        void highlightToHtml(input.code, input.language).then((output) => {
          const data: WorkerJobDone<string | null> = { jobId, output };
          this.dispatchEvent(new MessageEvent('message', { data }));
        });
      }
      terminate(): void {}
    }
    vi.stubGlobal('Worker', FakeWorker);

    const { container, findByText } = render(
      <ReplyMarkdown streaming={false} text={'```python\ndef answer():\n    return 42\n```\n'} />,
    );

    expect(await findByText('def', { selector: '.hljs-keyword' })).toBeInTheDocument();
    expect(container.querySelector('pre')?.textContent).toBe('def answer():\n    return 42');
    expect(started).toEqual([{ url: expect.stringMatching(/highlightWorker\.ts$/) as unknown, type: 'module' }]);
    expect(requests).toEqual([{ code: 'def answer():\n    return 42', language: 'python' }]);
  });
});
