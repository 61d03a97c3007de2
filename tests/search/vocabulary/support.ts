/**
 * What the vocabulary suites share: reading and saving "Từ đồng nghĩa và viết tắt" through REST as
 * an administrator would in the admin panel (read the list, change it, send it whole).
 */
import type { Payload } from 'payload'

import { rest } from '../../helpers/api.js'

export const vocabularyPath = '/globals/search-vocabulary'

export type VocabularyRows = {
  abbreviations: Array<{ abbreviation: string; id?: string; meaning: string }>
  synonyms: Array<{ id?: string; words: string[] }>
  updatedAt?: string
}

/** The list as the reader sees it. */
export const readVocabulary = async (payload: Payload, token: string): Promise<VocabularyRows> => {
  const response = await rest(payload, `${vocabularyPath}?depth=0`, { token })
  if (response.status !== 200) throw new Error(`reading the vocabulary answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as VocabularyRows
}

/** Saves the list as the admin panel does: the whole list, changed, in one request. */
export const saveVocabulary = (
  payload: Payload,
  token: string | undefined,
  change: (rows: VocabularyRows) => Partial<VocabularyRows>,
  current: VocabularyRows,
): Promise<Response> =>
  rest(payload, `${vocabularyPath}?depth=0`, {
    body: { abbreviations: current.abbreviations, synonyms: current.synonyms, ...change(current) },
    headers: { 'Accept-Language': 'vi' },
    method: 'POST',
    token,
  })

/** The field messages of a refused save. */
export const fieldErrorsOf = async (response: Response): Promise<Array<{ message: string; path: string }>> => {
  const body = (await response.json()) as { errors: Array<{ data?: { errors?: Array<{ message: string; path: string }> }; message: string }> }
  return body.errors.flatMap((error) => error.data?.errors ?? [{ message: error.message, path: '' }])
}
