// Ségur order completeness of a site for one month (RULES §3): the software kinds with a signed order over
// the kinds that concern the site. "Non concerné" leaves the denominator; a kind the month does not mention
// counts as "Pas de commande signée", as the tracker reads the ASP file.
import { exact, toPlain } from '../programmes/exact'
import { num, percent } from '../programmes/format-fr'
import { percentOf } from '../programmes/mechanisms/threshold'
import { valueAt, type StructureHistory } from './derive-history'
import { type DeriveConfig, type DerivedResult, derived } from './derive-result'
import { DERIVED } from './derived-indicators'
import { ORDER_STATUSES, SEGUR_KIND_LABELS, SEGUR_KINDS, type SegurKind } from './indicators'
import { type Period, periodLabel } from './period'

const ORDER_CODES = SEGUR_KINDS.map((kind) => `segur.commande.${kind}`)

const label = (code: string): string => ORDER_STATUSES.find((s) => s.code === code)?.label ?? code

type Group = 'signee' | 'non-signee' | 'absent' | 'non-concerne'

const GROUP_TITLES: Readonly<Record<Group, string>> = {
  signee: label('signee'),
  'non-signee': label('non-signee'),
  absent: `Sans information, compté « ${label('non-signee')} » (RULES §3)`,
  'non-concerne': `${label('non-concerne')}, hors du dénominateur`,
}

const GROUPS: readonly Group[] = ['signee', 'non-signee', 'absent', 'non-concerne']

/** `derive.segur.commandes-signees` and `derive.segur.completude`, when the month has any order status. */
export function deriveSegurOrders(
  history: StructureHistory,
  asOf: Period,
  config: DeriveConfig,
  out: DerivedResult[],
): void {
  let signed = 0
  let concerned = 0
  let seen = 0
  // Statuses of the month by kind, read again only to explain.
  const statuses: (string | null)[] = []
  for (const code of ORDER_CODES) {
    const status = valueAt(history.series.get(code), asOf)?.text ?? null
    statuses.push(status)
    if (status === null) {
      concerned++
      continue
    }
    seen++
    if (status === 'signee') {
      signed++
      concerned++
    } else if (status !== 'non-concerne') concerned++
  }
  if (seen === 0) return
  const rate = concerned > 0 ? toPlain(percentOf(exact(signed), exact(concerned)), 2) : null
  const text = config.explain ? explanation(asOf, statuses, signed, concerned, rate) : ''
  out.push(derived(DERIVED.segurSigned, String(signed), null, text))
  out.push(
    derived(
      DERIVED.segurCompleteness,
      rate,
      null,
      text,
      rate === null ? null : String(signed),
      rate === null ? null : String(concerned),
    ),
  )
}

function groupOf(status: string | null): Group {
  if (status === 'signee' || status === 'non-concerne') return status
  return status === null ? 'absent' : 'non-signee'
}

function explanation(
  asOf: Period,
  statuses: readonly (string | null)[],
  signed: number,
  concerned: number,
  rate: string | null,
): string {
  const result =
    rate === null
      ? 'aucun logiciel concerné : complétude non calculée'
      : `${num(signed)} signée(s) sur ${num(concerned)} logiciel(s) concerné(s), soit ${percent(exact(rate))}`
  const lines = [`Commandes Ségur de ${periodLabel(asOf)} (fichier ASP) : ${result}.`]
  for (const group of GROUPS) {
    const kinds: string[] = []
    SEGUR_KINDS.forEach((kind: SegurKind, i) => {
      const status = statuses[i]
      if (status !== undefined && groupOf(status) === group) kinds.push(SEGUR_KIND_LABELS[kind])
    })
    if (kinds.length > 0) lines.push(`• ${GROUP_TITLES[group]} : ${kinds.join(', ')}`)
  }
  return lines.join('\n')
}
