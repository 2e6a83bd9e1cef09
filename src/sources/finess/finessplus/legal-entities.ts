// A `pmej` object of a flow → a legal entity record, with its issues.
import type { LegalEntityRecord } from '../../../domain/structure'
import { communeCode, postalLine } from './address'
import { closure } from './closure'
import { clean, type Reporter } from './reporter'
import type { Pmej } from './schema'

/** The legal entity, or null (rejected) when its FINESS number cannot be read. */
export function readLegalEntity(pm: Pmej, report: Reporter, flowDate: string): LegalEntityRecord | null {
  const info = pm.informationsGeneralesPMEJ
  const field = (name: string) => `informationsGeneralesPMEJ.${name}`
  const finessEj = report.number(info.numFinessPm.trim(), field('numFinessPm'))
  if (!finessEj) return null
  let siren = clean(info.siren)?.replace(/\s/g, '') ?? null
  if (siren !== null && !/^[0-9]{9}$/.test(siren)) {
    report.warn(
      'siren-invalid',
      field('siren'),
      siren,
      `« ${siren} » n'est pas un SIREN (9 chiffres) : ignoré`,
    )
    siren = null
  }
  const rawApe = clean(info.codeApe)
  let apeCode = rawApe?.replace('.', '') ?? null
  if (apeCode !== null && !/^[0-9]{3,4}[A-Z]$/.test(apeCode)) {
    report.warn('code-invalid', field('codeApe'), rawApe, `« ${rawApe} » n'est pas un code APE : ignoré`)
    apeCode = null
  }
  const a = pm.adresse?.[0]
  return {
    finessEj,
    sourceId: clean(info.pmSmsseId),
    name: clean(info.denominationPm) ?? clean(info.denominationLonguePmSmsse),
    nameLong: clean(info.denominationLonguePmSmsse),
    siren,
    legalStatus: clean(info.statutJuridique),
    apeCode,
    createdOn: report.date(info.dateCreation, field('dateCreation')),
    closedOn: closure(
      report,
      clean(pm.etatObjet),
      report.date(info.dateFermeture, field('dateFermeture')),
      pm.evenement,
      flowDate,
    ),
    communeCode: communeCode(report, a, 'adresse[0].cogCommune'),
    ...postalLine(a),
  }
}
