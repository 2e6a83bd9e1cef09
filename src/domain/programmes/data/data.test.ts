// Consistency of the programme data files: what the seeds print must hold together (RULES §5–§9).
import { describe, expect, it } from 'vitest'
import { ACTIVITE_COMBINEE_2019 } from './activite-combinee-2019'
import { HOPEN2_PHASES, IFAQ_YEARS } from './registry'
import { RIS_2021 } from './ris-2021'
import { SONS_2021 } from './sons-2021'
import { SUN_ES_VOLET1 } from './sun-es-volet1'
import type { AffineBareme } from './types'

const codes = ACTIVITE_COMBINEE_2019.scale.brackets.map((b) => b.code)

function expectContinuous(bareme: AffineBareme): void {
  expect(Object.keys(bareme)).toEqual(codes)
  for (let i = 1; i < codes.length; i++) {
    // RULES §6: "Max of a tranche equals Min of the next", so the letter shown at a bound never changes the amount.
    expect(bareme[codes[i] ?? '']?.min).toBe(bareme[codes[i - 1] ?? '']?.max)
  }
  for (const code of codes) expect(bareme[code]?.max).toBeGreaterThan(bareme[code]?.min ?? Infinity)
}

describe('activité combinée scale', () => {
  it('is contiguous from 0 to 1 600 000', () => {
    const brackets = ACTIVITE_COMBINEE_2019.scale.brackets
    expect(brackets[0]?.from).toBe(0)
    expect(brackets[brackets.length - 1]?.to).toBe(1_600_000)
    for (let i = 1; i < brackets.length; i++) expect(brackets[i]?.from).toBe(brackets[i - 1]?.to)
  })
})

describe('SONS barèmes', () => {
  it.each(Object.keys(SONS_2021.baremes))('%s is continuous over A–D', (key) => {
    expectContinuous(SONS_2021.baremes[key as keyof typeof SONS_2021.baremes].amounts)
  })

  it('the "3 fonctions" barème is the sum of DPI, RI and PFI at every bound', () => {
    const { DPI, RI, PFI, ALL } = SONS_2021.baremes
    for (const code of codes) {
      for (const bound of ['min', 'max'] as const) {
        const sum = (DPI.amounts[code]?.[bound] ?? 0) + (RI.amounts[code]?.[bound] ?? 0) + (PFI.amounts[code]?.[bound] ?? 0)
        expect(ALL.amounts[code]?.[bound]).toBe(sum)
      }
    }
    expect(DPI.envelope + RI.envelope + PFI.envelope).toBe(ALL.envelope)
  })

  it('RIS steps are contiguous integers from 1, the last one open', () => {
    const steps = RIS_2021.steps
    expect(steps[0]?.from).toBe(1)
    for (let i = 1; i < steps.length; i++) expect(steps[i]?.from).toBe((steps[i - 1]?.to ?? NaN) + 1)
    expect(steps[steps.length - 1]?.to).toBeNull()
  })
})

describe('SUN-ES volet 1', () => {
  it.each(SUN_ES_VOLET1.domains.map((d) => [d.id, d] as const))('forfait %s is continuous over A–D', (_, domain) => {
    expectContinuous(domain.forfaits)
  })

  it('the seed’s TOTAL column is the sum of D1, D2, D3 and volet 2', () => {
    for (const code of codes) {
      for (const bound of ['min', 'max'] as const) {
        const sum = SUN_ES_VOLET1.domains.reduce((total, d) => total + (d.forfaits[code]?.[bound] ?? 0), 0)
        expect(SUN_ES_VOLET1.totalForfaits[code]?.[bound]).toBe(sum)
      }
    }
  })

  it('volet 1 domains share 158 M€, volet 2 has 52 M€ (210 M€)', () => {
    const volet1 = SUN_ES_VOLET1.domains.filter((d) => d.volet === 1).reduce((t, d) => t + d.envelope, 0)
    expect(volet1).toBe(158_000_000)
    expect(SUN_ES_VOLET1.domains.find((d) => d.volet === 2)?.envelope).toBe(52_000_000)
  })

  it('windows follow each other: targets rise, degressivity falls, dates are ordered', () => {
    const windows = SUN_ES_VOLET1.windows
    for (let i = 1; i < windows.length; i++) {
      const [before, after] = [windows[i - 1], windows[i]]
      if (!before || !after) throw new Error('window')
      expect(after.degressivity).toBeLessThan(before.degressivity)
      expect(after.candidature.from > before.candidature.to).toBe(true)
      for (const key of Object.keys(after.targets) as (keyof typeof after.targets)[]) {
        expect(after.targets[key]).toBeGreaterThan(before.targets[key])
      }
    }
    for (const w of windows) {
      expect(w.candidature.from <= w.candidature.to && w.measurement.from <= w.measurement.to).toBe(true)
      expect(w.measurement.from > w.candidature.to).toBe(true)
    }
  })
})

describe('HOPEN 2 and IFAQ registries', () => {
  it('objective ids are unique and targets for SUN-ES achievers are never lower', () => {
    const ids = HOPEN2_PHASES.flatMap((p) => p.objectives.map((o) => o.id))
    expect(new Set(ids).size).toBe(ids.length)
    for (const o of HOPEN2_PHASES.flatMap((p) => p.objectives)) {
      for (const i of o.indicators) expect(i.target.ifSunEsReached).toBeGreaterThanOrEqual(i.target.otherwise)
    }
  })

  it('IFAQ years are unique and each states a target for NUM1 and NUM2', () => {
    const years = IFAQ_YEARS.map((y) => y.year)
    expect(new Set(years).size).toBe(years.length)
    for (const y of IFAQ_YEARS) expect(Object.keys(y.targets).sort()).toEqual(['NUM1', 'NUM2'])
  })
})
