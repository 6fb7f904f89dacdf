// Shared by the mock server tests: a response body read to its end, or to the point where the connection dropped.

/** Reads a body chunk by chunk, keeping what arrived when the connection drops. */
export async function readUntilEnd(response: Response): Promise<{ text: string; dropped: boolean }> {
  if (!response.body) throw new Error('expected a response body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text: text + decoder.decode(), dropped: false };
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return { text, dropped: true };
  }
}
