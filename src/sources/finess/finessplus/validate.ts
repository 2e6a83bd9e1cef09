// Whole-file checks of a flow: JSON syntax, the shape of the example, the schema version and the date. Each
// throws SourceFileError, naming the line when it can, before anything is read.
import { readDate } from '../../field-repairs'
import { SourceFileError } from '../../source-error'
import { keyLine, lineAt, lineOfPath, pathOf } from './locate'
import { flowSchema, type Flow } from './schema'

/**
 * Where JSON.parse stopped: V8 says `at position N`, except for an unexpected token, where it quotes the text
 * around it (`Unexpected token 'x', ..."a": x}" is not valid JSON`), found back in the source.
 */
function errorPosition(source: string, message: string): number | null {
  const at = /at position (\d+)/.exec(message)
  if (at) return Number(at[1])
  const quoted = /^Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON/.exec(
    message,
  )
  if (!quoted) return null
  const [, token = '', excerpt = ''] = quoted
  const start = excerpt ? source.indexOf(excerpt) : -1
  return start < 0 ? null : start + Math.max(0, excerpt.indexOf(token))
}

export function parseJson(fileName: string, source: string): unknown {
  if (source.trim() === '') throw new SourceFileError(fileName, 'le fichier est vide.')
  try {
    return JSON.parse(source)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const position = errorPosition(source, message)
    const end = source.trimEnd().length
    if (/end of JSON input/.test(message) || (position !== null && position >= end)) {
      throw new SourceFileError(
        fileName,
        "le JSON s'arrête avant d'être refermé : le fichier est tronqué.",
        lineAt(source, end).line,
      )
    }
    if (position === null) throw new SourceFileError(fileName, "ce n'est pas un fichier JSON valide.")
    const { line, column } = lineAt(source, position)
    const found = source.slice(position, position + 20).split(/\r?\n/)[0]
    throw new SourceFileError(
      fileName,
      `ce n'est pas un fichier JSON valide : erreur de syntaxe colonne ${column}, devant « ${found} ».`,
      line,
    )
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'texte',
  array: 'tableau',
  object: 'objet',
  number: 'nombre',
  boolean: 'booléen',
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'absent'
  if (value === null) return 'trouvé null'
  if (Array.isArray(value)) return 'trouvé un tableau'
  const type = typeof value
  if (type === 'string') return `trouvé le texte « ${String(value).trim().slice(0, 40)} »`
  return `trouvé un ${TYPE_NAMES[type] ?? type}`
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** The flow, or a refusal naming the first difference from the example's shape and its object's line. */
export function checkShape(fileName: string, data: unknown, lines: Map<string, number>): Flow {
  const parsed = flowSchema.safeParse(data)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues
  const first = issues[0]
  const path = first ? pathOf(first.path) : ''
  const what =
    first?.code === 'invalid_type'
      ? `${TYPE_NAMES[first.expected] ?? first.expected} attendu, ${describeValue(valueAt(data, first.path))}`
      : (first?.message ?? 'forme inattendue')
  const more = issues.length > 1 ? ` (et ${issues.length - 1} autre(s) écart(s))` : ''
  throw new SourceFileError(
    fileName,
    `ce n'est pas un flux FiNESS+ des structures : ${path || 'la racine du fichier'} : ${what}${more}.`,
    lineOfPath(lines, path),
  )
}

/** A v1 flow, and the date it was generated on: the date of the flow. */
export function readHeader(fileName: string, source: string, flow: Flow): { extractDate: string } {
  const version = flow.schemaVersion.trim()
  if (!/^v?1\./.test(version)) {
    throw new SourceFileError(
      fileName,
      `schemaVersion « ${version} » : version du flux FiNESS+ non prise en charge (Jalon lit la v1).`,
      keyLine(source, 'schemaVersion'),
    )
  }
  const generated = /^([0-9]{4}-[0-9]{2}-[0-9]{2})T[0-9]{2}:[0-9]{2}/.exec(flow.generatedAt.trim())
  const date = generated?.[1] ?? ''
  if (!readDate(date).ok) {
    throw new SourceFileError(
      fileName,
      `generatedAt : date et heure ISO attendues (AAAA-MM-JJTHH:MM:SSZ), trouvé « ${flow.generatedAt.trim().slice(0, 40)} ».`,
      keyLine(source, 'generatedAt'),
    )
  }
  return { extractDate: date }
}
