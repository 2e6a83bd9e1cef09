// MSSanté: the ANS monthly report, one row per legal entity (seed 002: every site of an EJ shows the same
// count). Hospitals' EJs send from hundreds to tens of thousands of messages a month; a few EHPAD managers
// are connected and send a little.
import { Random } from '../random'
import { adoption, count, monthLabel, monthWord, season } from './common'
import type { DemoRow, SourceGenerator } from './types'

interface Entity {
  finessEj: string
  name: string
  messages: number
  mailboxes: number
  connected: boolean
}

export const mssanteGenerator: SourceGenerator = {
  code: 'mssante',
  columns: ['finess', 'raccordement', 'messages', 'bal'],
  extraHeaders: ['Raison sociale'],
  fileName: (period) => `Rapport indicateurs MSSante-general-${monthWord(period)}.xlsx`,
  table(profiles, month) {
    const entities = new Map<string, Entity>()
    for (const p of profiles) {
      const hospital = p.role === 'hospital' && p.active.mss
      const ehpad = p.role === 'ehpad' && Random.for('mss-ehpad', p.site.finessEj).chance(0.2)
      if (!hospital && !ehpad) continue
      const level = hospital ? adoption(p, 'mss', month) : adoption(p, 'dmp', month, 3)
      const r = Random.for('mss', p.site.finessEg, month.period)
      const entity = entities.get(p.site.finessEj) ?? {
        finessEj: p.site.finessEj,
        name: p.site.name,
        messages: 0,
        mailboxes: 0,
        connected: false,
      }
      entity.connected ||= level > 0.05
      entity.messages +=
        (hospital ? p.scale * 0.7 : p.scale * 0.4) * level * season(month.period) * r.noise(0.1)
      entity.mailboxes += hospital ? Math.max(1, p.scale / 40) * Math.min(1, level + 0.2) : 1 + level * 3
      entities.set(p.site.finessEj, entity)
    }
    const rows: DemoRow[] = []
    for (const e of entities.values()) {
      if (!e.connected) continue
      const messages = Math.round(e.messages)
      const status =
        messages > 0
          ? 'ES Emetteur'
          : Random.for('mss-status', e.finessEj).pick(['ES Récepteur', 'ES Raccordé'])
      rows.push({
        cells: {
          finess: e.finessEj,
          raccordement: status,
          messages: count(messages),
          bal: count(e.mailboxes),
        },
        extra: { 'Raison sociale': e.name },
      })
    }
    return { preamble: [`Rapport indicateurs MSSanté – général – ${monthLabel(month.period)}`, ''], rows }
  },
}
