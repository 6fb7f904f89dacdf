// The Code panel's work in one pure function, so that it can run in a worker for a request of megabytes: the key
// left out or redacted as the user chose, the base URL made absolute, and the chosen flavour's code generated.
import type { ChatRequest } from '../request';
import { generateCode, type CodeLibrary } from './index';
import { mayContainSecret, redactKeyInRequest } from './redaction';
import { baseUrlForExport } from './shared';

export interface CodeExportChoices {
  library: CodeLibrary;
  includeKey: boolean;
  minimal: boolean;
  toolLoop: boolean;
  /** The key typed into a message stays in the code (it is redacted otherwise). */
  keepKeyInMessages: boolean;
  /** The user's key (used only where it is included, or to find it in the messages). */
  apiKey: string;
  /** The page's origin: a relative base URL (the local proxy) is exported as an absolute one. */
  origin: string;
}

export type GeneratedCode = { ok: true; code: string } | { ok: false; message: string };

export interface ExportedCode {
  generated: GeneratedCode;
  /** The key appeared in the messages (and was redacted unless kept). */
  keyInMessages: boolean;
}

export function exportedCode(request: ChatRequest, choices: CodeExportChoices): ExportedCode {
  const { includeKey, keepKeyInMessages, library, minimal, toolLoop, origin } = choices;
  const apiKey = includeKey || mayContainSecret(JSON.stringify(request.body), choices.apiKey) ? choices.apiKey : '';
  const redaction = redactKeyInRequest(request, apiKey);
  const exported = {
    ...(keepKeyInMessages ? request : redaction.request),
    baseUrl: baseUrlForExport(request.baseUrl, origin),
  };
  try {
    const code = generateCode(exported, {
      library,
      includeKey,
      apiKey: includeKey ? apiKey : undefined,
      minimal,
      toolLoop,
    });
    return { generated: { ok: true, code }, keyInMessages: redaction.redacted };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { generated: { ok: false, message }, keyInMessages: redaction.redacted };
  }
}
