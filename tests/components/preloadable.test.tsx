// Parts loaded on demand (src/components/ui/preloadable.ts): what stands in while the code loads, then the part, a
// part mounted later shown in its first render, and a failed load reported by the nearest error boundary and tried
// again by the next mount. That the part is not held back by a timer once its code is in (as React holds back a
// Suspense boundary's content) is tested end to end, in tests/e2e/workflows.spec.ts, where React's clock runs.
import { act, render, screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { LoadBoundary } from '../../src/components/ui/LoadBoundary';
import { preloadable } from '../../src/components/ui/preloadable';

function Greeting({ name }: { name: string }) {
  return <p>Hello, {name}</p>;
}

/** A load the test settles by hand, as a chunk arriving from the network. */
function manualLoad() {
  let settle: { resolve: (component: typeof Greeting) => void; reject: (error: Error) => void } | null = null;
  const load = vi.fn(
    () =>
      new Promise<typeof Greeting>((resolve, reject) => {
        settle = { resolve, reject };
      }),
  );
  return {
    load,
    async arrive() {
      await act(async () => {
        settle?.resolve(Greeting);
        await Promise.resolve();
      });
    },
    async fail() {
      await act(async () => {
        settle?.reject(new Error('The chunk did not arrive.'));
        await Promise.resolve();
      });
    },
  };
}

it('shows what stands in for the part until its code arrives, then the part with its props', async () => {
  const chunk = manualLoad();
  const greeting = preloadable(chunk.load);
  render(<greeting.Component name="Ada" whileLoading={<p>Loading the greeting…</p>} />);
  expect(screen.getByText('Loading the greeting…')).toBeInTheDocument();
  await chunk.arrive();
  expect(screen.getByText('Hello, Ada')).toBeInTheDocument();
  expect(screen.queryByText('Loading the greeting…')).not.toBeInTheDocument();
});

it('renders a part mounted after its code arrived in its first render, fetching the code once', async () => {
  const chunk = manualLoad();
  const greeting = preloadable(chunk.load);
  const preloaded = greeting.preload();
  await chunk.arrive();
  await preloaded;
  render(<greeting.Component name="Grace" whileLoading={<p>Loading the greeting…</p>} />);
  expect(screen.getByText('Hello, Grace')).toBeInTheDocument();
  expect(chunk.load).toHaveBeenCalledTimes(1);
});

it('reports a failed load to the nearest error boundary, and the next mount tries again', async () => {
  const chunk = manualLoad();
  const greeting = preloadable(chunk.load);
  // React logs the error it hands to the boundary.
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const { unmount } = render(
    <LoadBoundary fallback={<p role="alert">The greeting could not be loaded.</p>}>
      <greeting.Component name="Ada" />
    </LoadBoundary>,
  );
  await chunk.fail();
  expect(screen.getByRole('alert')).toHaveTextContent('The greeting could not be loaded.');
  unmount();
  logged.mockRestore();

  render(<greeting.Component name="Ada" />);
  expect(chunk.load).toHaveBeenCalledTimes(2);
  await chunk.arrive();
  expect(screen.getByText('Hello, Ada')).toBeInTheDocument();
});
