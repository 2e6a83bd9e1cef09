// What a form is typing before it is sent: one text per field, each bound to its input or select by
// `bind(key)` (name, value, onChange), so that a form does not write the same three props per field.
import { useState, type FormEvent } from 'react'
import type { FieldBinding } from './PlaceFilterFields'
import { navigate } from './router'

/** `D`: the form's fields, each a text or absent. */
export function useFieldDraft<D extends Partial<Record<keyof D, string>>>(initial: D) {
  const [draft, setDraft] = useState<D>(initial)
  const bind = (key: keyof D & string): FieldBinding => ({
    name: key,
    value: draft[key] ?? '',
    onChange: (event) => setDraft((d) => ({ ...d, [key]: event.target.value })),
  })
  return { draft, setDraft, bind }
}

/**
 * A filter form of a list page: it edits a copy of the URL's filters; submitting writes them into the URL
 * (back to page 1), which the page then reads.
 */
export function useUrlFilterForm<F extends Partial<Record<keyof F, string>> & { page?: string }>(
  filter: F,
  href: (filter: F) => string,
) {
  const { draft, setDraft, bind } = useFieldDraft(filter)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    navigate(href({ ...draft, page: undefined }))
  }
  return { draft, setDraft, bind, submit }
}
