// The Tools section's edits: function tools, web search, tool choice and tool streaming. Plain functions that
// read and set the store; components call them from event handlers.
import {
  emptyParametersText,
  nextToolId,
  type FunctionToolDefinition,
  type ToolChoice,
  type ToolSettings,
  type WebSearchSettings,
} from '../core/toolSettings';
import { usePlaygroundStore } from './index';

const get = () => usePlaygroundStore.getState();
const set = usePlaygroundStore.setState.bind(usePlaygroundStore);

function patchTools(patch: (tools: ToolSettings) => Partial<ToolSettings>): void {
  set((state) => ({
    settings: { ...state.settings, tools: { ...state.settings.tools, ...patch(state.settings.tools) } },
  }));
}

export type ToolTemplate = Pick<FunctionToolDefinition, 'name' | 'description' | 'parameters'>;

const emptyTool: ToolTemplate = { name: '', description: '', parameters: emptyParametersText };

/** Adds an enabled tool (empty, or from an example) at the end of the list; returns its id. */
export function addTool(template: ToolTemplate = emptyTool): string {
  const id = nextToolId(get().settings.tools.functions);
  // An enabled tool: the store loads the schema checker as soon as one exists (see ensureSchemaChecker).
  patchTools((tools) => ({ functions: [...tools.functions, { id, enabled: true, ...template }] }));
  return id;
}

export function updateTool(id: string, patch: Partial<Omit<FunctionToolDefinition, 'id'>>): void {
  patchTools((tools) => ({
    functions: tools.functions.map((tool) => (tool.id === id ? { ...tool, ...patch } : tool)),
  }));
}

export function removeTool(id: string): void {
  patchTools((tools) => ({ functions: tools.functions.filter((tool) => tool.id !== id) }));
}

export function setWebSearch(patch: Partial<WebSearchSettings>): void {
  patchTools((tools) => ({ webSearch: { ...tools.webSearch, ...patch } }));
}

export function setToolChoice(choice: ToolChoice): void {
  patchTools(() => ({ choice }));
}

export function setToolStream(stream: boolean): void {
  patchTools(() => ({ stream }));
}
