// The vocabulary of the simulator forms: a programme is a list of fieldsets, each a list of fields; a field
// knows its French label, the hint giving its allowed range, how it is entered and where its value goes in
// the body of `POST /api/simulate/:kind`. The forms, the URL and the error mapping are all read from this.
import type { SimulatorKind } from './simulate-api'

/** The form's values by field name, as text: what the inputs hold and what the URL carries. */
export type FormValues = Record<string, string>

export interface Option {
  value: string
  label: string
  hint?: string
}

interface FieldBase {
  /** Input name and URL query parameter. */
  name: string
  /** Where the value goes in the request body (`activity`, `rates.ldl`, `rates.0`). */
  path: string
  /** May depend on the other values (the indicator of the chosen HOPEN 2 objective). */
  label: string | ((values: FormValues) => string)
  /** The allowed range, in French; may depend on the other values (the target of the chosen window). */
  hint?: string | ((values: FormValues) => string)
  /** Shown only when this holds (the activity for SONS DPI, the exams for RIS). */
  visible?: (values: FormValues) => boolean
}

/** A figure typed in French ("1 600 000", "12,5"), sent as a number. */
export interface NumberField extends FieldBase {
  type: 'number'
  integer?: boolean
  /** A whole row rather than half of one: for a long hint, which would misalign a neighbour's input. */
  wide?: boolean
}

/** One value among a few, as radio buttons; sent as text, or as a number when `numeric`. */
export interface ChoiceField extends FieldBase {
  type: 'radio' | 'select'
  options: Option[]
  defaultValue: string
  numeric?: boolean
  /** The body wants something else than the value itself (a list of one domain). */
  toBody?: (value: string) => unknown
}

/** Oui / Non / Non renseigné: sent as true, false or not at all. */
export interface YesNoField extends FieldBase {
  type: 'yes-no'
  toBody?: (value: boolean) => unknown
}

/** Several values among a few, as checkboxes; comma-separated in the URL, a list in the body. */
export interface CheckboxesField extends FieldBase {
  type: 'checkboxes'
  options: Option[]
}

export type Field = NumberField | ChoiceField | YesNoField | CheckboxesField

export interface FieldGroup {
  legend: string
  hint?: string
  fields: Field[]
}

export interface Programme {
  /** Value of the `programme` query parameter. */
  id: string
  kind: SimulatorKind
  label: string
  /** One line under the programme's choice: what it computes. */
  description: string
  groups: FieldGroup[]
}

export function programmeFields(programme: Programme): Field[] {
  return programme.groups.flatMap((g) => g.fields)
}

export function isVisible(field: Field, values: FormValues): boolean {
  return field.visible ? field.visible(values) : true
}

export function labelOf(field: Field, values: FormValues): string {
  return typeof field.label === 'function' ? field.label(values) : field.label
}

export function hintOf(field: Field, values: FormValues): string | undefined {
  return typeof field.hint === 'function' ? field.hint(values) : field.hint
}

/** The value a field starts with when the URL says nothing of it. */
export function defaultValue(field: Field): string {
  return field.type === 'radio' || field.type === 'select' ? field.defaultValue : ''
}
