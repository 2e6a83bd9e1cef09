// The DSFR header: Marianne block, service title and tagline, who is signed in with "Se déconnecter", and
// the navigation, each entry shown only to those who may use it (the server refuses the others anyway).
import { fr } from '@codegouvfr/react-dsfr'
import { Header, type HeaderProps } from '@codegouvfr/react-dsfr/Header'
import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Me } from '../../domain/contract/access'
import { ROLE_LABELS } from '../../domain/access/roles'
import { journalHref } from '../journal/journal-params'
import { currentPath, navigate, useLocation, type Route } from '../router'
import { SIGN_IN_PATH, signInHref } from '../session/return-path'
import { setSession, useMe } from '../session/session'
import { signOut } from '../session/session-api'

export const BRAND_TOP = (
  <>
    République
    <br />
    Française
  </>
)

export const HOME_LINK = { href: '/', title: 'Accueil – Jalon' }

function navigation(me: Me | null, page: Route['page']): MainNavigationProps.Item[] {
  const items: MainNavigationProps.Item[] = []
  if (me) items.push({ text: 'Suivi', linkProps: { href: '/suivi' }, isActive: page === 'tracking' })
  if (me)
    items.push({
      text: 'Tableau de bord',
      linkProps: { href: '/tableau-de-bord' },
      isActive: page === 'dashboard',
    })
  if (me) items.push({ text: 'Carte', linkProps: { href: '/carte' }, isActive: page === 'map' })
  if (me)
    items.push({ text: 'Priorités', linkProps: { href: '/priorites' }, isActive: page === 'priorities' })
  if (me)
    items.push({
      text: 'Établissements',
      linkProps: { href: '/' },
      isActive: page === 'search' || page === 'structure',
    })
  if (me) items.push({ text: 'Actions', linkProps: { href: '/actions' }, isActive: page === 'actions' })
  items.push({ text: 'Simulateur', linkProps: { href: '/simulateur' }, isActive: page === 'simulator' })
  if (me?.can.import)
    items.push({ text: 'Imports', linkProps: { href: '/imports' }, isActive: page === 'imports' })
  if (me?.can.manageUsers)
    items.push({
      text: 'Utilisateurs',
      linkProps: { href: '/administration/utilisateurs' },
      isActive: page === 'users',
    })
  if (me)
    items.push({
      text: 'Journal',
      // Only the administrator reads everyone's actions; the others start from their own.
      linkProps: { href: me.can.manageUsers ? journalHref({}) : journalHref({ actor: String(me.user.id) }) },
      isActive: page === 'journal',
    })
  return items
}

function WhoIsSignedIn({ me }: { me: Me }) {
  return (
    <p className={fr.cx('fr-text--sm', 'fr-mb-0', 'fr-mr-2w')}>
      <span className={fr.cx('fr-icon-account-circle-line', 'fr-icon--sm', 'fr-mr-1v')} aria-hidden="true" />
      <span className={fr.cx('fr-text--bold')}>{me.user.displayName}</span>
      <br />
      <span className={fr.cx('fr-hint-text')}>{ROLE_LABELS[me.user.role]}</span>
    </p>
  )
}

export function AppHeader() {
  const { route } = useLocation()
  const session = useMe()
  const me = session.data ?? null
  const queryClient = useQueryClient()
  const [leaving, setLeaving] = useState(false)
  const leave = async () => {
    setLeaving(true)
    try {
      await signOut()
    } catch {
      // The server could not be told; the browser forgets the session all the same.
    } finally {
      setLeaving(false)
      setSession(queryClient, null)
      navigate(SIGN_IN_PATH)
    }
  }
  const quickAccessItems: HeaderProps['quickAccessItems'] = session.isPending
    ? []
    : me
      ? [
          <WhoIsSignedIn key="who" me={me} />,
          {
            iconId: 'fr-icon-logout-box-r-line',
            text: leaving ? 'Déconnexion…' : 'Se déconnecter',
            buttonProps: { type: 'button', onClick: () => void leave(), disabled: leaving },
          },
        ]
      : [
          // Kept on the sign-in page itself (as the current page): the DSFR script breaks on header tools
          // that appear and vanish at once, as they would on the way to the sign-in page.
          {
            iconId: 'fr-icon-account-circle-line',
            text: 'Se connecter',
            linkProps:
              route.page === 'sign-in'
                ? { href: currentPath(), 'aria-current': 'page' }
                : { href: signInHref(currentPath()) },
          },
        ]
  return (
    <Header
      brandTop={BRAND_TOP}
      serviceTitle="Jalon"
      serviceTagline="Suivi du numérique en santé"
      homeLinkProps={HOME_LINK}
      quickAccessItems={quickAccessItems}
      // Until the session is known, no entries: they would move under the pointer when it arrives.
      navigation={session.isPending ? [] : navigation(me, route.page)}
    />
  )
}
