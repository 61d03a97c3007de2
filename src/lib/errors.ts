import { APIError } from 'payload'

/** An error whose message is meant for the person who caused it (shown by REST, GraphQL and admin). */
export class UserFacingError extends APIError {
  constructor(message: string, status: number) {
    super(message, status, undefined, true)
  }
}
