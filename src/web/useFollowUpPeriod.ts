// The follow-up point a page shows (dashboard, map…): the one its URL asks for, else the latest month with
// data, rather than a month not yet loaded; null while the months with data are being asked.
import { useQuery } from '@tanstack/react-query'
import { thisMonth } from './structure/field-value'
import { fetchGridPeriods } from './tracking/tracking-api'

export function useFollowUpPeriod(asked: string | undefined): string | null {
  const periods = useQuery({
    queryKey: ['grid-periods'],
    queryFn: ({ signal }) => fetchGridPeriods(signal),
    enabled: !asked,
  })
  return asked ?? (periods.isPending ? null : (periods.data?.latest ?? thisMonth()))
}
