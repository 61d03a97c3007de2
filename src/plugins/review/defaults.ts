/** The queue mails wait in; the server works it every few seconds, apart from the default queue. */
export const mailQueue = 'mail'

export const sendMailTaskSlug = 'sendMail' as const

export const reviewDigestTaskSlug = 'reviewDigest'

/** Mails that could not be sent, kept for administrators. */
export const unsentMailSlug = 'unsent-mail' as const

export const defaultReviewedCollection = 'learning-materials'
