import type { QuoteExportFormat } from '../../../shared/contract';
import type { QuoteRow } from '../../../shared/model';
import { quotesToCsv } from './quotes-csv';
import { quotesToJsonLd } from './quotes-jsonld';
import { networkToCsv, networkToGraphml } from './network';

export interface ExportedFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** The coding in the format asked for, named for the day it was exported. */
export function exportQuotes(rows: QuoteRow[], format: QuoteExportFormat, today = new Date().toISOString().slice(0, 10)): ExportedFile {
  switch (format) {
    case 'csv':
      return { filename: `verbatim-quotes-${today}.csv`, mimeType: 'text/csv', content: quotesToCsv(rows) };
    case 'jsonld':
      return { filename: `verbatim-annotations-${today}.jsonld`, mimeType: 'application/ld+json', content: quotesToJsonLd(rows) };
    case 'graphml':
      return { filename: `verbatim-network-${today}.graphml`, mimeType: 'application/graphml+xml', content: networkToGraphml(rows) };
    case 'network-csv':
      return { filename: `verbatim-network-${today}.csv`, mimeType: 'text/csv', content: networkToCsv(rows) };
  }
}
