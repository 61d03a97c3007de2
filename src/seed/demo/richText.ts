/**
 * Builds the Lexical editor state that Payload's rich-text fields store, from plain blocks, so the
 * demo content reads as real articles in the admin panel and on the website.
 */

/** A paragraph, a heading, or a bulleted or numbered list. */
export type Block = string | { h: string } | { ul: string[] } | { ol: string[] }

type TextNode = {
  type: 'text'
  version: 1
  text: string
  format: number
  style: ''
  mode: 'normal'
  detail: 0
}

type ElementNode = {
  type: string
  version: 1
  children: Array<ElementNode | TextNode>
  direction: 'ltr'
  format: ''
  indent: 0
  [key: string]: unknown
}

/** The shape of a `richText` field value (Lexical's serialized editor state). */
export type RichText = {
  root: {
    type: 'root'
    version: 1
    children: ElementNode[]
    direction: 'ltr'
    format: ''
    indent: 0
  }
}

const text = (value: string, format = 0): TextNode => ({
  type: 'text',
  version: 1,
  text: value,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
})

const element = (type: string, children: ElementNode['children'], extra: Record<string, unknown> = {}): ElementNode => ({
  type,
  version: 1,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  ...extra,
})

const list = (items: string[], ordered: boolean): ElementNode =>
  element(
    'list',
    items.map((item, index) => element('listitem', [text(item)], { value: index + 1 })),
    { listType: ordered ? 'number' : 'bullet', start: 1, tag: ordered ? 'ol' : 'ul' },
  )

const node = (block: Block): ElementNode => {
  if (typeof block === 'string') return element('paragraph', [text(block)], { textFormat: 0, textStyle: '' })
  if ('h' in block) return element('heading', [text(block.h)], { tag: 'h3' })
  if ('ul' in block) return list(block.ul, false)
  return list(block.ol, true)
}

/** The editor state of the given blocks, in order. */
export const richText = (blocks: Block[]): RichText => ({
  root: {
    type: 'root',
    version: 1,
    children: blocks.map(node),
    direction: 'ltr',
    format: '',
    indent: 0,
  },
})

/** The plain text of the blocks, one line per paragraph or list item (used for the PDFs). */
export const plainLines = (blocks: Block[]): Array<{ text: string; heading?: boolean; bullet?: string }> =>
  blocks.flatMap((block) => {
    if (typeof block === 'string') return [{ text: block }]
    if ('h' in block) return [{ text: block.h, heading: true }]
    if ('ul' in block) return block.ul.map((item) => ({ text: item, bullet: '–' }))
    return block.ol.map((item, index) => ({ text: item, bullet: `${index + 1}.` }))
  })
