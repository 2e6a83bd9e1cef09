// `jalon simulate …` parsed from argv on a throwaway program, output captured.
import { Command } from 'commander'
import { afterEach, describe, expect, it } from 'vitest'
import { registerSimulateCommands } from './simulate'

function cli(...argv: string[]): { out: string; err: string; exitCode: number | undefined } {
  const out: string[] = []
  const err: string[] = []
  const program = new Command().exitOverride()
  registerSimulateCommands(program, { out: (t) => out.push(t), err: (t) => err.push(t) })
  process.exitCode = undefined
  program.parse(['simulate', ...argv], { from: 'user' })
  const exitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined
  process.exitCode = undefined
  return { out: out.join('\n'), err: err.join('\n'), exitCode }
}

afterEach(() => {
  process.exitCode = undefined
})

describe('jalon simulate', () => {
  it('explains the activité combinée in French', () => {
    const r = cli(
      'activite',
      '--mco-days',
      '10000',
      '--mco-sessions',
      '0',
      '--ambulatory-stays',
      '2000',
      '--ssr-days',
      '0',
      '--psy-days',
      '0',
      '--had-days',
      '0',
      '--usld-days',
      '0',
    )
    expect(r.out).toContain('Activité combinée : 13 000 équivalents journées MCO, catégorie B.')
    expect(r.exitCode).toBeUndefined()
  })

  it('prints the JSON of the API with --json, money as decimal strings', () => {
    const r = cli('sons', '--dsr', 'DPI', '--activity', '15000', '--json')
    expect(JSON.parse(r.out)).toMatchObject({
      kind: 'sons',
      amount: '10338.71',
      category: { code: 'B' },
      tranche: { code: 'B' },
    })
  })

  it.each([
    [['sons', '--dsr', 'RIS', '--exams', '15001'], '8 000,00 € TTC'],
    [['sun-es', '--domain', 'D1', '--activity', '15000', '--window', '2'], '32 748,39 €'],
    [
      ['sun-es', '--activity', '15000', '--date', '2022-03-15', '--domain', 'D2', '--own-lab', 'oui'],
      'fenêtre 2',
    ],
    [
      [
        'hopen2',
        '--objective',
        'P1.O2',
        '--sun-es-reached',
        'yes',
        '--rate',
        '72',
        '66',
        '--amount',
        '10000',
        '--prerequisites-met',
        'yes',
      ],
      'montant acquis 10 000,00 €',
    ],
    [
      ['ifaq', '--indicator', 'NUM1', '--year', '2024', '--numerator', '51', '--denominator', '100'],
      '51 % pour une cible de 50 %, atteinte',
    ],
  ])('%j → %s', (argv, text) => {
    const r = cli(...argv)
    expect(r.err).toBe('')
    expect(r.out).toContain(text)
  })

  it.each([
    [['sons', '--dsr', 'DPI', '--activity', '-5'], '« --activity » : valeur -5 refusée'],
    [['sons', '--dsr', 'DPI', '--activity', 'beaucoup'], '« --activity » : valeur « beaucoup » refusée'],
    [
      ['sun-es', '--activity', '100', '--window', '5'],
      '« --window » : fenêtre 5 inconnue — attendu : une fenêtre parmi 1, 2, 3, 4',
    ],
    [['sun-es', '--activity', '100', '--window', '1', '--ldl', '120'], '« --ldl »'],
    [['sun-es', '--activity', '100', '--date', '2022-01-10'], 'hors de toute fenêtre'],
    [
      ['hopen2', '--objective', 'P1.O2', '--sun-es-reached', 'peut-être'],
      '« --sun-es-reached » : valeur « peut-être » refusée — attendu : yes ou no',
    ],
    [
      ['ifaq', '--indicator', 'NUM1', '--year', '2024', '--numerator', '3'],
      '« --denominator » : valeur manquante',
    ],
    [['sons', '--activity', '100'], '« --dsr » : valeur manquante'],
    [['sun-es', '--activity', '100', '--window', '1', '--imaging', '120'], '« --imaging »'],
    [['hopen2', '--objective', 'P1.O1', '--rate', '101'], '« --rate » : valeur 101 refusée'],
    [['activite', '--mco-days', '-1'], '« --mco-days »'],
    [['sons', '--dsr', 'DPI', '--activity', '10', '--proof-date', '2021-02-30'], '« --proof-date »'],
    [
      [
        'ifaq',
        '--indicator',
        'NUM1',
        '--year',
        '2024',
        '--numerator',
        '1',
        '--denominator',
        '2',
        '--fields',
        'XYZ',
      ],
      '« --fields »',
    ],
  ])('%j → exit 2, %s', (argv, text) => {
    const r = cli(...argv)
    expect(r.out).toBe('')
    expect(r.err).toContain(text)
    expect(r.err.startsWith('Erreur : ')).toBe(true)
    expect(r.exitCode).toBe(2)
  })
})
