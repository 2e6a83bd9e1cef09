// An account's scopes: each one can be removed; a new one is checked, then added.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { useState } from 'react'
import type { UserAccount } from '../../domain/contract/access'
import { describeScope, scopeCodeProblem, type Scope } from '../../domain/access/scope'
import { Feedback } from '../Feedback'
import { ScopeFields } from './ScopeFields'
import { useAccountAction } from './useAccountAction'
import { addScope, removeScope } from './users-api'

export function UserScopes({ user }: { user: UserAccount }) {
  const action = useAccountAction()
  const [scope, setScope] = useState<Scope>({ kind: 'region', code: '' })
  const [codeError, setCodeError] = useState<string | undefined>()
  const add = () => {
    const problem = scopeCodeProblem(scope) ?? undefined
    setCodeError(problem)
    if (problem) return document.getElementById('gestion-perimetre-code')?.focus()
    action.run(() => addScope(user.id, scope), `Périmètre ajouté : ${describeScope(scope)}.`)
    setScope({ kind: scope.kind, code: '' })
  }
  return (
    <section aria-labelledby="gestion-perimetres" className={fr.cx('fr-mb-4w')}>
      <h3 id="gestion-perimetres" className={fr.cx('fr-h5')}>
        Périmètres
      </h3>
      {user.scopes.length === 0 ? (
        <p>Aucun périmètre.</p>
      ) : (
        <ul>
          {user.scopes.map((s) => (
            <li key={`${s.kind}-${s.code}`}>
              {describeScope(s)}{' '}
              <Button
                type="button"
                size="small"
                priority="tertiary no outline"
                disabled={action.pending}
                onClick={() =>
                  action.run(() => removeScope(user.id, s), `Périmètre retiré : ${describeScope(s)}.`)
                }
              >
                Retirer<span className={fr.cx('fr-sr-only')}> le périmètre {describeScope(s)}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ScopeFields idPrefix="gestion-perimetre" value={scope} onChange={setScope} codeError={codeError} />
      <Button
        type="button"
        priority="secondary"
        disabled={action.pending}
        onClick={add}
        className={fr.cx('fr-mt-2w')}
      >
        Ajouter le périmètre
      </Button>
      <Feedback success={action.success} error={action.error} />
    </section>
  )
}
