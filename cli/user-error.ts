/** An error caused by the user's input: printed without a stack trace, exit code 2. */
export class UserError extends Error {
  override readonly name = 'UserError';
}
