'use client'
import type { DefaultCellComponentProps } from 'payload'

import { useTranslation } from '@payloadcms/ui'

import { ReviewStatusBadge } from './ReviewStatusBadge'

/** The review state of a material in the list view, as a badge. */
export const ReviewStatusCell = ({ cellData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  return <ReviewStatusBadge language={i18n.language} status={cellData} />
}
