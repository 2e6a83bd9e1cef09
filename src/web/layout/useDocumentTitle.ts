// Each page names itself in the browser tab (and for screen readers when the page changes).
import { useEffect } from 'react'

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Jalon`
  }, [title])
}
