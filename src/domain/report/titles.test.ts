import { describe, expect, it } from 'vitest'
import { RANKING_TITLES, titleAt } from './titles'

describe('titleAt', () => {
  it('dates a table with its month, or says there is no data', () => {
    expect(titleAt(RANKING_TITLES.insiMonth, '2022-02')).toBe(
      'Les 10 structures ayant le plus d’appels INSi dans le mois — février 2022',
    )
    expect(titleAt('Appels cumulés', '2022-02', 'à fin ')).toBe('Appels cumulés — à fin février 2022')
    expect(titleAt('Appels cumulés', null, 'à fin ')).toBe('Appels cumulés — aucune donnée')
  })
})
