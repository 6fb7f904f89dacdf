// Guard for rendering untrusted model output safely: reads the source tree and fails when something that would let
// model text become live HTML or a live script URL is added. Each rule is also run against a known-bad snippet,
// so the guard itself is proven able to fail.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeUrlTransform } from '../../src/components/markdown/safeUrl';

const root = join(import.meta.dirname, '..', '..');

interface SourceFile {
  path: string;
  code: string;
}

function sourceFiles(directory: string): SourceFile[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(?:ts|tsx|js|jsx|mjs)$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: relative(root, path), code: withoutComments(readFileSync(path, 'utf8')) };
    });
}

/** Comments may name what they avoid; only code counts. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

const identifier = String.raw`[A-Za-z_$][\w$]*`;
// `(url) => url`, `(url: string) => url`, `url => (url)`, `(url) => { return url; }`; `group` is the number of the
// capturing group the parameter gets in the final expression, so the return can refer back to it.
/** A backreference to capturing group `group`. */
const back = (group: number) => '\\' + String(group);
const identityArrow = (group: number) =>
  String.raw`\(?\s*(${identifier})\s*(?::[^)=]*)?\)?\s*=>\s*(?:\(\s*${back(group)}\s*\)|${back(group)}|\{\s*return\s+${back(group)}\s*;?\s*\})\s*(?=[}),;\n]|$)`;
// `function (url) { return url; }`, optionally named and typed.
const identityFunction = (group: number) =>
  String.raw`function\s*(?:${identifier})?\s*\(\s*(${identifier})[^)]*\)\s*(?::[^{]*)?\{\s*return\s+${back(group)}\s*;?\s*\}`;

interface Rule {
  name: string;
  /** Which files the rule reads. */
  applies: (file: SourceFile) => boolean;
  violates: (file: SourceFile) => boolean;
}

const inSource = (file: SourceFile) => file.path.startsWith('src/') || file.path.startsWith('src\\');
const inComponents = (file: SourceFile) => /^src[\\/]components[\\/]/.test(file.path);

/** Names bound to a function that returns its argument unchanged. */
function identityFunctionNames(code: string): string[] {
  const binding = String.raw`(?:const|let|var)\s+(${identifier})\s*(?::[^=]+)?=\s*`;
  const patterns = [
    new RegExp(binding + identityArrow(2), 'g'),
    new RegExp(binding + identityFunction(2), 'g'),
    new RegExp(
      String.raw`function\s+(${identifier})\s*\(\s*(${identifier})[^)]*\)\s*(?::[^{]*)?\{\s*return\s+\2\s*;?\s*\}`,
      'g',
    ),
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1] ?? ''));
}

const rules: Rule[] = [
  {
    name: 'imports rehype-raw',
    applies: inSource,
    violates: ({ code }) => /['"]rehype-raw(?:\/[^'"]*)?['"]/.test(code),
  },
  {
    name: 'uses dangerouslySetInnerHTML',
    applies: inSource,
    violates: ({ code }) => /dangerouslySetInnerHTML/.test(code),
  },
  {
    name: 'writes HTML into the page directly (innerHTML, outerHTML, insertAdjacentHTML, document.write)',
    applies: inComponents,
    violates: ({ code }) =>
      /\.(?:innerHTML|outerHTML)\s*\+?=(?!=)|insertAdjacentHTML\s*\(|createContextualFragment\s*\(|document\.write(?:ln)?\s*\(/.test(
        code,
      ),
  },
  {
    name: 'passes an identity urlTransform',
    applies: inSource,
    violates: ({ code }) => {
      const inline = new RegExp(String.raw`urlTransform\s*[=:]\s*\{?\s*(?:${identityArrow(1)}|${identityFunction(2)})`);
      if (inline.test(code)) return true;
      return identityFunctionNames(code).some((name) =>
        new RegExp(String.raw`urlTransform\s*[=:]\s*\{?\s*${name.replace(/\$/g, '\\$')}\b`).test(code),
      );
    },
  },
  {
    name: 'renders Markdown with a urlTransform other than safeUrlTransform',
    applies: inComponents,
    violates: ({ code }) =>
      [...code.matchAll(/urlTransform\s*=\s*\{([^}]*)\}/g)].some((match) => match[1]?.trim() !== 'safeUrlTransform'),
  },
  {
    name: 'imports react-markdown without wiring safeUrlTransform',
    applies: inComponents,
    violates: ({ code }) =>
      /import\s+(?!type\b)[^;]*from\s+['"]react-markdown['"]/.test(code) &&
      !/urlTransform=\{safeUrlTransform\}/.test(code),
  },
];

function violations(files: SourceFile[]): string[] {
  return rules.flatMap((rule) =>
    files.filter((file) => rule.applies(file) && rule.violates(file)).map((file) => `${file.path}: ${rule.name}`),
  );
}

describe('source guard', () => {
  const files = sourceFiles(join(root, 'src'));

  it('reads the source tree, including the Markdown renderer', () => {
    expect(files.map((file) => file.path.replaceAll('\\', '/'))).toContain('src/components/markdown/ReplyMarkdown.tsx');
  });

  it('finds nothing in src that lets model text become live HTML or a live URL', () => {
    expect(violations(files)).toEqual([]);
  });

  it('has no rehype-raw dependency', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string> | undefined
    >;
    const dependencies = { ...manifest.dependencies, ...manifest.devDependencies };
    expect(Object.keys(dependencies)).not.toContain('rehype-raw');
  });
});

describe('the guard catches', () => {
  const rawHtml = 'writes HTML into the page directly (innerHTML, outerHTML, insertAdjacentHTML, document.write)';
  const bad: [string, string, string][] = [
    ['imports rehype-raw', 'src/components/Reply.tsx', "import rehypeRaw from 'rehype-raw';"],
    ['uses dangerouslySetInnerHTML', 'src/components/Reply.tsx', '<div dangerouslySetInnerHTML={{ __html: text }} />'],
    [
      'uses dangerouslySetInnerHTML',
      'src/store/html.ts',
      "createElement('div', { dangerouslySetInnerHTML: { __html: x } })",
    ],
    [rawHtml, 'src/components/Reply.tsx', 'element.innerHTML = highlighted;'],
    [rawHtml, 'src/components/Reply.tsx', "element.insertAdjacentHTML('beforeend', html);"],
    ['passes an identity urlTransform', 'src/store/a.ts', 'createElement(Markdown, { urlTransform: (url) => url })'],
    [
      'passes an identity urlTransform',
      'src/store/b.ts',
      'const props = { urlTransform: (url: string) => url, x: 1 };',
    ],
    ['passes an identity urlTransform', 'src/store/c.ts', 'const props = { urlTransform: (u) => { return u; } };'],
    [
      'passes an identity urlTransform',
      'src/store/d.ts',
      'const props = { urlTransform: function (u) { return u; } };',
    ],
    [
      'passes an identity urlTransform',
      'src/components/E.tsx',
      '<Markdown urlTransform={(url) => url}>{text}</Markdown>',
    ],
    [
      'passes an identity urlTransform',
      'src/store/f.ts',
      'const keep = (value: string) => value;\nconst options = { urlTransform: keep };',
    ],
    [
      'passes an identity urlTransform',
      'src/store/g.ts',
      'function same(value) { return value; }\nexport const o = { urlTransform: same };',
    ],
    [
      'renders Markdown with a urlTransform other than safeUrlTransform',
      'src/components/H.tsx',
      '<Markdown urlTransform={mine}>{t}</Markdown>',
    ],
    [
      'imports react-markdown without wiring safeUrlTransform',
      'src/components/I.tsx',
      "import Markdown from 'react-markdown';\n<Markdown>{t}</Markdown>",
    ],
  ];

  it.each(bad)('%s (%s)', (rule, path, code) => {
    expect(violations([{ path, code: withoutComments(code) }])).toContain(`${path}: ${rule}`);
  });

  it('does not take a transform that changes the URL for an identity', () => {
    const code =
      'const props = { urlTransform: (url) => url.trim() };\nconst other = { urlTransform: (url) => url === "x" ? "" : url };';
    expect(violations([{ path: 'src/store/props.ts', code }])).toEqual([]);
  });

  it('but not the safe wiring, nor a comment that names what it avoids', () => {
    const code = withoutComments(
      "// never use dangerouslySetInnerHTML or rehype-raw here\nimport Markdown from 'react-markdown';\n" +
        '<Markdown urlTransform={safeUrlTransform}>{text}</Markdown>',
    );
    expect(violations([{ path: 'src/components/Reply.tsx', code }])).toEqual([]);
  });
});

describe('safeUrlTransform (the transform the guard requires)', () => {
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' \tjava\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    '/relative/path',
    '//evil.example/x',
  ])('removes the link %j', (url) => {
    expect(safeUrlTransform(url, 'href')).toBe('');
  });

  it.each(['https://example.com/a?b=1#c', 'http://example.com', 'mailto:someone@example.com', '#user-content-fn-1'])(
    'keeps the link %s',
    (url) => {
      expect(safeUrlTransform(url, 'href')).toBe(url);
    },
  );

  it('keeps remote and inline raster image sources, and removes script-capable ones', () => {
    expect(safeUrlTransform('https://images.example/a.png', 'src')).toBe('https://images.example/a.png');
    expect(safeUrlTransform('data:image/png;base64,iVBORw0KGgo=', 'src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(safeUrlTransform('data:image/svg+xml,<svg onload=alert(1)>', 'src')).toBe('');
    expect(safeUrlTransform('javascript:alert(1)', 'src')).toBe('');
  });
});
