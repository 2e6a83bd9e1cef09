import { describe, expect, it } from 'vitest'
import { gridViewName, savedGridQuery } from './grid-views'

const refusal = (query: string) => {
  const parsed = savedGridQuery.safeParse(query)
  if (parsed.success) throw new Error(`accepted: ${parsed.data}`)
  return parsed.error.issues.map((i) => i.message).join(' ; ')
}

describe('the saved query of a view', () => {
  it('is kept in /suivi’s order, each value normalised, defaults left out', () => {
    expect(
      savedGridQuery.parse(
        '?compare=true&where=suivi.meteo:eq:alerte&departement=29&category=500&ej=29 000 0017&period=2024-04',
      ),
    ).toBe(
      'period=2024-04&departement=29&category=500&ej=290000017&where=suivi.meteo%3Aeq%3Aalerte&compare=true',
    )
    expect(savedGridQuery.parse('sort=insi.appels&where=insi.appels:lt:100&where=esms.dui:empty')).toBe(
      'where=insi.appels%3Alt%3A100&where=esms.dui%3Aempty&sort=insi.appels&order=asc',
    )
    expect(savedGridQuery.parse('columns=insi.appels, suivi.meteo&compare=false')).toBe(
      'columns=insi.appels%2Csuivi.meteo',
    )
    expect(savedGridQuery.parse('')).toBe('')
  })

  it.each([
    ['departement=999', /^Département \(departement\) : code INSEE de département attendu/],
    ['period=2024-13', /^Point de suivi \(period\) : mois attendu : AAAA-MM/],
    ['where=insi.appels:environ:3', /^Seuil \(where\) : opérateur inconnu « environ »/],
    ['where=inconnu.cle:empty', /^Seuil : colonne inconnue « inconnu.cle »/],
    ['columns=insi.appels,pas.une.colonne', /^Colonnes : colonne inconnue « pas.une.colonne »/],
    ['sort=nimporte', /^Tri : colonne inconnue « nimporte »/],
    ['order=haut', /^Ordre de tri \(order\) :/],
    ['limit=10', /^Paramètre inconnu « limit »/],
    ['<script>=1', /^Paramètre inconnu « <script> »/],
    ['region=53&region=11', /^Région \(region\) : une seule valeur attendue/],
  ])('refuses %s, naming the parameter', (query, message) => {
    expect(refusal(query)).toMatch(message)
  })

  it('is 2000 characters at most', () => {
    expect(refusal(`q=${'x'.repeat(2000)}`)).toBe('Requête de la vue : 2000 caractères au plus')
  })
})

describe('the name of a view', () => {
  it('is trimmed, its control characters removed and its line breaks made spaces', () => {
    expect(gridViewName.parse('  EHPAD\ten alerte\n du\u0000 Finistère \u0007')).toBe(
      'EHPAD en alerte du Finistère',
    )
    expect(gridViewName.parse('<b>gras</b> & "guillemets"')).toBe('<b>gras</b> & "guillemets"')
  })

  it('is 1 to 80 characters', () => {
    expect(gridViewName.safeParse(' \u0001 ').error?.issues[0]?.message).toBe(
      'Nom de la vue : un nom est attendu',
    )
    expect(gridViewName.safeParse('x'.repeat(81)).error?.issues[0]?.message).toBe(
      'Nom de la vue : 80 caractères au plus',
    )
    expect(gridViewName.parse('é'.repeat(80))).toHaveLength(80)
  })
})
