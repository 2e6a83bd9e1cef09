// An <a> that navigates inside the app without reloading; registered with react-dsfr so that every DSFR
// component taking linkProps uses it.
import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigate } from './router'

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey
}

export function Link({ href, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || !isPlainLeftClick(event) || rest.target || rest.download !== undefined)
      return
    const url = new URL(href, window.location.href)
    if (url.origin !== window.location.origin) return
    event.preventDefault()
    navigate(url.pathname + url.search + url.hash)
  }
  return <a href={href} {...rest} onClick={handleClick} />
}
