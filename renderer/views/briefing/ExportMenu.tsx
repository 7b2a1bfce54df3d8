// Export the open briefing: PDF first, then HTML, Markdown and Word; the page size is a setting.
import { useState } from 'preact/hooks';
import type { BriefingExportFormat, PageSizeName } from '../../../shared/contract';
import { call } from '../../api';
import { pageSize, saveExport, setPageSize } from '../../exports';
import { useRequest } from '../../requests';

interface Props {
  briefingId: number;
  /** Saves what is still unsaved, so the export has every word. */
  beforeExport: () => Promise<void>;
  onError: (message: string) => void;
}

const FORMATS: { format: BriefingExportFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF' },
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
  { format: 'docx', label: 'Word' },
];

export function ExportMenu({ briefingId, beforeExport, onError }: Props) {
  const [busy, setBusy] = useState<BriefingExportFormat | null>(null);
  const [size, setSize] = useState<PageSizeName>(pageSize());

  const run = async (format: BriefingExportFormat) => {
    if (busy) return;
    setBusy(format);
    try {
      await beforeExport();
      saveExport(await call('briefings.export', { id: briefingId, format, pageSize: size }));
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  // File ▸ Export briefing as PDF…
  useRequest('export-pdf', () => void run('pdf'));

  return (
    <span class="export-menu" role="group" aria-label="Export">
      <button class="primary" data-testid="export-pdf" disabled={busy !== null} onClick={() => void run('pdf')} title="Export as PDF (print quality)">
        {busy === 'pdf' ? 'Exporting…' : 'Export PDF'}
      </button>
      {FORMATS.slice(1).map((f) => (
        <button key={f.format} data-testid={`export-${f.format}`} disabled={busy !== null} onClick={() => void run(f.format)}>
          {busy === f.format ? '…' : f.label}
        </button>
      ))}
      <select
        aria-label="Page size"
        value={size}
        onChange={(e) => {
          const v = (e.currentTarget as HTMLSelectElement).value as PageSizeName;
          setSize(v);
          setPageSize(v);
        }}
      >
        <option value="A4">A4</option>
        <option value="Letter">US Letter</option>
      </select>
    </span>
  );
}
