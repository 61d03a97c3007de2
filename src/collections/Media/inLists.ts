import type { MediaSelect } from '../../payload-types.js'

/**
 * The fields of a file that a REST list populates it with (`GET /api/<collection>` at any `depth`
 * above 0, REST's default of 2 included, when the request names neither `select` nor `populate`):
 * what a card or a file row shows — the picture at the card's and the thumbnail's sizes, the
 * original's address, name, type and size, and its alt text. Everything else is left out, above
 * all the text read from the file, which Payload would otherwise read from the database for every
 * file of every list (up to a million characters a file) and then drop, the field being hidden.
 */
export const mediaInLists = {
  alt: true,
  url: true,
  thumbnailURL: true,
  filename: true,
  mimeType: true,
  filesize: true,
  width: true,
  height: true,
  sizes: { thumbnail: true, thumbnailWebp: true, card: true, cardWebp: true },
} as const satisfies MediaSelect<true>
