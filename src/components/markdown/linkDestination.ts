// What a link's text claims against where it goes. Model output (or a shared conversation) can write
// [https://bank.example](https://evil.example), or hide a right-to-left override in the text so it reads
// differently than it is; the renderer shows the real destination and strips the hidden characters.

/**
 * Bidirectional controls (which reorder text), zero-width characters and the soft hyphen: invisible in link text,
 * and only ever there to make it read as something else.
 */
const hiddenCharacters = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function withoutHiddenCharacters(text: string): string {
  return text.replace(hiddenCharacters, '');
}

export function hasHiddenCharacters(text: string): boolean {
  return withoutHiddenCharacters(text) !== text;
}

/** Text that reads as an address: a URL, or a bare host name like "www.bank.example" (with a path, optionally). */
const addressLike =
  /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^\s/@:]+@)?((?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,})(?::\d+)?(?:[/?#]\S*)?$/iu;

function hostOf(href: string): string | null {
  try {
    return new URL(href).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function comparableHost(host: string): string {
  // The URL parser gives the ASCII (punycode) form, so a look-alike host written in another script differs.
  const ascii = hostOf(`http://${host}`) ?? host.toLowerCase();
  return ascii.replace(/^www\./, '');
}

/**
 * The real host, when the link text reads as an address of another host (or the destination host is written in
 * a form that is not plain ASCII, which look-alike letters hide behind); null when the text tells the truth or
 * is not an address at all.
 */
export function misleadingDestination(text: string, href: string): string | null {
  const realHost = hostOf(href);
  if (realHost === null) return null;
  const match = addressLike.exec(withoutHiddenCharacters(text).trim());
  const shownHost = match?.[1];
  if (shownHost === undefined) return null;
  return comparableHost(shownHost) === realHost.replace(/^www\./, '') ? null : realHost;
}
