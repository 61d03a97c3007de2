import { foldVietnamese } from './vietnamese.js'

/** "Bé vui đến trường!" → "be-vui-den-truong" */
export const slugify = (text: string): string =>
  foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
