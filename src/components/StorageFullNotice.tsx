import { useState } from 'react';
import type { Notice } from '../store';
import { DismissNoticeButton } from './DismissNoticeButton';
import { downloadConversationFile } from './conversation/conversationFileLoader';
import { openStorageSection } from './storage/storageSectionRequest';

/**
 * The "storage is full" (or nearly) notice, with the ways out beside it: export the conversation, which is intact in
 * memory, and the Storage section, where large conversations can be deleted.
 */
export function StorageFullNotice({ notice }: { notice: Notice }) {
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <div className={`notice notice-${notice.level}`} role="alert">
      <span>{notice.text}</span>
      {failure && <span>{failure}</span>}
      <span className="button-row">
        <button type="button" onClick={() => void downloadConversationFile().then(setFailure)}>
          Export conversation
        </button>
        <button type="button" onClick={openStorageSection}>
          Manage storage
        </button>
        <DismissNoticeButton notice={notice} />
      </span>
    </div>
  );
}
