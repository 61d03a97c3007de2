import type { Task } from 'meilisearch'

/** Base of every error the Meilisearch engine throws itself (client errors pass through as they are). */
export class MeilisearchEngineError extends Error {
  override name = 'MeilisearchEngineError'
}

/** The engine options are missing something or would be unsafe to use. */
export class MeilisearchConfigError extends MeilisearchEngineError {
  override name = 'MeilisearchConfigError'
}

/**
 * A request the engine refuses to send because it could leak documents: a search or token without
 * access levels, an unknown level or facet, a token that lives too long.
 */
export class MeilisearchRefusedError extends MeilisearchEngineError {
  override name = 'MeilisearchRefusedError'
}

/** A document that cannot be indexed as it is (bad id, unknown access level, too large for a batch). */
export class MeilisearchDocumentError extends MeilisearchEngineError {
  override name = 'MeilisearchDocumentError'
  constructor(
    message: string,
    /** The ids of the offending documents. */
    readonly ids: string[],
  ) {
    super(message)
  }
}

/**
 * Meilisearch answered a request with an error of its own (400 for settings it does not know or
 * accept, 403 for a key that may not do this): nothing was enqueued, and asking again will not help.
 */
export class MeilisearchRequestRefusedError extends MeilisearchEngineError {
  override name = 'MeilisearchRequestRefusedError'
  constructor(
    what: string,
    /** Meilisearch's error code, e.g. `invalid_settings_typo_tolerance` or `bad_request`. */
    readonly code: string | undefined,
    /** The HTTP status of the answer. */
    readonly status: number,
    detail: string,
  ) {
    super(`Meilisearch refused the ${what} (${status}${code ? ` ${code}` : ''}): ${detail}`)
  }
}

/**
 * Meilisearch accepted a write but the task did not succeed (it failed or was canceled), so the
 * write did not happen. Enqueueing is not applying: only the task status says whether it did.
 */
export class MeilisearchTaskError extends MeilisearchEngineError {
  override name = 'MeilisearchTaskError'
  /** Uid of the task on the server, for `GET /tasks/:uid`. */
  readonly taskUid: number
  readonly status: Task['status']
  /** Meilisearch's error code, e.g. `invalid_document_id`, when the task failed. */
  readonly code?: string

  constructor(what: string, task: Task) {
    super(
      `Meilisearch ${what} (task ${task.uid}) ${task.status}` +
        (task.error ? `: ${task.error.code}: ${task.error.message}` : ''),
    )
    this.taskUid = task.uid
    this.status = task.status
    this.code = task.error?.code
  }
}
