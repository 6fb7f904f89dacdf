// Streaming must never change what a reply shows: every CommonMark spec example and a small GFM corpus, fed to the
// block renderer in random pieces, end up as the same DOM as the whole text rendered at once through the same
// pipeline and safe components.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import Markdown from 'react-markdown';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import spec from 'commonmark-spec';
import { markdownComponents } from '../../src/components/markdown/markdownComponents';
import { documentPipeline } from '../../src/components/markdown/markdownPipeline';
import { safeUrlTransform } from '../../src/components/markdown/safeUrl';
import { ReplyMarkdown } from '../../src/components/markdown/ReplyMarkdown';
import { plainMarkdownBlock } from '../../src/core/plainMarkdownBlock';
import { gfmCorpus } from '../fixtures/markdown/gfmCorpus';

// Highlighting arrives asynchronously; plain code keeps both renders comparable at any moment.
vi.mock('../../src/core/highlighter', () => ({
  resolveLanguage: () => null,
  highlightToHtml: () => Promise.resolve(null),
}));

/** A small seeded generator (mulberry32), so a failure reproduces. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const wholePrefix = 'user-content-whole-';

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
}

/** HTML of a node with attributes in name order: an element updated while streaming may list them differently. */
function htmlOf(node: Node): string {
  if (!(node instanceof Element)) return escapeText(node.textContent ?? '');
  const attributes = [...node.attributes]
    .map(({ name, value }) => ` ${name}="${escapeText(value).replace(/"/g, '&quot;')}"`)
    .sort()
    .join('');
  const tag = node.tagName.toLowerCase();
  return `<${tag}${attributes}>${[...node.childNodes].map(htmlOf).join('')}</${tag}>`;
}

/** Top-level nodes as HTML, without the block and group wrappers and the line breaks between top-level nodes. */
function normalisedHtml(nodes: readonly Node[]): string {
  return nodes
    .filter((node) => !(node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() === ''))
    .map(htmlOf)
    .join('')
    .replace(/user-content-_r_\w+?_-/g, wholePrefix);
}

function streamedNodes(container: HTMLElement): Node[] {
  const reply = container.firstElementChild;
  if (reply === null) return [];
  return [...reply.childNodes].flatMap((node) =>
    node instanceof Element && node.classList.contains('markdown-group') ? [...node.childNodes] : [node],
  );
}

let wholeRoot: Root;
let streamedRoot: Root;
const wholeContainer = document.createElement('div');
const streamedContainer = document.createElement('div');

beforeAll(() => {
  // Roots made here (not by Testing Library) need React told that act() is in use.
  Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });
  wholeRoot = createRoot(wholeContainer);
  streamedRoot = createRoot(streamedContainer);
});

afterAll(() => {
  act(() => wholeRoot.unmount());
  act(() => streamedRoot.unmount());
});

function renderWhole(text: string): string {
  act(() =>
    wholeRoot.render(
      <Markdown {...documentPipeline(wholePrefix)} urlTransform={safeUrlTransform} components={markdownComponents}>
        {text}
      </Markdown>,
    ),
  );
  return normalisedHtml([...wholeContainer.childNodes]);
}

let mount = 0;
function renderStreamed(text: string, random: () => number): string {
  mount++;
  for (let end = 0; end < text.length;) {
    end = Math.min(text.length, end + 1 + Math.floor(random() * 12));
    const prefix = text.slice(0, end);
    act(() => streamedRoot.render(<ReplyMarkdown key={mount} streaming text={prefix} />));
  }
  act(() => streamedRoot.render(<ReplyMarkdown key={mount} streaming={false} text={text} />));
  return normalisedHtml(streamedNodes(streamedContainer));
}

function differingExamples(examples: readonly { name: string; markdown: string }[], seed: number): string[] {
  const random = seededRandom(seed);
  return examples
    .filter(({ markdown }) => renderStreamed(markdown, random) !== renderWhole(markdown))
    .map(({ name }) => name);
}

describe('streamed rendering equals whole-text rendering', () => {
  const sections = new Map<string, typeof spec.tests>();
  for (const test of spec.tests) sections.set(test.section, [...(sections.get(test.section) ?? []), test]);

  it('covers every CommonMark spec example', () => {
    expect([...sections.values()].flat()).toHaveLength(652);
  });

  it.each([...sections.entries()].map(([section, tests], index) => ({ section, tests, index })))(
    'for the CommonMark spec examples of "$section"',
    ({ tests, index }) => {
      const examples = tests.map((test) => ({ name: `example ${test.number}`, markdown: test.markdown }));
      expect(differingExamples(examples, index + 1)).toEqual([]);
    },
  );

  it('for footnotes, reference links, tables, task lists, strikethrough and autolinks', () => {
    expect(differingExamples(gfmCorpus, 2)).toEqual([]);
  });
});

describe('paragraphs and headings of plain words, shown without a parse', () => {
  const plain = Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éü中     .,;:?\'"()-');
  const syntax = [
    ...Array.from('*_~`[]!<>&\\|@/#\t'),
    '**',
    '`x`',
    ' _x_ ',
    'www.',
    'http://',
    '[^1]',
    '[x](y)',
    '![x](y)',
    '&amp;',
    '<i>',
    'me@example.com',
    '\n',
    '\n---\n',
    ' ##',
  ];
  const openings = ['', '', '', '# ', '## ', '###   ', '###### ', '####### ', '#'];
  const endings = ['', '', '  ', '\n', '\n\n', ' ##'];
  const random = seededRandom(7);
  const pick = <Item,>(items: readonly Item[]): Item => items[Math.floor(random() * items.length)] as Item;
  // A third of the texts are plain words; the others hold one piece of syntax twice, so emphasis and the like form.
  const texts = Array.from({ length: 600 }, () => {
    const characters = Array.from({ length: 1 + Math.floor(random() * 30) }, () => pick(plain));
    if (random() >= 1 / 3) {
      const piece = pick(syntax);
      for (let count = 0; count < 2; count++) characters.splice(Math.floor(random() * characters.length), 0, piece);
    }
    return pick(openings) + characters.join('') + pick(endings);
  });

  it('take the shortcut often enough for this test to mean something', () => {
    expect(texts.filter((text) => plainMarkdownBlock(text) !== null).length).toBeGreaterThan(100);
  });

  it.each([
    { state: 'streaming', streaming: true },
    { state: 'complete', streaming: false },
  ])('render as the whole text does, $state', ({ streaming }) => {
    const differing = texts.filter((text) => {
      act(() => streamedRoot.render(<ReplyMarkdown key={`plain-${text}`} streaming={streaming} text={text} />));
      return normalisedHtml(streamedNodes(streamedContainer)) !== renderWhole(text);
    });
    expect(differing).toEqual([]);
  });
});
