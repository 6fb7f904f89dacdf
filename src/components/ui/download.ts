/** Saves text as a file through a Blob URL and a temporary link (no server round trip, nothing leaves the page). */
export function downloadText(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now in every browser; a delay keeps slow ones safe before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
