// The SourceFileError a parser throws for a file it refuses whole; fails the test if the file is accepted.
import { SourceFileError } from '../../src/sources/source-error'

export function refusalOf(parse: () => unknown): SourceFileError {
  try {
    parse()
  } catch (error) {
    if (error instanceof SourceFileError) return error
    throw error
  }
  throw new Error('the file was accepted')
}
