// The engine's step-by-step explanation: what was computed, its value, and how (formula or rule).
import type { ExplanationStep } from '../../domain/programmes/types'
import { DataTable } from '../DataTable'

export function ExplanationTable({ steps }: { steps: ExplanationStep[] }) {
  return (
    <DataTable
      caption="Détail du calcul"
      hideCaption
      rows={steps.map((step, index) => ({ ...step, index }))}
      rowKey={(step) => String(step.index)}
      columns={[
        { key: 'label', header: 'Étape', cell: (s) => s.label, wide: true },
        { key: 'value', header: 'Valeur', cell: (s) => s.value },
        { key: 'detail', header: 'Comment', cell: (s) => s.detail ?? '', wide: true },
      ]}
    />
  )
}
