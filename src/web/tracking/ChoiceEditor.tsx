// The in-place editor of a status or oui / non: a native list named after its column (AG Grid's own list
// has no accessible name), its options the labels. Entrée or leaving the cell saves; Échap cancels.
import type { CustomCellEditorProps } from 'ag-grid-react'
import { useEffect, useRef } from 'react'
import type { GridRow } from '../../domain/contract/grid'

export interface ChoiceEditorParams {
  label: string
  choices: readonly { code: string; label: string }[]
}

export function ChoiceEditor({
  value,
  onValueChange,
  label,
  choices,
}: CustomCellEditorProps<GridRow, string> & ChoiceEditorParams) {
  const select = useRef<HTMLSelectElement>(null)
  useEffect(() => select.current?.focus(), [])
  return (
    <select
      ref={select}
      aria-label={label}
      className="jalon-choice-editor"
      value={value ?? ''}
      onChange={(event) => onValueChange(event.target.value)}
    >
      <option value="">Non renseigné</option>
      {choices.map((c) => (
        <option key={c.code} value={c.code}>
          {c.label}
        </option>
      ))}
    </select>
  )
}
