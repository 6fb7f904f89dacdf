// Ready-made function tools for "Add tool": each with a description that says when to call it and a schema the
// model can fill in without guessing. Data only.
import type { FunctionToolDefinition } from './toolSettings';

export type ToolExample = Pick<FunctionToolDefinition, 'name' | 'description' | 'parameters'>;

function schema(value: Record<string, unknown>): string {
  return JSON.stringify(value, null, 2);
}

export const toolExamples: readonly ToolExample[] = [
  {
    name: 'get_weather',
    description:
      'Get the current weather for a city. Call it whenever the user asks about weather, temperature or whether to take an umbrella.',
    parameters: schema({
      type: 'object',
      properties: {
        city: { type: 'string', description: 'City name, e.g. "Beijing" or "Paris"' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'], description: 'Temperature unit; celsius by default' },
      },
      required: ['city'],
    }),
  },
  {
    name: 'search_knowledge_base',
    description:
      "Search the company's internal knowledge base (product docs, policies, FAQs). Call it before answering questions about our products or rules; cite the returned titles.",
    parameters: schema({
      type: 'object',
      properties: {
        query: { type: 'string', description: 'What to look for, in a few keywords' },
        top_k: { type: 'integer', minimum: 1, maximum: 20, description: 'How many passages to return (default 5)' },
      },
      required: ['query'],
    }),
  },
  {
    name: 'run_sql',
    description:
      'Run a read-only SQL query (SELECT only) against the sales database and return the rows. Tables: orders(id, customer_id, total, created_at), customers(id, name, country).',
    parameters: schema({
      type: 'object',
      properties: {
        query: { type: 'string', description: 'One SELECT statement' },
        limit: { type: 'integer', minimum: 1, maximum: 1000, description: 'Maximum rows to return (default 100)' },
      },
      required: ['query'],
    }),
  },
];
