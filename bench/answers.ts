/**
 * Whether work on the embedded engine changed its answers: the engine as committed at a git ref
 * (its two files, `embedded.ts` and `termScores.ts`; everything they import as checked out) and
 * the engine as checked out answer the same searches over the bench's 10,000 generated documents,
 * and every answer (hits, their order and highlights, totals, facet counts, ignored words) must be
 * the same. The searches: the bench's queries and each cut short as if still being typed, the
 * judged set, the queries of the Vietnamese, syntax and Telex/VNI tables, and short prefixes; each
 * with four combinations of levels, filters, page and page size. Then the same writes go to both
 * engines, one after the other (entries upserted with longer or shorter titles and other facet
 * values, removed, added in a batch, put back, a reindex and writes after it), each followed by
 * some of the searches: a write must leave nothing of the state before it in the answers.
 *
 *   NODE_OPTIONS=--conditions=development tsx bench/answers.ts [ref, default HEAD]
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { isDeepStrictEqual } from 'node:util'

import type { SearchDocument, SearchEngine, SearchQuery } from '../src/plugins/search/engines/types.js'

import { createEmbeddedEngine } from '../src/plugins/search/engines/embedded.js'
import { judgedQueries } from '../tests/search/relevance/judged.js'
import { searchDocuments } from './generate.js'
import { searchQueries } from './search.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const engines = 'src/plugins/search/engines'

/** The first string of each row of a spec file's table (`['query', …`). */
const tableQueries = (file: string): string[] =>
  [...readFileSync(path.join(root, 'tests/search', file), 'utf8').matchAll(/^\s*\['((?:[^'\\]|\\.)*)'/gm)].map((match) => match[1])

const shortPrefixes = ['tu', 'th', 'thông', 'thong', 'trong', 'gi', 'giáo', 'a', 'b', 'hoc', 'học', 'tu*', 'thông t', 'kế hoạch U']

const answerQueries = (): string[] =>
  [
    ...new Set([
      ...searchQueries,
      ...searchQueries.flatMap((q) => [q.slice(0, Math.ceil(q.length / 2)), q.slice(0, -1)]),
      ...judgedQueries.map((judged) => judged.q),
      ...['vietnamese.spec.ts', 'query-syntax.spec.ts', 'vietnamese-input.spec.ts'].flatMap(tableQueries),
      ...shortPrefixes,
      'học liệu'.normalize('NFD'),
      '-vẽ -đếm',
      'sách cho trẻ 4 tuổi',
    ]),
  ].filter((q) => q.trim())

const every: SearchQuery['levels'] = ['public', 'parents', 'staff', 'leadership']
const combinations: Array<Omit<SearchQuery, 'q'>> = [
  { filters: {}, levels: every, limit: 20, page: 1 },
  { filters: { type: ['lesson-plan', 'video'] }, levels: ['public', 'parents'], limit: 20, page: 1 },
  { filters: {}, levels: every, limit: 10, page: 3 },
  { filters: {}, levels: ['public'], limit: 5, page: 1 },
]

/** The engine's two files at `ref`, beside the checked-out sources (in `bench/out`, which git ignores), imports pointed at them. */
const engineAt = async (ref: string): Promise<SearchEngine> => {
  const folder = path.join(root, 'bench/out', `engine-${ref.replace(/[^\w.-]/g, '_')}`)
  mkdirSync(folder, { recursive: true })
  const show = (file: string) => execFileSync('git', ['show', `${ref}:${engines}/${file}`], { cwd: root, encoding: 'utf8' })
  const toSources = (text: string) =>
    text
      .replace(/from '\.\.\//g, `from '${path.relative(folder, path.join(root, 'src/plugins/search'))}/`)
      .replace(/from '\.\/(?!termScores\.js)/g, `from '${path.relative(folder, path.join(root, engines))}/`)
  writeFileSync(path.join(folder, 'termScores.ts'), toSources(show('termScores.ts')))
  writeFileSync(path.join(folder, 'embedded.ts'), toSources(show('embedded.ts')))
  const module = (await import(pathToFileURL(path.join(folder, 'embedded.ts')).href)) as { createEmbeddedEngine: () => SearchEngine }
  return module.createEmbeddedEngine()
}

/**
 * The writes between searches, in order: each leaves the index in a state the ones before did not
 * (other field lengths for the same entries, entries gone and back, new facet values, a reindex
 * into a fresh index and writes after it).
 */
const writes = (documents: SearchDocument[]): Array<{ name: string; write: (engine: SearchEngine) => Promise<unknown> }> => {
  const added = searchDocuments(documents.length + 600).slice(documents.length)
  const ids = (from: number, to: number) => documents.slice(from, to).map((document) => document.id)
  return [
    {
      name: 'upsert 50 with longer titles, another type and an issuer',
      write: (engine) =>
        engine.upsert(
          documents.slice(0, 200).flatMap((document, i) =>
            i % 4 ? [] : [{ ...document, facets: { ...document.facets, issuer: `Sở Giáo dục ${i % 5}`, type: 'video' }, title: `${documents[i + 300].title} ${document.title}` }],
          ),
        ),
    },
    {
      name: 'upsert 60 with two-word titles and no text',
      write: (engine) => engine.upsert(documents.slice(200, 260).map((document) => ({ ...document, text: '', title: document.title.split(' ').slice(0, 2).join(' ') }))),
    },
    { name: 'remove 300', write: (engine) => engine.remove(ids(1000, 1300)) },
    { name: 'upsert 600 new in one batch', write: (engine) => engine.upsert(added) },
    {
      name: 'upsert 100 of the removed back, with another summary',
      write: (engine) => engine.upsert(documents.slice(1000, 1100).map((document, i) => ({ ...document, summary: documents[i].summary }))),
    },
    {
      name: 'reindex half the entries in two batches, each with an issuer',
      write: (engine) =>
        engine.replaceAll(
          (async function* () {
            const half = documents.slice(0, 5000).map((document, i) => ({ ...document, facets: { ...document.facets, issuer: `Phòng ${i % 50}` } }))
            yield half.slice(0, 2500)
            yield half.slice(2500)
          })(),
        ),
    },
    {
      name: 'upsert 100 new and remove 50 after the reindex',
      write: async (engine) => {
        await engine.upsert(added.slice(0, 100))
        await engine.remove(ids(0, 50))
      },
    },
  ]
}

/** How many of the searches differ, and the first few of them (with the last write before them). */
const compareAnswers = async (ref = 'HEAD') => {
  const documents = searchDocuments(10_000)
  const before = await engineAt(ref)
  const now = createEmbeddedEngine()
  for (const engine of [before, now]) await engine.replaceAll((async function* () { yield documents })())
  const differing: Array<{ after?: string; q: string; combination: number }> = []
  let searches = 0
  const compare = async (queries: string[], after?: string) => {
    for (const q of queries) {
      for (const [combination, query] of combinations.entries()) {
        const [a, b] = [await before.search({ ...query, q }), await now.search({ ...query, q })]
        searches++
        if (!isDeepStrictEqual({ ...a, engineMs: 0 }, { ...b, engineMs: 0 })) differing.push({ ...(after ? { after } : {}), combination, q })
      }
    }
  }
  const queries = answerQueries()
  await compare(queries)
  // A fifth of the searches after each write: enough to reach every state, in a bench run's time.
  const some = queries.filter((_, i) => i % 5 === 0)
  for (const { name, write } of writes(documents)) {
    await write(before)
    await write(now)
    await compare(some, name)
  }
  return { differing, searches }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ref = process.argv[2] ?? 'HEAD'
  const { differing, searches } = await compareAnswers(ref)
  process.stdout.write(`${searches} searches, ${differing.length} answered differently than at ${ref}${differing.length ? `: ${JSON.stringify(differing.slice(0, 10))}` : ''}\n`)
  process.exit(differing.length ? 1 : 0)
}
