// Starting points for a new briefing.
import type { Node } from 'prosemirror-model';
import { briefingSchema as s } from './briefing';

export const briefingTemplates = ['blank', 'situation'] as const;
export type BriefingTemplate = (typeof briefingTemplates)[number];

const h = (level: number, text: string) => s.node('heading', { level }, s.text(text));
const p = (text?: string) => s.node('paragraph', null, text ? s.text(text) : undefined);

export function templateDoc(template: BriefingTemplate): Node {
  if (template === 'blank') return s.node('doc', null, [p()]);
  // A situation brief: the bottom line first, then what supports it.
  return s.node('doc', null, [
    h(1, 'BLUF'),
    p(),
    h(1, 'Key points'),
    s.node('bullet_list', null, [s.node('list_item', null, [p()])]),
    h(1, 'Background'),
    p(),
    h(1, 'Actors & positions'),
    p(),
    h(1, 'Outlook'),
    p(),
  ]);
}
