// Where the highlighting worker cannot start (a strict policy, an old browser), code is highlighted on the page.
import { render } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ReplyMarkdown } from '../../src/components/markdown/ReplyMarkdown';

afterEach(() => {
  vi.unstubAllGlobals();
});

it('highlights code on the page when the worker fails to start', async () => {
  const RefusedWorker = vi.fn(function refuse() {
    throw new DOMException('Workers are not allowed here', 'SecurityError');
  });
  vi.stubGlobal('Worker', RefusedWorker);

  const { findByText } = render(<ReplyMarkdown streaming={false} text={'```ts\nconst total: number = 3;\n```\n'} />);

  expect(await findByText('const', { selector: '.hljs-keyword' })).toBeInTheDocument();
  expect(RefusedWorker).toHaveBeenCalled();
});
