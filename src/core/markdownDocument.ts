// What each block of a reply needs from the rest of it. Markdown applies link and footnote definitions to the whole
// document, wherever they stand; a block rendered on its own gets the ones it refers to written around its text,
// and footnote numbering continues from the blocks before it. Contexts are cached per block object, so a block's
// context changes (and it renders again) only when a definition it refers to arrives or changes.
import type { SourceBlock } from './markdownBlocks';
import {
  definitionsIn,
  foldLabelText,
  footnoteStubMarkdown,
  linkDefinitionMarkdown,
  type BlockDefinitions,
  type FootnoteDefinition,
  type LinkDefinition,
} from './markdownDefinitions';
import { footnoteReferencesIn } from './markdownTree';

/** Footnote references so far: identifiers in order of first reference, and how often each was referred to. */
export interface FootnoteTally {
  readonly order: readonly string[];
  readonly counts: ReadonlyMap<string, number>;
}

export interface BlockContext {
  /** Link definitions the block refers to, as Markdown to parse before its text. */
  readonly before: string;
  /** Footnote definitions it refers to, as placeholder Markdown to parse after its text. */
  readonly after: string;
  /** References in the blocks before, when this block has footnote references of its own. */
  readonly footnotesBefore: FootnoteTally | null;
}

export interface FootnoteSection {
  /** The footnote definitions (and the link definitions they may use) as Markdown. */
  readonly markdown: string;
  readonly references: FootnoteTally;
}

export interface DocumentContext {
  /** One per block, in order. */
  readonly blocks: readonly BlockContext[];
  readonly footnotes: FootnoteSection | null;
}

export const emptyBlockContext: BlockContext = { before: '', after: '', footnotesBefore: null };

interface ContextEntry {
  context: BlockContext;
  references: readonly string[];
  tallyKey: string;
}

const tallyKeyOf = (tally: FootnoteTally) => [...tally.counts].map(([id, count]) => `${id}\u0000${count}`).join('\n');

function documentDefinitions(
  blocks: readonly SourceBlock[],
  definitionsOf: (block: SourceBlock) => BlockDefinitions | undefined,
) {
  // The first definition of a label wins, as in CommonMark.
  const links = new Map<string, LinkDefinition>();
  const footnotes = new Map<string, FootnoteDefinition>();
  for (const block of blocks) {
    const definitions = definitionsOf(block);
    for (const link of definitions?.links ?? []) if (!links.has(link.identifier)) links.set(link.identifier, link);
    for (const note of definitions?.footnotes ?? [])
      if (!footnotes.has(note.identifier)) footnotes.set(note.identifier, note);
  }
  return { links: [...links.values()], footnotes: [...footnotes.values()] };
}

/** Follows a growing reply and gives every block its context. */
export function createDocumentTracker(): { update(blocks: readonly SourceBlock[]): DocumentContext } {
  const definitionsByBlock = new WeakMap<SourceBlock, BlockDefinitions | undefined>();
  let definitionsKey = '';
  let entries = new WeakMap<SourceBlock, ContextEntry>();
  let section: FootnoteSection | null = null;

  function definitionsOf(block: SourceBlock): BlockDefinitions | undefined {
    // Code defines nothing, and a block beyond the safety limits is never parsed.
    if (!definitionsByBlock.has(block)) {
      const parsed = block.unsafe === undefined && block.fencedCode === undefined;
      definitionsByBlock.set(block, parsed ? definitionsIn(block.text) : undefined);
    }
    return definitionsByBlock.get(block);
  }

  return {
    update(blocks) {
      const { links, footnotes } = documentDefinitions(blocks, definitionsOf);
      const linkMarkdown = links.map(linkDefinitionMarkdown);
      const key = linkMarkdown.join('') + '\u0000' + footnotes.map((note) => note.source).join('\u0000');
      if (links.length === 0 && footnotes.length === 0)
        return { blocks: blocks.map(() => emptyBlockContext), footnotes: null };
      if (key !== definitionsKey) {
        definitionsKey = key;
        entries = new WeakMap();
      }
      const foldedLinks = links.map((link) => foldLabelText(link.identifier));
      const foldedNotes = footnotes.map((note) => '^' + foldLabelText(note.identifier));

      const entryOf = (block: SourceBlock): ContextEntry => {
        const cached = entries.get(block);
        if (cached !== undefined) return cached;
        let entry: ContextEntry = { context: emptyBlockContext, references: [], tallyKey: '' };
        if (block.unsafe === undefined && block.text.includes('[')) {
          const folded = foldLabelText(block.text);
          const before = linkMarkdown.filter((_, index) => folded.includes(foldedLinks[index] ?? '')).join('');
          const notes = footnotes.filter((_, index) => folded.includes(foldedNotes[index] ?? ''));
          const after = notes.length === 0 ? '' : '\n\n' + notes.map(footnoteStubMarkdown).join('');
          const context = { before: before === '' ? '' : before + '\n', after, footnotesBefore: null };
          const references = after === '' ? [] : footnoteReferencesIn(context.before + block.text + after);
          if (context.before !== '' || after !== '') entry = { context, references, tallyKey: '' };
        }
        entries.set(block, entry);
        return entry;
      };

      const order: string[] = [];
      const counts = new Map<string, number>();
      const contexts = blocks.map((block) => {
        const entry = entryOf(block);
        if (entry.references.length === 0) return entry.context;
        const tally = { order: [...order], counts: new Map(counts) };
        const tallyKey = tallyKeyOf(tally);
        if (entry.context.footnotesBefore === null || entry.tallyKey !== tallyKey) {
          entry.context = { ...entry.context, footnotesBefore: tally };
          entry.tallyKey = tallyKey;
        }
        for (const id of entry.references) {
          if (!counts.has(id)) order.push(id);
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        return entry.context;
      });

      if (order.length === 0 || footnotes.length === 0) section = null;
      else {
        const markdown = (
          linkMarkdown.join('') +
          '\n' +
          footnotes.map((note) => note.source + '\n\n').join('')
        ).trimStart();
        const references = { order, counts };
        if (section?.markdown !== markdown || tallyKeyOf(section.references) !== tallyKeyOf(references))
          section = { markdown, references };
      }
      return { blocks: contexts, footnotes: section };
    },
  };
}
