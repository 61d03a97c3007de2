import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// One index per collection for the order readers list published documents in, ties broken by
// creation as both adapters do (src/collections/publishedOrderIndex.ts). The schema snapshot beside
// it also catches up with the search vocabulary's tables, which 20261130_174217_search_vocabulary
// creates.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_createdAt_idx\` ON \`learning_materials\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_idx\` ON \`_learning_materials_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_createdAt_1_idx\` ON \`library_items\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_1_idx\` ON \`_library_items_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_createdAt_idx\` ON \`announcements\` (\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_createdAt_idx\` ON \`_announcements_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_issueDate_createdAt_idx\` ON \`regulatory_documents\` (\`_status\`,\`issue_date\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_issueDate_version_createdAt_idx\` ON \`_regulatory_documents_v\` (\`version__status\`,\`version_issue_date\`,\`version_created_at\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_createdAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_issueDate_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_issueDate_version_createdAt_idx\`;`)
}
