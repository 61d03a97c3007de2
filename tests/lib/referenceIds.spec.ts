import { referenceIds, referenceIdsAt } from '../../src/lib/referenceIds.js'

describe('referenceIds', () => {
  it.each<{ shape: string; value: unknown; ids: Array<number | string> }>([
    { shape: 'an id', value: 7, ids: [7] },
    { shape: 'a string id', value: '65f0c0ffee', ids: ['65f0c0ffee'] },
    { shape: 'a populated document', value: { id: 7, filename: 'a.pdf' }, ids: [7] },
    { shape: 'ids and documents mixed (hasMany)', value: [1, { id: 2 }, '3'], ids: [1, 2, '3'] },
    { shape: 'an empty field', value: null, ids: [] },
    { shape: 'a missing field', value: undefined, ids: [] },
    { shape: 'empty entries among others', value: [null, 4, undefined], ids: [4] },
  ])('reads $shape', ({ value, ids }) => {
    expect(referenceIds(value)).toEqual(ids)
  })
})

describe('referenceIdsAt', () => {
  it('reads a field of the document', () => {
    expect(referenceIdsAt({ files: [1, { id: 2 }] }, 'files')).toEqual([1, 2])
  })

  it('reaches into the rows of an array field through a dotted path', () => {
    const doc = { relatedDocuments: [{ document: 5 }, { document: { id: 6 } }, { document: null }] }
    expect(referenceIdsAt(doc, 'relatedDocuments.document')).toEqual([5, 6])
  })

  it('finds nothing in a missing document, field or array', () => {
    expect(referenceIdsAt(undefined, 'files')).toEqual([])
    expect(referenceIdsAt({}, 'relatedDocuments.document')).toEqual([])
    expect(referenceIdsAt({ relatedDocuments: null }, 'relatedDocuments.document')).toEqual([])
  })
})
