'use client'
import { Button, ConfirmationModal, toast, useAuth, useConfig, useDocumentInfo, useForm, useFormFields, useLocale, useModal, useTranslation } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useState } from 'react'

import { mayApprove, mayReturnForChanges, maySubmitForReview } from '../../access/review'
import { ReviewStatusBadge } from './ReviewStatusBadge'

const returnModal = 'review-return-for-changes'

/**
 * The review steps as buttons of their own, each shown only to whoever may take it: "Gửi duyệt"
 * for the author, "Duyệt và xuất bản" and "Trả lại để chỉnh sửa" (with a note) for reviewers.
 * Each saves the form with the step, so nothing typed is lost; the server checks the step again
 * (applyReviewWorkflow) whatever this shows.
 */
export const ReviewActions = () => {
  const { user } = useAuth()
  const { i18n } = useTranslation()
  const { id, collectionSlug, hasSavePermission, setHasPublishedDoc, setMostRecentVersionIsAutosaved, setUnpublishedVersionCount } = useDocumentInfo()
  const { submit } = useForm()
  const { code: locale } = useLocale()
  const { config } = useConfig()
  const { openModal } = useModal()
  const [note, setNote] = useState('')
  const [status, level] = useFormFields(([fields]) => [fields.reviewStatus?.value ?? 'draft', fields.accessLevel?.value])
  const en = i18n.language === 'en'

  if (!id || !collectionSlug || !hasSavePermission) return null
  const action = (draft: boolean) =>
    formatAdminURL({ apiRoute: config.routes.api, path: `/${collectionSlug}/${id}?depth=0&locale=${locale}${draft ? '&draft=true' : ''}` })

  const submitForReview = () =>
    submit({ action: action(true), method: 'PATCH', overrides: { _status: 'draft', reviewStatus: 'submitted' }, skipValidation: true })
  const approve = async () => {
    const result = await submit({ action: action(false), method: 'PATCH', overrides: { _status: 'published', reviewStatus: 'approved' } })
    // As Payload's own publish button does, so the header says "published" without a reload.
    if (result) {
      setUnpublishedVersionCount(0)
      setMostRecentVersionIsAutosaved(false)
      setHasPublishedDoc(true)
    }
  }
  const returnForChanges = async () => {
    if (!note.trim()) {
      toast.error(en ? 'Write a note so the author knows what to change.' : 'Hãy ghi nhận xét để tác giả biết cần sửa gì.')
      // Payload's dialog closes once its confirm has run: it opens again for the note.
      setTimeout(() => openModal(returnModal), 0)
      return
    }
    await submit({ action: action(true), method: 'PATCH', overrides: { _status: 'draft', reviewNote: note.trim(), reviewStatus: 'changes-requested' }, skipValidation: true })
    setNote('')
  }

  const canSubmit = maySubmitForReview(user) && (status === 'draft' || status === 'changes-requested')
  const canDecide = status === 'submitted'
  return (
    <div style={{ alignItems: 'center', display: 'flex', flexWrap: 'wrap', gap: 'calc(var(--base) / 2)' }}>
      <ReviewStatusBadge language={i18n.language} status={status} />
      {canSubmit && (
        <Button buttonStyle="secondary" id="review-submit" margin={false} onClick={() => void submitForReview()} size="medium">
          {en ? 'Submit for review' : 'Gửi duyệt'}
        </Button>
      )}
      {canDecide && mayReturnForChanges(user) && (
        <Button buttonStyle="secondary" id="review-return" margin={false} onClick={() => openModal(returnModal)} size="medium">
          {en ? 'Return for changes' : 'Trả lại để chỉnh sửa'}
        </Button>
      )}
      {canDecide && mayApprove(user, level) && (
        <Button buttonStyle="primary" id="review-approve" margin={false} onClick={() => void approve()} size="medium">
          {en ? 'Approve and publish' : 'Duyệt và xuất bản'}
        </Button>
      )}
      <ConfirmationModal
        body={
          <label style={{ display: 'block' }}>
            {en ? 'What should the author change? (required)' : 'Tác giả cần sửa gì? (bắt buộc)'}
            <textarea
              id="review-note"
              onChange={(event) => setNote(event.target.value)}
              required
              rows={5}
              style={{ display: 'block', marginTop: 8, width: '100%' }}
              value={note}
            />
          </label>
        }
        cancelLabel={en ? 'Cancel' : 'Huỷ'}
        confirmLabel={en ? 'Return for changes' : 'Trả lại'}
        heading={en ? 'Return for changes' : 'Trả lại để chỉnh sửa'}
        modalSlug={returnModal}
        onConfirm={returnForChanges}
      />
    </div>
  )
}
