import { usePlaygroundStore } from '../../store';
import { ApiKeyField } from './ApiKeyField';
import { ConversationList } from '../library/ConversationList';
import { EndpointSettings } from './EndpointSettings';
import { HistoryDrawer } from '../library/HistoryDrawer';
import { MaxTokensField } from './MaxTokensField';
import { ModelPicker } from './ModelPicker';
import { ParameterField } from './ParameterField';
import { PresetPicker } from '../library/PresetPicker';
import { ReasoningEffortField } from './ReasoningEffortField';
import { ReasoningPreferences } from './ReasoningPreferences';
import { ResponseFormatField } from '../jsonMode/ResponseFormatField';
import { RequestPreview } from '../request/RequestPreview';
import { SidebarSection } from '../ui/SidebarSection';
import { StallTimeoutField } from './StallTimeoutField';
import { StorageSection } from '../storage/StorageSection';
import { StreamToggle } from './StreamToggle';
import { ThinkingSwitch } from './ThinkingSwitch';
import { ToolsSection } from '../tools/ToolsSection';
import './settings.css';

/**
 * The settings: first what every request uses (model and parameters, open, on one screen), then the groups that
 * fold (connection, conversations, presets, reasoning display, request); history opens in a drawer.
 */
export function SettingsSidebar() {
  // Connection starts open until there is something to connect with (a key, or the offline demo).
  const connectionDefaultOpen = usePlaygroundStore(
    (state) => state.connection.apiKey === '' && state.connection.endpointId !== 'demo',
  );
  return (
    <aside className="settings-sidebar" aria-label="Settings">
      <SidebarSection title="Model and parameters" sectionKey="model" defaultOpen>
        <ModelPicker />
        <ThinkingSwitch />
        <ReasoningEffortField />
        <ParameterField parameter="temperature" />
        <ParameterField parameter="top_p" />
        <MaxTokensField />
        <StreamToggle />
        <ResponseFormatField />
      </SidebarSection>
      <ToolsSection />
      <ReasoningPreferences defaultExpanded={false} />
      <RequestPreview />
      <SidebarSection title="Connection" sectionKey="connection" defaultOpen={connectionDefaultOpen}>
        <ApiKeyField />
        <EndpointSettings />
        <StallTimeoutField />
      </SidebarSection>
      <ConversationList />
      <SidebarSection title="Presets" sectionKey="presets" defaultOpen={false} className="presets-section">
        <PresetPicker />
      </SidebarSection>
      <StorageSection />
      <HistoryDrawer />
    </aside>
  );
}
