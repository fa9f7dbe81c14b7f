import type { Problem } from '../scenario/types.ts';

// What a command throws to end with an exit code (src/cli/main.ts maps them). Subcommand
// modules (render.ts, and compare.ts, grade.ts, import.ts to come) throw these too.

export { UsageError } from './args.ts';

/** Exit codes: 0 the command did its work (whatever the run's outcome), 2 invalid input, 1 anything else. */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_INVALID = 2;

/** Invalid input: every problem is printed as `path: message` and the exit code is 2. */
export class InputError extends Error {
  constructor(
    readonly heading: string,
    readonly problems: Problem[],
  ) {
    super(heading);
  }
}

/** Anything else that stops the command (unreadable file, unknown preset): exit code 1. */
export class CliError extends Error {}
