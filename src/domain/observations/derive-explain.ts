// The short French explanation of a derived indicator, cut from the engine's own presented result so that
// the wording is the engine's: its summary, the steps that bear on the value, the missing data, the notes.
// Unlike formatExplanation (for the CLI) it has no header and no sources: it sits beside one value.
import type { ExplanationStep, MissingInput, ResultBase, SimulationKind } from '../programmes/types'

export interface ExplanationCut {
  /** A first sentence instead of the result's summary (when the summary speaks of money, say). */
  readonly summary?: string
  /** The steps to keep; all by default. */
  readonly step?: (step: ExplanationStep) => boolean
  /** The missing inputs to list; all by default. */
  readonly missing?: (missing: MissingInput) => boolean
  /** The notes to show; the result's own by default. */
  readonly notes?: readonly string[]
}

export function explain(result: ResultBase<SimulationKind>, cut?: ExplanationCut, extra?: string): string {
  const lines = [cut?.summary ?? result.summary]
  for (const step of result.explanation) {
    if (cut?.step && !cut.step(step)) continue
    lines.push(`• ${step.label} : ${step.value}${step.detail ? ` — ${step.detail}` : ''}`)
  }
  let missing = ''
  for (const m of result.missing) {
    if (cut?.missing && !cut.missing(m)) continue
    missing += missing === '' ? m.label : `, ${m.label}`
  }
  if (missing !== '') lines.push(`Données manquantes (non devinées) : ${missing}.`)
  for (const note of cut?.notes ?? result.notes) lines.push(note)
  if (extra) lines.push(extra)
  return lines.join('\n')
}
