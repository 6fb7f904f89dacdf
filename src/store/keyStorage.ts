// The API key lives apart from the rest of the saved state: in localStorage when "Remember key" is on,
// in sessionStorage (gone with the tab) when it is off — never both.
const keyName = 'glm-playground:api-key';

function safeStorage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null; // storage disabled (privacy mode, sandboxed frame)
  }
}

export function loadKey(remember: boolean): string {
  return (safeStorage(remember ? 'local' : 'session')?.getItem(keyName) ?? '').trim();
}

export function saveKey(key: string, remember: boolean): void {
  const keep = safeStorage(remember ? 'local' : 'session');
  const drop = safeStorage(remember ? 'session' : 'local');
  try {
    drop?.removeItem(keyName);
    if (key === '') keep?.removeItem(keyName);
    else keep?.setItem(keyName, key);
  } catch {
    // A full storage must not break typing the key; it simply is not remembered.
  }
}

export function clearKey(): void {
  safeStorage('local')?.removeItem(keyName);
  safeStorage('session')?.removeItem(keyName);
}
