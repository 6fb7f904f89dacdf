// monaco-editor ships this module without a declaration; only the part the Code panel uses is typed here.
declare module 'monaco-editor/languages/features/json/tokenization' {
  import type { languages } from 'monaco-editor/editor';

  /** The JSON language's own tokenizer (jsonc-parser scanner), usable without the JSON worker. */
  export function createTokenizationSupport(supportComments: boolean): languages.TokensProvider;
}
