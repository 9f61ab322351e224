/** One row of an import file: its number as Excel shows it (1 = the first line) and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}
