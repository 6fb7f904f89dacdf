// "Open": a sent request (a history entry) back into settings and turns. Loaded with the library's actions, not
// before the Message box.
import { settingsFromParsed, settingsPatchFromBody } from '../core/bodySettings';
import { messageImageUrls, messageText } from '../core/contentParts';
import { modelInfo } from '../core/models';
import { isFormOwnedField, type ChatRequestBody, type RequestSettings } from '../core/request';
import { handWrittenTurn } from './conversationSlice';
import { describeImageUrls } from './imageSelectors';
import type { Turn } from './types';

export interface RestoredRequest {
  settings: RequestSettings;
  turns: Turn[];
  /** What the form cannot show (kept out of the restored request), for the user to read. */
  notes: string[];
  /** The bytes of the turns' inline images by image id (null: left out of the saved copy). */
  imageBytes: Record<string, string | null>;
}

/**
 * Settings and turns that rebuild this body: the form values as bodySettings.ts maps them (parameters pinned where
 * present), the leading system message, the turns and any other fields.
 */
export function restoreRequest(body: ChatRequestBody, current: RequestSettings): RestoredRequest {
  const notes: string[] = [];
  const messages = [...body.messages];
  let systemPrompt = '';
  if (messages[0]?.role === 'system') systemPrompt = messageText(messages.shift()?.content ?? '');
  const turns: Turn[] = [];
  const imageBytes: Record<string, string | null> = {};
  for (const message of messages) {
    if (message.role !== 'user' && message.role !== 'assistant') {
      notes.push(`A ${message.role} message cannot be shown in the conversation and was left out.`);
      continue;
    }
    const turn = {
      ...handWrittenTurn(message.role, messageText(message.content)),
      reasoning: message.reasoning_content ?? '',
    };
    const imageUrls = messageImageUrls(message.content);
    const { images, bytes } = describeImageUrls(imageUrls);
    Object.assign(imageBytes, bytes);
    turns.push(imageUrls.length > 0 ? { ...turn, images } : turn);
  }
  // Fields without a form control (stop, do_sample…) go back verbatim.
  const model = modelInfo(body.model);
  const extraFields = Object.fromEntries(Object.entries(body).filter(([name]) => !isFormOwnedField(name, model)));
  const settings = settingsFromParsed(
    { settingsPatch: settingsPatchFromBody(body, systemPrompt), extraFields },
    current,
  );
  return { settings, turns, notes, imageBytes };
}
