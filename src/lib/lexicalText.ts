type LexicalNode = { children?: LexicalNode[]; text?: string; type?: string }

const blockTypes = new Set(['heading', 'listitem', 'paragraph', 'quote'])

/** The plain text of a Lexical rich-text value, one line per block, for search and excerpts. */
export const lexicalText = (value: unknown): string => {
  const root = (value as { root?: LexicalNode } | null)?.root
  if (!root) return ''
  const walk = (node: LexicalNode): string => {
    const inner = node.text ?? (node.children ?? []).map(walk).join('')
    return blockTypes.has(node.type ?? '') ? `${inner}\n` : inner
  }
  return walk(root).replace(/\n{2,}/g, '\n').trim()
}
