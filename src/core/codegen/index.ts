// Code export: one pure generator per library, and the registry the Code panel is built from.
import type { ChatRequest } from '../request';
import { generateCurl } from './curl';
import { generateJavaHttpClient } from './javaHttpClient';
import { generateJavaZaiSdk } from './javaZaiSdk';
import { generatePythonRequests } from './pythonRequests';
import { generatePythonOpenAi, generatePythonZaiSdk } from './pythonSdks';
import type { CodeGenerator, CodeLanguage, CodeLibrary, CodegenOptions } from './shared';

export type { CodeGenerator, CodeLanguage, CodeLibrary, CodegenOptions } from './shared';
export {
  generateCurl,
  generateJavaHttpClient,
  generateJavaZaiSdk,
  generatePythonOpenAi,
  generatePythonRequests,
  generatePythonZaiSdk,
};

export interface CodeLibraryInfo {
  id: CodeLibrary;
  label: string;
  /** One sentence for the UI: what the reader needs installed and whether the body is identical. */
  description: string;
  /** False when the library may send a body that differs from the app's (the code then says how). */
  exactBody: boolean;
}

export interface CodeTarget {
  language: CodeLanguage;
  /** Tab label. */
  label: 'cURL' | 'Python' | 'Java';
  /** Download file name. */
  fileName: string;
  /** Monaco language id for syntax highlighting. */
  monacoLanguage: 'shell' | 'python' | 'java';
  mimeType: string;
  defaultLibrary: CodeLibrary;
  libraries: readonly CodeLibraryInfo[];
}

export const codeTargets: readonly CodeTarget[] = [
  {
    language: 'curl',
    label: 'cURL',
    fileName: 'glm-request.sh',
    monacoLanguage: 'shell',
    mimeType: 'text/x-shellscript',
    defaultLibrary: 'curl',
    libraries: [
      { id: 'curl', label: 'curl (bash)', description: 'bash and curl; prints the raw response.', exactBody: true },
    ],
  },
  {
    language: 'python',
    label: 'Python',
    fileName: 'glm_request.py',
    monacoLanguage: 'python',
    mimeType: 'text/x-python',
    defaultLibrary: 'python-requests',
    libraries: [
      {
        id: 'python-requests',
        label: 'requests',
        description: 'pip install requests; sends exactly this body.',
        exactBody: true,
      },
      {
        id: 'python-zai-sdk',
        label: 'zai-sdk (official)',
        description: 'pip install zai-sdk; the SDK adjusts temperature 0/1 and top_p 1.',
        exactBody: false,
      },
      {
        id: 'python-openai',
        label: 'openai',
        description: 'pip install openai; Z.ai-only fields go in extra_body.',
        exactBody: true,
      },
    ],
  },
  {
    language: 'java',
    label: 'Java',
    fileName: 'GlmRequest.java',
    monacoLanguage: 'java',
    mimeType: 'text/x-java-source',
    defaultLibrary: 'java-httpclient',
    libraries: [
      {
        id: 'java-httpclient',
        label: 'HttpClient (JDK 11+)',
        description: 'No dependency; sends exactly this body.',
        exactBody: true,
      },
      {
        id: 'java-zai-sdk',
        label: 'zai-sdk (official)',
        description: 'ai.z.openapi:zai-sdk; fields without a builder setter are listed in a comment.',
        exactBody: false,
      },
    ],
  },
];

export const codeGenerators: Readonly<Record<CodeLibrary, CodeGenerator>> = {
  curl: generateCurl,
  'python-requests': generatePythonRequests,
  'python-zai-sdk': generatePythonZaiSdk,
  'python-openai': generatePythonOpenAi,
  'java-httpclient': generateJavaHttpClient,
  'java-zai-sdk': generateJavaZaiSdk,
};

export function codeTarget(language: CodeLanguage): CodeTarget {
  const target = codeTargets.find((candidate) => candidate.language === language);
  if (!target) throw new RangeError(`Unknown code language "${String(language)}".`);
  return target;
}

/**
 * The source text for `request` in `language` with `options.library`. The library must belong to the
 * language (see codeTargets); a mismatch is a programming error and throws.
 */
export function generateCode(request: ChatRequest, language: CodeLanguage, options: CodegenOptions): string {
  const target = codeTarget(language);
  if (!target.libraries.some((library) => library.id === options.library)) {
    throw new RangeError(`Library "${options.library}" is not available for ${target.label}.`);
  }
  return codeGenerators[options.library](request, options);
}
