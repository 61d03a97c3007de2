/**
 * The header in which the server tells the website who the visitor is, and the website passes it
 * back on its own API calls, so their cost is the visitor's (see `costBudget.ts`). Its value is
 * opaque to the website: the address the server resolved, signed by the server.
 */
export const visitorHeader = 'x-truongso-visitor'
