// Reads attribution gold in BRAT standoff, PolNeAR's layout: T lines for Source, Cue and Content
// spans (offsets in Unicode code points, fragments joined by ";") and E lines linking them.
export interface GoldSpan {
  /** UTF-16 offsets into the text, end exclusive; several fragments for a discontinuous span. */
  fragments: { start: number; end: number }[];
}

export interface GoldAttribution {
  content: GoldSpan;
  cue: GoldSpan | null;
  source: GoldSpan | null;
}

/** BRAT counts code points; JavaScript strings count UTF-16 units. */
function codePointToUnit(text: string): (cp: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => cp;
  const units: number[] = [];
  let unit = 0;
  for (const ch of text) {
    units.push(unit);
    unit += ch.length;
  }
  units.push(unit);
  return (cp) => units[Math.min(cp, units.length - 1)]!;
}

export function readBrat(ann: string, text: string): GoldAttribution[] {
  const toUnit = codePointToUnit(text);
  const spans = new Map<string, GoldSpan>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
    if (t) {
      const fragments = t[3]!.split(';').map((f) => {
        const [s, e] = f.trim().split(' ').map(Number);
        return { start: toUnit(s!), end: toUnit(e!) };
      });
      spans.set(t[1]!, { fragments });
      continue;
    }
    // Continuation lines of a T line's text (it may hold newlines) and notes are skipped.
    if (/^E\d+\t/.test(line)) events.push(line.split('\t')[1]!);
  }
  const out: GoldAttribution[] = [];
  for (const event of events) {
    const roles = new Map<string, GoldSpan[]>();
    for (const arg of event.split(' ')) {
      const [role, ref] = arg.split(':');
      const span = ref ? spans.get(ref) : undefined;
      if (!role || !span) continue;
      const base = role.replace(/\d+$/, '');
      roles.set(base, [...(roles.get(base) ?? []), span]);
    }
    const content = roles.get('Content');
    if (!content) continue;
    const join = (list: GoldSpan[] | undefined): GoldSpan | null => (list ? { fragments: list.flatMap((s) => s.fragments) } : null);
    out.push({ content: join(content)!, cue: join(roles.get('Cue')), source: join(roles.get('Source')) });
  }
  return out.sort((a, b) => a.content.fragments[0]!.start - b.content.fragments[0]!.start);
}
