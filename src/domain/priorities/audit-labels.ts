// The journal's French names of the priority lists' writes (src/domain/contract/access.ts lists them all).
export const PRIORITY_LIST_AUDIT_LABELS: Readonly<Record<string, string>> = {
  'priority_list.create': 'Enregistrement d’une liste de priorités',
  'priority_list.update': 'Modification d’une liste de priorités',
  'priority_list.delete': 'Suppression d’une liste de priorités',
}
