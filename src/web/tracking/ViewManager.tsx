// One saved view the user may change: its name and who sees it, a link to open it, renaming in place, and
// deleting after a confirmation in the page (not a browser dialog), focused for keyboard users.
import { fr } from '@codegouvfr/react-dsfr'
import { Badge } from '@codegouvfr/react-dsfr/Badge'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { GRID_VIEW_NAME_MAX, type GridView } from '../../domain/contract/grid-views'
import { Feedback } from '../Feedback'
import { Link } from '../Link'
import { deleteGridView, GRID_VIEWS_KEY, regionName, updateGridView, viewHref } from './grid-views-api'

type Mode = 'idle' | 'renaming' | 'deleting'

interface Props {
  view: GridView
  /** Announced by the list: this item leaves the page with the view. */
  onDeleted: (name: string) => void
}

export function ViewManager({ view, onDeleted }: Props) {
  const queryClient = useQueryClient()
  const id = useId()
  const [mode, setMode] = useState<Mode>('idle')
  const [name, setName] = useState(view.name)
  const confirmBox = useRef<HTMLDivElement>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: GRID_VIEWS_KEY })
  const rename = useMutation({
    mutationFn: () => updateGridView(view.id, { name }),
    onSuccess: async () => {
      setMode('idle')
      await refresh()
    },
  })
  const remove = useMutation({
    mutationFn: () => deleteGridView(view.id),
    onSuccess: async () => {
      onDeleted(view.name)
      await refresh()
    },
  })
  useEffect(() => {
    if (mode === 'deleting') confirmBox.current?.focus()
  }, [mode])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    rename.mutate()
  }
  return (
    <div role="group" aria-labelledby={`${id}-name`}>
      <p className={fr.cx('fr-mb-1w')}>
        <Link id={`${id}-name`} href={viewHref(view)}>
          {view.name}
        </Link>{' '}
        {view.region === null ? (
          <Badge as="span" small noIcon>
            Personnelle
          </Badge>
        ) : (
          <Badge as="span" severity="info" small noIcon>
            Partagée avec la région {regionName(view.region)}
          </Badge>
        )}
        {!view.mine && <span className={fr.cx('fr-text--sm')}> · par {view.ownerName}</span>}
      </p>
      {mode === 'renaming' ? (
        <form onSubmit={submit} aria-label={`Renommer la vue « ${view.name} »`}>
          <Input
            label="Nouveau nom"
            nativeInputProps={{
              value: name,
              required: true,
              maxLength: GRID_VIEW_NAME_MAX,
              autoFocus: true,
              autoComplete: 'off',
              onChange: (e) => setName(e.target.value),
            }}
          />
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-sm', 'fr-btns-group--sm')}>
            <li>
              <Button type="submit" disabled={rename.isPending}>
                Enregistrer le nom
              </Button>
            </li>
            <li>
              <Button type="button" priority="secondary" onClick={() => setMode('idle')}>
                Annuler
              </Button>
            </li>
          </ul>
        </form>
      ) : mode === 'deleting' ? (
        <div
          ref={confirmBox}
          tabIndex={-1}
          role="group"
          aria-labelledby={`${id}-confirm`}
          className={fr.cx('fr-callout', 'fr-callout--pink-tuile', 'fr-p-2w')}
        >
          <p id={`${id}-confirm`} className={fr.cx('fr-callout__text', 'fr-text--md')}>
            Supprimer la vue « {view.name} »
            {view.region === null ? ' ' : `, partagée avec la région ${regionName(view.region)}, `}?
          </p>
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-sm', 'fr-btns-group--sm', 'fr-mt-1w')}>
            <li>
              <Button type="button" disabled={remove.isPending} onClick={() => remove.mutate()}>
                Confirmer la suppression
              </Button>
            </li>
            <li>
              <Button type="button" priority="secondary" onClick={() => setMode('idle')}>
                Annuler
              </Button>
            </li>
          </ul>
        </div>
      ) : (
        <ul
          className={fr.cx(
            'fr-btns-group',
            'fr-btns-group--inline-sm',
            'fr-btns-group--sm',
            'fr-btns-group--icon-left',
          )}
        >
          <li>
            <Button
              type="button"
              priority="secondary"
              onClick={() => {
                setName(view.name)
                rename.reset()
                setMode('renaming')
              }}
            >
              Renommer<span className={fr.cx('fr-sr-only')}> la vue « {view.name} »</span>
            </Button>
          </li>
          <li>
            <Button
              type="button"
              priority="tertiary"
              iconId="fr-icon-delete-line"
              onClick={() => setMode('deleting')}
            >
              Supprimer<span className={fr.cx('fr-sr-only')}> la vue « {view.name} »</span>
            </Button>
          </li>
        </ul>
      )}
      <Feedback
        success={rename.data && mode === 'idle' ? `Vue renommée : « ${rename.data.name} ».` : null}
        error={rename.error ?? remove.error}
      />
    </div>
  )
}
