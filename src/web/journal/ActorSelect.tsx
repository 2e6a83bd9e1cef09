// Who made the changes: the administrator picks among every account; anyone else reads their own actions
// (or, on an establishment they cover, everyone's), so they choose between the two.
import { Select } from '@codegouvfr/react-dsfr/Select'
import { useQuery } from '@tanstack/react-query'
import { useSignedIn } from '../session/session'
import { fetchUsers, USERS_KEY } from '../users/users-api'

interface Props {
  value: string
  onChange: (value: string) => void
}

export function ActorSelect({ value, onChange }: Props) {
  const me = useSignedIn()
  const admin = !!me?.can.manageUsers
  const users = useQuery({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) => fetchUsers(signal),
    enabled: admin,
  })
  const options = admin
    ? (users.data ?? []).map((u) => ({ value: String(u.id), label: `${u.displayName} (${u.email})` }))
    : me
      ? [{ value: String(me.user.id), label: `Mes actions (${me.user.email})` }]
      : []
  return (
    <Select
      label="Auteur"
      nativeSelectProps={{ name: 'actor', value, onChange: (event) => onChange(event.target.value) }}
    >
      <option value="">Tous les auteurs</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {value && !options.some((o) => o.value === value) && <option value={value}>Compte n° {value}</option>}
    </Select>
  )
}
