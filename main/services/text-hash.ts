import { createHash } from 'node:crypto';
import { normaliseForIdentity } from '../../shared/schema';

/** What makes two articles "the same text": a hash of the normalised plain text. */
export function textHash(plain: string): string {
  return createHash('sha256').update(normaliseForIdentity(plain)).digest('hex');
}
