// Exports rendered as strings: pure functions over the schema and plain data, no DOM, no Node.
export { renderBriefingHtml, briefingPageTemplates, classificationLine, PRINT_CSP, type BriefingForRender, type BriefingRenderContext } from './briefing-html';
export { renderArticleHtml, articlePageTemplates, numberAnnotations, type ArticleForRender, type AnnotationForRender, type ArticleRenderContext } from './article-html';
export { citedSources, inlineSpeakers, sourceParts, sourceText, speakerLabel, type CitedSource, type SourceMeta, type SourcePart } from './sources';
export { stanceCell, stanceRows, type StanceCell } from './stance';
export { escapeHtml, formatDate, fileSlug } from './escape';
export { pageHeaderTemplate, pageFooterTemplate } from './page-templates';
export { PAGE_MARGINS_MM, SERIF_STACK, SANS_STACK, type PageSize, type RenderTarget } from './styles';
export { figureKey, printedFigure, type FigureDrawings, type PrintedFigure } from './figure';
