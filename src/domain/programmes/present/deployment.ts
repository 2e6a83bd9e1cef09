// JSON results and explanations of the deployment statuses (RULES §4).
import { DEPLOYMENT_REFERENCES } from '../data/deployment-thresholds'
import type { Threshold } from '../data/types'
import { num, yesNo } from '../format-fr'
import { lastPeriods } from '../mechanisms/monthly-window'
import type {
  DmpFeedingEvaluation,
  EhpadDmpEvaluation,
  EhpadDmpStatus,
  InsStartedEvaluation,
  WindowedCount,
} from '../rules/deployment'
import type { DmpFeedingInput, EhpadDmpInput, InsStartedInput } from '../schemas'
import type { ExplanationStep, MissingInput, ResultBase } from '../types'

const PROGRAMME = { id: 'deploiement', version: 'seuils-2022', label: 'Statuts de déploiement' }

interface WindowResult {
  periods: string[]
  sum: number
  missingPeriods: string[]
  threshold: Threshold
  reached: boolean | null
}

export interface InsStartedResult extends ResultBase<'ins-started'> {
  calls: number
  threshold: Threshold
  reached: boolean
  lastMonthCalls: number | null
  nominal: boolean | null
}

export interface DmpFeedingResult extends ResultBase<'dmp-feeding'>, WindowResult {}

export interface EhpadDmpResult extends ResultBase<'ehpad-dmp'> {
  status: EhpadDmpStatus | null
  conventionSigned: boolean | null
  fedToDate: number
  equipped: boolean
  active: WindowResult
  reached: boolean | null
}

const STATUS_LABELS: Record<EhpadDmpStatus, string> = {
  actif: 'actif',
  equipe: 'équipé',
  'convention-signee': 'convention signée',
  aucun: 'aucun',
}

export const thresholdText = (t: Threshold): string =>
  `${t.comparison === 'gt' ? 'plus de' : 'au moins'} ${num(t.value)}`

function windowResult(w: WindowedCount): WindowResult {
  return {
    periods: lastPeriods(w.to, w.months),
    sum: w.sum,
    missingPeriods: [...w.missing],
    threshold: w.threshold,
    reached: w.reached,
  }
}

function windowStep(label: string, w: WindowedCount): ExplanationStep {
  const gaps = w.missing.length > 0 ? ` ; mois sans donnée : ${w.missing.join(', ')}` : ''
  return {
    label,
    value: yesNo(w.reached),
    detail: `${num(w.sum)} sur ${w.from} – ${w.to} (${w.months} mois), seuil ${thresholdText(w.threshold)}${gaps}`,
  }
}

const missingMonths = (w: WindowedCount): MissingInput[] =>
  w.reached === null
    ? w.missing.map((p) => ({ field: `observations.${p}`, label: `observation du mois ${p}` }))
    : []

export function presentInsStarted(e: InsStartedEvaluation, input: InsStartedInput): InsStartedResult {
  const t = e.thresholds.insStarted
  return {
    kind: 'ins-started',
    programme: PROGRAMME,
    summary: `INS ${e.started ? 'démarrée' : 'non démarrée'} au ${input.asOf} : ${num(e.calls)} appels INSi cumulés (seuil : ${thresholdText(t)}).`,
    inputs: { ...input },
    missing: [],
    explanation: [
      {
        label: 'Appels INSi cumulés',
        value: num(e.calls),
        detail: `toutes les observations jusqu’à ${input.asOf}`,
      },
      { label: 'INS démarrée', value: yesNo(e.started), detail: `seuil : ${thresholdText(t)} appels` },
      {
        label: 'Rythme nominal',
        value: yesNo(e.nominal),
        detail:
          e.thresholds.insNominalMonthlyCalls === null
            ? 'seuil non chiffré par la source (paramétrable)'
            : `au moins ${num(e.thresholds.insNominalMonthlyCalls)} appels sur ${input.asOf}`,
      },
    ],
    notes: ['Les observations fournies sont tenues pour l’historique complet du site.'],
    references: [DEPLOYMENT_REFERENCES.ins],
    calls: e.calls,
    threshold: t,
    reached: e.started,
    lastMonthCalls: e.lastMonthCalls,
    nominal: e.nominal,
  }
}

export function presentDmpFeeding(e: DmpFeedingEvaluation, input: DmpFeedingInput): DmpFeedingResult {
  const w = e.window
  return {
    kind: 'dmp-feeding',
    programme: PROGRAMME,
    summary: `Alimentation du DMP au ${input.asOf} : ${yesNo(w.reached)} (${num(w.sum)} documents sur ${w.months} mois, seuil ${thresholdText(w.threshold)}).`,
    inputs: { ...input },
    missing: missingMonths(w),
    explanation: [windowStep('Alimente le DMP', w)],
    notes: [
      `La source compte 12 semaines ; les données étant mensuelles, la fenêtre est de ${e.thresholds.dmpFeedingMonths} mois (paramétrable).`,
    ],
    references: [DEPLOYMENT_REFERENCES.dmp],
    ...windowResult(w),
  }
}

export function presentEhpadDmp(e: EhpadDmpEvaluation, input: EhpadDmpInput): EhpadDmpResult {
  const missing: MissingInput[] = missingMonths(e.active)
  if (e.status === null && e.conventionSigned === null && e.active.reached === false) {
    missing.push({ field: 'conventionSigned', label: 'convention DMP signée' })
  }
  return {
    kind: 'ehpad-dmp',
    programme: PROGRAMME,
    summary: `DMP en EHPAD au ${input.asOf} : ${e.status === null ? 'statut indéterminé' : STATUS_LABELS[e.status]}.`,
    inputs: { ...input },
    missing,
    explanation: [
      { label: 'Convention signée', value: yesNo(e.conventionSigned) },
      {
        label: 'Équipé',
        value: yesNo(e.equipped),
        detail: `${num(e.fedToDate)} DMP alimentés à ce jour, seuil ${thresholdText(e.thresholds.ehpadEquipped)}`,
      },
      windowStep('Actif', e.active),
    ],
    notes: ['La source écrit aussi « plus de 35 » : le seuil « au moins 35 » est paramétrable.'],
    references: [DEPLOYMENT_REFERENCES.ehpad],
    status: e.status,
    conventionSigned: e.conventionSigned,
    fedToDate: e.fedToDate,
    equipped: e.equipped,
    active: windowResult(e.active),
    reached: e.active.reached,
  }
}
