// What the follow-up actions' routes share in their OpenAPI description: the refusal's shape and the tag.
export { failure, failures } from './failure'

export const ACTION_TAGS = ['Actions']
