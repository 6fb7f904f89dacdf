import { Component, type ReactNode } from 'react';
import { failedBlockNote, PlainTextBlock } from './PlainTextBlock';

interface BlockErrorBoundaryProps {
  /** The block's source, shown as plain text if rendering it throws. */
  text: string;
  children: ReactNode;
}

interface BlockErrorBoundaryState {
  failed: boolean;
  /** The text that failed: a new text gets a new attempt. */
  text: string;
}

/** Contains a failure to render one block: that block falls back to its plain text, the rest of the page stays. */
export class BlockErrorBoundary extends Component<BlockErrorBoundaryProps, BlockErrorBoundaryState> {
  override state: BlockErrorBoundaryState = { failed: false, text: this.props.text };

  static getDerivedStateFromError(): Partial<BlockErrorBoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(
    props: BlockErrorBoundaryProps,
    state: BlockErrorBoundaryState,
  ): Partial<BlockErrorBoundaryState> | null {
    return props.text === state.text ? null : { failed: false, text: props.text };
  }

  override render() {
    if (this.state.failed) return <PlainTextBlock text={this.props.text} note={failedBlockNote} />;
    return this.props.children;
  }
}
