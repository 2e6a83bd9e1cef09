// SONS checks that say which condition fails (RULES §6): order date against the arrêté and the proof
// deposit, request deadlines, and the balance conditions of each DSR.
import type { BalanceCondition, BalanceEvidenceField, SonsCalendar } from '../data/sons-2021'
import { addDays } from '../mechanisms/calendar'
import { date as fr, num } from '../format-fr'
import type { SonsInput } from '../schemas'
import type { CheckResult, MissingInput } from '../types'
import { missing } from './common'

type Status = CheckResult['status']
export type BalanceEvidence = NonNullable<SonsInput['balance']>

const check = (id: string, label: string, status: Status, detail: string): CheckResult => ({
  id,
  label,
  status,
  detail,
})

export interface DateFacts {
  readonly orderDate?: string | undefined
  readonly proofDepositDate?: string | undefined
  readonly financingRequestDate?: string | undefined
  readonly balanceRequestDate?: string | undefined
}

/** Date checks, each only when the date it is about was given. */
export function dateChecks(
  calendar: SonsCalendar,
  maxDays: number,
  facts: DateFacts,
  absent: MissingInput[],
): CheckResult[] {
  const checks: CheckResult[] = []
  const { orderDate, proofDepositDate } = facts
  if (
    orderDate === undefined &&
    facts.financingRequestDate === undefined &&
    facts.balanceRequestDate === undefined
  ) {
    return checks
  }
  if (orderDate !== undefined) {
    const label = 'Commande passée à compter de la publication de l’arrêté'
    checks.push(
      calendar.arrete === null
        ? check(
            'order-after-arrete',
            label,
            'unknown',
            'date de l’arrêté non fournie par les sources pour ce couloir',
          )
        : orderDate >= calendar.arrete
          ? check(
              'order-after-arrete',
              label,
              'ok',
              `commande du ${fr(orderDate)}, arrêté du ${fr(calendar.arrete)}`,
            )
          : check(
              'order-after-arrete',
              label,
              'failed',
              `commande du ${fr(orderDate)}, antérieure à l’arrêté du ${fr(calendar.arrete)}`,
            ),
    )
    const label120 = `Commande au plus ${num(maxDays)} jours avant le dépôt des preuves de l’éditeur`
    if (proofDepositDate === undefined) {
      absent.push(missing('proofDepositDate', 'date de dépôt des preuves de référencement par l’éditeur'))
      checks.push(check('order-within-delay', label120, 'unknown', 'date de dépôt des preuves manquante'))
    } else {
      const earliest = addDays(proofDepositDate, -maxDays)
      checks.push(
        orderDate >= earliest
          ? check(
              'order-within-delay',
              label120,
              'ok',
              `commande du ${fr(orderDate)}, au plus tôt le ${fr(earliest)}`,
            )
          : check(
              'order-within-delay',
              label120,
              'failed',
              `commande du ${fr(orderDate)}, avant le ${fr(earliest)} (dépôt le ${fr(proofDepositDate)} − ${maxDays} jours)`,
            ),
      )
    }
  }
  deadline(
    checks,
    'financing-request',
    'Demande de financement avant la clôture',
    facts.financingRequestDate,
    calendar.financingRequestsClose,
  )
  deadline(
    checks,
    'balance-request',
    'Demande de solde avant la clôture',
    facts.balanceRequestDate,
    calendar.balanceRequestsClose,
  )
  return checks
}

function deadline(
  checks: CheckResult[],
  id: string,
  label: string,
  given: string | undefined,
  close: string | null,
): void {
  if (given === undefined) return
  if (close === null) checks.push(check(id, label, 'unknown', 'date de clôture non fournie par les sources'))
  else if (given <= close) checks.push(check(id, label, 'ok', `le ${fr(given)}, clôture le ${fr(close)}`))
  else checks.push(check(id, label, 'failed', `le ${fr(given)}, après la clôture du ${fr(close)}`))
}

const EVIDENCE_LABELS: Record<BalanceEvidenceField, string> = {
  vaSigned: 'VA signée',
  insDiffused: 'INS diffusée dans le SIH',
  insiCalled: 'INSi interrogé',
  insReceivedFromRi: 'INS reçue du RI',
  documentsSentToPfi: 'documents diffusés vers la PFI',
  dmpReportsWithQualifiedIns: 'CR envoyés au DMP avec INS qualifiée',
  mssReportsWithQualifiedIns: 'CR envoyés par MSSanté avec INS qualifiée',
  documentsSentWithQualifiedIns: 'documents envoyés avec INS qualifiée',
  catalogueTranscoded: 'catalogue transcodé',
  catalogueImported: 'catalogue importé',
}

/** One check per balance condition; evidence not given is listed missing and the check is unknown. */
export function balanceChecks(
  conditions: readonly BalanceCondition[],
  evidence: BalanceEvidence,
  absent: MissingInput[],
): CheckResult[] {
  return conditions.map((condition) => {
    const id = `balance-${condition.id}`
    const value = evidence[condition.evidence]
    if (value === undefined) {
      absent.push(missing(`balance.${condition.evidence}`, EVIDENCE_LABELS[condition.evidence]))
      return check(id, condition.label, 'unknown', 'preuve non fournie')
    }
    if (condition.minimum === undefined) {
      return check(id, condition.label, value === true ? 'ok' : 'failed', value === true ? 'oui' : 'non')
    }
    const count = Number(value)
    return check(
      id,
      condition.label,
      count >= condition.minimum ? 'ok' : 'failed',
      `${num(count)} pour ${num(condition.minimum)} requis`,
    )
  })
}
