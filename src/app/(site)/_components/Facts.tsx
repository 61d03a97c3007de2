import type { ReactNode } from 'react'

/** A detail page's list of facts (term, value); facts without a value are left out. */
export function Facts({ facts }: { facts: Array<[string, ReactNode]> }) {
  return (
    <dl className="facts">
      {facts
        .filter(([, value]) => value !== undefined && value !== null && value !== '')
        .map(([term, value]) => (
          <div key={term} className="fact">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  )
}
