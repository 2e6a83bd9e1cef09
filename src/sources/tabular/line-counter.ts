// Physical line numbers of CSV records. csv-parse's own `info.lines` is the line where a record ends, and
// counts a CRLF inside a quoted field as two lines; its `bytes` (UTF-8 bytes consumed once a record is
// complete) is exact, so lines are counted here from the text up to that offset.

function isBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d
}

export class LineCounter {
  private readonly text: string
  private char = 0
  private byte = 0
  /** Line of the character at `char`, 1-based. */
  private line = 1

  constructor(text: string) {
    this.text = text
  }

  /** Moves one character (or surrogate pair) forward; CRLF, LF and a lone CR each end one line. */
  private step(): void {
    const code = this.text.charCodeAt(this.char)
    if (code === 0x0a || (code === 0x0d && this.text.charCodeAt(this.char + 1) !== 0x0a)) this.line++
    if (code >= 0xd800 && code <= 0xdbff && this.char + 1 < this.text.length) {
      this.char += 2
      this.byte += 4
      return
    }
    this.char++
    this.byte += code < 0x80 ? 1 : code < 0x800 ? 2 : 3
  }

  /**
   * Line where the next record starts: csv-parse skips empty lines, and a record never starts with a line
   * break (a quoted field starts with its quote).
   */
  nextRecordLine(): number {
    while (this.char < this.text.length && isBreak(this.text.charCodeAt(this.char))) this.step()
    return this.line
  }

  /** The start line of the record that ends at UTF-8 byte `endByte`, the counter then moving past it. */
  record(endByte: number): number {
    const start = this.nextRecordLine()
    while (this.byte < endByte && this.char < this.text.length) this.step()
    return start
  }
}
