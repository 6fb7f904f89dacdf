// What one code export target declares next to its generator, and the lookups the registry derives from the list.
import type { ChatRequest } from '../request';
import type { ExportOptions } from './shared';

/** The tab a target appears under: shared by every target of one language. */
export interface CodeLanguageInfo {
  id: string;
  /** Tab label. */
  label: string;
  /** Download file name (its extension names the language). */
  fileName: string;
  /** Monaco language id for syntax highlighting. */
  monacoLanguage: string;
  mimeType: string;
}

export type CodeGenerator = (request: ChatRequest, options: ExportOptions) => string;

/** One library a request can be exported for (the Library choice under a language tab). */
export interface CodeTarget {
  id: string;
  label: string;
  /** One sentence for the UI: what the reader needs installed and whether the body is identical. */
  description: string;
  /** False when the library may send a body that differs from the app's (the code then says how). */
  exactBody: boolean;
  language: CodeLanguageInfo;
  generate: CodeGenerator;
}

/** A language tab with its targets in registry order; the first target is the tab's default. */
export type CodeLanguageGroup<Target extends CodeTarget> = Target['language'] & { targets: readonly Target[] };

/** Groups targets by language, keeping the order in which languages and targets first appear. */
export function groupByLanguage<Target extends CodeTarget>(targets: readonly Target[]): CodeLanguageGroup<Target>[] {
  const groups = new Map<string, { language: Target['language']; targets: Target[] }>();
  for (const target of targets) {
    const group = groups.get(target.language.id);
    if (group) group.targets.push(target);
    else groups.set(target.language.id, { language: target.language, targets: [target] });
  }
  return [...groups.values()].map(({ language, targets: members }) => ({ ...language, targets: members }));
}

/** The entry with `id`; an unknown id is a programming error and throws. */
export function findById<Entry extends { id: string }>(entries: readonly Entry[], id: string, kind: string): Entry {
  const found = entries.find((entry) => entry.id === id);
  if (!found) throw new RangeError(`Unknown code ${kind} "${id}".`);
  return found;
}
