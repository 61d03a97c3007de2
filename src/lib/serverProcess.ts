/**
 * Whether this process is the server. Only the server works the job queues: Payload starts its
 * crons in any process that answers a REST request (its request handler asks for them), so
 * scripts and test runs would race the server and their own queue runs. And only the server
 * builds its embedded search index after it starts serving, so the build does not delay its start.
 */
const server = Symbol.for('truongso.serverProcess')

type WithServerFlag = typeof globalThis & { [server]?: boolean }

/** Called by the server before loading the config. A global, so Next's bundled copy of the config agrees. */
export const markServerProcess = (): void => {
  ;(globalThis as WithServerFlag)[server] = true
}

export const isServerProcess = (): boolean => (globalThis as WithServerFlag)[server] === true
