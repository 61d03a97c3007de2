import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

it('type-checks the whole project in strict mode', async () => {
  const result = await run('npx', ['tsc', '--noEmit', '-p', '.'], { maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: { stdout: string }) => ({ stdout: error.stdout }),
  )
  expect(result.stdout).toBe('')
}, 300_000)
