/**
 * Highlights of long attached text: the crop shows where the words typed stand together, in the
 * document's own spelling, wherever in the file that is.
 */
import { highlight, highlightTerms } from '../../src/plugins/search/highlight.js'

const filler = 'Cô dân làng có bảy cây tre, trẻ về làm bài tô màu. '.repeat(5_000)

it('crops the text where the words typed stand together, not where each first appears', () => {
  const text = `${filler}Đàn cò trắng bay về làm tổ trên lũy tre làng. ${filler}`
  const crop = highlight(text, highlightTerms('dan co trang bay ve lam to'), 200)
  expect(crop).toContain('<mark>Đàn</mark> <mark>cò</mark> <mark>trắng</mark> <mark>bay</mark> <mark>về</mark> <mark>làm</mark> <mark>tổ</mark>')
  expect(crop!.startsWith('…')).toBe(true)
})

it('marks whole words only, in their own spelling, and escapes the text around them', () => {
  expect(highlight('Bé <b>học</b> hoc sinh; học liệu, Học', highlightTerms('hoc'))).toBe(
    'Bé &#60;b&#62;<mark>học</mark>&#60;/b&#62; <mark>hoc</mark> sinh; <mark>học</mark> liệu, <mark>Học</mark>',
  )
  expect(highlight('Đào tạo, đạo đức, ĐÀO', highlightTerms('dao'))).toBe('<mark>Đào</mark> tạo, <mark>đạo</mark> đức, <mark>ĐÀO</mark>')
  expect(highlight('hoạt động', highlightTerms('hoa'))).toBe('hoạt động')
})

it('finds nothing to crop when no word matches', () => {
  expect(highlight(filler, highlightTerms('vu sua'), 200)).toBeUndefined()
})
