// How the app writes a place in a JSON value: `temperature`, `thinking.type`, `messages[2].content`, `["odd key"]`.

/** The path of `key` inside the value at `parent` ("" for the root). */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const plain = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (plain.startsWith('"')) return `${parent}[${plain}]`;
  return parent === '' ? plain : `${parent}.${plain}`;
}
