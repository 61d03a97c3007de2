import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * The global "Từ đồng nghĩa và viết tắt" (search-vocabulary) and its versions. Written by hand from
 * the generated statements: the snapshot before it lagged the schema, so the generator also
 * repeated changes earlier migrations had made.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`search_vocabulary_abbreviations\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`abbreviation\` text NOT NULL,
  	\`meaning\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`search_vocabulary\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`search_vocabulary_abbreviations_order_idx\` ON \`search_vocabulary_abbreviations\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`search_vocabulary_abbreviations_parent_id_idx\` ON \`search_vocabulary_abbreviations\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`search_vocabulary_synonyms\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`search_vocabulary\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`search_vocabulary_synonyms_order_idx\` ON \`search_vocabulary_synonyms\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`search_vocabulary_synonyms_parent_id_idx\` ON \`search_vocabulary_synonyms\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`search_vocabulary\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`search_vocabulary_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`search_vocabulary\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`search_vocabulary_texts_order_parent\` ON \`search_vocabulary_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_search_vocabulary_v_version_abbreviations\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`abbreviation\` text NOT NULL,
  	\`meaning\` text NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_search_vocabulary_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_search_vocabulary_v_version_abbreviations_order_idx\` ON \`_search_vocabulary_v_version_abbreviations\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_search_vocabulary_v_version_abbreviations_parent_id_idx\` ON \`_search_vocabulary_v_version_abbreviations\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_search_vocabulary_v_version_synonyms\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_search_vocabulary_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_search_vocabulary_v_version_synonyms_order_idx\` ON \`_search_vocabulary_v_version_synonyms\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_search_vocabulary_v_version_synonyms_parent_id_idx\` ON \`_search_vocabulary_v_version_synonyms\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_search_vocabulary_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`_search_vocabulary_v_created_at_idx\` ON \`_search_vocabulary_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_search_vocabulary_v_updated_at_idx\` ON \`_search_vocabulary_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`_search_vocabulary_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_search_vocabulary_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_search_vocabulary_v_texts_order_parent\` ON \`_search_vocabulary_v_texts\` (\`order\`,\`parent_id\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`search_vocabulary_abbreviations\`;`)
  await db.run(sql`DROP TABLE \`search_vocabulary_synonyms\`;`)
  await db.run(sql`DROP TABLE \`search_vocabulary_texts\`;`)
  await db.run(sql`DROP TABLE \`search_vocabulary\`;`)
  await db.run(sql`DROP TABLE \`_search_vocabulary_v_version_abbreviations\`;`)
  await db.run(sql`DROP TABLE \`_search_vocabulary_v_version_synonyms\`;`)
  await db.run(sql`DROP TABLE \`_search_vocabulary_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_search_vocabulary_v\`;`)
}
