// An `ege` object of a flow → a site record and its closing date, with its issues.
import type { SiteRecord } from '../../../domain/structure'
import { readSiret } from '../../field-repairs'
import { communeCode, postalLine } from './address'
import { closure } from './closure'
import { readPosition } from './positions'
import { clean, type Reporter } from './reporter'
import type { Contact, Ege } from './schema'

export interface FinessPlusSite {
  /** Line where the site's object starts in the file. */
  line: number | null
  record: SiteRecord
  /** The closing date the flow gives the site; null when it is open (see closure()). */
  closedOn: string | null
}

/** A site as read, with what the flow needs beyond the record: whether its X/Y were swapped, its FiNESS+ id. */
export interface ReadSite extends FinessPlusSite {
  swapped: boolean
  sourceId: string | null
}

function firstTelecom(contacts: readonly Contact[] | null | undefined, kind: 'telephone' | 'telecopie') {
  const index = (contacts ?? []).findIndex((c) => clean(c.telecom?.[kind]) !== null)
  return index < 0 ? null : { index, value: clean(contacts?.[index]?.telecom?.[kind]) }
}

/** The site of legal entity `finessEj`, or null (rejected) without a readable FINESS number or a name. */
export function readSite(ege: Ege, report: Reporter, finessEj: string, flowDate: string): ReadSite | null {
  const info = ege.informationsGeneralesEGE
  const field = (name: string) => `informationsGeneralesEGE.${name}`
  const finessEg = report.number(info.numFinessEge.trim(), field('numFinessEge'))
  if (!finessEg) return null
  const name = clean(info.nomEgeCourt) ?? clean(info.nomEgeLong)
  if (!name) {
    report.add('rejected', 'name-missing', field('nomEgeCourt'), null, 'nom de l’établissement absent')
    return null
  }
  const siret = report.repaired(info.siret, field('siret'), 'siret', readSiret)
  const a = ege.adresse?.[0]
  const phone = firstTelecom(ege.contact, 'telephone')
  const fax = firstTelecom(ege.contact, 'telecopie')
  const { swapped, ...position } = readPosition(report, a, 'adresse[0]', finessEg)
  const updated = clean(ege.dateDerniereMaj)?.slice(0, 10)
  const record: SiteRecord = {
    finessEg,
    finessEj,
    name,
    nameLong: clean(info.nomEgeLong),
    nameComplement: clean(info.complementDenominationEg),
    distributionComplement: clean(a?.complementPointGeographique),
    streetNumber: clean(a?.numeroVoie),
    streetType: clean(a?.typeVoie),
    streetName: clean(a?.libelleVoie),
    streetComplement: clean(a?.complementVoie),
    lieuDitBp: clean(a?.lieuDit),
    communeCode: communeCode(report, a, 'adresse[0].cogCommune'),
    ...postalLine(a),
    sourceDepartement: null,
    phone: phone && report.code(phone.value, `contact[${phone.index}].telecom.telephone`, 10),
    fax: fax && report.code(fax.value, `contact[${fax.index}].telecom.telecopie`, 10),
    categoryCode: report.code(
      ege.categorieentiteGeographiqueExercice,
      'categorieentiteGeographiqueExercice',
      3,
    ),
    // FiNESS+ gives the category alone: its aggregate is derived from the nomenclature (deriveSite).
    categoryLabel: null,
    aggregateCode: null,
    aggregateLabel: null,
    siret,
    apeCode: null,
    mftCode: report.code(ege.modefixationtarifaire, 'modefixationtarifaire', 2),
    mftLabel: null,
    sphCode: null,
    sphLabel: null,
    openedOn: report.date(info.dateOuverture, field('dateOuverture')),
    authorizedOn: report.date(info.datePremiereAutorisation, field('datePremiereAutorisation')),
    updatedOn: updated ? report.date(updated, 'dateDerniereMaj') : null,
    ...position,
    coordUpdatedOn: null,
  }
  const closedOn = closure(
    report,
    clean(ege.etatObjet),
    report.date(info.dateFermeture, field('dateFermeture')),
    ege.evenement,
    flowDate,
  )
  return { line: report.line, record, closedOn, swapped, sourceId: clean(info.egeId) }
}
