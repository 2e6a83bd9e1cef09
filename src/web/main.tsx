// Entry point of the web app: DSFR styles (bundled, no CDN), DSFR start-up, data fetching, then the app.
import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css'
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-system/icons-system.main.min.css'
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-arrows/icons-arrows.main.min.css'
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-buildings/icons-buildings.main.min.css'
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-user/icons-user.main.min.css'
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiError } from './api'
import { App } from './App'
import { Link } from './Link'
import { watchSessionEnd } from './session/session'

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link
  }
}

startReactDsfr({ defaultColorScheme: 'light', Link })

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A request the server refused (4xx) fails the same way the second time.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
})

watchSessionEnd(queryClient)

const root = document.getElementById('root')
if (!root) throw new Error('élément #root absent de index.html')

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
)
