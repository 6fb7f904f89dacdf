// The code export registry: every target, in the order the Code panel shows them. Each target declares its own
// metadata next to its generator, so a new target is one new file and one line in this list. The first target
// of a language is that tab's default library.
import type { ChatRequest } from '../request';
import { curlTarget } from './curl';
import { javaHttpClientTarget } from './javaHttpClient';
import { javaZaiSdkTarget } from './javaZaiSdk';
import { pythonOpenAiTarget } from './pythonOpenAi';
import { pythonRequestsTarget } from './pythonRequests';
import { pythonZaiSdkTarget } from './pythonZaiSdk';
import type { ExportOptions } from './shared';
import { findById, groupByLanguage } from './target';

export const codeTargets = [
  curlTarget,
  pythonRequestsTarget,
  pythonZaiSdkTarget,
  pythonOpenAiTarget,
  javaHttpClientTarget,
  javaZaiSdkTarget,
] as const;

export type RegisteredCodeTarget = (typeof codeTargets)[number];
export type CodeLibrary = RegisteredCodeTarget['id'];
export type CodeLanguage = RegisteredCodeTarget['language']['id'];
export type CodegenOptions = ExportOptions & { library: CodeLibrary };
export type { CodeLanguageGroup, CodeLanguageInfo, CodeTarget } from './target';

/** The language tabs, each with its targets. */
export const codeLanguages = groupByLanguage<RegisteredCodeTarget>(codeTargets);

export function codeLanguage(language: CodeLanguage): (typeof codeLanguages)[number] {
  return findById(codeLanguages, language, 'language');
}

export function isCodeLibrary(id: string): id is CodeLibrary {
  return codeTargets.some((target) => target.id === id);
}

export function codeTarget(library: CodeLibrary): RegisteredCodeTarget {
  return findById<RegisteredCodeTarget>(codeTargets, library, 'library');
}

/** The source text for `request` exported with `options.library`. */
export function generateCode(request: ChatRequest, options: CodegenOptions): string {
  return codeTarget(options.library).generate(request, options);
}
