// `jalon simulate activite|sons|sun-es|hopen2|ifaq …`: a programme figure without a database, explained in
// French, or the same JSON as `POST /api/simulate/:kind` with --json. Bad input: French message, exit code 2.
import type { Command } from 'commander'
import {
  formatExplanation,
  ProgrammeInputError,
  simulate,
  type SimulationKind,
} from '../domain/programmes/index'

export interface SimulateIo {
  out(text: string): void
  err(text: string): void
}

const processIo: SimulateIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}

type Options = Record<string, string | string[] | boolean | undefined>
/** Input fields whose option is not the kebab-case of their last segment (`rates.ldl` → `--ldl`). */
type OptionNames = Record<string, string>

/** The option that fills `field`, so that errors name what the user typed. */
function optionFor(field: string, names: OptionNames): string {
  const base = field.replace(/\.\d+$/, '')
  const exception = names[field] ?? names[base] ?? names[base.split('.')[0] ?? '']
  if (exception) return exception
  if (field.startsWith('--')) return field
  return `--${(base.split('.').pop() ?? base).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
}

/** "15000", "12,5", "1 600 000" → a number; anything else is passed on for the schema to refuse by name. */
function numberOrRaw(raw: string | string[] | boolean | undefined): unknown {
  if (typeof raw !== 'string') return raw
  const compact = raw.replace(/[\s_\u00a0\u202f]/g, '')
  return /^-?\d+([.,]\d+)?$/.test(compact) ? Number(compact.replace(',', '.')) : raw
}

function yesNo(raw: unknown, option: string): boolean | undefined {
  if (raw === undefined) return undefined
  const value = String(raw).toLowerCase()
  if (['yes', 'oui', 'true', 'o', 'y'].includes(value)) return true
  if (['no', 'non', 'false', 'n'].includes(value)) return false
  throw new ProgrammeInputError(option, 'yes ou no', `valeur « ${String(raw)} » refusée`)
}

function list(raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined
  return (Array.isArray(raw) ? raw : [String(raw)])
    .flatMap((v) => String(v).split(','))
    .filter((v) => v !== '')
}

/** Drops absent values so that the schema sees missing inputs as missing, not as `undefined` fields. */
function defined(input: Record<string, unknown>): Record<string, unknown> {
  const entries = Object.entries(input).filter(([, v]) => v !== undefined)
  return Object.fromEntries(
    entries.map(([k, v]) => [
      k,
      v && typeof v === 'object' && !Array.isArray(v) ? defined(v as Record<string, unknown>) : v,
    ]),
  )
}

function renamed(error: ProgrammeInputError, names: OptionNames): string {
  return [error, ...error.others]
    .map((e) => {
      return `Erreur : « ${optionFor(e.field, names)} » : ${e.reason} — attendu : ${e.allowed}.`
    })
    .join('\n')
}

function run(
  io: SimulateIo,
  kind: SimulationKind,
  build: () => Record<string, unknown>,
  options: Options,
  names: OptionNames,
): void {
  try {
    const result = simulate(kind, defined(build()))
    io.out(options.json ? JSON.stringify(result, null, 2) : formatExplanation(result))
  } catch (error) {
    if (!(error instanceof ProgrammeInputError)) throw error
    io.err(renamed(error, names))
    process.exitCode = 2
  }
}

const n = numberOrRaw

export function registerSimulateCommands(program: Command, io: SimulateIo = processIo): void {
  const root = program
    .command('simulate')
    .description('Simuler un programme (activité combinée, SONS, SUN-ES, HOPEN 2, IFAQ) sans base de données')

  const activite = ['mcoDays', 'mcoSessions', 'ambulatoryStays', 'ssrDays', 'psyDays', 'hadDays', 'usldDays']
  root
    .command('activite')
    .description('Activité combinée 2019 et catégorie A–D (RULES §5)')
    .option('--mco-days <n>', 'journées MCO')
    .option('--mco-sessions <n>', 'séances MCO')
    .option('--ambulatory-stays <n>', 'séjours de chirurgie ambulatoire')
    .option('--ssr-days <n>', 'journées SSR')
    .option('--psy-days <n>', 'journées PSY')
    .option('--had-days <n>', 'journées HAD')
    .option('--usld-days <n>', 'journées USLD')
    .option('--json', 'résultat JSON')
    .action((o: Options) =>
      run(io, 'activite', () => Object.fromEntries(activite.map((k) => [k, n(o[k])])), o, {}),
    )

  const sons = { proofDepositDate: '--proof-date' }
  root
    .command('sons')
    .description('Plafond SONS : DPI, RI, PFI, ALL par activité combinée, RIS par examens (RULES §6)')
    .option('--dsr <dsr>', 'DPI | RI | PFI | ALL | RIS (SGL, LOINC : conditions seules)')
    .option('--activity <n>', 'activité combinée 2019 du FINESS PMSI')
    .option('--exams <n>', 'examens annuels de l’instance (RIS)')
    .option('--order-date <date>', 'date de la commande (AAAA-MM-JJ)')
    .option('--proof-date <date>', 'date de dépôt des preuves de référencement par l’éditeur')
    .option('--financing-request-date <date>', 'date de la demande de financement')
    .option('--balance-request-date <date>', 'date de la demande de solde')
    .option('--json', 'résultat JSON')
    .action((o: Options) =>
      run(
        io,
        'sons',
        () => ({
          dsr: typeof o.dsr === 'string' ? o.dsr.toUpperCase() : o.dsr,
          activity: n(o.activity),
          exams: n(o.exams),
          orderDate: o.orderDate,
          proofDepositDate: o.proofDate,
          financingRequestDate: o.financingRequestDate,
          balanceRequestDate: o.balanceRequestDate,
        }),
        o,
        sons,
      ),
    )

  const sunEs = {
    domains: '--domain',
    candidatureDate: '--date',
    'rates.imagerie': '--imaging',
    ownLaboratory: '--own-lab',
    prerequisites: '--prerequisites-met',
  }
  root
    .command('sun-es')
    .description('SUN-ES : forfait par domaine × dégressivité de la fenêtre, cibles et atteinte (RULES §7)')
    .option('--domain <domains...>', 'D1 | D2 | D3 | V2 (défaut : D1, D2, D3)')
    .option('--activity <n>', 'activité combinée 2019 du FINESS PMSI')
    .option('--window <n>', 'fenêtre 1 à 4')
    .option('--date <date>', 'date de candidature (au lieu de --window)')
    .option('--ldl <rate>', 'taux LDL (%)')
    .option('--ordonnance <rate>', 'taux ordonnance de sortie (%)')
    .option('--cro <rate>', 'taux CRO, bonus (%)')
    .option('--bio <rate>', 'taux CR de biologie (%)')
    .option('--imaging <rate>', 'taux CR d’imagerie (%)')
    .option('--ins-recovery <rate>', 'taux de récupération INS (%)')
    .option('--own-lab <yes|no>', 'laboratoire propre (même EJ), pour D2')
    .option('--own-imaging <yes|no>', 'imagerie propre (même EJ), pour D3')
    .option('--prerequisites-met <yes|no>', 'les six prérequis sont atteints')
    .option('--ins-recovery-gate <yes|no>', 'appliquer la cible « récupération INS » (défaut : yes)')
    .option('--volet2-percentage <n>', 'pourcentage du forfait volet 2 (non publié)')
    .option('--volet2-reached <yes|no>', 'cibles du volet 2 atteintes')
    .option('--json', 'résultat JSON')
    .action((o: Options) =>
      run(
        io,
        'sun-es',
        () => {
          const met = yesNo(o.prerequisitesMet, '--prerequisites-met')
          const ids = [
            'identityVigilanceCell',
            'rniv',
            'securityPolicy',
            'cyberAudit',
            'dmpCapability',
            'mssanteMessaging',
          ]
          return {
            domains: list(o.domain)?.map((d) => d.toUpperCase()),
            activity: n(o.activity),
            window: n(o.window),
            candidatureDate: o.date,
            rates: {
              ldl: n(o.ldl),
              ordonnance: n(o.ordonnance),
              cro: n(o.cro),
              bio: n(o.bio),
              imagerie: n(o.imaging),
              insRecovery: n(o.insRecovery),
            },
            ownLaboratory: yesNo(o.ownLab, '--own-lab'),
            ownImaging: yesNo(o.ownImaging, '--own-imaging'),
            prerequisites: met === undefined ? undefined : Object.fromEntries(ids.map((id) => [id, met])),
            insRecoveryGate: yesNo(o.insRecoveryGate, '--ins-recovery-gate'),
            volet2Percentage: n(o.volet2Percentage),
            volet2Reached: yesNo(o.volet2Reached, '--volet2-reached'),
          }
        },
        o,
        sunEs,
      ),
    )

  const hopen2 = { rates: '--rate', candidatureDate: '--date', prerequisites: '--prerequisites-met' }
  root
    .command('hopen2')
    .description('HOPEN 2 phase 1 : cible applicable, atteinte, paiements 30 % / 70 % (RULES §8)')
    .option('--objective <id>', 'P1.O1 à P1.O8')
    .option('--sun-es-reached <yes|no>', 'domaine SUN-ES équivalent atteint')
    .option('--rate <rates...>', 'taux mesuré(s) en %, un par indicateur (P1.O2 : LDL puis ordonnance)')
    .option('--amount <euros>', 'forfait de l’objectif (non public : à saisir)')
    .option('--prerequisites-met <yes|no>', 'prérequis P1.P1 à P1.P4 atteints')
    .option('--target-adjustment <points>', 'tolérance abaissant la cible (P1.O1, P1.O7)')
    .option('--date <date>', 'date de candidature')
    .option('--json', 'résultat JSON')
    .action((o: Options) =>
      run(
        io,
        'hopen2',
        () => {
          const met = yesNo(o.prerequisitesMet, '--prerequisites-met')
          return {
            objective: typeof o.objective === 'string' ? o.objective.toUpperCase() : o.objective,
            sunEsReached: yesNo(o.sunEsReached, '--sun-es-reached'),
            rates: list(o.rate)?.map(n),
            amount: n(o.amount),
            prerequisites:
              met === undefined ? undefined : { 'P1.P1': met, 'P1.P2': met, 'P1.P3': met, 'P1.P4': met },
            targetAdjustment: n(o.targetAdjustment),
            candidatureDate: o.date,
          }
        },
        o,
        hopen2,
      ),
    )

  const ifaq = { activityFields: '--fields' }
  root
    .command('ifaq')
    .description('IFAQ NUM1 / NUM2 : taux, cible de l’année, atteinte, recueil obligatoire (RULES §9)')
    .option('--indicator <id>', 'NUM1 | NUM2')
    .option('--year <yyyy>', 'année IFAQ (2022, 2023, 2024)')
    .option('--numerator <n>', 'numérateur')
    .option('--denominator <n>', 'dénominateur')
    .option('--fields <fields...>', 'champs d’activité : MCO, SSR, HAD, DIA, PSY')
    .option('--psy-mandatory <yes|no>', 'compter PSY comme obligatoire (défaut : no, comme le texte)')
    .option('--json', 'résultat JSON')
    .action((o: Options) =>
      run(
        io,
        'ifaq',
        () => ({
          indicator: typeof o.indicator === 'string' ? o.indicator.toUpperCase() : o.indicator,
          year: n(o.year),
          numerator: n(o.numerator),
          denominator: n(o.denominator),
          activityFields: list(o.fields)?.map((f) => f.toUpperCase()),
          psyMandatory: yesNo(o.psyMandatory, '--psy-mandatory'),
        }),
        o,
        ifaq,
      ),
    )
}
