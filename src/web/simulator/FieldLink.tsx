// A link to a form field that puts the focus in it (a fragment link alone only scrolls to an input).
import type { ReactNode } from 'react'
import type { Field } from './fields'
import { fieldInputId } from './FormField'

export function FieldLink({ field, children }: { field: Field; children: ReactNode }) {
  const id = fieldInputId(field)
  return (
    <a
      href={`#${id}`}
      onClick={(event) => {
        const input = document.getElementById(id)
        if (!input) return
        event.preventDefault()
        input.focus()
      }}
    >
      {children}
    </a>
  )
}
