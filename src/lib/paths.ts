import path from 'node:path'

/** Where the embedded database, the generated secret and other local state live. */
export const dataDir = (env: NodeJS.ProcessEnv = process.env): string => path.resolve(env.DATA_DIR ?? 'data')

/** Where uploaded files are stored. */
export const mediaDir = (): string => path.resolve(process.env.MEDIA_DIR ?? 'media')
