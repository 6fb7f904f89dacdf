import { downloadText } from '../ui/download';

/** Export and import of conversation files load on first use: the first paint does not need them. */
export const loadConversationFile = () => import('../../store/conversationFile');

export const conversationFileLoadFailure = 'Part of the app failed to load. Reload the page and try again.';

/** Downloads the current conversation as a JSON file; the message of what went wrong, if anything did. */
export async function downloadConversationFile(): Promise<string | null> {
  try {
    const { exportConversation } = await loadConversationFile();
    const file = exportConversation();
    downloadText(file.text, file.fileName, 'application/json');
    return null;
  } catch {
    return `The conversation could not be exported. ${conversationFileLoadFailure}`;
  }
}
