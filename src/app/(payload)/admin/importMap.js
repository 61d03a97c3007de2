import { ReturnedNotice as ReturnedNotice_70405bc9cf99f90787a573597fc80b8b } from '../../../components/review/ReturnedNotice'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ReviewStatusCell as ReviewStatusCell_9492aa502b2eb5d065e14b5b0498c7b0 } from '../../../components/review/ReviewStatusCell'
import { ReviewHistory as ReviewHistory_caf9bb86a4ef6b70ddaf7da5c050b8a5 } from '../../../components/review/ReviewHistory'
import { ReviewActions as ReviewActions_1eaa9bc59c3e11aebff3efeb5433f60b } from '../../../components/review/ReviewActions'
import { PublishButtonForPublishers as PublishButtonForPublishers_9f353886fc0fd3a5afe083260258f9c8 } from '../../../components/PublishButtonForPublishers'
import { AltTextField as AltTextField_55da38232949406e0f5f7b1e788426ac } from '../../../components/admin/AltTextField'
import { AuditLogCsvLink as AuditLogCsvLink_3170e2690a02c82db436f64540088b95 } from '../../../components/AuditLogCsvLink'
import { ReindexSearchButton as ReindexSearchButton_fc5c60fc495e260f48ab9395aa52a78d } from '../../../components/ReindexSearchButton'
import { FilesAndBackupStatus as FilesAndBackupStatus_189cf37ed533151a3a8e0ab3bb133c98 } from '../../../components/FilesAndBackupStatus'
import { ReviewQueueLink as ReviewQueueLink_d9874003e22b4153351d5c323fcbc1d6 } from '../../../components/dashboard/ReviewQueueLink'
import { ReviewerPanel as ReviewerPanel_094eb30f90a7941304580416dd126af4 } from '../../../components/dashboard/ReviewerPanel'
import { TeacherPanel as TeacherPanel_e364f8bb27ac85b78f68bde2d3c7fad1 } from '../../../components/dashboard/TeacherPanel'
import { OfficePanel as OfficePanel_576fd8876db85d75db2229996c2063e6 } from '../../../components/dashboard/OfficePanel'
import { AdminPanel as AdminPanel_ebaea55427fa20d3a067d6e3e0b89655 } from '../../../components/dashboard/AdminPanel'
import { AdminTextFixes as AdminTextFixes_61050858f227bf41428b2acd1eddbb36 } from '../../../components/admin/AdminTextFixes'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/review/ReturnedNotice#ReturnedNotice": ReturnedNotice_70405bc9cf99f90787a573597fc80b8b,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/review/ReviewStatusCell#ReviewStatusCell": ReviewStatusCell_9492aa502b2eb5d065e14b5b0498c7b0,
  "/components/review/ReviewHistory#ReviewHistory": ReviewHistory_caf9bb86a4ef6b70ddaf7da5c050b8a5,
  "/components/review/ReviewActions#ReviewActions": ReviewActions_1eaa9bc59c3e11aebff3efeb5433f60b,
  "/components/PublishButtonForPublishers#PublishButtonForPublishers": PublishButtonForPublishers_9f353886fc0fd3a5afe083260258f9c8,
  "/components/admin/AltTextField#AltTextField": AltTextField_55da38232949406e0f5f7b1e788426ac,
  "/components/AuditLogCsvLink#AuditLogCsvLink": AuditLogCsvLink_3170e2690a02c82db436f64540088b95,
  "/components/ReindexSearchButton#ReindexSearchButton": ReindexSearchButton_fc5c60fc495e260f48ab9395aa52a78d,
  "/components/FilesAndBackupStatus#FilesAndBackupStatus": FilesAndBackupStatus_189cf37ed533151a3a8e0ab3bb133c98,
  "/components/dashboard/ReviewQueueLink#ReviewQueueLink": ReviewQueueLink_d9874003e22b4153351d5c323fcbc1d6,
  "/components/dashboard/ReviewerPanel#ReviewerPanel": ReviewerPanel_094eb30f90a7941304580416dd126af4,
  "/components/dashboard/TeacherPanel#TeacherPanel": TeacherPanel_e364f8bb27ac85b78f68bde2d3c7fad1,
  "/components/dashboard/OfficePanel#OfficePanel": OfficePanel_576fd8876db85d75db2229996c2063e6,
  "/components/dashboard/AdminPanel#AdminPanel": AdminPanel_ebaea55427fa20d3a067d6e3e0b89655,
  "/components/admin/AdminTextFixes#AdminTextFixes": AdminTextFixes_61050858f227bf41428b2acd1eddbb36,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
