// Refused input, said for people: "The title cannot be empty." rather than the validator's
// "Too small: expected string to have >=1 characters". Each message names the field it is about,
// and the field travels with it so a form can show the message beside that field.
import type { z } from 'zod';

/** How a field is named in a sentence; others are quoted as they are. */
const LABELS: Record<string, string> = {
  title: 'The title',
  outlet: 'The outlet',
  author: 'The author',
  publishedAt: 'The publication date',
  url: 'The URL',
  id: 'The id',
  name: 'The name',
  claim: 'The claim',
  description: 'The description',
  notes: 'The notes',
  comment: 'The comment',
  tags: 'The tags',
  aliases: 'The aliases',
  color: 'The colour',
  classification: 'The classification',
  date: 'The date',
  query: 'The search',
  file: 'The file name',
  data: 'The content',
  key: 'The suggestion key',
  minConfidence: 'The minimum confidence',
  speakerName: 'The speaker’s name',
};

export interface InputProblem {
  message: string;
  /** The top-level field at fault, when there is one. */
  field?: string;
}

export function describeIssue(issue: z.core.$ZodIssue): InputProblem {
  const field = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
  const key = [...issue.path].reverse().find((p): p is string => typeof p === 'string');
  // Keys come from untrusted input ("__proto__", "constructor"): only the table's own entries count.
  const label = key === undefined ? 'The request' : Object.hasOwn(LABELS, key) ? LABELS[key]! : `“${key.slice(0, 80)}”`;
  const item = typeof issue.path.at(-1) === 'number' ? `Each of ${label.replace(/^The /, 'the ')}` : label;
  switch (issue.code) {
    case 'unrecognized_keys':
      return { message: `${issue.keys.slice(0, 5).map((k) => `“${k.slice(0, 80)}”`).join(', ')} ${issue.keys.length > 1 ? 'are' : 'is'} not something this request takes.` };
    case 'invalid_type':
      return { field, message: `${item} ${/received undefined/.test(issue.message) ? 'is missing' : `must be ${KINDS[issue.expected] ?? issue.expected}`}.` };
    case 'too_small':
      return { field, message: `${item} ${tooSmall(issue)}.` };
    case 'too_big':
      return { field, message: `${item} ${tooBig(issue)}.` };
    case 'invalid_value':
      return { field, message: `${item} must be one of ${issue.values.map((v) => String(v)).join(', ')}.` };
    case 'invalid_format':
      // The contract words its formats as the rest of a sentence ("must be a date as YYYY-MM-DD").
      return { field, message: `${item} ${issue.message.replace(/\.$/, '')}.` };
    case 'custom':
      // Refinements word their message as the rest of a sentence ("cannot be used: …").
      return { field, message: `${item} ${issue.message.replace(/\.$/, '')}.` };
    case 'invalid_union': {
      // "Either empty or a visible title": the branch that is not a fixed value says what was wrong.
      const inner = issue.errors.flat().find((e) => e.code !== 'invalid_value') ?? issue.errors.flat()[0];
      if (inner) return describeIssue({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue);
      return { field, message: `${item} is not valid.` };
    }
    default:
      return { field, message: issue.message.replace(/^./, (c) => c.toUpperCase()).replace(/\.?$/, '.') };
  }
}

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

function tooSmall(issue: z.core.$ZodIssueTooSmall): string {
  const min = Number(issue.minimum);
  if (issue.origin === 'string') return min <= 1 ? 'cannot be empty' : `must be at least ${min} characters`;
  if (issue.origin === 'array') return min <= 1 ? 'cannot be empty' : `must have at least ${min} items`;
  return issue.inclusive ? `must be at least ${min}` : `must be more than ${min}`;
}

function tooBig(issue: z.core.$ZodIssueTooBig): string {
  const max = Number(issue.maximum).toLocaleString('en');
  if (issue.origin === 'string') return `can be at most ${max} characters`;
  if (issue.origin === 'array') return `can have at most ${max} items`;
  if (issue.origin === 'file') return `can be at most ${max} bytes`;
  return issue.inclusive ? `must be at most ${max}` : `must be less than ${max}`;
}

/** What is wrong with one field's value, in the words the router would use; null when it is fine. */
export function problemWith(field: string, schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return describeIssue({ ...issue, path: [field, ...issue.path] }).message;
}
