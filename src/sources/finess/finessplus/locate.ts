// Where things are in the text of a flow: the line where each object starts, JSON paths, lines of positions
// and keys. The issues of a flow name both the line and the path.

/** The paths whose line the issues and sites need: top-level items and sites. */
const LINE_PATHS = /^(?:pmej|gcc|gco)\[\d+\](?:\.ege\[\d+\])?$/

/**
 * The line where each wanted object starts, keyed by its JSON path (`pmej[3].ege[0]`). One pass over text
 * that JSON.parse has already accepted, so it only has to follow nesting, keys and strings.
 */
export function objectLines(source: string): Map<string, number> {
  const lines = new Map<string, number>()
  interface Frame {
    array: boolean
    path: string
    index: number
    key: string
    expectKey: boolean
  }
  const stack: Frame[] = []
  let line = 1
  /** The path of the value starting here; an array counts it as its next item. */
  const nextPath = (): string => {
    const top = stack[stack.length - 1]
    if (!top) return ''
    if (top.array) return `${top.path}[${++top.index}]`
    return top.path ? `${top.path}.${top.key}` : top.key
  }
  const skipValue = () => {
    const top = stack[stack.length - 1]
    if (top?.array) top.index++
  }
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\n') line++
    else if (c === '"') {
      let end = i + 1
      while (source[end] !== '"') end += source[end] === '\\' ? 2 : 1
      const top = stack[stack.length - 1]
      if (top && !top.array && top.expectKey) {
        top.key = JSON.parse(source.slice(i, end + 1)) as string
        top.expectKey = false
      } else skipValue()
      i = end
    } else if (c === '{' || c === '[') {
      const path = nextPath()
      if (c === '{' && LINE_PATHS.test(path)) lines.set(path, line)
      stack.push({ array: c === '[', path, index: -1, key: '', expectKey: c === '{' })
    } else if (c === '}' || c === ']') stack.pop()
    else if (c === ',') {
      const top = stack[stack.length - 1]
      if (top && !top.array) top.expectKey = true
    } else if (c !== undefined && /[-0-9tfn]/.test(c)) {
      skipValue()
      while (i + 1 < source.length && /[-+.0-9a-zA-Z]/.test(source[i + 1] ?? '')) i++
    }
  }
  return lines
}

/** A zod issue path written as a JSON path: `pmej[1].ege[0].etatObjet`. */
export function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('')
}

/** The line of the nearest object of `path` whose line is known. */
export function lineOfPath(lines: Map<string, number>, path: string): number | null {
  const parent = (p: string) =>
    p.endsWith(']') ? p.slice(0, p.lastIndexOf('[')) : p.slice(0, Math.max(0, p.lastIndexOf('.')))
  for (let p = path; p; p = parent(p)) {
    const line = lines.get(p)
    if (line !== undefined) return line
  }
  return null
}

/** The 1-based line and column of a position in the text. */
export function lineAt(source: string, position: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = 0; i < position && i < source.length; i++) {
    if (source[i] === '\n') {
      line++
      start = i + 1
    }
  }
  return { line, column: position - start + 1 }
}

/** The line of the first occurrence of a key. */
export function keyLine(source: string, key: string): number | null {
  const at = source.indexOf(`"${key}"`)
  return at < 0 ? null : lineAt(source, at).line
}

/** Lines of the text, a last line without a final newline included. */
export function countLines(source: string): number {
  let count = source.length > 0 && !source.endsWith('\n') ? 1 : 0
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) count++
  return count
}
