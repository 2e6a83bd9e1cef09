// Sign-in with a local account: e-mail address and password. The server's refusal (wrong credentials,
// too many tries) is announced and focused; an empty field is said on the field itself.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput'
import { Button } from '@codegouvfr/react-dsfr/Button'
import { Input } from '@codegouvfr/react-dsfr/Input'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Me } from '../../domain/contract/access'
import { ApiError } from '../api'
import { signInWithPassword } from './session-api'

type FieldName = 'email' | 'password'

function refusalTitle(error: Error): string {
  if (error instanceof ApiError && error.status === 429) return 'Trop de tentatives de connexion'
  if (error instanceof ApiError && error.status === 401) return 'Connexion refusée'
  return 'La connexion a échoué'
}

export function SignInForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({})
  const signIn = useMutation({ mutationFn: signInWithPassword, onSuccess: onSignedIn })
  const alert = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (signIn.error) alert.current?.focus()
  }, [signIn.error, signIn.failureCount])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Partial<Record<FieldName, string>> = {}
    if (!email.trim()) found.email = 'Saisissez votre adresse électronique.'
    if (!password) found.password = 'Saisissez votre mot de passe.'
    setErrors(found)
    if (found.email) document.getElementById('connexion-email')?.focus()
    else if (found.password) document.getElementById('connexion-mot-de-passe')?.focus()
    else signIn.mutate({ email: email.trim(), password })
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="connexion-compte">
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend id="connexion-compte" className={fr.cx('fr-fieldset__legend', 'fr-h5')}>
          Avec votre compte Jalon
        </legend>
        {signIn.error && (
          <div ref={alert} tabIndex={-1} className={fr.cx('fr-fieldset__element', 'fr-mb-2w')}>
            <Alert
              severity="error"
              role="alert"
              title={refusalTitle(signIn.error)}
              description={signIn.error.message}
            />
          </div>
        )}
        <div className={fr.cx('fr-fieldset__element')}>
          <Input
            label="Adresse électronique"
            hintText="Format attendu : nom@domaine.fr"
            state={errors.email ? 'error' : 'default'}
            stateRelatedMessage={errors.email}
            nativeInputProps={{
              id: 'connexion-email',
              type: 'email',
              name: 'email',
              autoComplete: 'username',
              value: email,
              'aria-invalid': errors.email ? true : undefined,
              onChange: (event) => setEmail(event.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <PasswordInput
            label="Mot de passe"
            messagesHint=""
            messages={errors.password ? [{ severity: 'error', message: errors.password }] : []}
            nativeInputProps={{
              id: 'connexion-mot-de-passe',
              name: 'password',
              autoComplete: 'current-password',
              value: password,
              'aria-invalid': errors.password ? true : undefined,
              onChange: (event) => setPassword(event.target.value),
            }}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <Button type="submit" disabled={signIn.isPending}>
            {signIn.isPending ? 'Connexion en cours…' : 'Se connecter'}
          </Button>
        </div>
      </fieldset>
    </form>
  )
}
