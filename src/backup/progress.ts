/** What a long step reports as it goes: bytes and files done of the total. */
export type Progress = {
  bytes: number
  files: number
  step: string
  totalBytes: number
  /** Unknown while an archive is unpacked: a tar says how many files it holds only at its end. */
  totalFiles?: number
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

/**
 * A bar redrawn in place on a terminal; elsewhere (logs, CI, cron mail) one plain line per step
 * and per tenth of the work, so a log stays readable.
 */
export const progressPrinter = (stream: NodeJS.WriteStream = process.stderr): ((progress: Progress) => void) => {
  let lastStep = ''
  let lastTenth = -1
  return (progress) => {
    const share = progress.totalBytes ? progress.bytes / progress.totalBytes : 1
    const text = `${progress.step}: ${progress.totalFiles === undefined ? '' : `${progress.files}/${progress.totalFiles} tệp/files, `}${megabytes(progress.bytes)}/${megabytes(progress.totalBytes)} MB`
    if (stream.isTTY) {
      const width = 30
      const filled = Math.round(share * width)
      stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${text}\u001b[K${share >= 1 ? '\n' : ''}`)
      return
    }
    const tenth = Math.floor(share * 10)
    if (progress.step !== lastStep || tenth !== lastTenth) stream.write(`${text}\n`)
    lastStep = progress.step
    lastTenth = tenth
  }
}
