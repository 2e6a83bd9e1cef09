// SONS ceilings (RULES §6) for the software of a structure's Ségur orders: DPI, RI and PFI by its activité
// combinée, RIS by the annual exams of its imaging instance (which no source gives Jalon: the engine says
// so). A software the ASP file marks "Non concerné" has no ceiling to show.
import type { FundingForecast } from '../contract/structure-history'
import type { StructureHistory } from '../observations/derive-history'
import { ORDER_STATUSES, type SegurKind } from '../observations/indicators'
import type { Period } from '../observations/period'
import { presentSons } from '../programmes/present/sons'
import { evaluateSons } from '../programmes/rules/sons'
import type { SonsInput } from '../programmes/schemas'
import { forecastOf, latestOf } from './common'

const SOFTWARE: readonly [dsr: SonsInput['dsr'], kind: SegurKind][] = [
  ['DPI', 'dpi'],
  ['RI', 'ri'],
  ['PFI', 'pfi'],
  ['RIS', 'radio'],
]

const orderLabel = (code: string | null) => ORDER_STATUSES.find((s) => s.code === code)?.label ?? code

/** Whether the structure has anything SONS reads: an order status of the ASP file. */
export function hasSegurOrders(history: StructureHistory, asOf: Period): boolean {
  return SOFTWARE.some(([, kind]) => latestOf(history, `segur.commande.${kind}`, asOf) !== null)
}

export function sonsForecasts(
  history: StructureHistory,
  asOf: Period,
  activity: number | null,
): FundingForecast[] {
  const out: FundingForecast[] = []
  for (const [dsr, kind] of SOFTWARE) {
    const order = latestOf(history, `segur.commande.${kind}`, asOf)
    if (order?.value.text === 'non-concerne') continue
    const input: SonsInput = dsr === 'RIS' || activity === null ? { dsr } : { dsr, activity }
    const basis = [
      order
        ? `Commande ${dsr} (fichier ASP de ${order.month}) : ${orderLabel(order.value.text)}.`
        : `Commande ${dsr} : aucune information dans les fichiers ASP importés.`,
    ]
    if (input.activity !== undefined) basis.push('Activité combinée calculée ci-dessus.')
    const result = presentSons(evaluateSons(input), input)
    out.push(
      forecastOf(
        { id: `sons.${dsr}`, label: `SONS — ${dsr}`, amountLabel: 'Plafond de financement (TTC)' },
        result,
        basis,
      ),
    )
  }
  return out
}
