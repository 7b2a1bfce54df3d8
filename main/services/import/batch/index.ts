// News-database exports: one file, many articles. A file whose blocks carry an export's markers is
// split into its articles; any other file is one article and goes the ordinary way.
import { blocksOf } from './blocks';
import { looksLikeNexis, splitNexis } from './nexis';
import { looksLikeFactiva, splitFactiva } from './factiva';
import type { ParsedExport } from '../parsed';

/** The export held under `root`, or null when it does not look like one. */
export function readExport(root: Element): ParsedExport | null {
  const blocks = blocksOf(root);
  if (looksLikeNexis(blocks)) return splitNexis(blocks);
  if (looksLikeFactiva(blocks)) return splitFactiva(blocks);
  return null;
}
