export { articleSchema, ARTICLE_SCHEMA_VERSION } from './article';
export { projectText, countWords, normaliseForIdentity, BLOCK_SEPARATOR } from './text';
export { safeHref } from './url';
