import { describe, expect, it } from 'vitest'
import { safeReturnPath, signInHref } from './return-path'

describe('the page to come back to after signing in', () => {
  it.each([
    ['/structures/220000012', '/structures/220000012'],
    ['/journal?finess=220000012&page=2', '/journal?finess=220000012&page=2'],
    [null, '/'],
    ['', '/'],
    ['https://ailleurs.example/piege', '/'],
    ['//ailleurs.example/piege', '/'],
    ['/\\ailleurs.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/connexion?retour=/imports', '/'],
  ])('%s → %s', (raw, expected) => {
    expect(safeReturnPath(raw)).toBe(expected)
  })

  it('travels in the sign-in page’s URL, left out when it is the home page', () => {
    expect(signInHref('/journal?finess=220000012')).toBe('/connexion?retour=%2Fjournal%3Ffiness%3D220000012')
    expect(signInHref('/')).toBe('/connexion')
    expect(signInHref('//ailleurs.example')).toBe('/connexion')
  })
})
