import { spawn } from 'node:child_process'

/**
 * Runs the system's `tar` (GNU tar on Debian and in CI, bsdtar on macOS): a plain, uncompressed
 * archive any school IT person can open, written at the speed of the disk. Photos, PDFs and
 * Office files are compressed already; compressing again would cost time for a few percent.
 */
export const runTar = (args: string[]): Promise<void> =>
  new Promise((resolve, reject) => {
    let errors = ''
    const child = spawn('tar', args, { stdio: ['ignore', 'ignore', 'pipe'] })
    child.stderr.on('data', (chunk) => (errors += chunk))
    child.once('error', (error) => reject(new Error(`tar could not start: ${error.message}`)))
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tar ${args[0]} exited with ${code}: ${errors.trim()}`))))
  })
