import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`learning_materials_age_groups\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`learning_materials\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`learning_materials_age_groups_order_idx\` ON \`learning_materials_age_groups\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_age_groups_parent_idx\` ON \`learning_materials_age_groups\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_age_groups_value_idx\` ON \`learning_materials_age_groups\` (\`value\`);`)
  await db.run(sql`CREATE TABLE \`learning_materials_domains\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`learning_materials\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`learning_materials_domains_order_idx\` ON \`learning_materials_domains\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_domains_parent_idx\` ON \`learning_materials_domains\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`learning_materials\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`material_type\` text,
  	\`topic\` text,
  	\`cover_id\` integer,
  	\`video_url\` text,
  	\`duration_minutes\` numeric,
  	\`school_year\` text,
  	\`access_level\` text DEFAULT 'public',
  	\`author_id\` integer,
  	\`review_status\` text DEFAULT 'draft',
  	\`review_note\` text,
  	\`submitted_at\` text,
  	\`reviewed_by_id\` integer,
  	\`reviewed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`learning_materials_slug_idx\` ON \`learning_materials\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_material_type_idx\` ON \`learning_materials\` (\`material_type\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_topic_idx\` ON \`learning_materials\` (\`topic\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_cover_idx\` ON \`learning_materials\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_access_level_idx\` ON \`learning_materials\` (\`access_level\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_author_idx\` ON \`learning_materials\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_review_status_idx\` ON \`learning_materials\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_reviewed_by_idx\` ON \`learning_materials\` (\`reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_updated_at_idx\` ON \`learning_materials\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_created_at_idx\` ON \`learning_materials\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials__status_idx\` ON \`learning_materials\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`learning_materials_locales\` (
  	\`title\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`learning_materials\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`learning_materials_locales_locale_parent_id_unique\` ON \`learning_materials_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`learning_materials_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`learning_materials\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`learning_materials_texts_order_parent\` ON \`learning_materials_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`learning_materials_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`learning_materials\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`learning_materials_rels_order_idx\` ON \`learning_materials_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_rels_parent_idx\` ON \`learning_materials_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_rels_path_idx\` ON \`learning_materials_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`learning_materials_rels_media_id_idx\` ON \`learning_materials_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`_learning_materials_v_version_age_groups\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_learning_materials_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_age_groups_order_idx\` ON \`_learning_materials_v_version_age_groups\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_age_groups_parent_idx\` ON \`_learning_materials_v_version_age_groups\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_age_groups_value_idx\` ON \`_learning_materials_v_version_age_groups\` (\`value\`);`)
  await db.run(sql`CREATE TABLE \`_learning_materials_v_version_domains\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_learning_materials_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_domains_order_idx\` ON \`_learning_materials_v_version_domains\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_domains_parent_idx\` ON \`_learning_materials_v_version_domains\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_learning_materials_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_material_type\` text,
  	\`version_topic\` text,
  	\`version_cover_id\` integer,
  	\`version_video_url\` text,
  	\`version_duration_minutes\` numeric,
  	\`version_school_year\` text,
  	\`version_access_level\` text DEFAULT 'public',
  	\`version_author_id\` integer,
  	\`version_review_status\` text DEFAULT 'draft',
  	\`version_review_note\` text,
  	\`version_submitted_at\` text,
  	\`version_reviewed_by_id\` integer,
  	\`version_reviewed_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`learning_materials\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_parent_idx\` ON \`_learning_materials_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_version_slug_idx\` ON \`_learning_materials_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_version_material_type_idx\` ON \`_learning_materials_v\` (\`version_material_type\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_version_topic_idx\` ON \`_learning_materials_v\` (\`version_topic\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_version_cover_idx\` ON \`_learning_materials_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_version_access_level_idx\` ON \`_learning_materials_v\` (\`version_access_level\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_version_author_idx\` ON \`_learning_materials_v\` (\`version_author_id\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_version_review_status_idx\` ON \`_learning_materials_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_version_reviewed_by_idx\` ON \`_learning_materials_v\` (\`version_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_version_updated_at_idx\` ON \`_learning_materials_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_version_created_at_idx\` ON \`_learning_materials_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_version_version__status_idx\` ON \`_learning_materials_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_created_at_idx\` ON \`_learning_materials_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_updated_at_idx\` ON \`_learning_materials_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_snapshot_idx\` ON \`_learning_materials_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_published_locale_idx\` ON \`_learning_materials_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_latest_idx\` ON \`_learning_materials_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_learning_materials_v_locales\` (
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_learning_materials_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_learning_materials_v_locales_locale_parent_id_unique\` ON \`_learning_materials_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_learning_materials_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_learning_materials_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_texts_order_parent\` ON \`_learning_materials_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_learning_materials_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_learning_materials_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_rels_order_idx\` ON \`_learning_materials_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_rels_parent_idx\` ON \`_learning_materials_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_rels_path_idx\` ON \`_learning_materials_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_learning_materials_v_rels_media_id_idx\` ON \`_learning_materials_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`library_items_age_groups\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`library_items\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`library_items_age_groups_order_idx\` ON \`library_items_age_groups\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`library_items_age_groups_parent_idx\` ON \`library_items_age_groups\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`library_items_age_groups_value_idx\` ON \`library_items_age_groups\` (\`value\`);`)
  await db.run(sql`CREATE TABLE \`library_items\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`publisher\` text,
  	\`year\` numeric,
  	\`isbn\` text,
  	\`language\` text DEFAULT 'vi',
  	\`item_type\` text,
  	\`cover_id\` integer,
  	\`licence\` text,
  	\`access_level\` text DEFAULT 'public',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`library_items_year_idx\` ON \`library_items\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`library_items_item_type_idx\` ON \`library_items\` (\`item_type\`);`)
  await db.run(sql`CREATE INDEX \`library_items_cover_idx\` ON \`library_items\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`library_items_access_level_idx\` ON \`library_items\` (\`access_level\`);`)
  await db.run(sql`CREATE INDEX \`library_items_updated_at_idx\` ON \`library_items\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`library_items_created_at_idx\` ON \`library_items\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`library_items__status_idx\` ON \`library_items\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`library_items_locales\` (
  	\`title\` text,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`library_items\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`library_items_locales_locale_parent_id_unique\` ON \`library_items_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`library_items_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`library_items\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`library_items_texts_order_parent\` ON \`library_items_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`library_items_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`library_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`library_items_rels_order_idx\` ON \`library_items_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`library_items_rels_parent_idx\` ON \`library_items_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`library_items_rels_path_idx\` ON \`library_items_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`library_items_rels_media_id_idx\` ON \`library_items_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`_library_items_v_version_age_groups\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_library_items_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_library_items_v_version_age_groups_order_idx\` ON \`_library_items_v_version_age_groups\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_version_age_groups_parent_idx\` ON \`_library_items_v_version_age_groups\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_version_age_groups_value_idx\` ON \`_library_items_v_version_age_groups\` (\`value\`);`)
  await db.run(sql`CREATE TABLE \`_library_items_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_publisher\` text,
  	\`version_year\` numeric,
  	\`version_isbn\` text,
  	\`version_language\` text DEFAULT 'vi',
  	\`version_item_type\` text,
  	\`version_cover_id\` integer,
  	\`version_licence\` text,
  	\`version_access_level\` text DEFAULT 'public',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`library_items\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_library_items_v_parent_idx\` ON \`_library_items_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_version_version_year_idx\` ON \`_library_items_v\` (\`version_year\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_version_version_item_type_idx\` ON \`_library_items_v\` (\`version_item_type\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_version_version_cover_idx\` ON \`_library_items_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_version_version_access_level_idx\` ON \`_library_items_v\` (\`version_access_level\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_version_version_updated_at_idx\` ON \`_library_items_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_version_version_created_at_idx\` ON \`_library_items_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_version_version__status_idx\` ON \`_library_items_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_created_at_idx\` ON \`_library_items_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_updated_at_idx\` ON \`_library_items_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_snapshot_idx\` ON \`_library_items_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_published_locale_idx\` ON \`_library_items_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_latest_idx\` ON \`_library_items_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_library_items_v_locales\` (
  	\`version_title\` text,
  	\`version_description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_library_items_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_library_items_v_locales_locale_parent_id_unique\` ON \`_library_items_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_library_items_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_library_items_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_library_items_v_texts_order_parent\` ON \`_library_items_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_library_items_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_library_items_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_library_items_v_rels_order_idx\` ON \`_library_items_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_rels_parent_idx\` ON \`_library_items_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_rels_path_idx\` ON \`_library_items_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_library_items_v_rels_media_id_idx\` ON \`_library_items_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`announcements\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`category\` text,
  	\`cover_id\` integer,
  	\`pinned\` integer DEFAULT false,
  	\`published_at\` text,
  	\`expires_at\` text,
  	\`access_level\` text DEFAULT 'public',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`announcements_slug_idx\` ON \`announcements\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`announcements_category_idx\` ON \`announcements\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`announcements_cover_idx\` ON \`announcements\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`announcements_pinned_idx\` ON \`announcements\` (\`pinned\`);`)
  await db.run(sql`CREATE INDEX \`announcements_published_at_idx\` ON \`announcements\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`announcements_expires_at_idx\` ON \`announcements\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`announcements_access_level_idx\` ON \`announcements\` (\`access_level\`);`)
  await db.run(sql`CREATE INDEX \`announcements_updated_at_idx\` ON \`announcements\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`announcements_created_at_idx\` ON \`announcements\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`announcements__status_idx\` ON \`announcements\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`announcements_locales\` (
  	\`title\` text,
  	\`excerpt\` text,
  	\`body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`announcements\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`announcements_locales_locale_parent_id_unique\` ON \`announcements_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`announcements_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`announcements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`announcements_rels_order_idx\` ON \`announcements_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`announcements_rels_parent_idx\` ON \`announcements_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`announcements_rels_path_idx\` ON \`announcements_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`announcements_rels_media_id_idx\` ON \`announcements_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`_announcements_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_category\` text,
  	\`version_cover_id\` integer,
  	\`version_pinned\` integer DEFAULT false,
  	\`version_published_at\` text,
  	\`version_expires_at\` text,
  	\`version_access_level\` text DEFAULT 'public',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`announcements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_announcements_v_parent_idx\` ON \`_announcements_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_slug_idx\` ON \`_announcements_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_category_idx\` ON \`_announcements_v\` (\`version_category\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_cover_idx\` ON \`_announcements_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_pinned_idx\` ON \`_announcements_v\` (\`version_pinned\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_published_at_idx\` ON \`_announcements_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_expires_at_idx\` ON \`_announcements_v\` (\`version_expires_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_access_level_idx\` ON \`_announcements_v\` (\`version_access_level\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_updated_at_idx\` ON \`_announcements_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_created_at_idx\` ON \`_announcements_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version__status_idx\` ON \`_announcements_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_created_at_idx\` ON \`_announcements_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_updated_at_idx\` ON \`_announcements_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_snapshot_idx\` ON \`_announcements_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_published_locale_idx\` ON \`_announcements_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_latest_idx\` ON \`_announcements_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_announcements_v_locales\` (
  	\`version_title\` text,
  	\`version_excerpt\` text,
  	\`version_body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_announcements_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_announcements_v_locales_locale_parent_id_unique\` ON \`_announcements_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_announcements_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_announcements_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_announcements_v_rels_order_idx\` ON \`_announcements_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_rels_parent_idx\` ON \`_announcements_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_rels_path_idx\` ON \`_announcements_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_rels_media_id_idx\` ON \`_announcements_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`regulatory_documents_related_documents\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`relation\` text,
  	\`document_id\` integer,
  	FOREIGN KEY (\`document_id\`) REFERENCES \`regulatory_documents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`regulatory_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`regulatory_documents_related_documents_order_idx\` ON \`regulatory_documents_related_documents\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_related_documents_parent_id_idx\` ON \`regulatory_documents_related_documents\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_related_documents_document_idx\` ON \`regulatory_documents_related_documents\` (\`document_id\`);`)
  await db.run(sql`CREATE TABLE \`regulatory_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`document_number\` text,
  	\`document_type\` text,
  	\`issuing_body\` text,
  	\`signer\` text,
  	\`signer_title\` text,
  	\`issue_date\` text,
  	\`effective_date\` text,
  	\`expiry_date\` text,
  	\`direction\` text DEFAULT 'incoming',
  	\`field\` text,
  	\`file_id\` integer,
  	\`validity_status\` text,
  	\`number_parts_number\` numeric,
  	\`number_parts_year\` numeric,
  	\`number_parts_type_code\` text,
  	\`number_parts_issuer_code\` text,
  	\`number_parts_unit_code\` text,
  	\`number_parts_normalized\` text,
  	\`number_parts_match_key\` text,
  	\`access_level\` text DEFAULT 'public',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`file_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`regulatory_documents_document_type_idx\` ON \`regulatory_documents\` (\`document_type\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_issuing_body_idx\` ON \`regulatory_documents\` (\`issuing_body\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_issue_date_idx\` ON \`regulatory_documents\` (\`issue_date\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_file_idx\` ON \`regulatory_documents\` (\`file_id\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_validity_status_idx\` ON \`regulatory_documents\` (\`validity_status\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_number_parts_number_parts_issuer_co_idx\` ON \`regulatory_documents\` (\`number_parts_issuer_code\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_number_parts_number_parts_normalize_idx\` ON \`regulatory_documents\` (\`number_parts_normalized\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_number_parts_number_parts_match_key_idx\` ON \`regulatory_documents\` (\`number_parts_match_key\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_access_level_idx\` ON \`regulatory_documents\` (\`access_level\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_updated_at_idx\` ON \`regulatory_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_created_at_idx\` ON \`regulatory_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents__status_idx\` ON \`regulatory_documents\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`regulatory_documents_locales\` (
  	\`title\` text,
  	\`summary\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`regulatory_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`regulatory_documents_locales_locale_parent_id_unique\` ON \`regulatory_documents_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`regulatory_documents_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`regulatory_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`regulatory_documents_texts_order_parent\` ON \`regulatory_documents_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`regulatory_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`regulatory_documents_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`regulatory_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regulatory_documents_id\`) REFERENCES \`regulatory_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`regulatory_documents_rels_order_idx\` ON \`regulatory_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_rels_parent_idx\` ON \`regulatory_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_rels_path_idx\` ON \`regulatory_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`regulatory_documents_rels_regulatory_documents_id_idx\` ON \`regulatory_documents_rels\` (\`regulatory_documents_id\`);`)
  await db.run(sql`CREATE TABLE \`_regulatory_documents_v_version_related_documents\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`relation\` text,
  	\`document_id\` integer,
  	\`_uuid\` text,
  	FOREIGN KEY (\`document_id\`) REFERENCES \`regulatory_documents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_regulatory_documents_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_related_documents_order_idx\` ON \`_regulatory_documents_v_version_related_documents\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_related_documents_parent_id_idx\` ON \`_regulatory_documents_v_version_related_documents\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_related_documents_docume_idx\` ON \`_regulatory_documents_v_version_related_documents\` (\`document_id\`);`)
  await db.run(sql`CREATE TABLE \`_regulatory_documents_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_document_number\` text,
  	\`version_document_type\` text,
  	\`version_issuing_body\` text,
  	\`version_signer\` text,
  	\`version_signer_title\` text,
  	\`version_issue_date\` text,
  	\`version_effective_date\` text,
  	\`version_expiry_date\` text,
  	\`version_direction\` text DEFAULT 'incoming',
  	\`version_field\` text,
  	\`version_file_id\` integer,
  	\`version_validity_status\` text,
  	\`version_number_parts_number\` numeric,
  	\`version_number_parts_year\` numeric,
  	\`version_number_parts_type_code\` text,
  	\`version_number_parts_issuer_code\` text,
  	\`version_number_parts_unit_code\` text,
  	\`version_number_parts_normalized\` text,
  	\`version_number_parts_match_key\` text,
  	\`version_access_level\` text DEFAULT 'public',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`regulatory_documents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_file_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_parent_idx\` ON \`_regulatory_documents_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_version_document_type_idx\` ON \`_regulatory_documents_v\` (\`version_document_type\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_version_issuing_body_idx\` ON \`_regulatory_documents_v\` (\`version_issuing_body\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_version_issue_date_idx\` ON \`_regulatory_documents_v\` (\`version_issue_date\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_version_file_idx\` ON \`_regulatory_documents_v\` (\`version_file_id\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_version_validity_status_idx\` ON \`_regulatory_documents_v\` (\`version_validity_status\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_number_parts_version_num_idx\` ON \`_regulatory_documents_v\` (\`version_number_parts_issuer_code\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_number_parts_version_n_1_idx\` ON \`_regulatory_documents_v\` (\`version_number_parts_normalized\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_number_parts_version_n_2_idx\` ON \`_regulatory_documents_v\` (\`version_number_parts_match_key\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_version_access_level_idx\` ON \`_regulatory_documents_v\` (\`version_access_level\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_version_updated_at_idx\` ON \`_regulatory_documents_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_version_created_at_idx\` ON \`_regulatory_documents_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_version_version__status_idx\` ON \`_regulatory_documents_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_created_at_idx\` ON \`_regulatory_documents_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_updated_at_idx\` ON \`_regulatory_documents_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_snapshot_idx\` ON \`_regulatory_documents_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_published_locale_idx\` ON \`_regulatory_documents_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_latest_idx\` ON \`_regulatory_documents_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_regulatory_documents_v_locales\` (
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_regulatory_documents_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_regulatory_documents_v_locales_locale_parent_id_unique\` ON \`_regulatory_documents_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_regulatory_documents_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_regulatory_documents_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_texts_order_parent\` ON \`_regulatory_documents_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_regulatory_documents_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`regulatory_documents_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_regulatory_documents_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regulatory_documents_id\`) REFERENCES \`regulatory_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_rels_order_idx\` ON \`_regulatory_documents_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_rels_parent_idx\` ON \`_regulatory_documents_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_rels_path_idx\` ON \`_regulatory_documents_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_regulatory_documents_v_rels_regulatory_documents_id_idx\` ON \`_regulatory_documents_v_rels\` (\`regulatory_documents_id\`);`)
  await db.run(sql`CREATE TABLE \`media_exposed_levels\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`media_exposed_levels_order_idx\` ON \`media_exposed_levels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`media_exposed_levels_parent_idx\` ON \`media_exposed_levels\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`access_level\` text DEFAULT 'public' NOT NULL,
  	\`uploaded_by_id\` integer,
  	\`extracted_text\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_thumbnail_webp_url\` text,
  	\`sizes_thumbnail_webp_width\` numeric,
  	\`sizes_thumbnail_webp_height\` numeric,
  	\`sizes_thumbnail_webp_mime_type\` text,
  	\`sizes_thumbnail_webp_filesize\` numeric,
  	\`sizes_thumbnail_webp_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_card_webp_url\` text,
  	\`sizes_card_webp_width\` numeric,
  	\`sizes_card_webp_height\` numeric,
  	\`sizes_card_webp_mime_type\` text,
  	\`sizes_card_webp_filesize\` numeric,
  	\`sizes_card_webp_filename\` text,
  	\`sizes_hero_url\` text,
  	\`sizes_hero_width\` numeric,
  	\`sizes_hero_height\` numeric,
  	\`sizes_hero_mime_type\` text,
  	\`sizes_hero_filesize\` numeric,
  	\`sizes_hero_filename\` text,
  	\`sizes_hero_webp_url\` text,
  	\`sizes_hero_webp_width\` numeric,
  	\`sizes_hero_webp_height\` numeric,
  	\`sizes_hero_webp_mime_type\` text,
  	\`sizes_hero_webp_filesize\` numeric,
  	\`sizes_hero_webp_filename\` text,
  	FOREIGN KEY (\`uploaded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`media_access_level_idx\` ON \`media\` (\`access_level\`);`)
  await db.run(sql`CREATE INDEX \`media_uploaded_by_idx\` ON \`media\` (\`uploaded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_webp_sizes_thumbnail_webp_filename_idx\` ON \`media\` (\`sizes_thumbnail_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_webp_sizes_card_webp_filename_idx\` ON \`media\` (\`sizes_card_webp_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_hero_sizes_hero_filename_idx\` ON \`media\` (\`sizes_hero_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_hero_webp_sizes_hero_webp_filename_idx\` ON \`media\` (\`sizes_hero_webp_filename\`);`)
  await db.run(sql`CREATE TABLE \`media_locales\` (
  	\`alt\` text,
  	\`caption\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`media_locales_locale_parent_id_unique\` ON \`media_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`phone\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`meta\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`learning_materials_id\` integer,
  	\`library_items_id\` integer,
  	\`announcements_id\` integer,
  	\`regulatory_documents_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`learning_materials_id\`) REFERENCES \`learning_materials\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`library_items_id\`) REFERENCES \`library_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`announcements_id\`) REFERENCES \`announcements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regulatory_documents_id\`) REFERENCES \`regulatory_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_learning_materials_id_idx\` ON \`payload_locked_documents_rels\` (\`learning_materials_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_library_items_id_idx\` ON \`payload_locked_documents_rels\` (\`library_items_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_announcements_id_idx\` ON \`payload_locked_documents_rels\` (\`announcements_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_regulatory_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`regulatory_documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`school_profile_facilities\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`quantity\` numeric,
  	\`photo_id\` integer,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`school_profile\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`school_profile_facilities_order_idx\` ON \`school_profile_facilities\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`school_profile_facilities_parent_id_idx\` ON \`school_profile_facilities\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`school_profile_facilities_photo_idx\` ON \`school_profile_facilities\` (\`photo_id\`);`)
  await db.run(sql`CREATE TABLE \`school_profile_facilities_locales\` (
  	\`name\` text NOT NULL,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`school_profile_facilities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`school_profile_facilities_locales_locale_parent_id_unique\` ON \`school_profile_facilities_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`school_profile_curriculum\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`school_profile\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`school_profile_curriculum_order_idx\` ON \`school_profile_curriculum\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`school_profile_curriculum_parent_id_idx\` ON \`school_profile_curriculum\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`school_profile_curriculum_locales\` (
  	\`title\` text NOT NULL,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`school_profile_curriculum\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`school_profile_curriculum_locales_locale_parent_id_unique\` ON \`school_profile_curriculum_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`school_profile_staff\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`photo_id\` integer,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`school_profile\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`school_profile_staff_order_idx\` ON \`school_profile_staff\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`school_profile_staff_parent_id_idx\` ON \`school_profile_staff\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`school_profile_staff_photo_idx\` ON \`school_profile_staff\` (\`photo_id\`);`)
  await db.run(sql`CREATE TABLE \`school_profile_staff_locales\` (
  	\`role\` text,
  	\`qualification\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`school_profile_staff\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`school_profile_staff_locales_locale_parent_id_unique\` ON \`school_profile_staff_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`school_profile\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`address\` text,
  	\`contacts_phone\` text,
  	\`contacts_email\` text,
  	\`contacts_website\` text,
  	\`contacts_hotline\` text,
  	\`statistics_classes\` numeric,
  	\`statistics_children\` numeric,
  	\`statistics_staff_count\` numeric,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`school_profile_locales\` (
  	\`name\` text NOT NULL,
  	\`motto\` text,
  	\`summary\` text,
  	\`history\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`school_profile\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`school_profile_locales_locale_parent_id_unique\` ON \`school_profile_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_school_profile_v_version_facilities\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`quantity\` numeric,
  	\`photo_id\` integer,
  	\`_uuid\` text,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_school_profile_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_school_profile_v_version_facilities_order_idx\` ON \`_school_profile_v_version_facilities\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_school_profile_v_version_facilities_parent_id_idx\` ON \`_school_profile_v_version_facilities\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_school_profile_v_version_facilities_photo_idx\` ON \`_school_profile_v_version_facilities\` (\`photo_id\`);`)
  await db.run(sql`CREATE TABLE \`_school_profile_v_version_facilities_locales\` (
  	\`name\` text NOT NULL,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_school_profile_v_version_facilities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_school_profile_v_version_facilities_locales_locale_parent_i\` ON \`_school_profile_v_version_facilities_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_school_profile_v_version_curriculum\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_school_profile_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_school_profile_v_version_curriculum_order_idx\` ON \`_school_profile_v_version_curriculum\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_school_profile_v_version_curriculum_parent_id_idx\` ON \`_school_profile_v_version_curriculum\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_school_profile_v_version_curriculum_locales\` (
  	\`title\` text NOT NULL,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_school_profile_v_version_curriculum\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_school_profile_v_version_curriculum_locales_locale_parent_i\` ON \`_school_profile_v_version_curriculum_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_school_profile_v_version_staff\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`photo_id\` integer,
  	\`_uuid\` text,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_school_profile_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_school_profile_v_version_staff_order_idx\` ON \`_school_profile_v_version_staff\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_school_profile_v_version_staff_parent_id_idx\` ON \`_school_profile_v_version_staff\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_school_profile_v_version_staff_photo_idx\` ON \`_school_profile_v_version_staff\` (\`photo_id\`);`)
  await db.run(sql`CREATE TABLE \`_school_profile_v_version_staff_locales\` (
  	\`role\` text,
  	\`qualification\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_school_profile_v_version_staff\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_school_profile_v_version_staff_locales_locale_parent_id_uni\` ON \`_school_profile_v_version_staff_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_school_profile_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`version_address\` text,
  	\`version_contacts_phone\` text,
  	\`version_contacts_email\` text,
  	\`version_contacts_website\` text,
  	\`version_contacts_hotline\` text,
  	\`version_statistics_classes\` numeric,
  	\`version_statistics_children\` numeric,
  	\`version_statistics_staff_count\` numeric,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`_school_profile_v_created_at_idx\` ON \`_school_profile_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_school_profile_v_updated_at_idx\` ON \`_school_profile_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`_school_profile_v_locales\` (
  	\`version_name\` text NOT NULL,
  	\`version_motto\` text,
  	\`version_summary\` text,
  	\`version_history\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_school_profile_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_school_profile_v_locales_locale_parent_id_unique\` ON \`_school_profile_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`learning_materials_age_groups\`;`)
  await db.run(sql`DROP TABLE \`learning_materials_domains\`;`)
  await db.run(sql`DROP TABLE \`learning_materials\`;`)
  await db.run(sql`DROP TABLE \`learning_materials_locales\`;`)
  await db.run(sql`DROP TABLE \`learning_materials_texts\`;`)
  await db.run(sql`DROP TABLE \`learning_materials_rels\`;`)
  await db.run(sql`DROP TABLE \`_learning_materials_v_version_age_groups\`;`)
  await db.run(sql`DROP TABLE \`_learning_materials_v_version_domains\`;`)
  await db.run(sql`DROP TABLE \`_learning_materials_v\`;`)
  await db.run(sql`DROP TABLE \`_learning_materials_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_learning_materials_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_learning_materials_v_rels\`;`)
  await db.run(sql`DROP TABLE \`library_items_age_groups\`;`)
  await db.run(sql`DROP TABLE \`library_items\`;`)
  await db.run(sql`DROP TABLE \`library_items_locales\`;`)
  await db.run(sql`DROP TABLE \`library_items_texts\`;`)
  await db.run(sql`DROP TABLE \`library_items_rels\`;`)
  await db.run(sql`DROP TABLE \`_library_items_v_version_age_groups\`;`)
  await db.run(sql`DROP TABLE \`_library_items_v\`;`)
  await db.run(sql`DROP TABLE \`_library_items_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_library_items_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_library_items_v_rels\`;`)
  await db.run(sql`DROP TABLE \`announcements\`;`)
  await db.run(sql`DROP TABLE \`announcements_locales\`;`)
  await db.run(sql`DROP TABLE \`announcements_rels\`;`)
  await db.run(sql`DROP TABLE \`_announcements_v\`;`)
  await db.run(sql`DROP TABLE \`_announcements_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_announcements_v_rels\`;`)
  await db.run(sql`DROP TABLE \`regulatory_documents_related_documents\`;`)
  await db.run(sql`DROP TABLE \`regulatory_documents\`;`)
  await db.run(sql`DROP TABLE \`regulatory_documents_locales\`;`)
  await db.run(sql`DROP TABLE \`regulatory_documents_texts\`;`)
  await db.run(sql`DROP TABLE \`regulatory_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`_regulatory_documents_v_version_related_documents\`;`)
  await db.run(sql`DROP TABLE \`_regulatory_documents_v\`;`)
  await db.run(sql`DROP TABLE \`_regulatory_documents_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_regulatory_documents_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_regulatory_documents_v_rels\`;`)
  await db.run(sql`DROP TABLE \`media_exposed_levels\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`media_locales\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`school_profile_facilities\`;`)
  await db.run(sql`DROP TABLE \`school_profile_facilities_locales\`;`)
  await db.run(sql`DROP TABLE \`school_profile_curriculum\`;`)
  await db.run(sql`DROP TABLE \`school_profile_curriculum_locales\`;`)
  await db.run(sql`DROP TABLE \`school_profile_staff\`;`)
  await db.run(sql`DROP TABLE \`school_profile_staff_locales\`;`)
  await db.run(sql`DROP TABLE \`school_profile\`;`)
  await db.run(sql`DROP TABLE \`school_profile_locales\`;`)
  await db.run(sql`DROP TABLE \`_school_profile_v_version_facilities\`;`)
  await db.run(sql`DROP TABLE \`_school_profile_v_version_facilities_locales\`;`)
  await db.run(sql`DROP TABLE \`_school_profile_v_version_curriculum\`;`)
  await db.run(sql`DROP TABLE \`_school_profile_v_version_curriculum_locales\`;`)
  await db.run(sql`DROP TABLE \`_school_profile_v_version_staff\`;`)
  await db.run(sql`DROP TABLE \`_school_profile_v_version_staff_locales\`;`)
  await db.run(sql`DROP TABLE \`_school_profile_v\`;`)
  await db.run(sql`DROP TABLE \`_school_profile_v_locales\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
}
