import { spawn } from 'node:child_process';

/**
 * Runs a command with its output streamed to ours; resolves with its exit code (never rejects
 * on a non-zero exit, so callers decide what a failure means).
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<number>}
 */
export function runCommand(command, args, options = {}) {
  return new Promise((resolveExit, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolveExit(code ?? (signal ? 128 : 1)));
  });
}

/** Like runCommand, but throws when the command fails. */
export async function runOrThrow(command, args, options = {}) {
  const code = await runCommand(command, args, options);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with code ${code}`);
}
