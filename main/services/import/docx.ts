// Word (.docx): mammoth turns the document into plain semantic HTML (headings from Word's heading
// styles, lists, emphasis, links, tables), which then goes through the article schema's parser like
// a saved page; tables become text. A .docx laid out as a news-database export (batch/) is split
// into its articles. The title is the first heading, else the document's own title property.
import type JSZip from 'jszip';
import type Mammoth from 'mammoth';
import { AppError } from '../../errors';
import { loadOnFirstUse } from '../../load-on-first-use';
import { loadJsdom, parser, withoutEmptyBlocks } from './html';
import { tablesAsText } from './tables';
import { readExport } from './batch';
import { foldSpace } from './batch/blocks';
import type { ParsedArticle, ParsedExport } from './parsed';

/** mammoth and JSZip load on the first Word file, not at the start of every command. */
const mammothLib = () => loadOnFirstUse<typeof Mammoth>('mammoth');
const zipLib = () => loadOnFirstUse<typeof JSZip>('jszip');

/** Reads a .docx file's bytes; a file that is not a Word document is refused with what it is instead. */
export async function readDocx(bytes: Buffer): Promise<ParsedArticle | ParsedExport> {
  const zip = await openWordZip(bytes);
  const coreXml = await zip.file('docProps/core.xml')?.async('string');
  let html: string;
  try {
    const mammoth = mammothLib();
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      // Pictures are not kept (the schema has none): an empty source spares encoding each as base64.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
    html = result.value;
  } catch (err) {
    throw new AppError('unsupported', `The Word document could not be read: ${(err as Error).message}`);
  }
  const { JSDOM, silent } = loadJsdom();
  const dom = new JSDOM(`<!doctype html><body>${html}</body>`, { contentType: 'text/html', virtualConsole: silent });
  try {
    const body = dom.window.document.body;
    const props = coreProperties(coreXml, dom.window);
    const found = readExport(body);
    if (found) return found;
    const heading = body.querySelector('h1, h2, h3');
    tablesAsText(body);
    const doc = withoutEmptyBlocks(parser.parse(body)) ?? parser.parse(body);
    return {
      doc,
      title: (heading && foldSpace(heading.textContent ?? '')) || props.title,
      outlet: null,
      author: props.creator,
      publishedAt: null,
      url: null,
    };
  } finally {
    dom.window.close();
  }
}

/** The zip behind a .docx, checked to be a Word document: a renamed workbook or archive is named as such. */
async function openWordZip(bytes: Buffer): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await zipLib().loadAsync(bytes);
  } catch {
    throw new AppError('unsupported', 'This .docx file is not a Word document: it is not a zip archive at all (perhaps an old .doc or another file renamed). Save it from Word as .docx and import that.');
  }
  if (!zip.file('word/document.xml') && !(await mainPartNamed(zip))) {
    throw new AppError('unsupported', `This .docx file is not a Word document: it is ${whatZipIs(zip)} renamed. Open it in the program that made it and save or export it as a Word document.`);
  }
  return zip;
}

/** Word may name its main part otherwise; the package's relationships say which it is. */
async function mainPartNamed(zip: JSZip): Promise<boolean> {
  const rels = await zip.file('_rels/.rels')?.async('string');
  const target = rels && /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rels);
  const part = target?.[1] ?? target?.[2];
  return !!part && /\.xml$/.test(part) && !!zip.file(part) && !/^(xl|ppt)\//.test(part);
}

function whatZipIs(zip: JSZip): string {
  if (zip.file('xl/workbook.xml')) return 'an Excel workbook';
  if (zip.file('ppt/presentation.xml')) return 'a PowerPoint presentation';
  if (zip.file('mimetype') && zip.file('content.xml')) return 'an OpenDocument file';
  if (zip.file('META-INF/container.xml')) return 'an EPUB book';
  return 'a zip archive of other files';
}

interface CoreProperties {
  title: string | null;
  creator: string | null;
}

/**
 * docProps/core.xml: the title and author Word keeps with the document (often empty or stale, so
 * used last). Parsed by the window the document is already in: a second jsdom costs as much again.
 */
function coreProperties(xml: string | undefined, window: import('jsdom').DOMWindow): CoreProperties {
  const none = { title: null, creator: null };
  if (!xml) return none;
  const doc = new window.DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return none; // damaged properties lose only the fallback title
  const text = (local: string) => foldSpace(doc.getElementsByTagNameNS('*', local)[0]?.textContent ?? '') || null;
  // dcterms:created is when the file was made, not when the article was published: not used.
  return { title: text('title'), creator: text('creator') };
}
