import Link from '@/app/(site)/_components/Link.js'

import type { Choice } from '@/site/labels.js'

/** One drop-down of a filter form; `any` names the empty choice that leaves the filter off. */
export type FilterSelect = { name: string; label: string; any: string; choices: Choice[]; selected?: string }

/** Choices shown as they are stored: topics, issuing bodies, years. */
export const plainChoices = (values: Array<number | string>): Choice[] =>
  values.map((value) => ({ label: String(value), value: String(value) }))

/**
 * A list's filters as a plain GET form back to the list, so filtering works without JavaScript and
 * a filtered list can be shared as a link. "Bỏ lọc" appears once a filter is on.
 */
export function FilterForm({
  action,
  label,
  selects,
  filtered,
}: {
  action: string
  label: string
  selects: FilterSelect[]
  filtered: boolean
}) {
  return (
    <form method="get" action={action} className="filters" aria-label={label}>
      {selects.map((select) => (
        <label key={select.name}>
          {select.label}
          <select name={select.name} defaultValue={select.selected ?? ''}>
            <option value="">{select.any}</option>
            {select.choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <div className="filter-actions">
        <button type="submit" className="button">
          Lọc
        </button>
        {filtered ? <Link href={action}>Bỏ lọc</Link> : null}
      </div>
    </form>
  )
}
