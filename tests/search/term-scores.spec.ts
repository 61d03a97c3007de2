/**
 * The embedded engine scores requests term by term from MiniSearch's internals (`termScores.ts`);
 * its answers must stay MiniSearch's own, score for score and in the same order, or ranking would
 * drift the day MiniSearch changes how it keeps its index.
 */
import MiniSearch, { type Query } from 'minisearch'

import { layoutOf, type Leaf, requestScorer } from '../../src/plugins/search/engines/termScores.js'

const titles = [
  'Bé học an toàn giao thông', 'An toàn khi tham gia giao thông', 'Thông tư về an toàn trường học', 'Giao thông đường thủy',
  'Kế hoạch tuyển sinh năm học mới', 'Thông báo tuyển sinh trẻ mầm non', 'Truyện cổ tích: Tấm Cám', 'Trong trường mầm non',
  'Thông tin tuyên truyền an toàn thực phẩm', 'Giao lưu văn nghệ', 'Bé tập đếm đến mười', 'Thông thường bé ăn gì',
]
const boosts = { summary: 2, title: 4 }
const fields = ['title', 'summary']

const indexOf = () => {
  const index = new MiniSearch<{ id: string; summary: string; title: string }>({ fields, tokenize: (text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean) })
  const documents = titles.map((title, i) => ({ id: `d${i}`, summary: `${title} ${i % 3 ? 'giao' : 'an toan'}`, title }))
  index.addAll(documents)
  // Removed with the very document added, as the engine does: it leaves no trace in either answer.
  index.remove(documents[3])
  return index
}

/** The document id of an internal id, as MiniSearch 7.2.0 keeps them. */
const documentIdOf = (index: MiniSearch<{ id: string; summary: string; title: string }>) => (id: number): string | undefined =>
  (index as unknown as { _documentIds: Map<number, string> })._documentIds.get(id)

/** Our scores of a request as MiniSearch's results read: document ids and scores, best first (MiniSearch's order among equal scores). */
const ourResults = (index: MiniSearch<{ id: string; summary: string; title: string }>, leaves: Leaf[]) => {
  const scorer = requestScorer(index, layoutOf(index), boosts, fields)
  const { ids, score } = scorer.score(leaves)
  return ids.map((id) => ({ id: documentIdOf(index)(id), score: score[id] })).sort((a, b) => b.score - a.score)
}

/** The same request as MiniSearch's own query tree: the leaves OR-ed, each an AND of its words. */
const asQuery = (leaves: Leaf[]): Query => ({
  combineWith: 'OR',
  queries: leaves.map((leaf) => ({
    combineWith: 'AND',
    ...(leaf.fields ? { fields: leaf.fields } : {}),
    queries: leaf.terms.map((spec) => ({ combineWith: 'AND', fuzzy: spec.fuzzy, prefix: spec.prefix, queries: [spec.term] })),
  })),
})

describe.each([
  ['one word', [{ terms: [{ fuzzy: false, prefix: false, term: 'giao' }] }]],
  ['a prefix and a typo on the last word', [{ terms: [{ fuzzy: false, prefix: false, term: 'an' }, { fuzzy: 1, prefix: true, term: 'thong' }] }]],
  [
    'folded and toned leaves with a word in common, and a rewritten one',
    [
      { terms: [{ fuzzy: false, prefix: false, term: 'an' }, { fuzzy: false, prefix: false, term: 'toàn' }, { fuzzy: 1, prefix: true, term: 'thông' }] },
      { terms: [{ fuzzy: false, prefix: false, term: 'an' }, { fuzzy: false, prefix: true, term: 'toan' }] },
      { terms: [{ fuzzy: false, prefix: false, term: 'tuyển' }, { fuzzy: false, prefix: false, term: 'sinh' }] },
    ],
  ],
  ['a leaf held to one field', [{ fields: ['summary'], terms: [{ fuzzy: false, prefix: true, term: 'gi' }] }]],
] as Array<[string, Leaf[]]>)('the request with %s', (_, leaves) => {
  it('scores and orders the entries as MiniSearch does', () => {
    const index = indexOf()
    // MiniSearch sorts by score, keeping its own order among equal scores; ours come in that order unsorted.
    const sorted = ourResults(index, leaves)
    const theirs = index.search(asQuery(leaves), { boost: boosts }).map((result) => ({ id: result.id, score: result.score }))
    expect(theirs.length).toBeGreaterThan(0)
    expect(sorted).toEqual(theirs)
  })
})

it('scores as MiniSearch does after entries are added, replaced and removed between searches', () => {
  const index = indexOf()
  const leaves: Leaf[] = [{ terms: [{ fuzzy: 1, prefix: true, term: 'thong' }] }]
  const same = () => {
    expect(ourResults(index, leaves)).toEqual(index.search(asQuery(leaves), { boost: boosts }).map((result) => ({ id: result.id, score: result.score })))
  }
  same()
  const added = { id: 'new', summary: 'thông tin mới', title: 'Thông báo nghỉ học vì trời rét đậm rét hại kéo dài' }
  index.add(added)
  same()
  index.remove(added)
  index.add({ ...added, title: 'Thông báo' })
  same()
  index.remove({ ...added, title: 'Thông báo' })
  same()
})

it('scores as MiniSearch does after the index is emptied and refilled with as many entries', () => {
  const index = indexOf()
  const leaves: Leaf[] = [{ terms: [{ fuzzy: false, prefix: false, term: 'thông' }] }]
  const theirs = () => index.search(asQuery(leaves), { boost: boosts }).map((result) => ({ id: result.id, score: result.score }))
  index.removeAll()
  index.addAll([
    { id: 'a', summary: 'thông', title: 'Thông báo' },
    { id: 'b', summary: 'thông', title: 'Thông báo nghỉ học vì trời rét đậm rét hại' },
  ])
  expect(ourResults(index, leaves)).toEqual(theirs())
  // Emptied again and refilled with as many entries, whose lengths are the other way round: the
  // internal ids and the count are those of the previous state, the lengths are not.
  index.removeAll()
  index.addAll([
    { id: 'c', summary: 'thông', title: 'Thông báo nghỉ học vì trời rét đậm rét hại' },
    { id: 'd', summary: 'thông', title: 'Thông báo' },
  ])
  expect(theirs().map((result) => result.id)).toEqual(['d', 'c'])
  expect(ourResults(index, leaves)).toEqual(theirs())
})

it('marks the entries whose given fields hold a word itself, not a word it starts or one a typo away', () => {
  const index = indexOf()
  const scorer = requestScorer(index, layoutOf(index), boosts, fields)
  const marked = (term: string, only: string[]) => {
    const marks = scorer.holding(term, only)
    return [...marks.keys()].filter((id) => marks[id] === 1).map(documentIdOf(index)).sort()
  }
  const titled = (word: string) => titles.flatMap((title, i) => (i !== 3 && title.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(word) ? [`d${i}`] : [])).sort()

  expect(marked('thông', ['title'])).toEqual(titled('thông'))
  expect(marked('an', ['summary'])).toEqual(['d0', 'd1', 'd2', 'd6', 'd8', 'd9'])
  expect(marked('thôn', ['title'])).toEqual([])
  expect(marked('thong', ['title', 'summary'])).toEqual([])
})
