// French text rendering of a result, for the CLI: the answer first, then how it was obtained.
import { describeSeed } from './data/seeds'
import type { ResultBase, SimulationKind } from './types'

export function formatExplanation(result: ResultBase<SimulationKind>): string {
  const lines = [
    `${result.programme.label} (${result.programme.id} ${result.programme.version})`,
    result.summary,
    '',
  ]
  lines.push('Détail du calcul :')
  for (const step of result.explanation) {
    lines.push(`  • ${step.label} : ${step.value}${step.detail ? ` — ${step.detail}` : ''}`)
  }
  if (result.missing.length > 0) {
    lines.push('', 'Données manquantes (non devinées) :')
    for (const m of result.missing) lines.push(`  • ${m.label} (${m.field})`)
  }
  if (result.notes.length > 0) {
    lines.push('', 'À savoir :')
    for (const note of result.notes) lines.push(`  • ${note}`)
  }
  lines.push('', 'Sources :')
  for (const r of result.references)
    lines.push(`  • ${r.rules}, source : ${describeSeed(r.seed)}${r.note ? ` (${r.note})` : ''}`)
  return lines.join('\n')
}
