import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// The review trail on each material (and its versions) and the unsent mail kept for administrators.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`learning_materials_review_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`by_id\` integer,
  	\`by_name\` text,
  	\`at\` text,
  	\`note\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`learning_materials\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`learning_materials_review_history_order_idx\` ON \`learning_materials_review_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_review_history_parent_id_idx\` ON \`learning_materials_review_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_review_history_by_idx\` ON \`learning_materials_review_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`_learning_materials_v_version_review_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text,
  	\`by_id\` integer,
  	\`by_name\` text,
  	\`at\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_learning_materials_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_review_history_order_idx\` ON \`_learning_materials_v_version_review_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_review_history_parent_id_idx\` ON \`_learning_materials_v_version_review_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_review_history_by_idx\` ON \`_learning_materials_v_version_review_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`unsent_mail\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`subject\` text NOT NULL,
  	\`text\` text NOT NULL,
  	\`html\` text,
  	\`reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`unsent_mail_updated_at_idx\` ON \`unsent_mail\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`unsent_mail_created_at_idx\` ON \`unsent_mail\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`unsent_mail_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`unsent_mail\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`unsent_mail_texts_order_parent\` ON \`unsent_mail_texts\` (\`order\`,\`parent_id\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`learning_materials_review_history\`;`)
  await db.run(sql`DROP TABLE \`_learning_materials_v_version_review_history\`;`)
  await db.run(sql`DROP TABLE \`unsent_mail_texts\`;`)
  await db.run(sql`DROP TABLE \`unsent_mail\`;`)
}
