// Which briefing a landscape picture goes into: the briefings, most recently changed first, and a
// new one at the top for a picture that starts a note.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BriefingMeta } from '../../../shared/model';
import { call } from '../../api';
import { Picker } from '../briefing/Picker';

interface Props {
  onChoose: (briefingId: number) => void;
  onClose: () => void;
  onError: (message: string) => void;
}

/** The picker's id for "a new briefing" (briefing ids start at 1). */
const NEW = 0;

export function BriefingChooser({ onChoose, onClose, onError }: Props) {
  const [briefings, setBriefings] = useState<BriefingMeta[] | null>(null);
  // Asked once per opening, whatever the parent re-renders meanwhile.
  const failed = useRef({ onError, onClose });
  failed.current = { onError, onClose };
  useEffect(() => {
    call('briefings.list', {}).then(setBriefings, (e: unknown) => {
      failed.current.onError((e as Error).message);
      failed.current.onClose();
    });
  }, []);
  if (!briefings) return null;
  const items = [
    { id: NEW, label: 'New briefing', hint: 'starts a blank briefing with this figure' },
    ...[...briefings].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((b) => ({ id: b.id, label: b.title, hint: b.status === 'final' ? 'final' : undefined })),
  ];
  const choose = async (id: number) => {
    try {
      onChoose(id === NEW ? (await call('briefings.create', { template: 'blank' })).id : id);
    } catch (e) {
      onError((e as Error).message);
    }
  };
  return <Picker title="Insert the picture into which briefing?" testId="briefing-picker" items={items} onPick={(item) => void choose(item.id)} onClose={onClose} />;
}
