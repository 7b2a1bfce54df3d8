// Control characters have no place in what an analyst reads: an ESC in a title becomes a terminal
// command when `verbatim list` prints it (a spoofed hyperlink, a cleared screen), and most are
// invisible everywhere else. They are dropped when text comes in.

import { cleanName } from '../../shared/names';

/** C0 controls, DEL and C1 controls (U+0080–U+009F; U+009B is a one-byte CSI to some terminals). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
/** The same, sparing tab, line feed and carriage return, which the importers read as layout. */
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_LAYOUT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** An article's text before it is parsed: only tabs and line breaks survive. */
export function stripControls(text: string): string {
  return text.replace(CONTROLS_BUT_LAYOUT, '');
}

/** One-line metadata (title, outlet, author, URL): whitespace folded, controls and bidi overrides gone. */
export function cleanLine(value: string): string {
  return cleanName(value.replace(/\s+/g, ' ').replace(CONTROLS, ''));
}
