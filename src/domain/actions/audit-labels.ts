// The journal's French names of the follow-up actions' writes (src/domain/contract/access.ts lists them all).
export const FOLLOW_UP_AUDIT_LABELS: Readonly<Record<string, string>> = {
  'action.create': 'Création d’une action de suivi',
  'action.update': 'Modification d’une action de suivi',
  'action.delete': 'Suppression d’une action de suivi',
}
