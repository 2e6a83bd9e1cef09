import { describe, expect, it } from 'vitest'
import { findGridColumn, type GridColumn } from '../../domain/grid/columns'
import { formatValue } from './cell-format'

const column = (key: string) => findGridColumn(key) as GridColumn
const plain = (text: string) => text.replace(/\s/g, ' ')

describe('grid values in French', () => {
  it.each([
    ['insi.appels', '1200', '1 200 appels'],
    ['insi.taux-qualifiees', '87.25', '87,3 %'],
    ['esms.montant', '1234567.5', '1 234 567,5 €'],
    ['suivi.meteo', 'alerte', 'En cours de déploiement - Alerte'],
    ['esms.dui', 'oui', 'Oui'],
    ['suivi.commentaire.insi', 'À relancer', 'À relancer'],
    ['insi.appels', null, '—'],
  ])('%s: %s reads %s', (key, value, expected) => {
    expect(plain(formatValue(column(key), value))).toBe(expected)
  })
})
