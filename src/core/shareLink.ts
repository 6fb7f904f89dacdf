// Share links: the request (model, parameters, system prompt, turns, extra fields) compressed into the URL
// fragment, which browsers never send to a server. Never in a link: the API key (redacted wherever it appears),
// the base URL (only an endpoint preset id, so a link cannot point the stored key at another server) and
// therefore no credentials in it either.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import * as z from 'zod/mini';
import { endpointPresets, type EndpointPresetId } from './endpoints';
import { redactSecret } from './redaction';
import type { ChatRequestBody } from './request';
import { requestFromBody, type ParsedRequest } from './requestJson';
import { isShareFragment, shareFragmentPrefix } from './shareFragment';
import { defaultJsonLimits, parseJsonWithinLimits } from './jsonLimits';

export { isShareFragment, shareFragmentPrefix };

/** Longer fragments are refused: some browsers, chat apps and servers truncate long URLs. */
export const maxShareFragmentLength = 8 * 1024;
export const shareFormatVersion = 1;
/** A short link can decompress to a lot of repetitive text: what it unpacks to is limited too. */
const shareJsonLimits = { ...defaultJsonLimits, maxChars: 1024 * 1024 };

/** Presets that name a fixed destination (custom has no URL of its own and is never shared). */
export type SharedEndpointId = Exclude<EndpointPresetId, 'custom'>;
const sharedEndpointIds = endpointPresets
  .map((preset) => preset.id)
  .filter((id): id is SharedEndpointId => id !== 'custom') as [SharedEndpointId, ...SharedEndpointId[]];

const payloadSchema = z.strictObject({
  v: z.literal(shareFormatVersion),
  body: z.looseObject({ model: z.string(), messages: z.array(z.unknown()) }),
  endpoint: z.optional(z.enum(sharedEndpointIds)),
});

export interface ShareInput {
  body: ChatRequestBody;
  endpointId: EndpointPresetId;
  /** Only used to make sure it is not in the link. */
  apiKey: string;
}

export type EncodeResult =
  | { ok: true; fragment: string; keyRedacted: boolean }
  | { ok: false; reason: 'too-large'; length: number; message: string };

export function encodeShareFragment({ body, endpointId, apiKey }: ShareInput): EncodeResult {
  const payload: Record<string, unknown> = { v: shareFormatVersion, body };
  if (endpointId !== 'custom') payload.endpoint = endpointId;
  const json = JSON.stringify(payload);
  // A key pasted into a message or an extra field must not travel with the link.
  const redacted = redactSecret(json, apiKey);
  const fragment = shareFragmentPrefix + compressToEncodedURIComponent(redacted);
  if (fragment.length > maxShareFragmentLength) {
    return {
      ok: false,
      reason: 'too-large',
      length: fragment.length,
      message: `This request is too large for a link (${Math.ceil(fragment.length / 1024)} KB; links are limited to ${maxShareFragmentLength / 1024} KB). Use "Export conversation" to share it as a JSON file instead.`,
    };
  }
  return { ok: true, fragment, keyRedacted: redacted !== json };
}

export interface SharedRequest extends ParsedRequest {
  body: ChatRequestBody;
  endpointId: SharedEndpointId | null;
}

export interface SharedRequestSummary {
  model: string;
  /** User and assistant messages (the system prompt is counted apart). */
  turnCount: number;
  hasSystemPrompt: boolean;
  /** The first user message, shortened to one line. */
  firstMessagePreview: string;
  extraFieldNames: string[];
  endpointLabel: string | null;
}

export type DecodeResult = { ok: true; shared: SharedRequest } | { ok: false; message: string };

const damaged =
  'This shared link is damaged or incomplete (it may have been cut off when it was copied). Nothing was changed.';

export function decodeShareFragment(hash: string): DecodeResult {
  if (!isShareFragment(hash)) return { ok: false, message: damaged };
  const encoded = hash.slice(shareFragmentPrefix.length);
  if (encoded.length > maxShareFragmentLength)
    return { ok: false, message: 'This shared link is larger than links are allowed to be. Nothing was changed.' };
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(encoded);
  } catch {
    json = null;
  }
  if (!json) return { ok: false, message: damaged };
  const limited = parseJsonWithinLimits(json, shareJsonLimits);
  if (!limited.ok)
    return {
      ok: false,
      message:
        limited.reason === 'syntax'
          ? damaged
          : `This shared link cannot be opened: ${limited.message}. Nothing was changed.`,
    };
  const data = limited.value;
  if (
    typeof data === 'object' &&
    data !== null &&
    'v' in data &&
    typeof data.v === 'number' &&
    data.v > shareFormatVersion
  ) {
    return { ok: false, message: 'This link comes from a newer version of GLM Playground. Nothing was changed.' };
  }
  const payload = payloadSchema.safeParse(data);
  if (!payload.success) return { ok: false, message: damaged };
  const parsed = requestFromBody(payload.data.body);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    return {
      ok: false,
      message: `This shared request cannot be opened: ${first ? first.message : 'it is not a valid request'}. Nothing was changed.`,
    };
  }
  const { ok: _ok, ...request } = parsed;
  return {
    ok: true,
    shared: { ...request, body: payload.data.body as ChatRequestBody, endpointId: payload.data.endpoint ?? null },
  };
}

function oneLine(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

export function summarizeSharedRequest(shared: SharedRequest): SharedRequestSummary {
  const firstUser = shared.turns.find((turn) => turn.role === 'user');
  return {
    model: shared.settingsPatch.model,
    turnCount: shared.turns.length,
    hasSystemPrompt: shared.settingsPatch.systemPrompt !== '',
    firstMessagePreview: firstUser ? oneLine(firstUser.content, 120) : '',
    extraFieldNames: Object.keys(shared.extraFields),
    endpointLabel: shared.endpointId
      ? (endpointPresets.find((preset) => preset.id === shared.endpointId)?.label ?? null)
      : null,
  };
}
