/**
 * What this process is for, set before it loads the config. Globals, so Next's bundled copy of the
 * config reads the same.
 */
const processFlag = (name: string) => {
  const key = Symbol.for(`truongso.${name}`)
  const flags = globalThis as typeof globalThis & { [key: symbol]: boolean | undefined }
  return {
    set: (): void => {
      flags[key] = true
    },
    isSet: (): boolean => flags[key] === true,
  }
}

/**
 * The server. Only the server works the job queues: Payload starts its crons in any process that
 * answers a REST request (its request handler asks for them), so scripts and test runs would race
 * the server and their own queue runs. And only the server builds its embedded search index after
 * it starts serving, so the build does not delay its start.
 */
const server = processFlag('serverProcess')

export const markServerProcess = server.set

export const isServerProcess = server.isSet

/**
 * A command-line tool that never searches (the file check, a restore). The embedded index lives in
 * each process's memory: built there, it would read every document and start a thread, only to be
 * thrown away at exit.
 */
const neverSearches = processFlag('searchesNothing')

export const markProcessThatNeverSearches = neverSearches.set

export const searchesInThisProcess = (): boolean => !neverSearches.isSet()
