/**
 * An input the run cannot read at all (the input folder itself): the CLI prints its message and
 * exits 1, without a stack trace. Single docs and sub-folders that cannot be read are diagnostics
 * instead (`doc-unreadable`, `folder-unreadable`), with their path.
 *
 * @module
 */

/** The input folder cannot be listed; `message` names it and the cause. */
export class InputError extends Error {}

/**
 * What a failed read of a file or folder says, in words and with the system's code:
 * `permission denied (EACCES)`.
 */
export function readCause(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const words: Readonly<Record<string, string>> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file (removed during the run?)',
    ENOTDIR: 'not a folder',
    EISDIR: 'a folder, not a file',
    EIO: 'input/output error',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
  };
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return `${words[code] ?? (error as Error).message} (${code})`;
}
