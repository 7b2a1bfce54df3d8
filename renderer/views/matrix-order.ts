// The order of a matrix's rows and columns lives in shared/ (the store pages the overview in it);
// here, how many actor rows a matrix draws at a time.
export { cellTotal, ordered, sumCells, type ColSort, type RowSort, type Sums } from '../../shared/matrix-order';

/**
 * Actor rows a matrix draws at first, and more each time its foot comes near the screen: a screen
 * and a half, as the quotes table's pages (at 2,000 actors and 20 topics, 200 rows were 4,000 cells
 * drawn before the first paint).
 */
export const MATRIX_ROWS = 60;

/**
 * Actor rows of the overview the store sends a window: a screen and a bit (some 22 rows fill a
 * screen), the next window asked for as the foot nears. Each row is a cell for every topic, and
 * drawing them is most of the first paint (40 rows of 20 topics took some 130 ms to draw).
 */
export const OVERVIEW_ROWS = 30;
