import type { DataFromCollectionSlug, Payload } from 'payload'

import type { AccessLevel } from '../../access/accessLevels.js'
import { bookCover, illustrations, renderJpeg, type Illustration } from './images.js'
import { writePdf, type PdfSpec } from './pdf.js'
import type { ImageKey } from './vocabulary.js'

export type MediaId = DataFromCollectionSlug<'media'>['id']
type User = DataFromCollectionSlug<'users'>

/**
 * Uploads the demo's files through the media collection, so they pass the same screening as a
 * person's upload. Each file is made and uploaded once, then reused by every document naming it.
 */
export const demoMediaUploader = (payload: Payload) => {
  const uploaded = new Map<string, Promise<MediaId>>()

  const upload = (
    key: string,
    make: () => Promise<{ data: Buffer; mimetype: string; name: string; alt: string; altEn?: string }>,
    accessLevel: AccessLevel,
    user: User,
  ): Promise<MediaId> => {
    const existing = uploaded.get(key)
    if (existing) return existing
    const pending = (async () => {
      const file = await make()
      const doc = await payload.create({
        collection: 'media',
        data: { alt: file.alt, accessLevel },
        file: { data: file.data, mimetype: file.mimetype, name: file.name, size: file.data.length },
        depth: 0,
        overrideAccess: false,
        user,
      })
      if (file.altEn) {
        await payload.update({ collection: 'media', id: doc.id, locale: 'en', data: { alt: file.altEn }, depth: 0, overrideAccess: false, user })
      }
      return doc.id
    })()
    uploaded.set(key, pending)
    return pending
  }

  const drawing = (illustration: Illustration, user: User) =>
    upload(
      `image:${illustration.name}`,
      async () => ({
        data: await renderJpeg(illustration),
        mimetype: 'image/jpeg',
        name: `${illustration.name}.jpg`,
        alt: illustration.alt,
        altEn: illustration.altEn,
      }),
      'public',
      user,
    )

  return {
    /** A drawing of `images.ts` by name, or a generated book cover by number; always public. */
    image: (key: ImageKey | number, user: User): Promise<MediaId> => {
      const illustration = typeof key === 'number' ? bookCover(key) : illustrations.find((each) => each.name === key)
      if (!illustration) throw new Error(`No demo drawing named "${key}"`)
      return drawing(illustration, user)
    },

    /** A PDF made from `spec` under `name`, uploaded by `user` at `accessLevel`. */
    pdf: (name: string, spec: PdfSpec, accessLevel: AccessLevel, user: User): Promise<MediaId> =>
      upload(
        `pdf:${name}`,
        async () => ({ data: await writePdf(spec), mimetype: 'application/pdf', name, alt: spec.title }),
        accessLevel,
        user,
      ),
  }
}

export type DemoMediaUploader = ReturnType<typeof demoMediaUploader>
