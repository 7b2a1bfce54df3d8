// A page copied in a browser reaches the clipboard twice: as plain text and as HTML. The import box
// shows the plain text but imports the HTML (through main's sanitising HTML reader), so headings,
// lists and links survive, as long as what the box shows is still exactly what was pasted.

export interface PastedPage {
  html: string;
  /** What the text box showed right after the paste; an edit makes the HTML stale. */
  text: string;
}

/**
 * Takes over a paste that carries HTML and fills the whole box: returns the page and the text to
 * show. A paste into the middle of other text stays an ordinary plain-text paste (null).
 */
export function takePastedPage(e: ClipboardEvent, box: HTMLTextAreaElement): PastedPage | null {
  const html = e.clipboardData?.getData('text/html') ?? '';
  if (!html.trim()) return null;
  const fillsBox = !box.value.trim() || (box.selectionStart === 0 && box.selectionEnd === box.value.length);
  if (!fillsBox) return null;
  const text = e.clipboardData?.getData('text/plain') || textOfHtml(html);
  if (!text.trim()) return null;
  e.preventDefault();
  return { html, text };
}

/** For the rare clipboard with no plain flavour: the words of the HTML, parsed inert (no scripts, no loads). */
function textOfHtml(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}
