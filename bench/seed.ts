/**
 * `seed`: the demo seed as a first start meets it. Each run is a fresh process that boots Payload
 * on an empty embedded database (as the tests do) and times `seedDemo`, from the first account
 * to the rebuilt search index; the process's CPU time shows how much of the machine it had.
 *
 *   NODE_OPTIONS=--conditions=development tsx bench/seed.ts          # three runs, printed
 */
import { spawn } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type SeedRun = {
  ms: number
  /** The machine's one-minute load average as the run began: others' work slows the seed down. */
  loadAverage?: number
  /** CPU time of the whole process (main thread, password hashes, sharp, the PDF worker) while it seeded. */
  cpuMs: number
  /**
   * Time the main thread was busy: every write goes through it, so this is the seed's floor on an
   * idle machine. It counts time the thread waited for a core, so it grows when other work shares them.
   */
  mainThreadMs: number
  /**
   * CPU time of the main thread alone, where the system reports it per thread (Linux): the same
   * floor, unchanged by what else runs on the machine.
   */
  mainThreadCpuMs?: number
  /** How long each part took, by stage; parts overlap. */
  stages: Record<string, number>
  counts: Record<string, number>
}

const resultMark = 'SEED_RUN '

/** CPU time of this process's main thread, from `/proc` (in clock ticks of 10 ms); undefined elsewhere. */
const mainThreadCpu = (): number | undefined => {
  try {
    // Fields after the command name, which is in parentheses; utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}

/** One run in this process; what `measureSeed` spawns. */
const runOnce = async (): Promise<void> => {
  const { bootPayload, shutdownPayload } = await import('../tests/helpers/boot.js')
  const { seedDemo } = await import('../src/seed/seedDemo.js')
  const payload = await bootPayload('bench-seed')
  const stages: Record<string, number> = {}
  const cpu = process.cpuUsage()
  const mainCpu = mainThreadCpu()
  const loop = performance.eventLoopUtilization()
  const started = performance.now()
  const { counts } = await seedDemo(payload, { onProgress: ({ stage, ms }) => (stages[stage] = ms) })
  const ms = Math.round(performance.now() - started)
  const used = process.cpuUsage(cpu)
  const mainThreadMs = Math.round(performance.eventLoopUtilization(loop).active)
  const mainCpuAfter = mainThreadCpu()
  const mainThreadCpuMs = mainCpu === undefined || mainCpuAfter === undefined ? undefined : mainCpuAfter - mainCpu
  await shutdownPayload(payload)
  // bootPayload made a temporary folder for the database and the files.
  rmSync(process.env.DATA_DIR!, { recursive: true, force: true })
  const run: SeedRun = { ms, cpuMs: Math.round((used.user + used.system) / 1000), mainThreadMs, mainThreadCpuMs, stages, counts }
  process.stdout.write(`${resultMark}${JSON.stringify(run)}\n`)
  process.exit(0)
}

const spawnRun = (): Promise<SeedRun> =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env }
    // The seed a first start runs is the embedded database's, with the embedded index.
    delete env.DATABASE_URL
    delete env.MEILI_HOST
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--run'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-200_000)))
    child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-200_000)))
    child.once('exit', (code) => {
      const line = output.split('\n').find((each) => each.startsWith(resultMark))
      if (code !== 0 || !line) return reject(new Error(`seed run exited with ${code}:\n${output}`))
      resolve(JSON.parse(line.slice(resultMark.length)) as SeedRun)
    })
  })

/** `runs` seeds, one after the other, each in a fresh process on a fresh database. */
export const measureSeed = async (runs = 3): Promise<SeedRun[]> => {
  const results: SeedRun[] = []
  for (let i = 0; i < runs; i++) {
    const loadAverage = Math.round(os.loadavg()[0] * 100) / 100
    results.push({ ...(await spawnRun()), loadAverage })
  }
  return results
}

if (process.argv.includes('--run')) {
  await runOnce()
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const run of await measureSeed()) process.stdout.write(`${JSON.stringify(run)}\n`)
}
