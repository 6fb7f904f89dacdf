import { defaultModelId } from '../core/models';
import { defaultSettingsFor, type RequestSettings } from '../core/request';

export function initialSettings(): RequestSettings {
  return defaultSettingsFor(defaultModelId);
}
