// The first reply formatted in a page runs the Markdown code (block splitter, parser, tree builders) for the first
// time, and the browser compiles it as it goes: in Chromium that first frame costs two to three times what the same
// work costs later, enough to make it a long task. Formatting a small sample once, while the page is idle before
// Send, moves that cost out of the stream.
import type { ReactElement } from 'react';
import Markdown, { type Options } from 'react-markdown';
import { splitMarkdownBlocks, type SourceBlock } from '../../core/markdownBlocks';
import { createDocumentTracker, type BlockContext } from '../../core/markdownDocument';
import { markdownComponents } from './markdownComponents';
import { blockPipeline } from './markdownPipeline';
import { safeUrlTransform } from './safeUrl';

const sample = [
  '## Heading',
  'Some **bold**, *emphasis*, ~~struck~~, `code`, a [link](https://example.com) and https://example.org.',
  '- one\n- two\n  1. nested',
  '> a quote',
  '| Name | Value |\n| --- | ---: |\n| a | 1 |',
  '```ts\nconst x = 1;\n```',
  'A note[^1] and a [reference][docs].\n\n[^1]: The note.\n\n[docs]: https://example.com/docs',
].join('\n\n');

/** Formats one block of the sample the way MarkdownBlock does, without mounting anything. */
function formatOnce(markdown: string, context: BlockContext): void {
  const element: ReactElement<Options> = (
    <Markdown
      {...blockPipeline('warm-up-', context.footnotesBefore)}
      urlTransform={safeUrlTransform}
      components={markdownComponents}
    >
      {context.before + markdown + context.after}
    </Markdown>
  );
  Markdown(element.props);
}

/**
 * The warm-up in small steps (split the sample, then format one of its blocks per step), each short enough for an
 * idle period: run together they would cost what the first formatted frame costs, in one task. Each call runs the
 * next step and says whether any remain.
 */
export function markdownWarmUp(): () => boolean {
  let blocks: readonly SourceBlock[] | null = null;
  let contexts: readonly BlockContext[] = [];
  let next = 0;
  return () => {
    if (blocks === null) {
      blocks = splitMarkdownBlocks(sample).blocks;
      contexts = createDocumentTracker().update(blocks).blocks;
      return blocks.length > 0;
    }
    const block = blocks[next];
    const context = contexts[next];
    next++;
    if (block !== undefined && context !== undefined) formatOnce(block.text, context);
    return next < blocks.length;
  };
}

/** Runs `step` in idle periods (soon, where the browser cannot say) until it says it is done. */
function inIdlePeriods(step: () => boolean): void {
  const schedule = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
    else setTimeout(run, 0);
  };
  const run = () => {
    if (step()) schedule();
  };
  schedule();
}

let warmedUp = false;

/** The warm-up, once per page, in idle periods. */
export function warmUpWhenIdle(): void {
  if (warmedUp) return;
  warmedUp = true;
  inIdlePeriods(markdownWarmUp());
}
