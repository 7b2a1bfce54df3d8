import fs from 'node:fs';
import { openPdf, readPage } from './main/services/import/pdf/load';
import { rowsOf } from './main/services/import/pdf/rows';
import { findGutter } from './main/services/import/pdf/columns';
const pdf = await openPdf(fs.readFileSync('/tmp/pdfx/report.pdf'));
const p = await readPage(pdf, 3);
const rows = rowsOf(p.runs);
for (const r of rows) console.log(Math.round(r.y), r.segments.map((s) => `[${Math.round(s.x0)}-${Math.round(s.x1)} ${s.runs.map((x) => x.text).join('|').slice(0, 30)}]`).join(' '));
console.log(findGutter(rows));
