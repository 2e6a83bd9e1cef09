// Creates an account: e-mail, name, role, organisation, an optional password (none: the person signs in
// through ProConnect or Pro Santé Connect only) and its scopes. Each problem is said on its field.
import { fr } from '@codegouvfr/react-dsfr'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { ROLE_LABELS, ROLES, type Role } from '../../domain/access/roles'
import { describeScope, scopeCodeProblem, type Scope } from '../../domain/access/scope'
import { Feedback } from '../Feedback'
import { ScopeFields } from './ScopeFields'
import { createUser, USERS_KEY } from './users-api'

type FieldName = 'email' | 'displayName' | 'password' | 'scope'
type Errors = Partial<Record<FieldName, string>>
const IDS: Record<FieldName, string> = {
  email: 'nouveau-email',
  displayName: 'nouveau-nom',
  password: 'nouveau-mot-de-passe',
  scope: 'nouveau-perimetre-code',
}
const EMPTY_SCOPE: Scope = { kind: 'region', code: '' }
const sameScope = (a: Scope, b: Scope) => a.kind === b.kind && a.code === b.code

export function CreateUserForm() {
  const queryClient = useQueryClient()
  const [email, setEmail] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [role, setRole] = useState<Role>('regional')
  const [organisation, setOrganisation] = useState('')
  const [password, setPassword] = useState('')
  const [scopes, setScopes] = useState<Scope[]>([])
  const [scope, setScope] = useState<Scope>(EMPTY_SCOPE)
  const [errors, setErrors] = useState<Errors>({})
  const create = useMutation({
    mutationFn: createUser,
    onSuccess: () => {
      setEmail('')
      setDisplayName('')
      setOrganisation('')
      setPassword('')
      setScopes([])
      setScope(EMPTY_SCOPE)
      return queryClient.invalidateQueries({ queryKey: USERS_KEY })
    },
  })

  const addScope = () => {
    const problem = scopeCodeProblem(scope)
    setErrors({ ...errors, scope: problem ?? undefined })
    if (problem) return document.getElementById(IDS.scope)?.focus()
    if (!scopes.some((s) => sameScope(s, scope))) setScopes([...scopes, scope])
    setScope(EMPTY_SCOPE)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Errors = {}
    if (!/^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/.test(email.trim()))
      found.email = 'Saisissez une adresse électronique, par exemple prenom.nom@ars.sante.fr.'
    if (!displayName.trim()) found.displayName = 'Saisissez le nom de la personne.'
    if (password && password.length < 12)
      found.password = 'Le mot de passe doit faire 12 caractères au moins.'
    // A scope typed but not added yet is meant all the same.
    const typed = scope.code !== '' ? scope : null
    if (typed) found.scope = scopeCodeProblem(typed) ?? undefined
    setErrors(found)
    const first = (Object.keys(IDS) as FieldName[]).find((f) => found[f])
    if (first) return document.getElementById(IDS[first])?.focus()
    create.mutate({
      email: email.trim(),
      displayName: displayName.trim(),
      role,
      organisation: organisation.trim() || null,
      ...(password ? { password } : {}),
      scopes: typed && !scopes.some((s) => sameScope(s, typed)) ? [...scopes, typed] : scopes,
    })
  }
  const state = (field: FieldName) => ({
    state: errors[field] ? ('error' as const) : ('default' as const),
    stateRelatedMessage: errors[field],
  })

  return (
    <form onSubmit={submit} noValidate aria-labelledby="creer-compte" className={fr.cx('fr-mb-6w')}>
      <h2 id="creer-compte">Créer un compte</h2>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Adresse électronique"
            {...state('email')}
            nativeInputProps={{
              id: IDS.email,
              type: 'email',
              autoComplete: 'off',
              value: email,
              'aria-invalid': errors.email ? true : undefined,
              onChange: (event) => setEmail(event.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Nom"
            hintText="Prénom et nom, tels qu’ils s’affichent dans Jalon"
            {...state('displayName')}
            nativeInputProps={{
              id: IDS.displayName,
              value: displayName,
              'aria-invalid': errors.displayName ? true : undefined,
              onChange: (event) => setDisplayName(event.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select
            label="Rôle"
            nativeSelectProps={{
              id: 'nouveau-role',
              value: role,
              onChange: (event) => setRole(event.target.value as Role),
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Organisation"
            hintText="Facultatif, par exemple ARS Bretagne"
            nativeInputProps={{
              id: 'nouveau-organisation',
              value: organisation,
              onChange: (event) => setOrganisation(event.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Mot de passe (facultatif)"
            hintText="12 caractères au moins. Sans mot de passe, la personne se connecte seulement par ProConnect ou Pro Santé Connect."
            {...state('password')}
            nativeInputProps={{
              id: IDS.password,
              type: 'password',
              autoComplete: 'new-password',
              value: password,
              'aria-invalid': errors.password ? true : undefined,
              onChange: (event) => setPassword(event.target.value),
            }}
          />
        </div>
      </div>
      <fieldset className={fr.cx('fr-fieldset', 'fr-mt-3w')} aria-describedby="nouveau-perimetres-aide">
        <legend className={fr.cx('fr-fieldset__legend')}>Périmètres</legend>
        <p id="nouveau-perimetres-aide" className={fr.cx('fr-hint-text', 'fr-fieldset__element')}>
          Les établissements que le compte couvre ; les rôles nationaux voient toute la France.
        </p>
        <div className={fr.cx('fr-fieldset__element')}>
          {scopes.length === 0 ? (
            <p className={fr.cx('fr-text--sm')}>Aucun périmètre ajouté.</p>
          ) : (
            <ul aria-label="Périmètres du nouveau compte">
              {scopes.map((s) => (
                <li key={`${s.kind}-${s.code}`}>
                  {describeScope(s)}{' '}
                  <Button
                    type="button"
                    size="small"
                    priority="tertiary no outline"
                    onClick={() => setScopes(scopes.filter((x) => !sameScope(x, s)))}
                  >
                    Retirer<span className={fr.cx('fr-sr-only')}> le périmètre {describeScope(s)}</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <ScopeFields
            idPrefix="nouveau-perimetre"
            value={scope}
            onChange={setScope}
            codeError={errors.scope}
          />
          <Button type="button" priority="secondary" className={fr.cx('fr-mt-2w')} onClick={addScope}>
            Ajouter ce périmètre
          </Button>
        </div>
      </fieldset>
      <Button type="submit" disabled={create.isPending} className={fr.cx('fr-mt-2w')}>
        {create.isPending ? 'Création en cours…' : 'Créer le compte'}
      </Button>
      <Feedback success={create.data ? `Compte créé : ${create.data.email}.` : null} error={create.error} />
    </form>
  )
}
