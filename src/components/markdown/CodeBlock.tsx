import { memo, useEffect, useState, type ReactNode } from 'react';
import { CopyButton } from '../ui/CopyButton';
import { resolveLanguage } from '../../core/highlighter';
import { highlightJobs } from './highlightJobs';
import { highlightHtmlToReact } from './highlightTree';

interface CodeBlockProps {
  code: string;
  /** The fence's info word ('' when none). */
  language: string;
  /** False while the block is still streaming: highlighting waits until it is complete. */
  highlight: boolean;
}

interface Highlighted {
  code: string;
  language: string;
  nodes: ReactNode[];
}

const linesPerChunk = 40;
/**
 * Highlighted code becomes one element per token, all built on the page in one go; beyond this size that would be a
 * long task, so plain text it is.
 */
const maxHighlightedLength = 30_000;

/** Splits code into runs of whole lines; runs before the last keep their text while the code grows. */
function lineChunks(code: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  let lines = 0;
  for (let index = code.indexOf('\n'); index !== -1; index = code.indexOf('\n', index + 1)) {
    if (++lines === linesPerChunk) {
      chunks.push(code.slice(start, index + 1));
      start = index + 1;
      lines = 0;
    }
  }
  if (start < code.length) chunks.push(code.slice(start));
  return chunks;
}

// Each chunk is its own block box, so a growing block of code lays out only its last lines per frame.
const CodeChunk = memo(function CodeChunk({ text }: { text: string }) {
  return <span className="code-block-chunk">{text}</span>;
});

export function CodeBlock({ code, language, highlight }: CodeBlockProps) {
  const [highlighted, setHighlighted] = useState<Highlighted | null>(null);

  useEffect(() => {
    if (!highlight || code.length > maxHighlightedLength || resolveLanguage(language) === null) return undefined;
    let cancelled = false;
    highlightJobs.run({ code, language }).then(
      (html) => {
        if (!cancelled && html !== null) setHighlighted({ code, language, nodes: highlightHtmlToReact(html) });
      },
      () => undefined, // The highlighter chunk failed to load: plain code stays, which is fine.
    );
    return () => {
      cancelled = true;
    };
  }, [code, language, highlight]);

  const current = highlighted?.code === code && highlighted.language === language ? highlighted.nodes : null;
  const safeLanguage = language.replace(/[^\w+#.-]/g, '');
  return (
    <div className="code-block">
      <div className="code-block-header">
        <span className="code-block-language">{safeLanguage || 'text'}</span>
        <CopyButton
          text={code}
          label="Copy code"
          className="code-block-copy"
          copiedMessage="Copied"
          failedMessage="Copy failed: select the code and copy it by hand"
        />
      </div>
      <pre className="code-block-pre">
        <code className={safeLanguage ? `hljs language-${safeLanguage}` : 'hljs'}>
          {current ?? lineChunks(code).map((chunk, index) => <CodeChunk key={index} text={chunk} />)}
        </code>
      </pre>
    </div>
  );
}
