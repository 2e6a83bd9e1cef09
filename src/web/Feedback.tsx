// The outcome of an action, announced: the live regions are always in the page (a region inserted with its
// message is not reliably read), and fill with a small DSFR alert: success politely, failure at once.
import { fr } from '@codegouvfr/react-dsfr'
import { Alert } from '@codegouvfr/react-dsfr/Alert'

interface Props {
  success?: string | null | undefined
  error?: Error | null | undefined
  className?: string
}

export function Feedback({ success, error, className }: Props) {
  return (
    <div className={className}>
      <div role="status">
        {success && !error && (
          <Alert severity="success" small description={success} className={fr.cx('fr-mt-1w')} />
        )}
      </div>
      <div role="alert">
        {error && <Alert severity="error" small description={error.message} className={fr.cx('fr-mt-1w')} />}
      </div>
    </div>
  )
}
