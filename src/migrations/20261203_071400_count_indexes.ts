import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Reader lists are counted through an index whose range the access levels bound, rather than by
// checking the level of every published entry (src/collections/publishedOrderIndex.ts).
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_deletedAt_accessLevel_idx\` ON \`learning_materials\` (\`_status\`,\`deleted_at\`,\`access_level\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_deletedAt_version_accessLevel_idx\` ON \`_learning_materials_v\` (\`version__status\`,\`version_deleted_at\`,\`version_access_level\`);`)
  await db.run(sql`CREATE INDEX \`_status_deletedAt_accessLevel_1_idx\` ON \`library_items\` (\`_status\`,\`deleted_at\`,\`access_level\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_deletedAt_version_accessLevel_1_idx\` ON \`_library_items_v\` (\`version__status\`,\`version_deleted_at\`,\`version_access_level\`);`)
  await db.run(sql`CREATE INDEX \`_status_deletedAt_accessLevel_2_idx\` ON \`announcements\` (\`_status\`,\`deleted_at\`,\`access_level\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_deletedAt_version_accessLevel_2_idx\` ON \`_announcements_v\` (\`version__status\`,\`version_deleted_at\`,\`version_access_level\`);`)
  await db.run(sql`CREATE INDEX \`_status_deletedAt_accessLevel_3_idx\` ON \`regulatory_documents\` (\`_status\`,\`deleted_at\`,\`access_level\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_deletedAt_version_accessLevel_3_idx\` ON \`_regulatory_documents_v\` (\`version__status\`,\`version_deleted_at\`,\`version_access_level\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_deletedAt_accessLevel_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_deletedAt_version_accessLevel_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_deletedAt_accessLevel_1_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_deletedAt_version_accessLevel_1_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_deletedAt_accessLevel_2_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_deletedAt_version_accessLevel_2_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_deletedAt_accessLevel_3_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_deletedAt_version_accessLevel_3_idx\`;`)
}
