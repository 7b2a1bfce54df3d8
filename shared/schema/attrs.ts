// Checks for node and mark attributes. ProseMirror runs an attribute's `validate` whenever a node is
// built from JSON or checked, so a briefing can only be saved with values that every view and
// export can read: whole numbers in range (JSON has no Infinity: 1e999 would be stored as null),
// text where text is shown, safe links. The messages are read by the user, so they are plain words.
import type { AttributeSpec } from 'prosemirror-model';
import type { z } from 'zod';
import { safeHref } from './url';

type Check = (value: unknown) => void;

/** How a wrong value is named in a message: never the value itself when it is an object. */
function described(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'NaN' : 'a number too large to store';
  if (typeof value === 'string') return 'text';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const refuse = (what: string, expected: string, value: unknown): never => {
  throw new RangeError(`${what} must be ${expected}, not ${described(value)}.`);
};

/** A whole number from `min` to `max`. */
export function wholeNumber(what: string, min: number, max: number): Check {
  return (v) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) refuse(what, `a whole number from ${min} to ${max}`, v);
  };
}

/** Any finite number (JSON cannot hold Infinity or NaN: they would be stored as null). */
export function finiteNumber(what: string): Check {
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) refuse(what, 'a number', v);
  };
}

/** A row id in the library (annotation, article, actor, topic). */
export const rowId = (what: string): Check => wholeNumber(what, 0, Number.MAX_SAFE_INTEGER);

export function text(what: string): Check {
  return (v) => {
    if (typeof v !== 'string') refuse(what, 'text', v);
  };
}

export function optionalText(what: string): Check {
  return (v) => {
    if (v !== null && typeof v !== 'string') refuse(what, 'text or empty', v);
  };
}

/** A link target as `safeHref` would leave it: http, https or mailto, nothing a renderer could misread. */
export function linkHref(what: string, optional: boolean): Check {
  return (v) => {
    if (v === null && optional) return;
    if (typeof v === 'string' && safeHref(v) !== v) throw new RangeError(`${what} must be an http, https or mailto address without spaces, < or >, not “${v.slice(0, 80)}”.`);
    if (typeof v !== 'string') refuse(what, 'an http, https or mailto address', v);
  };
}

/** A structured value (a figure's query, its frozen picture) as its zod schema has it. */
export function matches(schema: z.ZodType, what: string): Check {
  return (v) => {
    const r = schema.safeParse(v);
    if (!r.success) {
      const issue = r.error.issues[0];
      const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
      throw new RangeError(`${what} is not one Verbatim can draw${where}: ${issue?.message ?? 'it does not fit'}.`);
    }
  };
}

/** Shorthand for an attribute spec with a check (and a default when given). */
export function attr(validate: Check, ...fallback: [unknown?]): AttributeSpec {
  return fallback.length ? { default: fallback[0], validate } : { validate };
}
