// Pasting into a briefing in Chromium, with the HTML the clipboard carries from Google Docs and Word.
import { test, expect, newBriefing } from './fixtures';
import type { Locator } from '@playwright/test';

/** Fires a paste carrying this HTML at the editor, as Chromium does for Ctrl+V. */
async function pasteHtml(editor: Locator, html: string, text = 'plain fallback') {
  await editor.evaluate(
    (el, { html, text }) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

// What Google Docs puts on the clipboard: everything inside <b style="font-weight:normal" id="docs-internal-guid-…">,
// each run a span with its full style; real bold is a span with font-weight:700.
const span = (weight: number, text: string, extra = '') =>
  `<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:${weight};font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;${extra}">${text}</span>`;
const para = (...spans: string[]) => `<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;">${spans.join('')}</p>`;
const GDOCS =
  `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5c1e2f9a-7fff-3d2b-91c4-0e6a8b7d4f21">` +
  para(span(700, 'Bottom line:'), span(400, ' Seoul will not move first.')) +
  `<br>` +
  para(span(400, 'Talks resume in '), span(400, 'Tokyo', 'font-style:italic;'), span(400, ' next week.')) +
  `<ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" role="presentation" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;">${span(400, 'A point')}</p></li></ul>` +
  `</b><br class="Apple-interchange-newline">`;

test('pasting from Google Docs keeps only the real bold, not the whole paste', async ({ page, app }) => {
  await page.goto(app.url);
  const editor = await newBriefing(page, 'Pasted from Docs');
  await pasteHtml(editor, GDOCS);
  await expect(editor).toContainText('Seoul will not move first.');
  await expect(editor.locator('strong')).toHaveText(['Bottom line:']);
  await expect(editor.locator('em')).toHaveText(['Tokyo']);
  await expect(editor.locator('li')).toHaveText(['A point']);
});
