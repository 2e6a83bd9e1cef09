import { describe, expect, it } from 'vitest'
import { csvFileName, frenchCsv } from './csv-download'

describe('dashboard CSV', () => {
  it('writes a French CSV: BOM, semicolons, decimal commas, CRLF, no formula', () => {
    const text = frenchCsv(
      ['Statut', 'Établissements', 'Part (%)'],
      [
        ['Commande signée', 12, 33.33],
        ['=HYPERLINK("x")', -1, null],
        ['a;b', 0, 0.5],
      ],
    )
    expect(text).toBe(
      '\ufeffStatut;Établissements;Part (%)\r\nCommande signée;12;33,33\r\n' +
        '"\'=HYPERLINK(""x"")";-1;\r\n"a;b";0;0,5\r\n',
    )
  })

  it('names the file without accents or spaces', () => {
    expect(csvFileName('tableau de bord', '2024-03', 'Appels INSi (mois)')).toBe(
      'tableau-de-bord-2024-03-appels-insi-mois.csv',
    )
  })
})
