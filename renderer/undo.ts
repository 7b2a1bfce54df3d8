// The session's undo history for library changes made through the contract (annotations, trash).
// Each entry knows how to undo and redo itself by calling the main side; ProseMirror keeps its own
// history for text being edited.

export interface UndoEntry {
  label: string;
  undo: () => Promise<unknown>;
  redo: () => Promise<unknown>;
}

export class UndoHistory {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];
  private busy = false;

  constructor(private readonly limit = 200) {}

  push(entry: UndoEntry): void {
    this.done.push(entry);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  get canUndo() {
    return this.done.length > 0;
  }

  get canRedo() {
    return this.undone.length > 0;
  }

  /** Runs the newest undo; returns its label, or null when there is nothing (or a step is still running). */
  async undo(): Promise<string | null> {
    if (this.busy) return null;
    const entry = this.done.pop();
    if (!entry) return null;
    this.busy = true;
    try {
      await entry.undo();
      this.undone.push(entry);
      return entry.label;
    } catch (err) {
      this.done.push(entry);
      throw err;
    } finally {
      this.busy = false;
    }
  }

  async redo(): Promise<string | null> {
    if (this.busy) return null;
    const entry = this.undone.pop();
    if (!entry) return null;
    this.busy = true;
    try {
      await entry.redo();
      this.done.push(entry);
      return entry.label;
    } catch (err) {
      this.undone.push(entry);
      throw err;
    } finally {
      this.busy = false;
    }
  }
}
