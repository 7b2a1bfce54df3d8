import { createHash } from 'node:crypto';
import { normaliseForIdentity } from '../../shared/schema';

/** What makes two articles "the same text": a hash of the normalised plain text. */
export function textHash(plain: string): string {
  return createHash('sha256').update(normaliseForIdentity(plain)).digest('hex');
}

/**
 * A hash of the text exactly as stored, every character counted: what offsets into it are valid
 * for. (textHash folds white space, so two texts it calls the same can still differ in offsets.)
 */
export function exactTextHash(plain: string): string {
  return createHash('sha256').update(plain).digest('hex');
}
