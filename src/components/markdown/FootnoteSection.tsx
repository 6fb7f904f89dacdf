import { memo, useMemo } from 'react';
import Markdown from 'react-markdown';
import type { FootnoteSection as Section } from '../../core/markdownDocument';
import { markdownComponents } from './markdownComponents';
import { footnoteSectionPipeline } from './markdownPipeline';
import { safeUrlTransform } from './safeUrl';

/** The reply's footnotes, rendered once after all its blocks, as GFM renders them after a whole document. */
export const FootnoteSection = memo(function FootnoteSection({
  section,
  idPrefix,
}: {
  section: Section;
  idPrefix: string;
}) {
  const pipeline = useMemo(() => footnoteSectionPipeline(idPrefix, section.references), [idPrefix, section.references]);
  return (
    <Markdown {...pipeline} urlTransform={safeUrlTransform} components={markdownComponents}>
      {section.markdown}
    </Markdown>
  );
});
