import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`audit_log_user_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_user_roles_order_idx\` ON \`audit_log_user_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_user_roles_parent_idx\` ON \`audit_log_user_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`user_name\` text NOT NULL,
  	\`user_id\` text,
  	\`ip\` text,
  	\`action\` text NOT NULL,
  	\`target_collection\` text,
  	\`document_id\` text,
  	\`document_title\` text,
  	\`detail\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_at_idx\` ON \`audit_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_user_name_idx\` ON \`audit_log\` (\`user_name\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_user_id_idx\` ON \`audit_log\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_ip_idx\` ON \`audit_log\` (\`ip\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_target_collection_idx\` ON \`audit_log\` (\`target_collection\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_document_id_idx\` ON \`audit_log\` (\`document_id\`);`)
  await db.run(sql`CREATE TABLE \`audit_log_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_texts_order_parent\` ON \`audit_log_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`learning_materials\` ADD \`deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`learning_materials_deleted_at_idx\` ON \`learning_materials\` (\`deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`_learning_materials_v\` ADD \`version_deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_version_deleted_at_idx\` ON \`_learning_materials_v\` (\`version_deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`library_items\` ADD \`deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`library_items_deleted_at_idx\` ON \`library_items\` (\`deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`_library_items_v\` ADD \`version_deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`_library_items_v_version_version_deleted_at_idx\` ON \`_library_items_v\` (\`version_deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`announcements\` ADD \`deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`announcements_deleted_at_idx\` ON \`announcements\` (\`deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`_announcements_v\` ADD \`version_deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_deleted_at_idx\` ON \`_announcements_v\` (\`version_deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`regulatory_documents\` ADD \`deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_deleted_at_idx\` ON \`regulatory_documents\` (\`deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`_regulatory_documents_v\` ADD \`version_deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_version_deleted_at_idx\` ON \`_regulatory_documents_v\` (\`version_deleted_at\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`deleted_at\` text;`)
  await db.run(sql`CREATE INDEX \`media_deleted_at_idx\` ON \`media\` (\`deleted_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`audit_log_user_roles\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`audit_log_texts\`;`)
  await db.run(sql`DROP INDEX \`learning_materials_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`learning_materials\` DROP COLUMN \`deleted_at\`;`)
  await db.run(sql`DROP INDEX \`_learning_materials_v_version_version_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_learning_materials_v\` DROP COLUMN \`version_deleted_at\`;`)
  await db.run(sql`DROP INDEX \`library_items_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`library_items\` DROP COLUMN \`deleted_at\`;`)
  await db.run(sql`DROP INDEX \`_library_items_v_version_version_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_library_items_v\` DROP COLUMN \`version_deleted_at\`;`)
  await db.run(sql`DROP INDEX \`announcements_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`announcements\` DROP COLUMN \`deleted_at\`;`)
  await db.run(sql`DROP INDEX \`_announcements_v_version_version_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_announcements_v\` DROP COLUMN \`version_deleted_at\`;`)
  await db.run(sql`DROP INDEX \`regulatory_documents_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`regulatory_documents\` DROP COLUMN \`deleted_at\`;`)
  await db.run(sql`DROP INDEX \`_regulatory_documents_v_version_version_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_regulatory_documents_v\` DROP COLUMN \`version_deleted_at\`;`)
  await db.run(sql`DROP INDEX \`media_deleted_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`deleted_at\`;`)
}
