import type { PayloadRequest } from 'payload'

import { refuse } from './allOrNothing.js'

/** A file an endpoint was sent that it cannot read; the message is for the person who sent it. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

const utf8Bom = [0xef, 0xbb, 0xbf]

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((byte, i) => bytes[i] === byte)

/**
 * The text of a file as UTF-8, with the byte-order mark Excel writes ("CSV UTF-8") removed.
 * Anything else is refused with the way to save the file right: UTF-16 ("Unicode Text"), and
 * Windows-1258 or another legacy code page (Excel's plain "CSV" on a Vietnamese Windows), whose
 * bytes are not valid UTF-8 as soon as a letter carries a mark.
 */
export const decodeUtf8 = (bytes: Uint8Array): string => {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new UploadError(
      'Tệp được lưu bằng bảng mã UTF-16 ("Unicode Text"). Hãy lưu lại dạng "CSV UTF-8 (Comma delimited)" trong Excel, hoặc chọn bảng mã "Unicode (UTF-8)" trong LibreOffice. / The file is UTF-16; save it as "CSV UTF-8".',
      415,
    )
  }
  const body = startsWith(bytes, utf8Bom) ? bytes.subarray(utf8Bom.length) : bytes
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    throw new UploadError(
      'Tệp không dùng bảng mã UTF-8 (có thể là Windows-1258 hay TCVN3), nên chữ có dấu sẽ bị sai. Hãy lưu lại dạng "CSV UTF-8 (Comma delimited)" trong Excel, hoặc chọn bảng mã "Unicode (UTF-8)" trong LibreOffice, rồi gửi lại. / The file is not UTF-8 (perhaps Windows-1258); save it as "CSV UTF-8" and send it again.',
      415,
    )
  }
}

/**
 * The bytes of the file sent to an endpoint: the `file` field of a multipart form (what a browser
 * form sends) or the body itself (`text/csv`, `application/json`). A multipart body is not held to
 * the server's 1 MB cap on data bodies, so its size is checked here before it is read.
 */
export const readUpload = async (req: PayloadRequest, maxBytes: number): Promise<{ bytes: Uint8Array; name?: string; type: string }> => {
  const declared = Number(req.headers.get('content-length') ?? 0)
  const megabytes = Math.round(maxBytes / 1024 / 1024)
  const tooLarge = () => new UploadError(`Tệp quá lớn: tối đa ${megabytes} MB. / The file is larger than ${megabytes} MB.`, 413)
  if (declared > maxBytes) throw tooLarge()
  const contentType = req.headers.get('content-type') ?? ''
  if (/^multipart\/form-data/i.test(contentType)) {
    const form = await req.formData!()
    const file = form.get('file')
    if (!(file instanceof Blob)) throw new UploadError('Chưa chọn tệp: gửi tệp trong trường "file". / No file: send it in the "file" field.', 400)
    if (file.size > maxBytes) throw tooLarge()
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: 'name' in file ? String(file.name) : undefined, type: file.type }
  }
  const bytes = new Uint8Array(await req.arrayBuffer!())
  if (bytes.length > maxBytes) throw tooLarge()
  if (bytes.length === 0) throw new UploadError('Chưa gửi tệp nào. / No file was sent.', 400)
  return { bytes, type: contentType }
}

/** The uploaded file as UTF-8 text, or the refusal to answer with when it cannot be read so. */
export const uploadedText = async (req: PayloadRequest, maxBytes: number): Promise<Response | string> => {
  try {
    return decodeUtf8((await readUpload(req, maxBytes)).bytes)
  } catch (error) {
    if (error instanceof UploadError) return refuse(error.status, error.message)
    throw error
  }
}
