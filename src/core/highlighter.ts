// highlight.js is loaded on first use, with only the language a code block asks for.
import type { HLJSApi, LanguageFn } from 'highlight.js';

type LanguageModule = Promise<{ default: LanguageFn }>;

const languageLoaders: Record<string, () => LanguageModule> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  dockerfile: () => import('highlight.js/lib/languages/dockerfile'),
  go: () => import('highlight.js/lib/languages/go'),
  ini: () => import('highlight.js/lib/languages/ini'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  php: () => import('highlight.js/lib/languages/php'),
  python: () => import('highlight.js/lib/languages/python'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
};

const aliases: Record<string, string> = {
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  py: 'python',
  python3: 'python',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  console: 'bash',
  shellsession: 'bash',
  golang: 'go',
  rs: 'rust',
  'c++': 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  h: 'c',
  cs: 'csharp',
  'c#': 'csharp',
  html: 'xml',
  svg: 'xml',
  xhtml: 'xml',
  yml: 'yaml',
  toml: 'ini',
  md: 'markdown',
  kt: 'kotlin',
  rb: 'ruby',
  patch: 'diff',
  docker: 'dockerfile',
  jsonc: 'json',
  json5: 'json',
  postgres: 'sql',
  postgresql: 'sql',
  mysql: 'sql',
};

/** The highlight.js language a fence's info word names, or null when none is bundled for it. */
export function resolveLanguage(name: string): string | null {
  const lower = name.toLowerCase();
  const canonical = aliases[lower] ?? lower;
  return Object.hasOwn(languageLoaders, canonical) ? canonical : null;
}

let corePromise: Promise<HLJSApi> | undefined;
const registered = new Map<string, Promise<HLJSApi>>();

function loadLanguage(language: string): Promise<HLJSApi> {
  let pending = registered.get(language);
  if (pending === undefined) {
    const loader = languageLoaders[language];
    if (loader === undefined) return Promise.reject(new Error(`No highlighter for ${language}`));
    corePromise ??= import('highlight.js/lib/core').then((module) => module.default);
    pending = Promise.all([corePromise, loader()]).then(([hljs, definition]) => {
      hljs.registerLanguage(language, definition.default);
      return hljs;
    });
    // A failed chunk load (offline) may be retried by a later block.
    pending.catch(() => registered.delete(language));
    registered.set(language, pending);
  }
  return pending;
}

/** A block of code to highlight, and the language its fence names. */
export interface HighlightRequest {
  code: string;
  language: string;
}

/** highlight.js HTML for `code` (escaped text inside `<span class="hljs-…">`), or null for unknown languages. */
export async function highlightToHtml(code: string, languageName: string): Promise<string | null> {
  const language = resolveLanguage(languageName);
  if (language === null) return null;
  const hljs = await loadLanguage(language);
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
