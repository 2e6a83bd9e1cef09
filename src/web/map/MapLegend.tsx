// The legend of the map's colours: each class with its bounds in French, and the colour of areas without
// a site or a value.
import { fr } from '@codegouvfr/react-dsfr'
import { NO_DATA_COLOUR, type MapClass } from './map-classes'

const BOUND = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 })

const HATCHES = 'repeating-linear-gradient(45deg, rgba(0, 0, 0, 0.18) 0 1px, transparent 1px 5px)'

function Swatch({ colour, hatched = false }: { colour: string; hatched?: boolean }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: '1.5rem',
        height: '1rem',
        marginRight: '0.5rem',
        verticalAlign: 'middle',
        background: hatched ? `${HATCHES}, ${colour}` : colour,
        border: '1px solid var(--border-default-grey)',
      }}
    />
  )
}

export function MapLegend({ classes, unit }: { classes: readonly MapClass[]; unit: string }) {
  const suffix = unit ? `\u00a0${unit}` : ''
  return (
    <figure className={fr.cx('fr-mt-1w', 'fr-mb-2w')} aria-labelledby="legende-carte">
      <figcaption id="legende-carte" className={fr.cx('fr-text--sm', 'fr-text--bold', 'fr-mb-1v')}>
        Légende
      </figcaption>
      <ul className={fr.cx('fr-text--sm', 'fr-mb-0')} style={{ listStyle: 'none', paddingLeft: 0 }}>
        {classes.map((c, i) => (
          <li key={c.colour}>
            <Swatch colour={c.colour} />
            de {BOUND.format(c.from)}
            {suffix} {i === classes.length - 1 ? 'à' : 'à moins de'} {BOUND.format(c.to)}
            {suffix}
          </li>
        ))}
        <li>
          <Swatch colour={NO_DATA_COLOUR} hatched />
          Sans établissement ou sans donnée
        </li>
      </ul>
    </figure>
  )
}
