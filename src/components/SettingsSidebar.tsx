import { ApiKeyField } from './ApiKeyField';
import { EndpointSettings } from './EndpointSettings';
import { FirstRunHint } from './FirstRunHint';
import { KeyOriginDialog } from './KeyOriginDialog';
import { MaxTokensField } from './MaxTokensField';
import { ModelPicker } from './ModelPicker';
import { ParameterField } from './ParameterField';
import { RequestPreview } from './RequestPreview';
import { StreamToggle } from './StreamToggle';
import { ThinkingSwitch } from './ThinkingSwitch';
import '../styles/sidebar.css';

/** The settings column: key and endpoint, model and parameters, and the live request preview. */
export function SettingsSidebar() {
  return (
    <aside className="settings-sidebar" aria-label="Settings">
      <FirstRunHint />
      <div className="sidebar-section">
        <h2>Connection</h2>
        <ApiKeyField />
        <EndpointSettings />
      </div>
      <div className="sidebar-section">
        <h2>Model and parameters</h2>
        <ModelPicker />
        <ThinkingSwitch />
        <ParameterField parameter="temperature" />
        <ParameterField parameter="top_p" />
        <MaxTokensField />
        <StreamToggle />
      </div>
      <RequestPreview />
      <KeyOriginDialog />
    </aside>
  );
}
