// DMP: the CNAM / ANS feeding statistics, one row per site that feeds the DMP (documents by type, DMP fed),
// EHPAD with their convention and DLU, and one row per hospital legal entity for its DMP certificate,
// which the EJ holds since 2023 (RULES §1), marked EJ in the "Niveau FINESS" column.
import { SURGICAL, WITH_LAB, type Profile } from '../profiles'
import { Random } from '../random'
import { adoption, compactPeriod, count, monthLabel, season } from './common'
import type { DemoRow, MonthContext, SourceGenerator } from './types'

/** Share of a hospital's documents by type, before the kinds it lacks are removed. */
const HOSPITAL_MIX = {
  ldl: 0.22,
  ordonnance: 0.18,
  cro: 0.06,
  biologie: 0.3,
  imagerie: 0.08,
  consultation: 0.12,
  autre: 0.04,
}

const yesNo = (value: boolean): string => (value ? 'Oui' : 'Non')

function hospitalRow(p: Profile, month: MonthContext): DemoRow | null {
  const level = adoption(p, 'dmp', month)
  const r = Random.for('dmp', p.site.finessEg, month.period)
  const volume = p.scale * 0.55 * level * season(month.period)
  if (volume < 3) return null
  const cells: Record<string, string> = { finess: p.site.finessEg, niveau: 'EG' }
  const surgical = p.kind !== null && SURGICAL.has(p.kind)
  const lab = p.kind !== null && WITH_LAB.has(p.kind)
  let total = 0
  for (const [type, share] of Object.entries(HOSPITAL_MIX)) {
    if ((type === 'cro' || type === 'imagerie') && !surgical) continue
    if (type === 'biologie' && !lab) continue
    // Biology and imaging reports come later than discharge letters (structured CDA R2 N3, RULES §7).
    const delayed =
      type === 'biologie' || type === 'imagerie' ? adoption(p, 'dmp', month, 4) / Math.max(level, 0.01) : 1
    const n = Math.round(volume * share * delayed * r.noise(0.15))
    total += n
    cells[type] = count(n)
  }
  cells.total = count(total)
  cells.fedDmp = count((total * r.int(38, 55)) / 100)
  cells.fedDischarge = yesNo(Number(cells.ldl ?? 0) >= 10)
  if (lab) cells.fedBiology = yesNo(Number(cells.biologie ?? 0) >= 10)
  if (surgical) cells.fedImaging = yesNo(Number(cells.imagerie ?? 0) >= 10)
  return { cells }
}

function medicoSocialRow(p: Profile, month: MonthContext): DemoRow | null {
  const level = adoption(p, 'dmp', month)
  // The convention is signed a few months before the first document.
  const signed = adoption(p, 'dmp', month, -3) > 0.3
  if (!signed) return null
  const r = Random.for('dmp', p.site.finessEg, month.period)
  const dlu = p.role === 'ehpad' ? p.scale * 0.25 * level * r.noise(0.25) : 0
  const other = p.scale * 0.05 * level * r.noise(0.4)
  const cells: Record<string, string> = {
    finess: p.site.finessEg,
    niveau: 'EG',
    dlu: count(dlu),
    autre: count(other),
    total: count(Math.round(dlu) + Math.round(other)),
    fedDmp: count((Math.round(dlu) + Math.round(other)) * 0.9),
  }
  if (p.role === 'ehpad') cells.convention = 'Oui'
  return { cells }
}

/** One certificate row per hospital legal entity: ordered, then installed a few months later. */
function certificateRows(profiles: readonly Profile[], month: MonthContext): DemoRow[] {
  const firstStart = new Map<string, number>()
  for (const p of profiles)
    if (p.role === 'hospital' && p.active.dmp)
      firstStart.set(p.site.finessEj, Math.min(firstStart.get(p.site.finessEj) ?? 99, p.start.dmp))
  const rows: DemoRow[] = []
  for (const [ej, start] of firstStart) {
    const r = Random.for('dmp-certificate', ej)
    const ordered = start - r.int(2, 8)
    if (month.index < ordered - 2) continue
    const installed = month.index >= ordered + r.int(1, 4)
    rows.push({
      cells: {
        finess: ej,
        niveau: 'EJ',
        certificateOrder: month.index >= ordered ? 'Commande effectuée' : 'Pas de commande',
        certificateInstalled: yesNo(installed),
      },
    })
  }
  return rows
}

export const dmpGenerator: SourceGenerator = {
  code: 'dmp',
  columns: [
    'finess',
    'niveau',
    'ldl',
    'ordonnance',
    'cro',
    'biologie',
    'imagerie',
    'consultation',
    'dlu',
    'autre',
    'total',
    'fedDmp',
    'fedDischarge',
    'fedBiology',
    'fedImaging',
    'certificateOrder',
    'certificateInstalled',
    'convention',
  ],
  extraHeaders: ['Raison sociale'],
  fileName: (period) => `DMP-alimentation-certificats-${compactPeriod(period)}.csv`,
  table(profiles, month) {
    const rows: DemoRow[] = []
    for (const p of profiles) {
      if (!p.active.dmp) continue
      const row = p.role === 'hospital' ? hospitalRow(p, month) : medicoSocialRow(p, month)
      if (row) rows.push({ ...row, extra: { 'Raison sociale': p.site.name } })
    }
    rows.push(...certificateRows(profiles, month))
    return {
      preamble: [`Alimentation du DMP par les établissements – ${monthLabel(month.period)}`, ''],
      rows,
    }
  },
}
