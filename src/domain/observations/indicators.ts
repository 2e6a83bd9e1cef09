// The catalogue of what Jalon observes each month, one entry per indicator, as data. Sources map their
// columns onto these codes; the grid, dashboards and rules read them by code. RULES §2–§4, seed 002.

export type Theme =
  | 'identite'
  | 'segur'
  | 'suivi'
  | 'etablissement'
  | 'insi'
  | 'mssante'
  | 'dmp'
  | 'programmes'
  | 'activite'
  | 'esms'
  | 'derive'

export const THEME_LABELS: Readonly<Record<Theme, string>> = {
  identite: 'Identité',
  segur: 'Prestations Ségur',
  suivi: 'Suivi régional',
  etablissement: 'Déclaré par l\u2019établissement',
  insi: 'INSi',
  mssante: 'MSSanté',
  dmp: 'DMP',
  programmes: 'Programmes (SUN-ES, HOPEN 2, IFAQ)',
  activite: 'Activité combinée',
  esms: 'ESMS numérique',
  derive: 'Indicateurs calculés',
}

/**
 * `count` and `amount` add up across structures; a `rate` keeps its numerator and denominator and is
 * aggregated as their ratio; `status`, `boolean` and `text` are counted per value, never added.
 */
export type ValueKind = 'count' | 'rate' | 'amount' | 'status' | 'boolean' | 'text'

export interface StatusValue {
  /** Stored code. */
  code: string
  /** As the tracker writes it. */
  label: string
}

export interface IndicatorDefinition {
  code: string
  label: string
  theme: Theme
  kind: ValueKind
  /** Unit shown after a number: "appels", "messages", "€", "%"… */
  unit: string | null
  /** The allowed values of a status, in the order they are shown. */
  statuses?: readonly StatusValue[]
}

export const SEGUR_KINDS = ['dpi', 'pfi', 'ri', 'loinc', 'sgl', 'radio'] as const
export type SegurKind = (typeof SEGUR_KINDS)[number]
export const SEGUR_KIND_LABELS: Readonly<Record<SegurKind, string>> = {
  dpi: 'DPI',
  pfi: 'PFI',
  ri: 'RI',
  loinc: 'LOINC',
  sgl: 'SGL',
  radio: 'RADIO (RIS)',
}

export const ORDER_STATUSES: readonly StatusValue[] = [
  { code: 'signee', label: 'Commande signée' },
  { code: 'non-signee', label: 'Pas de commande signée' },
  { code: 'non-concerne', label: 'Non concerné' },
]

export const METEO_STATUSES: readonly StatusValue[] = [
  { code: 'non-demarre', label: 'Non démarré' },
  { code: 'en-cours', label: 'En cours de déploiement - pas d\u2019alerte' },
  { code: 'alerte', label: 'En cours de déploiement - Alerte' },
  { code: 'deploye', label: 'Déployé / VA signée' },
]

export const MSS_CONNECTION_STATUSES: readonly StatusValue[] = [
  { code: 'emetteur', label: 'ES Emetteur' },
  { code: 'recepteur', label: 'ES Récepteur' },
  { code: 'raccorde', label: 'ES Raccordé' },
  { code: 'non-raccorde', label: 'Non raccordé' },
]

export const INS_ORGANISATION_STATUSES: readonly StatusValue[] = [
  { code: 'non-demarre', label: 'Non démarré' },
  { code: 'en-cours', label: 'En cours - Pas d\u2019alerte' },
  { code: 'alerte', label: 'En cours - Alerte' },
  { code: 'en-place', label: 'En place' },
]

export const CERTIFICATE_ORDER_STATUSES: readonly StatusValue[] = [
  { code: 'commande', label: 'Commande effectuée' },
  { code: 'non-commande', label: 'Pas de commande' },
]

export const CONTRACTING_LEVELS: readonly StatusValue[] = [
  { code: 'EJ', label: 'Entité juridique' },
  { code: 'EG', label: 'Établissement géographique' },
]

/** INSi teleservice operations counted by the GIE SESAM-Vitale publication. */
export const INSI_OPERATIONS = ['recherche-carte-vitale', 'recherche-traits', 'verification'] as const
export const INSI_OPERATION_LABELS: Readonly<Record<(typeof INSI_OPERATIONS)[number], string>> = {
  'recherche-carte-vitale': 'recherche par carte Vitale',
  'recherche-traits': 'recherche par traits d\u2019identité',
  verification: 'vérification',
}

/** Document types fed to the DMP (RULES §2). */
export const DMP_DOCUMENT_TYPES = [
  'ldl',
  'ordonnance',
  'cro',
  'biologie',
  'imagerie',
  'consultation',
  'dlu',
  'autre',
] as const
export const DMP_DOCUMENT_LABELS: Readonly<Record<(typeof DMP_DOCUMENT_TYPES)[number], string>> = {
  ldl: 'lettres de liaison',
  ordonnance: 'ordonnances de sortie',
  cro: 'comptes rendus opératoires',
  biologie: 'comptes rendus de biologie',
  imagerie: 'comptes rendus d\u2019imagerie',
  consultation: 'comptes rendus de consultation',
  dlu: 'DLU',
  autre: 'autres documents',
}

/** Measured programme indicators (RULES §7–§9), keyed by the programme's own code. */
export const PROGRAMME_INDICATORS = [
  { programme: 'sun-es', code: 'DS1.1', label: 'SUN-ES DS1.1 lettres de liaison' },
  { programme: 'sun-es', code: 'DS1.2', label: 'SUN-ES DS1.2 ordonnances de sortie' },
  { programme: 'sun-es', code: 'DS1.3', label: 'SUN-ES DS1.3 comptes rendus opératoires' },
  { programme: 'sun-es', code: 'DS2.1', label: 'SUN-ES DS2.1 biologie' },
  { programme: 'sun-es', code: 'DS3.1', label: 'SUN-ES DS3.1 imagerie' },
  { programme: 'hopen2', code: 'P1.O1', label: 'HOPEN 2 P1.O1 INS qualifiées' },
  { programme: 'hopen2', code: 'P1.O2.LDL', label: 'HOPEN 2 P1.O2 lettres de liaison' },
  { programme: 'hopen2', code: 'P1.O2.ORD', label: 'HOPEN 2 P1.O2 ordonnances de sortie' },
  { programme: 'hopen2', code: 'P1.O3', label: 'HOPEN 2 P1.O3 comptes rendus opératoires' },
  { programme: 'hopen2', code: 'P1.O4', label: 'HOPEN 2 P1.O4 comptes rendus de consultation' },
  { programme: 'hopen2', code: 'P1.O5', label: 'HOPEN 2 P1.O5 biologie' },
  { programme: 'hopen2', code: 'P1.O6', label: 'HOPEN 2 P1.O6 imagerie' },
  { programme: 'hopen2', code: 'P1.O7', label: 'HOPEN 2 P1.O7 MSSanté professionnels' },
  { programme: 'hopen2', code: 'P1.O8', label: 'HOPEN 2 P1.O8 MSSanté citoyenne' },
  { programme: 'ifaq', code: 'NUM1', label: 'IFAQ NUM1 documents au DMP' },
  { programme: 'ifaq', code: 'NUM2', label: 'IFAQ NUM2 correspondants MSSanté' },
] as const

export const programmeIndicatorCode = (programme: string, code: string): string => `${programme}.${code}`

/** The activité combinée terms of RULES §5, reported per FINESS PMSI. */
export const ACTIVITY_TERMS = [
  { code: 'activite.journees-mco', label: 'Journées MCO' },
  { code: 'activite.seances-mco', label: 'Séances MCO' },
  { code: 'activite.sejours-chir-ambu', label: 'Séjours de chirurgie ambulatoire' },
  { code: 'activite.journees-ssr', label: 'Journées SSR' },
  { code: 'activite.journees-psy', label: 'Journées PSY' },
  { code: 'activite.journees-had', label: 'Journées HAD' },
  { code: 'activite.journees-usld', label: 'Journées USLD' },
] as const

function define(
  theme: Theme,
  kind: ValueKind,
  code: string,
  label: string,
  unit: string | null = null,
  statuses?: readonly StatusValue[],
): IndicatorDefinition {
  return statuses ? { code, label, theme, kind, unit, statuses } : { code, label, theme, kind, unit }
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  // Identity columns of the tracker (ANS / region).
  define('identite', 'boolean', 'identite.es-pilote-mes', 'ES pilote Mon Espace Santé'),
  define('identite', 'text', 'identite.candidat-sun-es', 'Candidat SUN-ES (domaines et bonus validés)'),
  define('identite', 'text', 'identite.commentaire', 'Commentaires (identité)'),
  // Ségur orders (ASP).
  ...SEGUR_KINDS.flatMap((kind) => [
    define(
      'segur',
      'status',
      `segur.commande.${kind}`,
      `Commande ${SEGUR_KIND_LABELS[kind]}`,
      null,
      ORDER_STATUSES,
    ),
    define('segur', 'text', `segur.editeur.${kind}`, `Éditeur ${SEGUR_KIND_LABELS[kind]}`),
    define('segur', 'text', `segur.solution.${kind}`, `Solution ${SEGUR_KIND_LABELS[kind]}`),
    define('segur', 'boolean', `segur.va.${kind}`, `VA signée ${SEGUR_KIND_LABELS[kind]}`),
    define('segur', 'amount', `segur.paiement.${kind}`, `Montant versé ${SEGUR_KIND_LABELS[kind]}`, '€'),
  ]),
  // What the ASP file tells beyond the order: the VA date, and the two payments of the process (RULES §6:
  // 30 % advance to the vendor, balance after the VA). Dates are ISO text: there is no date kind.
  ...SEGUR_KINDS.flatMap((kind) => [
    define('segur', 'text', `segur.va-date.${kind}`, `Date de signature de la VA ${SEGUR_KIND_LABELS[kind]}`),
    define('segur', 'amount', `segur.avance.${kind}`, `Avance versée ${SEGUR_KIND_LABELS[kind]}`, '€'),
    define('segur', 'amount', `segur.solde.${kind}`, `Solde versé ${SEGUR_KIND_LABELS[kind]}`, '€'),
  ]),
  // Region-owned follow-up fields (seed 002, yellow columns).
  define('suivi', 'status', 'suivi.meteo', 'Météo', null, METEO_STATUSES),
  define('suivi', 'text', 'suivi.commentaire.segur', 'Commentaires (prestations Ségur)'),
  define('suivi', 'text', 'suivi.sih', 'SIH'),
  // Issue 6: whom the région deals with at the establishment (not a column of seed 002's file).
  define('suivi', 'text', 'suivi.contact', 'Contacts (référents de l’établissement)'),
  define('suivi', 'text', 'suivi.commentaire.insi', 'Commentaires (INSi)'),
  define('suivi', 'text', 'suivi.commentaire.mssante', 'Commentaires (MSSanté)'),
  define('suivi', 'text', 'suivi.commentaire.dmp', 'Commentaires (DMP)'),
  // What an establishment declares about itself (its own account).
  define('etablissement', 'text', 'etablissement.referent', 'Référent numérique de l\u2019établissement'),
  define('etablissement', 'text', 'etablissement.commentaire', 'Commentaire de l\u2019établissement'),
  // INSi (GIE SESAM-Vitale).
  define('insi', 'count', 'insi.appels', 'Appels au téléservice INSi', 'appels'),
  ...INSI_OPERATIONS.map((op) =>
    define('insi', 'count', `insi.appels.${op}`, `Appels INSi : ${INSI_OPERATION_LABELS[op]}`, 'appels'),
  ),
  define('insi', 'boolean', 'insi.appel-ts', 'Appel de l\u2019ES au TS INSi'),
  define('insi', 'rate', 'insi.taux-qualifiees', 'Taux d\u2019identités qualifiées', '%'),
  define(
    'insi',
    'status',
    'insi.organisation',
    'Organisation pour qualifier les identités',
    null,
    INS_ORGANISATION_STATUSES,
  ),
  // MSSanté (ANS report, per EJ).
  define('mssante', 'status', 'mss.raccordement', 'Raccordement MSSanté', null, MSS_CONNECTION_STATUSES),
  define('mssante', 'count', 'mss.messages-envoyes', 'Messages MSSanté envoyés', 'messages'),
  define('mssante', 'count', 'mss.bal', 'Boîtes aux lettres MSSanté', 'BAL'),
  // DMP (CNAM / ANS).
  ...DMP_DOCUMENT_TYPES.map((type) =>
    define(
      'dmp',
      'count',
      `dmp.documents.${type}`,
      `Documents au DMP : ${DMP_DOCUMENT_LABELS[type]}`,
      'documents',
    ),
  ),
  define('dmp', 'count', 'dmp.documents', 'Documents envoyés au DMP', 'documents'),
  define('dmp', 'count', 'dmp.dmp-alimentes', 'DMP alimentés', 'DMP'),
  define('dmp', 'boolean', 'dmp.alimente.sortie', 'Documents de sortie DPI au DMP'),
  define('dmp', 'boolean', 'dmp.alimente.biologie', 'CR de biologie au DMP'),
  define('dmp', 'boolean', 'dmp.alimente.imagerie', 'CR d\u2019imagerie au DMP'),
  define('dmp', 'status', 'dmp.certificat.commande', 'Certificat DMP', null, CERTIFICATE_ORDER_STATUSES),
  define('dmp', 'boolean', 'dmp.certificat.installe', 'Installation du certificat DMP'),
  define('dmp', 'boolean', 'dmp.convention', 'Convention DMP signée (EHPAD)'),
  // Programme results (oSIS, ATIH).
  ...PROGRAMME_INDICATORS.map((p) =>
    define('programmes', 'rate', programmeIndicatorCode(p.programme, p.code), p.label, '%'),
  ),
  // Activité combinée inputs (the ANS "fichier de calcul"), per FINESS PMSI.
  ...ACTIVITY_TERMS.map((t) => define('activite', 'count', t.code, t.label, 'journées')),
  define('activite', 'text', 'activite.annee', 'Année de l\u2019activité retenue'),
  // ESMS numérique (CNSA).
  define('esms', 'boolean', 'esms.finance', 'Financé par ESMS numérique'),
  define('esms', 'text', 'esms.grappe', 'Grappe ESMS numérique'),
  define('esms', 'boolean', 'esms.dui', 'DUI en place'),
  define('esms', 'text', 'esms.editeur', 'Éditeur du DUI'),
  define(
    'esms',
    'status',
    'esms.niveau-contractualisation',
    'Niveau de contractualisation',
    null,
    CONTRACTING_LEVELS,
  ),
  define('esms', 'amount', 'esms.montant', 'Montant financé ESMS numérique', '€'),
]

const BY_CODE = new Map(INDICATORS.map((i) => [i.code, i]))

export function findIndicator(code: string): IndicatorDefinition | undefined {
  return BY_CODE.get(code)
}

export function indicator(code: string): IndicatorDefinition {
  const found = BY_CODE.get(code)
  if (!found) throw new Error(`unknown indicator ${code}`)
  return found
}

/**
 * Values dashboards add up month by month (issue 7 §1): INSi calls, DMP documents, MSSanté messages, totals
 * and parts, and the ESMS numérique amounts committed (programme views). Their monthly sums are kept by the
 * imports (src/store/monthly-totals.ts).
 */
export const SUMMED_INDICATORS: readonly string[] = [
  'insi.appels',
  ...INSI_OPERATIONS.map((op) => `insi.appels.${op}`),
  'dmp.documents',
  ...DMP_DOCUMENT_TYPES.map((t) => `dmp.documents.${t}`),
  'mss.messages-envoyes',
  'esms.montant',
]

/**
 * Counts dashboards rank structures by, to date and in the month (seed 000: INSi calls, DMP documents):
 * each structure's running total and value of the month are kept by the imports (cumulative-totals.ts).
 */
export const CUMULATED_INDICATORS: readonly string[] = ['insi.appels', 'dmp.documents']
