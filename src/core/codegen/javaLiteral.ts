// JSON values as Java expressions for the SDK flavour: objects become map("key", value, …) (an ordered
// LinkedHashMap, defined in the exported class), arrays Arrays.asList(…), numbers Integer/Long/Double literals.
// Jackson writes these back as the same JSON.
import type { CodeBuilder } from './codeBuilder';
import { CodeExpression, javaStringExpression } from './quoting';

const singleLineLimit = 80;

function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  if (!Number.isInteger(value)) return String(value);
  return Math.abs(value) <= 2147483647 ? String(value) : `${value}L`;
}

/** A Java expression for `value`; nested lines are indented from `indent`. */
export function javaLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof CodeExpression) return value.code;
  if (typeof value === 'string') return javaStringExpression(value);
  if (typeof value === 'number') return numberLiteral(value);
  if (typeof value === 'boolean') return String(value);
  const inner = indent + '    ';
  const items = Array.isArray(value)
    ? // A lone null would be taken as the varargs array itself.
      value.map((item) => (item === null && value.length === 1 ? '(Object) null' : javaLiteral(item, inner)))
    : Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => `${javaStringExpression(key)}, ${javaLiteral(item, inner)}`);
  const opening = Array.isArray(value) ? 'Arrays.asList(' : 'map(';
  const oneLine = opening + items.join(', ') + ')';
  if (!oneLine.includes('\n') && indent.length + oneLine.length <= singleLineLimit) return oneLine;
  return opening + '\n' + items.map((item) => inner + item).join(',\n') + ')';
}

/** The `map(…)` helper the literals use: an insertion-ordered map, so the JSON keeps the app's key order. */
export function writeMapHelper(code: CodeBuilder): void {
  code.line('/** An ordered map from key, value pairs (Jackson writes it as a JSON object). */');
  code.block(
    'static Map<String, Object> map(Object... keysAndValues) {',
    () => {
      code.line('Map<String, Object> map = new LinkedHashMap<>();');
      code.line('for (int index = 0; index < keysAndValues.length; index += 2) {');
      code.line('    map.put((String) keysAndValues[index], keysAndValues[index + 1]);');
      code.line('}');
      code.line('return map;');
    },
    '}',
  );
}
