// Builds the web app (src/web) into dist/web, which the HTTP server serves. In development, `npx vite`
// proxies /api to a `jalon serve` running on PORT (default 3000).
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: fromRoot('./src/web'),
  plugins: [react()],
  // The DSFR favicons, served at the site root (/favicon.ico is what browsers ask for by default).
  publicDir: fromRoot('./node_modules/@codegouvfr/react-dsfr/favicon'),
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // DSFR fonts and icons are bundled as files, so the app works without any CDN.
    assetsInlineLimit: 0,
    // Transforming DSFR's 600 kB of CSS dominates the build; the timing report says only that.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
})
