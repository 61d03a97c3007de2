/**
 * Payload starts its job crons in any process that answers a REST request (its request handler
 * asks for them), so scripts and test runs would work the queues too, racing the server and the
 * tests' own runs. Only the process that declares itself the worker runs them.
 */
const worker = Symbol.for('truongso.queueWorker')

type WithWorkerFlag = typeof globalThis & { [worker]?: boolean }

/** Called by the server before Payload starts. A global, so Next's bundled copy of the config agrees. */
export const workQueuesInThisProcess = (): void => {
  ;(globalThis as WithWorkerFlag)[worker] = true
}

export const worksQueues = (): boolean => (globalThis as WithWorkerFlag)[worker] === true
