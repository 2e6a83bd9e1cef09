// The rules engine's explanation of a result, folded: the answer stays short, the reasoning one click away.
import { fr } from '@codegouvfr/react-dsfr'

export function EngineExplanation({ summary, text }: { summary: string; text: string }) {
  return (
    <details className={fr.cx('fr-mt-1w')}>
      <summary className={fr.cx('fr-link', 'fr-text--sm')}>{summary}</summary>
      <p className={fr.cx('fr-text--sm', 'fr-mt-1w', 'fr-mb-0')} style={{ whiteSpace: 'pre-line' }}>
        {text}
      </p>
    </details>
  )
}
