import * as migration_20261128_122345_initial from './20261128_122345_initial';
import * as migration_20261130_142841_trash_and_audit_log from './20261130_142841_trash_and_audit_log';

export const migrations = [
  {
    up: migration_20261128_122345_initial.up,
    down: migration_20261128_122345_initial.down,
    name: '20261128_122345_initial',
  },
  {
    up: migration_20261130_142841_trash_and_audit_log.up,
    down: migration_20261130_142841_trash_and_audit_log.down,
    name: '20261130_142841_trash_and_audit_log'
  },
];
