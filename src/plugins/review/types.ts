/** Options of the review plugin (notifications of the learning materials' review). */
export type ReviewPluginOptions = {
  /**
   * The collection whose review is notified.
   * @default 'learning-materials'
   */
  collection?: string
  /**
   * When the reviewers receive the list of what waits (a cron, server time), or `false` for no digest.
   * @default process.env.REVIEW_DIGEST_CRON, else false
   */
  digestSchedule?: false | string
}

/** One mail, composed and ready to send: Vietnamese, plain text and HTML. */
export type Mail = { html: string; subject: string; text: string; to: string[] }
