// A simulation lives in the URL query string (`/simulateur?programme=sons&dsr=DPI&activity=15000`), so that
// a link sent by mail shows the same result. This file turns the URL into form values and back, and form
// values into the request body; only the fields shown for the current choices count.
import {
  defaultValue,
  isVisible,
  programmeFields,
  type Field,
  type FormValues,
  type Programme,
} from './fields'
import { numberToParam, paramToNumberText, parseFrenchNumber } from './french-number'
import { DEFAULT_PROGRAMME, programmeById } from './programmes/index'

export const SIMULATOR_PATH = '/simulateur'
export const PROGRAMME_PARAM = 'programme'

const YES = 'oui'
const NO = 'non'

export interface Simulation {
  programme: Programme
  values: FormValues
}

/** The simulation the URL asks for, or null when it names no known programme (nothing to run). */
export function readSimulation(params: URLSearchParams): Simulation | null {
  const programme = programmeById(params.get(PROGRAMME_PARAM))
  return programme ? { programme, values: valuesFromParams(programme, params) } : null
}

/** The programme to show first: the URL's, or the first one. */
export function programmeOf(params: URLSearchParams): Programme {
  return programmeById(params.get(PROGRAMME_PARAM)) ?? DEFAULT_PROGRAMME
}

/** Form values from the URL, numbers written the French way ("1600000" → "1 600 000"); defaults elsewhere. */
export function valuesFromParams(programme: Programme, params?: URLSearchParams): FormValues {
  const values: FormValues = {}
  for (const field of programmeFields(programme)) {
    const param = params?.get(field.name)?.trim()
    if (param === undefined || param === '') values[field.name] = defaultValue(field)
    else values[field.name] = field.type === 'number' ? paramToNumberText(param) : param
  }
  return values
}

export function simulationHref(programme: Programme, values: FormValues): string {
  const params = new URLSearchParams({ [PROGRAMME_PARAM]: programme.id })
  for (const field of shownFields(programme, values)) {
    const value = values[field.name]?.trim() ?? ''
    const param = field.type === 'number' ? numberToParam(value) : value
    if (param !== '') params.set(field.name, param)
  }
  return `${SIMULATOR_PATH}?${params.toString()}`
}

/** The body of `POST /api/simulate/:kind`: typed values at their paths, empty fields left out. */
export function requestBody(programme: Programme, values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const field of shownFields(programme, values)) {
    const value = bodyValue(field, values[field.name] ?? '')
    if (value !== undefined) setPath(body, field.path.split('.'), value)
  }
  return body
}

/** The field an error of the engine is about (`rates.0` → the first rate, `domains.0` → the domain). */
export function fieldForPath(programme: Programme, values: FormValues, path: string): Field | undefined {
  const fields = shownFields(programme, values)
  return (
    fields.find((f) => f.path === path) ??
    fields.find((f) => path.startsWith(`${f.path}.`)) ??
    fields.find((f) => f.path.startsWith(`${path}.`))
  )
}

export function shownFields(programme: Programme, values: FormValues): Field[] {
  return programmeFields(programme).filter((f) => isVisible(f, values))
}

function bodyValue(field: Field, raw: string): unknown {
  const text = raw.trim()
  if (text === '') return undefined
  switch (field.type) {
    case 'number':
      return parseFrenchNumber(text)
    case 'radio':
    case 'select': {
      const value = field.numeric ? parseFrenchNumber(text) : text
      return field.toBody && typeof value === 'string' ? field.toBody(value) : value
    }
    case 'yes-no': {
      // Anything else than oui/non (a URL edited by hand) goes as typed, for the engine to refuse.
      if (text !== YES && text !== NO) return text
      const met = text === YES
      return field.toBody ? field.toBody(met) : met
    }
    case 'checkboxes':
      return text.split(',').filter(Boolean)
  }
}

export const YES_NO = { yes: YES, no: NO } as const

function setPath(target: Record<string, unknown>, [head, ...rest]: string[], value: unknown): void {
  if (head === undefined) return
  if (rest.length === 0) {
    target[head] = value
    return
  }
  const next = rest[0] ?? ''
  const child = (target[head] ??= /^\d+$/.test(next) ? [] : {}) as Record<string, unknown>
  setPath(child, rest, value)
}
