// The first reply formatted in a page runs the Markdown code (block splitter, parser, tree builders) for the first
// time, and the browser compiles it as it goes: in Chromium that first frame costs two to three times what the same
// work costs later, enough to make it a long task. Formatting a small sample once, while the page is idle before
// Send, moves that cost out of the stream.
import type { ReactElement } from 'react';
import Markdown, { type Options } from 'react-markdown';
import { splitMarkdownBlocks } from '../../core/markdownBlocks';
import { createDocumentTracker } from '../../core/markdownDocument';
import { completeComponents } from './markdownComponents';
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

export function warmUpMarkdown(): void {
  const { blocks } = splitMarkdownBlocks(sample);
  const { blocks: contexts } = createDocumentTracker().update(blocks);
  blocks.forEach((block, index) => {
    const context = contexts[index];
    if (context === undefined) return;
    // The element MarkdownBlock would render; calling its component runs the parse without mounting anything.
    const element: ReactElement<Options> = (
      <Markdown
        {...blockPipeline('warm-up-', context.footnotesBefore)}
        urlTransform={safeUrlTransform}
        components={completeComponents}
      >
        {context.before + block.text + context.after}
      </Markdown>
    );
    Markdown(element.props);
  });
}
