// Text for XML (GraphML, SVG): the five special characters as entities, and the characters XML 1.0
// cannot hold at all (most C0 controls, U+FFFE, U+FFFF) left out, so a name can never break the file.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export const xmlText = (s: string | number) => String(s).replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ENTITY[c]!);
