// JSON mode (docs/wire-format.md#structured-output): `response_format` is `{"type": "text"}` (the API default) or
// `{"type": "json_object"}`, and vision models do not take it. There is no `json_schema` type, so the answer schema
// a user sets is never sent: the app checks answers against it itself (jsonAnswer.ts).
import { isRecord } from './json';
import type { ModelInfo } from './models';

export const responseFormatTypes = ['text', 'json_object'] as const;
export type ResponseFormatType = (typeof responseFormatTypes)[number];

export interface ResponseFormatParameter {
  type: ResponseFormatType;
}

/** The vision models' request schema has no response_format. */
export function takesResponseFormat(model: ModelInfo): boolean {
  return model.vision.length === 0;
}

export type ResponseFormatReading = { ok: true; type: ResponseFormatType } | { ok: false; message: string };

/** A `response_format` value from a body: its type, or why the form cannot hold it. */
export function readResponseFormat(value: unknown): ResponseFormatReading {
  if (isRecord(value) && Object.keys(value).length === 1) {
    const type = responseFormatTypes.find((candidate) => candidate === value.type);
    if (type) return { ok: true, type };
  }
  return {
    ok: false,
    message: 'response_format must be {"type": "text"} or {"type": "json_object"}; the API has no "json_schema".',
  };
}

/** The part of the settings that says what goes out as response_format. */
interface ResponseFormatSettings {
  responseFormat: ResponseFormatType;
  pinned: { response_format: boolean };
  extraFields: Record<string, unknown>;
}

/**
 * Settings kept from before the form owned `response_format` (or from a model that does not take it) may hold it
 * as an extra field. Where the model takes it, it moves into the form, pinned as a present field is; a value the
 * form cannot hold is dropped, since the form's own value would override it anyway.
 */
export function adoptExtraResponseFormat<Settings extends ResponseFormatSettings>(
  settings: Settings,
  model: ModelInfo,
): Settings {
  if (!('response_format' in settings.extraFields) || !takesResponseFormat(model)) return settings;
  const { response_format: saved, ...extraFields } = settings.extraFields;
  const reading = readResponseFormat(saved);
  if (!reading.ok) return { ...settings, extraFields };
  return {
    ...settings,
    responseFormat: reading.type,
    pinned: { ...settings.pinned, response_format: true },
    extraFields,
  };
}
