// What every tabular file (CSV of any usual encoding and separator, XLSX) is read into: sheets of rows of
// text cells, read lazily so that a national file never sits in memory as objects.

export interface TableRow {
  /**
   * 1-based line of a CSV file, or row number of a worksheet: what the user sees in their tool. For a CSV
   * record whose quoted field spans several lines, the line where it starts.
   */
  line: number
  /**
   * Cells as text: numbers as Excel shows them without grouping ("1830", "47.5", "47.5%"), dates as ISO,
   * booleans "Oui"/"Non"; CSV cells exactly as written (not trimmed). Rows may differ in length: a missing
   * cell (after the last non-empty cell of a worksheet row, or past the end of a short CSV line) is ''.
   */
  cells: readonly string[]
}

export interface TableSheet {
  /** The worksheet name; for a CSV, the file name. */
  name: string
  /** Blank CSV lines and worksheet rows without any value are left out. */
  rows: AsyncIterable<TableRow>
}

export interface TableFile {
  format: 'csv' | 'xlsx'
  /** CSV only. */
  encoding: string | null
  separator: string | null
  /** Sheets in workbook order; a CSV has one. Each sheet's rows are read once, in order. */
  sheets(): AsyncIterable<TableSheet>
}
