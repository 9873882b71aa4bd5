/** An error caused by the user's input: printed without a stack trace, exit code 2. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/**
 * Runs a command's `main` with the CLI's exit codes: its own (or 0), 2 with the message
 * alone for a UserError, a bad option or a run too large to fit; anything else is a bug and keeps its stack trace.
 */
export async function runCommand(
  main: (argv: string[]) => number | void | Promise<number | void>,
): Promise<void> {
  try {
    process.exitCode = (await main(process.argv.slice(2))) ?? 0;
  } catch (e) {
    if (
      e instanceof UserError ||
      // A run too large for memory (thrown in sim/ or in a worker, so known by its name).
      (e as Error | undefined)?.name === 'RunTooLargeError' ||
      (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error((e as Error).message);
      process.exitCode = 2;
    } else {
      throw e;
    }
  }
}
