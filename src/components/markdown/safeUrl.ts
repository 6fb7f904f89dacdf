// URL policy for model-written Markdown. The model's text is untrusted: only addresses that cannot run script or
// read local files survive; everything else becomes '' and the renderers show it as inert text.

const schemePattern = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
/** Inline raster images carry no request to a third party, so they may show without a click. */
const inlineImagePattern = /^data:image\/(?:png|gif|jpeg|webp);/i;
const linkSchemes = new Set(['http', 'https', 'mailto']);
const imageSchemes = new Set(['http', 'https']);

/** Browsers ignore tabs and line breaks anywhere in a URL and control characters or spaces at its ends. */
function cleanUrl(url: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

function urlScheme(url: string): string | null {
  return schemePattern.exec(cleanUrl(url))?.[1]?.toLowerCase() ?? null;
}

/**
 * react-markdown `urlTransform`: keeps http(s) and mailto links and in-page `#fragments`, http(s) and inline
 * raster image sources; returns '' for anything else (javascript:, vbscript:, data:text/html, file:, relative…).
 */
export function safeUrlTransform(url: string, key: string): string {
  const cleaned = cleanUrl(url);
  const scheme = urlScheme(cleaned);
  if (key === 'href') {
    if (scheme !== null) return linkSchemes.has(scheme) ? cleaned : '';
    return cleaned.startsWith('#') ? cleaned : '';
  }
  if (key === 'src') {
    if (scheme === 'data') return inlineImagePattern.test(cleaned) ? cleaned : '';
    return scheme !== null && imageSchemes.has(scheme) ? cleaned : '';
  }
  return '';
}

/** True for image sources that would make the browser contact another server. */
export function isRemoteImage(src: string): boolean {
  const scheme = urlScheme(src);
  return scheme !== null && imageSchemes.has(scheme);
}
