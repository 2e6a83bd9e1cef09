// ESMS numérique: the CNSA follow-up of the programme (RULES §10, seed 002: "DUI existant ? éditeur ?",
// contracting at EJ and/or EG level), one row per contracting structure. The `Niveau de contractualisation`
// column is the engine's `niveau`: it sets the FINESS level of the row and is kept as an indicator. The real
// layout is not public: the headers below are a declared mapping.
import { CONTRACTING_LEVELS } from '../../../domain/observations/indicators'
import { readStatus } from '../cell-values'
import type { ObservationValue, SourceDefinition } from '../source-definition'
import { compareDecimals } from './numbers'

/** The spellings the engine also reads as a level (interpret.ts `LEVEL_WORDS`). */
const LEVEL_SYNONYMS: Readonly<Record<string, string>> = {
  et: 'EG',
  geographique: 'EG',
  'finess geographique': 'EG',
  etablissement: 'EG',
  juridique: 'EJ',
  'finess juridique': 'EJ',
}

export const esmsNumeriqueSource: SourceDefinition = {
  code: 'esms-numerique',
  label: 'Programme ESMS numérique (CNSA)',
  producer: 'CNSA (Caisse nationale de solidarité pour l’autonomie)',
  fileNamePattern: 'ESMS-numerique-suivi-AAAAMM.xlsx',
  level: 'EG',
  columns: {
    finess: {
      header: 'FINESS',
      aliases: [
        'finess de contractualisation',
        'finess beneficiaire',
        'finess esms',
        'n finess',
        'numero finess',
        'finess geographique',
        'finess juridique',
      ],
      required: true,
      description: 'FINESS de la structure qui contractualise : géographique (EG) ou juridique (EJ).',
    },
    niveau: {
      header: 'Niveau de contractualisation',
      aliases: ['niveau', 'niveau finess', 'type finess', 'niveau contractualisation', 'contractualisation'],
      required: false,
      description: 'EG ou EJ (« Établissement géographique », « Entité juridique »). EG s’il manque.',
    },
    financed: {
      header: 'Financé ESMS numérique',
      aliases: [
        'finance',
        'financement esms numerique',
        'finance par esms numerique',
        'beneficiaire esms numerique',
        'retenu',
      ],
      required: false,
      description: 'Oui / Non : la structure est financée par le programme.',
    },
    grappe: {
      header: 'Grappe',
      aliases: ['nom de la grappe', 'grappe esms numerique', 'projet', 'nom du projet'],
      required: false,
      description: 'Nom de la grappe (projet mutualisé) dont la structure fait partie.',
    },
    dui: {
      header: 'DUI en place',
      aliases: ['dui', 'dui existant', 'dui deploye', 'dossier usager informatise'],
      required: false,
      description: 'Oui / Non : un dossier usager informatisé est en place.',
    },
    editeur: {
      header: 'Éditeur DUI',
      aliases: ['editeur', 'editeur du dui', 'nom editeur', 'solution dui'],
      required: false,
      description: 'Éditeur du DUI retenu.',
    },
    amount: {
      header: 'Montant financé',
      aliases: ['montant', 'montant accorde', 'montant alloue', 'montant notifie', 'financement accorde'],
      required: false,
      description: 'Montant accordé à la structure, en euros.',
    },
  },
  readRow(row) {
    const values: ObservationValue[] = []
    const levelText = row.raw('niveau')
    if (levelText !== null) {
      // An unreadable level is already reported by the engine, which falls back to EG.
      const level = readStatus(levelText, CONTRACTING_LEVELS, LEVEL_SYNONYMS)
      if (level.ok) values.push({ indicator: 'esms.niveau-contractualisation', text: level.value })
      else if (/^pmsi$/i.test(levelText.replace(/^finess\s*/i, '')))
        row.issue(
          'niveau',
          'invalid-value',
          'PMSI n’est pas un niveau de contractualisation (EG ou EJ)',
          'warning',
        )
    }
    const financed = row.boolean('financed')
    if (financed !== null) values.push({ indicator: 'esms.finance', text: financed })
    const grappe = row.text('grappe')
    if (grappe !== null) values.push({ indicator: 'esms.grappe', text: grappe })
    const dui = row.boolean('dui')
    if (dui !== null) values.push({ indicator: 'esms.dui', text: dui })
    const editeur = row.text('editeur')
    if (editeur !== null) values.push({ indicator: 'esms.editeur', text: editeur })
    const amount = row.amount('amount')
    if (amount !== null) values.push({ indicator: 'esms.montant', number: amount })
    if (financed === 'non' && amount !== null && compareDecimals(amount, '0') > 0)
      row.issue('amount', 'inconsistent', `montant de ${amount} € pour une structure non financée`, 'warning')
    return values
  },
  // An organisme gestionnaire (EJ 750721235) contracting for its EHPAD, beside EHPAD contracting alone.
  example: [
    {
      finess: '160000527',
      niveau: 'EG',
      financed: 'Oui',
      grappe: 'Grappe Charente Limousine',
      dui: 'Oui',
      editeur: 'Éditeur F',
      amount: '18 500,00',
    },
    {
      finess: '750721235',
      niveau: 'EJ',
      financed: 'Oui',
      grappe: 'Grappe Charente Limousine',
      dui: 'Oui',
      editeur: 'Éditeur G',
      amount: '42 000,00',
    },
    { finess: '160002085', niveau: 'Établissement géographique', financed: 'Non', dui: 'Non' },
  ],
}
