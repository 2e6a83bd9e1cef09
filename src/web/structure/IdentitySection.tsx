// The structure's identity, in four DSFR cards: identifiers, category, location, dates.
import { fr } from '@codegouvfr/react-dsfr'
import { Badge } from '@codegouvfr/react-dsfr/Badge'
import { Card } from '@codegouvfr/react-dsfr/Card'
import { Fragment } from 'react'
import type { StructureDetail } from '../../domain/contract/structures'
import { SECTOR_LABELS } from '../../domain/sector'
import { codeAndLabel, formatDate, formatPhone, NOT_GIVEN, orNotGiven } from '../format'
import { Facts, type Fact } from './Facts'
import { PositionFact } from './PositionFact'
import { PMSI_RULE, pmsiBasis } from './pmsi-rule'

const withCode = (name: string | null, code: string | null) =>
  name && code ? `${name} (${code})` : orNotGiven(name ?? code)

function identifiers(s: StructureDetail): Fact[] {
  return [
    { label: 'FINESS ET (géographique)', value: s.finessEg },
    { label: 'FINESS EJ (juridique)', value: s.finessEj },
    {
      label: 'FINESS PMSI',
      value: (
        <>
          {s.finessPmsi ?? NOT_GIVEN}
          <span className={fr.cx('fr-hint-text')}>{pmsiBasis(s)}</span>
          <span className={fr.cx('fr-hint-text')}>{PMSI_RULE}</span>
        </>
      ),
    },
    { label: 'SIRET', value: orNotGiven(s.siret) },
    { label: 'Code APE', value: orNotGiven(s.apeCode) },
  ]
}

function category(s: StructureDetail): Fact[] {
  return [
    {
      label: 'Catégorie',
      value: (
        <>
          {codeAndLabel(s.category.code, s.category.label)}{' '}
          {s.category.closed && (
            <Badge as="span" severity="warning" small>
              catégorie fermée
            </Badge>
          )}
        </>
      ),
    },
    {
      label: 'Agrégat de catégories',
      value: codeAndLabel(s.category.aggregateCode, s.category.aggregateLabel),
    },
    { label: 'Secteur', value: SECTOR_LABELS[s.sector] },
    { label: 'Mode de fixation des tarifs', value: codeAndLabel(s.tariffMode.code, s.tariffMode.label) },
    { label: 'Statut SPH', value: codeAndLabel(s.sph.code, s.sph.label) },
  ]
}

function location(s: StructureDetail): Fact[] {
  const commune = [s.address.postalCode, s.address.city].filter(Boolean).join(' ')
  return [
    {
      label: 'Adresse',
      value: [...s.address.lines, commune].filter(Boolean).map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      )),
    },
    { label: 'Code commune (INSEE)', value: orNotGiven(s.address.communeCode) },
    { label: 'Département', value: withCode(s.departementName, s.departement) },
    { label: 'Région', value: withCode(s.regionName, s.region) },
    { label: 'Téléphone', value: formatPhone(s.phone) },
    { label: 'Position', value: <PositionFact position={s.position} /> },
  ]
}

function dates(s: StructureDetail): Fact[] {
  return [
    { label: 'Ouverture', value: formatDate(s.openedOn) },
    { label: 'Autorisation', value: formatDate(s.authorizedOn) },
    { label: 'Dernière mise à jour dans FINESS', value: formatDate(s.updatedOn) },
    { label: 'Fermeture', value: s.closed ? formatDate(s.closedOn) : 'Ouvert' },
  ]
}

export function IdentitySection({ structure }: { structure: StructureDetail }) {
  const cards: [string, Fact[]][] = [
    ['Identifiants', identifiers(structure)],
    ['Catégorie et financement', category(structure)],
    ['Localisation', location(structure)],
    ['Dates', dates(structure)],
  ]
  return (
    <section aria-labelledby="identite" className={fr.cx('fr-mb-6w')}>
      <h2 id="identite">Identité</h2>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        {cards.map(([title, facts]) => (
          <div key={title} className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Card title={title} titleAs="h3" size="small" end={<Facts facts={facts} />} />
          </div>
        ))}
      </div>
    </section>
  )
}
