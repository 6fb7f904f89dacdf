// Replies streaming side by side (Compare columns) share one frame: each formats less per frame than a reply alone.
import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FrameShareContext } from '../../src/components/markdown/frameShare';
import { ReplyMarkdown } from '../../src/components/markdown/ReplyMarkdown';
import { renderLimits } from '../../src/core/renderLimits';

// A paragraph still streaming, a third of the live block limit: within a whole frame, past a quarter of one.
const growing =
  'Intro.\n\n' + 'Some **bold** words and more. '.repeat(Math.ceil(renderLimits.maxLiveBlockCharacters / 3 / 30));

/** Long enough for the frames that format a reply arriving whole to have run. */
const someFrames = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('a frame shared between replies', () => {
  it('formats the growing paragraph of a reply that has the frame to itself', async () => {
    const { container } = render(<ReplyMarkdown streaming text={growing} />);
    await someFrames();
    expect(container.querySelector('strong')).toHaveTextContent('bold');
  });

  it('shows the growing paragraph of one of four replies as plain text until it is complete', async () => {
    const { container, rerender } = render(
      <FrameShareContext value={1 / 4}>
        <ReplyMarkdown streaming text={growing} />
      </FrameShareContext>,
    );
    await someFrames();
    expect(container.querySelector('strong')).toBeNull();
    expect(container.textContent).toContain('Some **bold** words');

    rerender(
      <FrameShareContext value={1 / 4}>
        <ReplyMarkdown streaming={false} text={growing} />
      </FrameShareContext>,
    );
    await waitFor(() => expect(container.querySelector('strong')).toHaveTextContent('bold'));
  });
});
