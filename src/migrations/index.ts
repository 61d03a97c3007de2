import * as migration_20261128_122345_initial from './20261128_122345_initial';
import * as migration_20261130_142841_trash_and_audit_log from './20261130_142841_trash_and_audit_log';
import * as migration_20261130_145842_oai_deletions from './20261130_145842_oai_deletions';
import * as migration_20261130_153809_slug_history from './20261130_153809_slug_history';
import * as migration_20261130_174217_search_vocabulary from './20261130_174217_search_vocabulary';
import * as migration_20261130_174502_review_workflow from './20261130_174502_review_workflow';
import * as migration_20261201_050632_published_order_indexes from './20261201_050632_published_order_indexes';
import * as migration_20261202_170218_covering_list_indexes from './20261202_170218_covering_list_indexes';
import * as migration_20261203_071400_count_indexes from './20261203_071400_count_indexes';

export const migrations = [
  {
    up: migration_20261128_122345_initial.up,
    down: migration_20261128_122345_initial.down,
    name: '20261128_122345_initial',
  },
  {
    up: migration_20261130_142841_trash_and_audit_log.up,
    down: migration_20261130_142841_trash_and_audit_log.down,
    name: '20261130_142841_trash_and_audit_log',
  },
  {
    up: migration_20261130_145842_oai_deletions.up,
    down: migration_20261130_145842_oai_deletions.down,
    name: '20261130_145842_oai_deletions',
  },
  {
    up: migration_20261130_153809_slug_history.up,
    down: migration_20261130_153809_slug_history.down,
    name: '20261130_153809_slug_history',
  },
  {
    up: migration_20261130_174217_search_vocabulary.up,
    down: migration_20261130_174217_search_vocabulary.down,
    name: '20261130_174217_search_vocabulary',
  },
  {
    up: migration_20261130_174502_review_workflow.up,
    down: migration_20261130_174502_review_workflow.down,
    name: '20261130_174502_review_workflow',
  },
  {
    up: migration_20261201_050632_published_order_indexes.up,
    down: migration_20261201_050632_published_order_indexes.down,
    name: '20261201_050632_published_order_indexes',
  },
  {
    up: migration_20261202_170218_covering_list_indexes.up,
    down: migration_20261202_170218_covering_list_indexes.down,
    name: '20261202_170218_covering_list_indexes',
  },
  {
    up: migration_20261203_071400_count_indexes.up,
    down: migration_20261203_071400_count_indexes.down,
    name: '20261203_071400_count_indexes'
  },
];
