import { ApiKeyField } from './ApiKeyField';
import { ConversationList } from './ConversationList';
import { EndpointSettings } from './EndpointSettings';
import { FirstRunHint } from './FirstRunHint';
import { HistoryPanel } from './HistoryPanel';
import { KeyOriginDialog } from './KeyOriginDialog';
import { MaxTokensField } from './MaxTokensField';
import { ModelPicker } from './ModelPicker';
import { ParameterField } from './ParameterField';
import { PresetPicker } from './PresetPicker';
import { ReasoningPreferences } from './ReasoningPreferences';
import { RequestPreview } from './RequestPreview';
import { PendingRequestCode } from './code/PendingRequestCode';
import { StallTimeoutField } from './StallTimeoutField';
import { StreamToggle } from './StreamToggle';
import { ThinkingSwitch } from './ThinkingSwitch';
import '../styles/sidebar.css';

/** The settings column: key and endpoint, model and parameters, and the live request preview. */
export function SettingsSidebar() {
  return (
    <aside className="settings-sidebar" aria-label="Settings">
      <FirstRunHint />
      <ConversationList />
      <div className="sidebar-section">
        <h2>Connection</h2>
        <ApiKeyField />
        <EndpointSettings />
        <StallTimeoutField />
      </div>
      <div className="sidebar-section">
        <h2>Model and parameters</h2>
        <PresetPicker />
        <ModelPicker />
        <ThinkingSwitch />
        <ParameterField parameter="temperature" />
        <ParameterField parameter="top_p" />
        <MaxTokensField />
        <StreamToggle />
      </div>
      <ReasoningPreferences />
      <RequestPreview />
      <PendingRequestCode />
      <HistoryPanel />
      <KeyOriginDialog />
    </aside>
  );
}
