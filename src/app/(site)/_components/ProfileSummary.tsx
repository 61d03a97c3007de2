import type { SchoolProfile } from '@/payload-types.js'

/** The school's motto and summary, under the heading of the home and about pages. */
export function ProfileSummary({ profile, leadSummary = false }: { profile: SchoolProfile; leadSummary?: boolean }) {
  return (
    <>
      {profile.motto ? <p className="motto">{profile.motto}</p> : null}
      {profile.summary ? <p className={leadSummary ? 'lead' : undefined}>{profile.summary}</p> : null}
    </>
  )
}

/**
 * The school in numbers, from its profile. Kept apart from `ProfileSummary` because the about page
 * puts its table of contents between the two.
 */
export function SchoolInNumbers({ statistics }: { statistics: SchoolProfile['statistics'] }) {
  if (!statistics || !(statistics.classes || statistics.children || statistics.staffCount)) return null
  return (
    <ul className="stats" aria-label="Nhà trường qua các con số">
      {statistics.classes ? (
        <li>
          <strong>{statistics.classes}</strong> nhóm, lớp
        </li>
      ) : null}
      {statistics.children ? (
        <li>
          <strong>{statistics.children}</strong> trẻ
        </li>
      ) : null}
      {statistics.staffCount ? (
        <li>
          <strong>{statistics.staffCount}</strong> cán bộ, giáo viên, nhân viên
        </li>
      ) : null}
    </ul>
  )
}
