import { reviewStatusOptions } from '../../fields/options'

/** Colours of the review states, readable (4.5:1) as dark text on a light tint. */
const tints: Record<string, { background: string; color: string }> = {
  draft: { background: '#eceff1', color: '#263238' },
  submitted: { background: '#fff3cd', color: '#5c4400' },
  'changes-requested': { background: '#fde2e1', color: '#7a1712' },
  approved: { background: '#dff3e4', color: '#14532d' },
}

/** The label of a review state in the admin's language (Vietnamese unless English was chosen). */
export const reviewStatusLabel = (status: unknown, language: string): string => {
  const option = reviewStatusOptions.find((candidate) => candidate.value === status) ?? reviewStatusOptions[0]
  return language === 'en' ? option.label.en : option.label.vi
}

export const reviewStatusTint = (status: unknown) => tints[String(status)] ?? tints.draft

/** A date and time as the school writes it, in Vietnam's time: 30/11/2026 09:50. */
export const schoolDateTime = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', { day: '2-digit', hour: '2-digit', hourCycle: 'h23', minute: '2-digit', month: '2-digit', timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' })
    .format(new Date(iso))
    .replace(',', '')
