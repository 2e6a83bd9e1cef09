// French formatting of figures for explanations and the CLI ("10 338,71 €", "49 %", "11/08/2021").
// Hand-written rather than Intl so the output is identical on every Node build (small-icu or full).
import { type Cents, type Exact, exact, formatCents, toPlain } from './exact'

function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
}

function frenchDecimal(text: string): string {
  const negative = text.startsWith('-')
  const [integer = '0', fraction] = (negative ? text.slice(1) : text).split('.')
  const body = fraction === undefined ? group(integer) : `${group(integer)},${fraction}`
  return negative ? `−${body}` : body
}

/** A final amount: `1033871` → `10 338,71 €`. */
export function euros(cents: Cents): string {
  return `${frenchDecimal(formatCents(cents))} €`
}

/** An unrounded intermediate amount, up to 6 decimals, flagged when cut: `10 338,709677… €`. */
export function eurosExact(value: Exact): string {
  const plain = toPlain(value, 6)
  const cut = value.d !== 1n && plain !== toPlain(value, 12)
  return `${frenchDecimal(plain)}${cut ? '…' : ''} €`
}

/** A plain number from data or input: `15000` → `15 000`, `12345.5` → `12 345,5`. */
export function num(value: number | Exact): string {
  return frenchDecimal(toPlain(typeof value === 'number' ? exact(value) : value, 6))
}

export function percent(value: number | Exact): string {
  return `${num(value)} %`
}

export function date(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

export function yesNo(value: boolean | null): string {
  return value === null ? 'indéterminé' : value ? 'oui' : 'non'
}

/** "atteinte" for a cible (default), "atteint" for an objectif or a domaine. */
export function reachedText(value: boolean | null, gender: 'f' | 'm' = 'f'): string {
  const word = gender === 'f' ? 'atteinte' : 'atteint'
  return value === null ? 'indéterminé (données manquantes)' : value ? word : `non ${word}`
}
