import { useEffect, useState } from 'react';
import { ensureSchemaChecker, usePlaygroundStore } from '../../store';
import { SidebarSection } from '../ui/SidebarSection';
import { AddToolControls } from './AddToolControls';
import { ToolChoiceSelect } from './ToolChoiceSelect';
import { ToolList } from './ToolList';
import { ToolStreamToggle } from './ToolStreamToggle';
import { WebSearchSettings } from './WebSearchSettings';
import './tools.css';

/** "Tools": the function tools a request carries, web search, tool choice and tool streaming. */
export function ToolsSection() {
  const hasFunctions = usePlaygroundStore((state) => state.settings.tools.functions.length > 0);
  const hasTools = usePlaygroundStore((state) => hasFunctions || state.settings.tools.webSearch.enabled);
  const [editingId, setEditingId] = useState<string | null>(null);
  // The editor shows schema problems of disabled tools too: load the checker as soon as any tool exists.
  useEffect(() => {
    if (hasFunctions) ensureSchemaChecker();
  }, [hasFunctions]);
  return (
    <SidebarSection title="Tools" sectionKey="tools" defaultOpen={hasTools}>
      <ToolList editingId={editingId} onEdit={setEditingId} />
      <AddToolControls onAdded={setEditingId} />
      <WebSearchSettings />
      <ToolChoiceSelect />
      <ToolStreamToggle />
    </SidebarSection>
  );
}
