/**
 * The ZIP reading behind PowerPoint text: it reads only the parts asked for, and neither a small
 * archive that inflates to gigabytes nor a damaged one gets past it.
 */
import { zipEntries } from '../../src/lib/uploads/zipEntries.js'
import { zip } from '../fixtures/uploads.js'

const archive = zip({
  'ppt/slides/slide1.xml': '<a:t>Bé vui đón Tết</a:t>',
  'ppt/slides/slide2.xml': '<a:t>Hoa đào, hoa mai</a:t>',
  'docProps/core.xml': '<dc:creator>Cô Lan</dc:creator>',
})

it('reads the entries asked for, inflated, and no others', () => {
  const entries = zipEntries(archive, (name) => name.startsWith('ppt/slides/'), 1024)
  expect([...entries.keys()]).toEqual(['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml'])
  expect(entries.get('ppt/slides/slide2.xml')?.toString('utf8')).toBe('<a:t>Hoa đào, hoa mai</a:t>')
})

it('refuses an entry that would inflate past the limit', () => {
  const bomb = zip({ 'ppt/slides/slide1.xml': 'a'.repeat(10_000_000) })
  expect(bomb.length).toBeLessThan(20_000)
  expect(() => zipEntries(bomb, () => true, 1024 * 1024)).toThrow(/maxOutputLength|buffer|larger/i)
})

it('refuses a damaged archive', () => {
  expect(() => zipEntries(Buffer.from('PK not an archive'), () => true, 1024)).toThrow('not a ZIP archive')
  const cut = Buffer.from(archive)
  cut.writeUInt32LE(cut.length, cut.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16)
  expect(() => zipEntries(cut, () => true, 1024)).toThrow('damaged ZIP directory')
})
