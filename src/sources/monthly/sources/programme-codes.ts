// Programme indicator codes as oSIS and the ATIH write them, and as people retype them: "DS1.1", "DS 1.1 -
// LDL", "P1.O2 LDL", "P1.02-ordonnance" (a zero for the letter O), "NUM1", "IFAQ NUM 1", or IFAQ's own
// "D2.2i" (RULES §7–§9). A code that could mean two indicators ("P1.O2" alone) is refused, never guessed.
import { PROGRAMME_INDICATORS } from '../../../domain/observations/indicators'
import { fold, type CellReading } from '../cell-values'

export type Programme = (typeof PROGRAMME_INDICATORS)[number]['programme']

export const PROGRAMME_LABELS: Readonly<Record<Programme, string>> = {
  'sun-es': 'SUN-ES',
  hopen2: 'HOPEN 2',
  ifaq: 'IFAQ',
}

export interface ProgrammeIndicator {
  programme: Programme
  code: string
}

const KNOWN = new Set<string>(PROGRAMME_INDICATORS.map((p) => `${p.programme}:${p.code}`))

function known(programme: Programme, code: string, raw: string): CellReading<ProgrammeIndicator> {
  return KNOWN.has(`${programme}:${code}`)
    ? { ok: true, value: { programme, code } }
    : {
        ok: false,
        reason: `« ${raw} » : ${code} n'est pas un indicateur ${PROGRAMME_LABELS[programme]} suivi`,
      }
}

export function readProgrammeIndicator(raw: string): CellReading<ProgrammeIndicator> {
  const text = fold(raw).toUpperCase()
  let match = /\bDS\s*([1-9])\s*[.\-_ ]?\s*([1-9])\b/.exec(text)
  if (match) return known('sun-es', `DS${match[1]}.${match[2]}`, raw)
  match = /\bP\s*1\s*[.\-_ ]?\s*[O0]\s*([1-9])\b(.*)$/.exec(text)
  if (match) {
    const objective = `P1.O${match[1]}`
    if (objective !== 'P1.O2') return known('hopen2', objective, raw)
    const rest = match[2] ?? ''
    const ldl = /\bLDL\b|LETTRES? DE LIAISON/.test(rest)
    const ord = /\bORD\b|ORDONNANCE/.test(rest)
    if (ldl !== ord) return known('hopen2', ldl ? 'P1.O2.LDL' : 'P1.O2.ORD', raw)
    return {
      ok: false,
      reason: `« ${raw} » : P1.O2 compte deux taux, préciser « P1.O2 LDL » ou « P1.O2 ORD » (ordonnances)`,
    }
  }
  match = /\bNUM\s*[.\-_ ]?\s*([1-9])\b/.exec(text)
  if (match) return known('ifaq', `NUM${match[1]}`, raw)
  // IFAQ's own indicator codes for the two digital indicators (RULES §9).
  if (/\bD\s*2\s*[.]?\s*2\s*I\b/.test(text)) return known('ifaq', 'NUM1', raw)
  if (/\bD\s*6\s*[.]?\s*3\s*I\b/.test(text)) return known('ifaq', 'NUM2', raw)
  return {
    ok: false,
    reason: `« ${raw} » n'est pas un code d'indicateur connu (DS1.1…DS3.1, P1.O1…P1.O8, NUM1, NUM2)`,
  }
}

/** "SUN-ES", "Sun ES volet 1", "HOP'EN 2", "Hopen2", "IFAQ 2024"… HOP'EN 1 is not tracked. */
export function readProgramme(raw: string): CellReading<Programme> {
  const key = fold(raw).replace(/[^a-z0-9]+/g, '')
  if (key.startsWith('sunes')) return { ok: true, value: 'sun-es' }
  if (/^hopen(2|$)/.test(key)) return { ok: true, value: 'hopen2' }
  if (key.startsWith('ifaq')) return { ok: true, value: 'ifaq' }
  return { ok: false, reason: `« ${raw} » n'est pas un programme suivi (SUN-ES, HOPEN 2, IFAQ)` }
}
