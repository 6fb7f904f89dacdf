// The Monaco build this app ships: the bare editor (the monaco-editor ≥ 0.56 entry point), the tokenizers the
// Code panel needs and only the core editor worker. Nothing comes from a CDN: @monaco-editor/react is given this
// instance instead of fetching its AMD loader. Imported only by CodeViewer, which the Code panel loads lazily, so
// none of this is in the initial bundle.
//
// Size budget: the bare editor alone is ≈ 694 KB gzip of the 700 KB allowed, so no optional editor features
// are added (find +18 KB, clipboard actions +28 KB, folding +11 KB). Selecting and Ctrl/Cmd+C still work (the
// editor's own copy handling), and the panel has a Copy button.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
// Each registers a language whose Monarch tokenizer is fetched (a ≈ 1 KB chunk) when first used.
import 'monaco-editor/languages/definitions/java/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/shell/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = {
  // Every model, whatever its language, uses the core editor worker; no language workers are bundled.
  getWorker: () => new EditorWorker(),
};

// JSON has no basic-language definition since 0.56; its tokenizer (without the JSON worker) lives with the JSON
// language features and is loaded, like the others, only when a JSON model appears.
monaco.languages.register({
  id: 'json',
  extensions: ['.json'],
  aliases: ['JSON', 'json'],
  mimetypes: ['application/json'],
});
monaco.languages.registerTokensProviderFactory('json', {
  create: async () =>
    (await import('monaco-editor/languages/features/json/tokenization')).createTokenizationSupport(false),
});

loader.config({ monaco });

export { monaco };
