// ESMS numérique: the CNSA's quarterly list of the ESMS of funded grappes (RULES §10), with their DUI, its
// vendor, the level the grappe contracted at and the amount. ESMS join as their grappe is funded; the DUI
// follows a few months later.
import type { Profile } from '../profiles'
import { Random } from '../random'
import { adoption, compactPeriod, euros } from './common'
import type { DemoRow, SourceGenerator } from './types'

/** Fictitious DUI vendors. */
const DUI_VENDORS = ['Mosaïque Social', 'Cap Usagers', 'Liane Informatique', 'Ar Men Solutions', 'Oriel DUI']

/** Grappes are formed by département and manager: a few per département. */
function grappeOf(p: Profile): string {
  const dep = p.site.departement ?? '00'
  const n = Random.for('esms-grappe', p.site.finessEj).int(1, 4)
  return `Grappe ${dep}-${n}`
}

export const esmsGenerator: SourceGenerator = {
  code: 'esms-numerique',
  columns: ['finess', 'financed', 'grappe', 'dui', 'editeur', 'niveau', 'amount'],
  extraHeaders: ['Raison sociale'],
  fileName: (period) => `CNSA-ESMS-numerique-${compactPeriod(period)}.csv`,
  table(profiles, month) {
    const rows: DemoRow[] = []
    for (const p of profiles) {
      if (p.role === 'hospital' || !p.active.esms) continue
      if (adoption(p, 'esms', month) < 0.5) continue
      const r = Random.for('esms', p.site.finessEg)
      const byEj = r.chance(0.6)
      const dui = adoption(p, 'esms', month, r.int(2, 9)) >= 0.5
      rows.push({
        cells: {
          finess: byEj ? p.site.finessEj : p.site.finessEg,
          financed: 'Oui',
          grappe: grappeOf(p),
          dui: dui ? 'Oui' : 'Non',
          editeur: dui ? r.pick(DUI_VENDORS) : '',
          niveau: byEj ? 'EJ' : 'EG',
          amount: euros(r.int(60, 240) * 100),
        },
        extra: { 'Raison sociale': p.site.name },
      })
    }
    // A manager contracting for its ESMS appears once, with the amount of the whole contract.
    const seen = new Set<string>()
    return {
      preamble: [],
      rows: rows.filter((row) => {
        const key = row.cells.finess ?? ''
        if (seen.has(key)) return false
        seen.add(key)
        return true
      }),
    }
  },
}
