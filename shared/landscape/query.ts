// What a landscape picture is asked for: the filters every picture shares, and for a network its
// type and weights; a figure may also be the stance timeline. One schema for the contract's landscape calls and for a figure in a briefing,
// which stores the query it was drawn from so it can be drawn again, live, until frozen.
import { z } from 'zod';
import { actorKinds, annotationKinds } from '../model';
import { MAX_META_CHARS } from '../limits';
import { networkTypes, normalisations } from './network';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

/** The filters every landscape picture shares (see LandscapeFilter in result.ts). */
export const landscapeFilter = z.strictObject({
  topicId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  outlet: z.string().max(MAX_META_CHARS).optional(),
  actorKind: z.enum(actorKinds).optional(),
  kind: z.enum(annotationKinds).optional(),
});

/** One of DNA's networks under those filters: what the view draws and a figure redraws. */
export const networkQuery = landscapeFilter.extend({
  type: z.enum(networkTypes),
  normalisation: z.enum(normalisations).optional(),
  minWeight: z.number().min(0).max(1e9).optional(),
});

export type NetworkQuery = z.infer<typeof networkQuery>;

/** The stance timeline under those filters, as a figure asks for it. */
export const timelineQuery = landscapeFilter.extend({ type: z.literal('timeline') });

/** What a figure is drawn from: one of the networks, or the stance timeline. */
export const figureQuery = z.union([networkQuery, timelineQuery]);

export type FigureQuery = z.infer<typeof figureQuery>;
