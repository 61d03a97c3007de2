/**
 * Words typed without a Vietnamese keyboard, read by the rules of Telex and VNI one syllable at a
 * time; a reading is kept only when it is a Vietnamese syllable.
 */
import { decodeTyped, isVietnameseSyllable } from '../../src/lib/vietnameseInput.js'
import { planQuery } from '../../src/plugins/search/understanding.js'
import { defaultVocabulary } from '../../src/plugins/search/vocabulary.js'

describe('a word typed in raw Telex or VNI', () => {
  it.each([
    ['truyeenj', 'truyện'],
    ['coor', 'cổ'],
    ['tichs', 'tích'],
    ['bacs', 'bác'],
    ['hoof', 'hồ'],
    ['dduwowngf', 'đường'],
    ['truowng', 'trương'],
    ['nguowif', 'người'],
    ['hoaf', 'hòa'],
    ['thuyr', 'thủy'],
    ['quas', 'quá'],
    ['gif', 'gì'],
    ['ho5c', 'học'],
    ['hoc5', 'học'],
    ['lie6u5', 'liệu'],
    ['lieu65', 'liệu'],
    ['d9i', 'đi'],
    ['tu7o7ng', 'tương'],
    ['a8n', 'ăn'],
  ])('reads %j as %j, and only so', (typed, decoded) => {
    expect(decodeTyped(typed)).toEqual({ ambiguous: false, decoded })
  })

  it('is read both ways when it is a word as typed too', () => {
    expect(decodeTyped('xoong')).toEqual({ ambiguous: true, decoded: 'xông' })
  })

  it.each(['video', 'online', 'facebook', 'brown', 'bacf', 'gddt', 'mn', '2024', 'tranh'])('leaves %j alone', (typed) => {
    expect(decodeTyped(typed)).toBeUndefined()
  })

  it('knows a syllable closed by c, ch, p or t takes only the rising or heavy tone', () => {
    expect(isVietnameseSyllable('bác')).toBe(true)
    expect(isVietnameseSyllable('bàc')).toBe(false)
  })
})

describe('a query as search reads it', () => {
  const plan = (q: string) => planQuery(q, defaultVocabulary)

  it('searches a Telex query decoded first and as typed below it', () => {
    expect(plan('truyeenj coor tichs').readings.map((reading) => [reading.words, reading.weight])).toEqual([
      [['truyện', 'cổ', 'tích'], 1],
      [['truyeenj', 'coor', 'tichs'], 0.5],
    ])
  })

  it('lets small words and facet words rank without deciding the match', () => {
    const read = plan('sach tranh cho be 3 tuoi')
    expect(read.readings[0].words).toEqual(['be'])
    expect(read.boosts).toEqual([
      { facet: 'type', values: ['comic', 'book', 'ebook'] },
      { facet: 'ageGroups', values: ['mau-giao-be'] },
    ])
  })

  it('reads "3-4 tuổi", "lớp lá" and "nhà trẻ" as age groups', () => {
    expect(plan('tranh 3-4 tuổi').boosts).toEqual([{ facet: 'ageGroups', values: ['mau-giao-be'] }])
    expect(plan('giáo án lớp lá').boosts).toContainEqual({ facet: 'ageGroups', values: ['mau-giao-lon'] })
    expect(plan('bai hat nha tre').boosts).toContainEqual({ facet: 'ageGroups', values: ['nha-tre'] })
  })

  it('keeps "bé" a word that must match when only one other word must', () => {
    expect(plan('bé học -vẽ').readings[0].words).toEqual(['bé', 'học'])
    expect(plan('video day be rua tay').readings[0].words).toEqual(['rua', 'tay'])
  })

  it('keeps a stopword inside a synonym, and never relaxes a quoted phrase', () => {
    expect(plan('giáo dục và đào tạo Kiến Thụy').readings[0].words).toContain('và')
    expect(plan('một hai "mười một"').relaxable).toBe(false)
  })
})
