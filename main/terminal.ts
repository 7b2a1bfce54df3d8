// What the CLI prints for a person goes to a terminal, which obeys escape sequences. Library text
// is cleaned on import, but a library from an older version (or edited by other tools) may still
// hold them: every control character except line feed and tab is shown as a visible placeholder.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** ESC becomes "␛", BEL "␇" (Unicode's control pictures); DEL and C1 controls their code as <U+009B>. */
export function forTerminal(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}

/**
 * JSON for a terminal or a pipe: JSON.stringify already writes C0 controls as \u escapes, but not
 * DEL or the C1 range; those are escaped too (still the same JSON).
 */
export function jsonForTerminal(data: unknown): string {
  return JSON.stringify(data, null, 2).replace(/[\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
