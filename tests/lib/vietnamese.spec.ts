import { foldVietnamese } from '../../src/lib/vietnamese.js'
import { slugify } from '../../src/lib/slugify.js'

describe('foldVietnamese', () => {
  it.each([
    ['Đào tạo', 'dao tao'],
    ['Học liệu', 'hoc lieu'],
    ['Ðà Nẵng', 'da nang'],
    ['Học liệu'.normalize('NFD'), 'hoc lieu'],
  ])('folds %j to %j', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected)
  })
})

describe('slugify', () => {
  it('turns a Vietnamese title into a readable ASCII slug', () => {
    expect(slugify('Bé vui đến trường!')).toBe('be-vui-den-truong')
  })
})
