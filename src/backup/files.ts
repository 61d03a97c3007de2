import { copyFile, link, readdir } from 'node:fs/promises'
import path from 'node:path'

/** Regular files directly in a folder; dot-folders hold pending changes and the quarantine. */
export const regularFilesIn = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  return entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name)
}

/**
 * A second name for a file that no later change can alter: uploads never rewrite a file in place
 * (a replacement renames a new file over the name), so the linked bytes are those of this moment.
 * Across file systems it falls back to a copy.
 */
export const snapshotFile = async (source: string, target: string): Promise<boolean> => {
  try {
    await link(source, target)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return false
    if (code !== 'EXDEV' && code !== 'EPERM') throw error
    await copyFile(source, target)
    return true
  }
}

export const joinInside = (root: string, relative: string): string => {
  const target = path.resolve(root, relative)
  if (!target.startsWith(path.resolve(root) + path.sep)) throw new Error(`path outside the archive: ${relative}`)
  return target
}
