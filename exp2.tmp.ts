import fs from 'node:fs';
import { readPdf } from './main/services/import/pdf/read';
const r = await readPdf(fs.readFileSync(process.argv[2]!));
console.log(JSON.stringify({ ...r, doc: undefined }));
r.doc.forEach((n) => console.log(n.type.name, n.attrs.level ?? '', JSON.stringify(n.textContent)));
