import type { Media } from '@/payload-types.js'
import { formatBytes } from '@/site/format.js'
import { contentClient } from '@/site/viewer.js'

import { asMedia, Picture, pictureAddresses } from './Picture.js'

const playableVideo = ['video/mp4', 'video/webm', 'video/ogg']

const kindOf = (mimeType: null | string | undefined): string => {
  if (!mimeType) return 'Tệp'
  if (mimeType === 'application/pdf') return 'PDF'
  if (mimeType.startsWith('video/')) return 'Video'
  if (mimeType.startsWith('audio/')) return 'Âm thanh'
  if (mimeType.startsWith('image/')) return 'Ảnh'
  if (mimeType.includes('word')) return 'Word'
  if (mimeType.includes('presentation') || mimeType.includes('powerpoint')) return 'PowerPoint'
  if (mimeType.includes('sheet') || mimeType.includes('excel')) return 'Excel'
  return 'Tệp'
}

const nameOf = (file: Media): string => file.alt?.trim() || file.filename || 'Tệp đính kèm'

const detailsOf = (file: Media): string => [kindOf(file.mimeType), formatBytes(file.filesize)].filter(Boolean).join(', ')

/**
 * Whether the reader's browser could load every address: asked of the server before the page is
 * sent, so a file missing on the server is explained rather than shown as an empty viewer.
 */
const allOpen = async (addresses: string[]): Promise<boolean> => {
  const client = await contentClient()
  return (await Promise.all(addresses.map((address) => client.fileOpens(address)))).every(Boolean)
}

/** In place of a file the server cannot give out now: the reader learns it is not her connection, and whom to tell. */
function FileUnavailable({ file }: { file: Media }) {
  return (
    <p className="notice" role="note">
      <strong>{nameOf(file)}</strong>: Tệp này hiện không mở được. Vui lòng báo nhà trường.
    </p>
  )
}

/** The file's address asking the server to send it as a download (`Content-Disposition: attachment`). */
const downloadUrl = (url: string): string => `${url}${url.includes('?') ? '&' : '?'}download=1`

/** "Tải về (PDF, 20 KB)" next to a file already named on screen; screen readers hear the name too. */
export function DownloadLink({ file }: { file: Media }) {
  if (!file.url) return null
  return (
    <a className="download" href={downloadUrl(file.url)} download={file.filename ?? true}>
      Tải về<span className="visually-hidden"> {nameOf(file)}</span> <span className="muted">({detailsOf(file)})</span>
    </a>
  )
}

/**
 * Each file shown the way it is used in class: videos and audio play in the page, PDFs open
 * inline (with a download link for phones that cannot show them), images are shown. A file the
 * server cannot give out is named with a notice instead.
 */
export async function FileViewer({ file }: { file: Media }) {
  if (!file.url) return null
  const title = nameOf(file)
  const mimeType = file.mimeType ?? ''
  if (!(await allOpen(mimeType.startsWith('image/') ? pictureAddresses(file, 'hero') : [file.url]))) {
    return <FileUnavailable file={file} />
  }
  if (playableVideo.includes(mimeType)) {
    return (
      <figure className="player">
        <video controls preload="metadata" src={file.url}>
          <a href={file.url}>Tải video về máy</a>
        </video>
        <figcaption>
          <strong>{title}</strong> · <DownloadLink file={file} />
        </figcaption>
      </figure>
    )
  }
  if (mimeType.startsWith('audio/')) {
    return (
      <figure className="player">
        <figcaption>
          <strong>{title}</strong>
        </figcaption>
        <audio controls preload="metadata" src={file.url}>
          <a href={file.url}>Tải tệp âm thanh về máy</a>
        </audio>
        <DownloadLink file={file} />
      </figure>
    )
  }
  if (mimeType === 'application/pdf') {
    return (
      <figure className="pdf">
        <iframe src={file.url} title={`Xem tài liệu: ${title}`} loading="lazy" />
        <figcaption>
          <strong>{title}</strong> · <DownloadLink file={file} />
          <span className="muted"> · Nếu tài liệu không hiện trên điện thoại, hãy tải về để xem.</span>
        </figcaption>
      </figure>
    )
  }
  if (mimeType.startsWith('image/')) {
    return (
      <figure>
        <Picture media={file} size="hero" />
        {file.caption ? <figcaption>{file.caption}</figcaption> : null}
      </figure>
    )
  }
  return (
    <p>
      <LinkToFile file={file} />
    </p>
  )
}

/** The readable files of a hasMany upload field; ids the viewer may not read are left out. */
export const filesOf = (files: Array<Media | number> | null | undefined): Media[] =>
  (files ?? []).map((file) => asMedia(file)).filter((file): file is Media => Boolean(file?.url))

/** A file in a list: its name opens it, with what it is, how big, and a download link; or a notice when it cannot be opened. */
export async function FileLink({ file }: { file: Media }) {
  if (!file.url) return null
  if (!(await allOpen([file.url]))) return <FileUnavailable file={file} />
  return <LinkToFile file={file} />
}

function LinkToFile({ file }: { file: Media }) {
  if (!file.url) return null
  return (
    <>
      <a href={file.url}>{nameOf(file)}</a> <span className="muted">({detailsOf(file)})</span> ·{' '}
      <a href={downloadUrl(file.url)} download={file.filename ?? true}>
        Tải về<span className="visually-hidden"> {nameOf(file)}</span>
      </a>
    </>
  )
}

/** An embedded YouTube player that sets no cookies until the video is played. */
export function YouTube({ id, title }: { id: string; title: string }) {
  return (
    <div className="video-frame">
      <iframe
        src={`https://www.youtube-nocookie.com/embed/${id}`}
        title={`Video: ${title}`}
        allow="accelerometer; encrypted-media; gyroscope; picture-in-picture"
        allowFullScreen
        loading="lazy"
        referrerPolicy="strict-origin-when-cross-origin"
      />
    </div>
  )
}
