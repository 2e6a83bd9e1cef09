// One change to an account at a time: runs it, refreshes the list, and keeps what to announce (the
// success text or the server's refusal).
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { USERS_KEY } from './users-api'

interface Action {
  run: () => Promise<unknown>
  /** What to announce once it is done. */
  done: string
}

export function useAccountAction() {
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: async (action: Action) => {
      await action.run()
      return action.done
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  })
  return {
    run: (run: Action['run'], done: string) => mutation.mutate({ run, done }),
    pending: mutation.isPending,
    success: mutation.data ?? null,
    error: mutation.error,
  }
}
