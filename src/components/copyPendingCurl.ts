import { generateCode } from '../core/codegen';
import { usePlaygroundStore } from '../store';
import { selectPendingRequest } from '../store/selectors';
import { copyText } from './ui/clipboard';

/** Copies the request the form would send as cURL (without the key); says how it went. */
export async function copyPendingCurl(): Promise<{ text: string; copied: boolean }> {
  const request = selectPendingRequest(usePlaygroundStore.getState());
  try {
    await copyText(generateCode(request, { library: 'curl', includeKey: false }));
    return { text: 'Copied the next request as cURL (without your key).', copied: true };
  } catch {
    return {
      text: 'The request could not be copied: this browser refused clipboard access. Use Code → Copy instead.',
      copied: false,
    };
  }
}
