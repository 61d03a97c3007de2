import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// The list indexes also hold what every reader's list filters on besides the status: the trash
// (`deleted_at`) and the access level, so counting a list no longer reads each published row
// (src/collections/publishedOrderIndex.ts).
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_deletedAt_createdAt_accessLevel_idx\` ON \`learning_materials\` (\`_status\`,\`deleted_at\`,\`created_at\`,\`access_level\`);`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_learning_materials_v\` (\`version__status\`,\`version_deleted_at\`,\`version_created_at\`,\`version_access_level\`);`)
  await db.run(sql`DROP INDEX \`_status_createdAt_1_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_deletedAt_createdAt_accessLevel_1_idx\` ON \`library_items\` (\`_status\`,\`deleted_at\`,\`created_at\`,\`access_level\`);`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_1_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_1_idx\` ON \`_library_items_v\` (\`version__status\`,\`version_deleted_at\`,\`version_created_at\`,\`version_access_level\`);`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_deletedAt_publishedAt_createdAt_accessLevel_idx\` ON \`announcements\` (\`_status\`,\`deleted_at\`,\`published_at\`,\`created_at\`,\`access_level\`);`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_version_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_2_idx\` ON \`_announcements_v\` (\`version__status\`,\`version_deleted_at\`,\`version_published_at\`,\`version_created_at\`,\`version_access_level\`);`)
  await db.run(sql`DROP INDEX \`_status_issueDate_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_deletedAt_issueDate_createdAt_accessLevel_idx\` ON \`regulatory_documents\` (\`_status\`,\`deleted_at\`,\`issue_date\`,\`created_at\`,\`access_level\`);`)
  await db.run(sql`DROP INDEX \`version__status_version_issueDate_version_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`compound_index_3_idx\` ON \`_regulatory_documents_v\` (\`version__status\`,\`version_deleted_at\`,\`version_issue_date\`,\`version_created_at\`,\`version_access_level\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_deletedAt_createdAt_accessLevel_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_createdAt_idx\` ON \`learning_materials\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_idx\` ON \`_learning_materials_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`DROP INDEX \`_status_deletedAt_createdAt_accessLevel_1_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_createdAt_1_idx\` ON \`library_items\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`DROP INDEX \`compound_index_1_idx\`;`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_1_idx\` ON \`_library_items_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`DROP INDEX \`_status_deletedAt_publishedAt_createdAt_accessLevel_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_createdAt_idx\` ON \`announcements\` (\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`DROP INDEX \`compound_index_2_idx\`;`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_createdAt_idx\` ON \`_announcements_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`DROP INDEX \`_status_deletedAt_issueDate_createdAt_accessLevel_idx\`;`)
  await db.run(sql`CREATE INDEX \`_status_issueDate_createdAt_idx\` ON \`regulatory_documents\` (\`_status\`,\`issue_date\`,\`created_at\`);`)
  await db.run(sql`DROP INDEX \`compound_index_3_idx\`;`)
  await db.run(sql`CREATE INDEX \`version__status_version_issueDate_version_createdAt_idx\` ON \`_regulatory_documents_v\` (\`version__status\`,\`version_issue_date\`,\`version_created_at\`);`)
}
