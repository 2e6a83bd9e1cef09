// MSSanté: the ANS monthly report "Rapport indicateurs MSSanté-general-mois-année" (seed 002), one row per
// legal entity: connection status, messages sent, mailboxes. Counts are per EJ, so every site of an EJ shows
// the same figure and they are never added up across sites (RULES §1). The real layout is not public: the
// headers below are a declared mapping.
import type { ObservationValue, SourceDefinition } from '../source-definition'
import { compareDecimals } from './numbers'

/** The report's and the tracker's spellings; "Oui" / "Non" answer the tracker's header "ES Raccordé". */
export const MSS_SYNONYMS: Readonly<Record<string, string>> = {
  emetteur: 'emetteur',
  'es emettrice': 'emetteur',
  'emetteur et recepteur': 'emetteur',
  'emetteur recepteur': 'emetteur',
  recepteur: 'recepteur',
  'recepteur uniquement': 'recepteur',
  raccorde: 'raccorde',
  'es raccorde': 'raccorde',
  oui: 'raccorde',
  'non raccorde': 'non-raccorde',
  'es non raccorde': 'non-raccorde',
  'pas raccorde': 'non-raccorde',
  non: 'non-raccorde',
}

export const mssanteSource: SourceDefinition = {
  code: 'mssante',
  label: 'Rapport indicateurs MSSanté (ANS)',
  producer: 'ANS (Agence du numérique en santé)',
  fileNamePattern: 'Rapport indicateurs MSSanté-general-mois-année.xlsx',
  level: 'EJ',
  columns: {
    finess: {
      header: 'FINESS juridique',
      aliases: ['finess', 'finess ej', 'n finess ej', 'numero finess juridique', 'finess entite juridique'],
      required: true,
      description: 'FINESS juridique de l’entité raccordée (le rapport compte par entité juridique).',
    },
    raccordement: {
      header: 'ES raccordé',
      aliases: [
        'raccordement',
        'statut raccordement',
        'statut de raccordement',
        'statut mssante',
        'raccorde',
      ],
      required: false,
      description: '« ES Emetteur », « ES Récepteur », « ES Raccordé » ou « Non raccordé » (ou Oui / Non).',
    },
    messages: {
      header: 'Nb de messages envoyés',
      aliases: [
        'nombre de messages envoyes',
        'messages envoyes',
        'nb messages envoyes',
        'nb messages',
        'volume de messages envoyes',
      ],
      required: false,
      description: 'Messages envoyés dans le mois par l’entité juridique.',
    },
    bal: {
      header: 'Nb de BAL',
      aliases: [
        'nombre de bal',
        'bal',
        'nb bal actives',
        'bal actives',
        'boites aux lettres',
        'nombre de boites',
      ],
      required: false,
      description: 'Boîtes aux lettres MSSanté de l’entité (personnelles, organisationnelles, applicatives).',
    },
  },
  readRow(row) {
    const values: ObservationValue[] = []
    const status = row.status('raccordement', 'mss.raccordement', MSS_SYNONYMS)
    if (status !== null) values.push({ indicator: 'mss.raccordement', text: status })
    const messages = row.count('messages')
    if (messages !== null) values.push({ indicator: 'mss.messages-envoyes', number: messages })
    const bal = row.count('bal')
    if (bal !== null) values.push({ indicator: 'mss.bal', number: bal })
    if (status === 'non-raccorde' && messages !== null && compareDecimals(messages, '0') > 0)
      row.issue(
        'raccordement',
        'inconsistent',
        `« non raccordé » mais ${messages} messages envoyés : les deux valeurs sont conservées`,
        'warning',
      )
    return values
  },
  // Seed 002, July 2022: the three legal entities of the example rows.
  example: [
    { finess: '240000059', raccordement: 'ES Emetteur', messages: '1830', bal: '412' },
    { finess: '160000451', raccordement: 'ES Emetteur', messages: '10980', bal: '1240' },
    { finess: '160001632', raccordement: 'ES Emetteur', messages: '2189', bal: '96' },
  ],
}
