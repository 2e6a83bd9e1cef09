// The tracker's own spellings of each status (seed 002), mapped onto the catalogue's vocabularies. Only
// spellings that can mean one status are accepted: "En cours" alone could be with or without an alert, so it
// is refused and the message lists the accepted labels.
import {
  CERTIFICATE_ORDER_STATUSES,
  INS_ORGANISATION_STATUSES,
  METEO_STATUSES,
  MSS_CONNECTION_STATUSES,
  ORDER_STATUSES,
  type StatusValue,
} from '../../domain/observations/indicators'
import { fold, readStatus, type CellReading } from '../monthly/cell-values'

export interface Vocabulary {
  statuses: readonly StatusValue[]
  /** Folded spelling (after `looseSpelling`) → status code. */
  synonyms: Readonly<Record<string, string>>
  /** Spellings that could mean more than one status, refused with this message. */
  ambiguous?: { spellings: readonly string[]; message: string }
}

/** Dashes, slashes and apostrophes as people type them; a trailing full stop dropped. */
export function looseSpelling(raw: string): string {
  return fold(raw)
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s*\/\s*/g, ' / ')
    .replace(/\s*'\s*/g, "'")
    .replace(/[.;]+$/, '')
    .trim()
}

const synonyms = (entries: Record<string, readonly string[]>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(entries).flatMap(([code, spellings]) => spellings.map((s) => [looseSpelling(s), code])),
  )

export const ORDER_VOCABULARY: Vocabulary = {
  statuses: ORDER_STATUSES,
  synonyms: synonyms({
    signee: ['commande signée', 'commande signee', 'signée', 'commandé', 'commande passée'],
    'non-signee': [
      'pas de commande signée',
      'pas de commande',
      'commande non signée',
      'non signée',
      'aucune commande',
    ],
    'non-concerne': ['non concerné', 'non concernée', 'non concerne', 'sans objet'],
  }),
}

export const METEO_VOCABULARY: Vocabulary = {
  statuses: METEO_STATUSES,
  synonyms: synonyms({
    'non-demarre': ['non démarré', 'non demarre', 'pas démarré', 'non commencé', 'à démarrer'],
    'en-cours': [
      "en cours de déploiement - pas d'alerte",
      'en cours de déploiement - sans alerte',
      "en cours - pas d'alerte",
      "pas d'alerte",
      'sans alerte',
    ],
    alerte: ['en cours de déploiement - alerte', 'en cours - alerte', 'alerte', 'en alerte'],
    deploye: ['déployé / VA signée', 'déployé - VA signée', 'déployé', 'VA signée', 'déployé VA signée'],
  }),
  ambiguous: {
    spellings: ['en cours', 'en cours de déploiement', 'en-cours'],
    message:
      "ne dit pas s'il y a une alerte : écrire « En cours de déploiement - pas d’alerte » ou « En cours de déploiement - Alerte »",
  },
}

export const INS_ORGANISATION_VOCABULARY: Vocabulary = {
  statuses: INS_ORGANISATION_STATUSES,
  synonyms: synonyms({
    'non-demarre': ['non démarré', 'pas démarré', 'non commencé'],
    'en-cours': [
      "en cours - pas d'alerte",
      "en cours de déploiement - pas d'alerte",
      "pas d'alerte",
      'en cours - sans alerte',
    ],
    alerte: ['en cours - alerte', 'en cours de déploiement - alerte', 'alerte'],
    'en-place': ['en place', 'organisation en place', 'déployé'],
  }),
  ambiguous: {
    spellings: ['en cours', 'en-cours'],
    message: "ne dit pas s'il y a une alerte : écrire « En cours - Pas d’alerte » ou « En cours - Alerte »",
  },
}

export const MSS_CONNECTION_VOCABULARY: Vocabulary = {
  statuses: MSS_CONNECTION_STATUSES,
  synonyms: synonyms({
    emetteur: ['ES émetteur', 'émetteur', 'ES émettrice'],
    recepteur: ['ES récepteur', 'récepteur'],
    // The header asks "ES Raccordé": a plain Oui / Non answers it.
    raccorde: ['ES raccordé', 'raccordé', 'oui'],
    'non-raccorde': ['non raccordé', 'ES non raccordé', 'pas raccordé', 'non'],
  }),
}

export const CERTIFICATE_VOCABULARY: Vocabulary = {
  statuses: CERTIFICATE_ORDER_STATUSES,
  synonyms: synonyms({
    commande: ['commande effectuée', 'commande effectuee', 'commandé', 'commandée', 'certificat commandé'],
    'non-commande': ['pas de commande', 'non commandé', 'non commandée', 'commande non effectuée'],
  }),
}

/** A status by its label, code or synonym, first as written, then with dashes and spacing loosened. */
export function readTrackerStatus(raw: string, vocabulary: Vocabulary): CellReading<string> {
  const { ambiguous } = vocabulary
  if (ambiguous?.spellings.some((s) => looseSpelling(s) === looseSpelling(raw)))
    return { ok: false, reason: `« ${raw} » ${ambiguous.message}` }
  const direct = readStatus(raw, vocabulary.statuses, vocabulary.synonyms)
  if (direct.ok) return direct
  const loose = looseSpelling(raw)
  const byLabel = vocabulary.statuses.find((s) => looseSpelling(s.label) === loose)?.code
  const found = byLabel ?? vocabulary.synonyms[loose]
  return found ? { ok: true, value: found } : direct
}
