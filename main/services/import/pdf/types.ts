// The shapes the PDF reader passes between its steps: plain data, so every step but the first
// (pdf.js) is a pure function that tests can feed directly.

/** One run of text as pdf.js places it: baseline start (PDF units, y grows upwards), advance, font size. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PageText {
  /** 1-based. */
  number: number;
  /** The page box: [left, bottom, right, top]. */
  box: [number, number, number, number];
  runs: TextRun[];
}

/** A line of text in reading order, tied to the column ("flow") it was read from. */
export interface Line {
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  size: number;
  page: number;
  /** Page, band and column: lines of one flow follow each other on the page. */
  flow: string;
}

/** A page's lines in reading order. */
export interface PageLines {
  number: number;
  box: [number, number, number, number];
  lines: Line[];
}

export type Block = { kind: 'heading'; size: number; text: string; page: number } | { kind: 'paragraph'; text: string; page: number };
