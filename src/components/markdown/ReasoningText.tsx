// The model's reasoning as plain text, one element per paragraph: while it grows only the last paragraph changes,
// so the browser never lays out the whole text again.
import './markdown.css';
import { memo } from 'react';
import type { SourceBlock } from '../../core/markdownBlocks';
import { groupBlocks, sameBlocks } from './blockGroups';
import { useLaidOutComplete, useTextBlocks } from './useBlocks';

interface ReasoningTextProps {
  text: string;
  /** True while the reasoning is still growing. */
  streaming: boolean;
}

const ReasoningBlock = memo(function ReasoningBlock({ text }: { text: string }) {
  return <div className="reasoning-text-block">{text}</div>;
});

const ReasoningGroup = memo(
  function ReasoningGroup({ blocks, complete }: { blocks: readonly SourceBlock[]; complete: boolean }) {
    const laidOut = useLaidOutComplete(complete);
    return (
      <div className={laidOut ? 'reasoning-text-group reasoning-text-group-laid-out' : 'reasoning-text-group'}>
        {blocks.map((block) => (
          <ReasoningBlock key={block.key} text={block.text} />
        ))}
      </div>
    );
  },
  (previous, next) => previous.complete === next.complete && sameBlocks(previous.blocks, next.blocks),
);

export function ReasoningText({ text, streaming }: ReasoningTextProps) {
  const { blocks } = useTextBlocks(text);
  const groups = groupBlocks(blocks);
  return (
    <div className="reasoning-text" aria-busy={streaming}>
      {groups.map((group, index) => (
        <ReasoningGroup key={index} blocks={group} complete={index < groups.length - 1 || !streaming} />
      ))}
    </div>
  );
}
