import { maxUploadBytes, megabyte, uploadKinds } from '../../src/lib/uploads/allowlist.js'
import { inspectUpload } from '../../src/lib/uploads/inspectUpload.js'
import { UploadRejection } from '../../src/lib/uploads/UploadRejection.js'
import {
  animation,
  compoundFile,
  executables,
  gifAnimationHeader,
  htmlPage,
  isoMedia,
  officeDocument,
  mp3,
  ogg,
  opus,
  pdf,
  phonePhoto,
  plainText,
  pngHeader,
  svgWithScript,
  svgWithXmlDeclaration,
  vorbis,
  webm,
  xmlDocument,
  zip,
} from '../fixtures/uploads.js'

const docx = officeDocument('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
const xlsx = officeDocument('xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
const pptx = officeDocument(
  'ppt/presentation.xml',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
)
const docm = officeDocument('word/document.xml', 'application/vnd.ms-word.document.macroEnabled')
const photo = await phonePhoto('jpeg')
const pngPhoto = await phonePhoto('png')
const webpPhoto = await phonePhoto('webp')
const animatedGif = await animation('gif', 3).toBuffer()

describe('inspectUpload accepts', () => {
  it.each([
    ['a JPEG photo', photo, 'be-an-trua.jpg', 'image', 'image/jpeg', 'jpg'],
    ['a JPEG photo named .JPEG', photo, 'IMG_0042.JPEG', 'image', 'image/jpeg', 'jpeg'],
    ['a PNG image', pngPhoto, 'tranh-ve.png', 'image', 'image/png', 'png'],
    ['a WebP image', webpPhoto, 'anh.webp', 'image', 'image/webp', 'webp'],
    ['an animated GIF', animatedGif, 'chuc-mung.gif', 'image', 'image/gif', 'gif'],
    ['a PDF', pdf, 'thong-bao.pdf', 'pdf', 'application/pdf', 'pdf'],
    ['a Word document', docx, 'ke-hoach.docx', 'office', uploadKinds.office.types[0].mime, 'docx'],
    ['an Excel workbook', xlsx, 'thuc-don.xlsx', 'office', uploadKinds.office.types[1].mime, 'xlsx'],
    ['a PowerPoint presentation', pptx, 'bai-giang.pptx', 'office', uploadKinds.office.types[2].mime, 'pptx'],
    ['a legacy Word document', compoundFile('Root Entry', 'WordDocument'), 'cu.doc', 'office', 'application/msword', 'doc'],
    ['a legacy Excel workbook', compoundFile('Root Entry', 'Workbook'), 'cu.xls', 'office', 'application/vnd.ms-excel', 'xls'],
    [
      'a legacy PowerPoint presentation',
      compoundFile('Root Entry', 'PowerPoint Document'),
      'cu.ppt',
      'office',
      'application/vnd.ms-powerpoint',
      'ppt',
    ],
    ['an MP4 video', isoMedia('isom'), 'van-nghe.mp4', 'video', 'video/mp4', 'mp4'],
    ['a WebM video', webm, 'van-nghe.webm', 'video', 'video/webm', 'webm'],
    ['an MP3 song', mp3, 'bai-hat.mp3', 'audio', 'audio/mpeg', 'mp3'],
    ['an M4A recording', isoMedia('M4A '), 'ghi-am.m4a', 'audio', 'audio/mp4', 'm4a'],
    ['an M4A recording under a generic MP4 brand', isoMedia('mp42'), 'ghi-am.m4a', 'audio', 'audio/mp4', 'm4a'],
    ['an Ogg Vorbis song', ogg(vorbis), 'bai-hat.ogg', 'audio', 'audio/ogg', 'ogg'],
    ['an Opus voice message saved as .ogg', ogg(opus), 'tin-nhan.ogg', 'audio', 'audio/ogg', 'ogg'],
  ])('%s', async (_, data, name, kind, mime, ext) => {
    await expect(inspectUpload({ data, name })).resolves.toEqual({ kind, mime, ext })
  })
})

describe('inspectUpload refuses formats a browser or a computer would run, whatever their name', () => {
  it.each([
    ['a Linux executable', executables.elf, 'photo.jpg', 'ELF'],
    ['a Windows executable', executables.pe, 'photo.jpg', 'EXE'],
    ['a macOS executable', executables.machO, 'photo.jpg', 'MACHO'],
    ['an SVG with a script', svgWithScript, 'logo.svg', 'SVG'],
    ['an SVG with a script named .png', svgWithScript, 'logo.png', 'SVG'],
    ['an SVG that starts with an XML declaration', svgWithXmlDeclaration, 'logo.png', 'SVG'],
    ['an HTML page named .jpg', htmlPage, 'photo.jpg', 'HTML'],
    ['an XML file', xmlDocument, 'data.xml', 'XML'],
    ['plain text named .pdf', plainText, 'thuc-don.pdf', 'TXT'],
    ['bytes of no known format', Buffer.from([0x00, 0x13, 0x37, 0x00, 0x42]), 'photo.jpg', 'BIN'],
    ['a plain ZIP archive named .docx', zip({ 'setup.exe': 'MZ' }), 'ke-hoach.docx', 'ZIP'],
    ['a macro-enabled Word document named .docx', docm, 'ke-hoach.docx', 'DOCM'],
    ['a legacy Word document with VBA macros', compoundFile('WordDocument', 'Macros', '_VBA_PROJECT'), 'cu.doc', 'VBA'],
    ['an installer (a Compound File without a Word stream) named .doc', compoundFile('Root Entry'), 'cu.doc', 'CFB'],
  ])('refuses %s with 415', async (_, data, name, type) => {
    await expect(inspectUpload({ data, name })).rejects.toMatchObject({
      key: 'fileTypeRefused',
      status: 415,
      variables: { type },
    })
  })
})

describe('inspectUpload refuses an accepted format under another format’s name', () => {
  it.each([
    ['a JPEG named .png', photo, 'photo.png', 'JPG', 'png'],
    ['a JPEG with no extension', photo, 'photo', 'JPG', ''],
    ['a PDF named .docx', pdf, 'ke-hoach.docx', 'PDF', 'docx'],
    ['a legacy Word document named .xls', compoundFile('WordDocument'), 'bang.xls', 'DOC', 'xls'],
    ['an MP4 video named .mp3', isoMedia('isom'), 'bai-hat.mp3', 'MP4', 'mp3'],
    ['an MP3 named .m4a', mp3, 'ghi-am.m4a', 'MP3', 'm4a'],
  ])('refuses %s with 415', async (_, data, name, type, extension) => {
    await expect(inspectUpload({ data, name })).rejects.toMatchObject({
      key: 'fileExtensionMismatch',
      status: 415,
      variables: { type, extension },
    })
  })
})

describe('inspectUpload limits sizes by kind', () => {
  it.each([
    { file: 'a photo', data: photo, name: 'photo.jpg', limit: 15 },
    { file: 'a PDF', data: pdf, name: 'thong-bao.pdf', limit: 50 },
    { file: 'a Word document', data: docx, name: 'ke-hoach.docx', limit: 50 },
    { file: 'a song', data: mp3, name: 'bai-hat.mp3', limit: 100 },
    { file: 'a video', data: isoMedia('isom'), name: 'van-nghe.mp4', limit: 500 },
  ])('refuses $file one byte over $limit MB with 413', async ({ data, name, limit }) => {
    await expect(inspectUpload({ data, name, size: limit * megabyte + 1 })).rejects.toMatchObject({
      key: 'fileTooLarge',
      status: 413,
      variables: { size: limit + 0.1, limit },
    })
  })

  it('accepts a photo of exactly the limit', async () => {
    await expect(inspectUpload({ data: photo, name: 'photo.jpg', size: 15 * megabyte })).resolves.toMatchObject({
      kind: 'image',
    })
  })

  it('checks the bytes it holds when they outnumber the size it was told', async () => {
    const data = Buffer.concat([pdf, Buffer.alloc(50 * megabyte)])
    await expect(inspectUpload({ data, name: 'thong-bao.pdf', size: 1 })).rejects.toMatchObject({ key: 'fileTooLarge' })
  })

  it('lets the multipart parser take a video, the largest kind of file', () => {
    expect(maxUploadBytes).toBe(uploadKinds.video.maxBytes)
  })
})

describe('inspectUpload refuses images too large to decode safely', () => {
  it.each([
    { megapixels: 400, width: 20_000, height: 20_000 },
    // Sharp's own limit, 268 megapixels, would let this one be decoded.
    { megapixels: 144, width: 12_000, height: 12_000 },
  ])('refuses a $width×$height PNG ($megapixels megapixels) with 413 before decoding it', async ({ width, height }) => {
    const started = performance.now()
    await expect(inspectUpload({ data: pngHeader(width, height), name: 'bomb.png' })).rejects.toMatchObject({
      key: 'imageTooLarge',
      status: 413,
      variables: { width, height, limit: 50 },
    })
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  it('refuses an animation whose frames together exceed the limit, quoting them stacked', async () => {
    await expect(
      inspectUpload({ data: gifAnimationHeader(2_000, 2_000, 13), name: 'bomb.gif' }),
    ).rejects.toMatchObject({ key: 'imageTooLarge', status: 413, variables: { width: 2_000, height: 26_000 } })
  })

  it('accepts an image of exactly the limit without decoding it', async () => {
    await expect(inspectUpload({ data: pngHeader(10_000, 5_000), name: 'panorama.png' })).resolves.toMatchObject({
      kind: 'image',
    })
  })

  it('refuses an image whose header sharp cannot read with 422', async () => {
    const data = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60)])
    await expect(inspectUpload({ data, name: 'photo.jpg' })).rejects.toMatchObject({
      key: 'imageUnreadable',
      status: 422,
    })
  })
})

describe('UploadRejection', () => {
  it('is an Error the caller can tell apart from a crash', async () => {
    const rejection = await inspectUpload({ data: svgWithScript, name: 'logo.svg' }).catch((error: unknown) => error)
    expect(rejection).toBeInstanceOf(UploadRejection)
    expect(rejection).toBeInstanceOf(Error)
  })
})
