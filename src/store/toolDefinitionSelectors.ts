// What is wrong with the tools the form defines, for the tool editor and for Send (selectCanSend).
import { toolProblems, type ToolProblems } from '../core/toolValidation';
import type { ToolSettings } from '../core/toolSettings';
import type { JsonSchemaChecker } from '../core/jsonSchema/validation';
import type { PlaygroundState } from './types';

// Per tools object: every edit replaces it, so an unchanged one keeps its result (schema checks are not free).
const checked = new WeakMap<ToolSettings, { checker: JsonSchemaChecker | null; problems: ToolProblems }>();

export function selectToolProblems(state: PlaygroundState): ToolProblems {
  const { tools } = state.settings;
  const checker = state.ui.schemaChecker;
  const cached = checked.get(tools);
  if (cached && cached.checker === checker) return cached.problems;
  const problems = toolProblems(tools, checker);
  checked.set(tools, { checker, problems });
  return problems;
}
