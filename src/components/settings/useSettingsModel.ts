import { useMemo } from 'react';
import type { ModelInfo } from '../../core/models';
import { settingsModel } from '../../core/request';
import { usePlaygroundStore } from '../../store';

/** The model the settings address, with the user's limits for a custom id. */
export function useSettingsModel(): ModelInfo {
  const model = usePlaygroundStore((state) => state.settings.model);
  const customModelLimits = usePlaygroundStore((state) => state.settings.customModelLimits);
  return useMemo(() => settingsModel({ model, customModelLimits }), [model, customModelLimits]);
}
