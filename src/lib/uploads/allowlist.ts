/** The families of files the school stores; each has its own size limit. */
export type UploadKind = 'image' | 'pdf' | 'office' | 'video' | 'audio'

/** One format we accept: how file-type recognises its bytes, how it may be named, how we serve it. */
export interface AcceptedType {
  /** The `ext` that `fileTypeFromBuffer` reports for these bytes. */
  readonly detected: string
  /** Extensions the file name may end in (lower case); the first names the format in messages. */
  readonly extensions: readonly string[]
  /** The MIME type the file is stored and served as. */
  readonly mime: string
  /**
   * For Compound File containers (file-type reports them all as `cfb`): a stream only this
   * application writes. The same container holds MSI installers and Outlook messages, so the
   * stream is what makes a `.doc` a Word document.
   */
  readonly cfbStream?: string
}

/** What a kind accepts and how large its files may be. */
export interface UploadKindRule {
  /** Largest accepted file, in bytes; larger ones are answered with 413. */
  readonly maxBytes: number
  readonly types: readonly AcceptedType[]
}

/** The megabyte of the limits below and of the messages that quote them. */
export const megabyte = 1024 * 1024

/**
 * Everything an upload may be. Anything else is refused, SVG, HTML, XML, executables and
 * macro-enabled Office files first: a browser, Office or the computer itself would run them.
 */
export const uploadKinds: Readonly<Record<UploadKind, UploadKindRule>> = {
  image: {
    maxBytes: 15 * megabyte,
    types: [
      { detected: 'jpg', extensions: ['jpg', 'jpeg'], mime: 'image/jpeg' },
      { detected: 'png', extensions: ['png'], mime: 'image/png' },
      { detected: 'webp', extensions: ['webp'], mime: 'image/webp' },
      { detected: 'gif', extensions: ['gif'], mime: 'image/gif' },
    ],
  },
  pdf: {
    maxBytes: 50 * megabyte,
    types: [{ detected: 'pdf', extensions: ['pdf'], mime: 'application/pdf' }],
  },
  office: {
    maxBytes: 50 * megabyte,
    types: [
      {
        detected: 'docx',
        extensions: ['docx'],
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      {
        detected: 'xlsx',
        extensions: ['xlsx'],
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      {
        detected: 'pptx',
        extensions: ['pptx'],
        mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      },
      { detected: 'cfb', extensions: ['doc'], mime: 'application/msword', cfbStream: 'WordDocument' },
      { detected: 'cfb', extensions: ['xls'], mime: 'application/vnd.ms-excel', cfbStream: 'Workbook' },
      {
        detected: 'cfb',
        extensions: ['ppt'],
        mime: 'application/vnd.ms-powerpoint',
        cfbStream: 'PowerPoint Document',
      },
    ],
  },
  video: {
    maxBytes: 500 * megabyte,
    types: [
      { detected: 'mp4', extensions: ['mp4'], mime: 'video/mp4' },
      { detected: 'webm', extensions: ['webm'], mime: 'video/webm' },
    ],
  },
  audio: {
    maxBytes: 100 * megabyte,
    types: [
      { detected: 'mp3', extensions: ['mp3'], mime: 'audio/mpeg' },
      { detected: 'm4a', extensions: ['m4a'], mime: 'audio/mp4' },
      // Phones often write M4A audio under a generic MP4 brand; the name tells audio from video.
      { detected: 'mp4', extensions: ['m4a'], mime: 'audio/mp4' },
      { detected: 'ogg', extensions: ['ogg', 'oga'], mime: 'audio/ogg' },
      { detected: 'oga', extensions: ['oga', 'ogg'], mime: 'audio/ogg' },
      // Voice messages are Opus in Ogg and are saved as .ogg as often as .opus.
      { detected: 'opus', extensions: ['opus', 'ogg', 'oga'], mime: 'audio/ogg' },
    ],
  },
}

/** The largest file of any kind: the limit for the multipart parser, before the bytes are known. */
export const maxUploadBytes = Math.max(...Object.values(uploadKinds).map((rule) => rule.maxBytes))

/**
 * Largest image we decode, in pixels (all frames of an animation together). Sharp's default,
 * 268 megapixels, lets one upload take over a gigabyte of memory; 50 MP still fits a 48 MP photo.
 */
export const maxImagePixels = 50_000_000

/**
 * What a Word, Excel or PowerPoint file (a ZIP archive) may unpack to. Its 50 MB are mostly
 * pictures, which deflate barely shrinks, and its text parts are a few megabytes even for a
 * 400-page book; a file that unpacks to more is a "zip bomb" meant to exhaust the server.
 */
export const maxInflatedOfficeBytes = 80 * megabyte

/** Parts of one Office file; a 300-slide presentation has about a thousand. */
export const maxOfficeEntries = 5_000
