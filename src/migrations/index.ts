import * as migration_20261128_122345_initial from './20261128_122345_initial';
import * as migration_20261130_145842_oai_deletions from './20261130_145842_oai_deletions';

export const migrations = [
  {
    up: migration_20261128_122345_initial.up,
    down: migration_20261128_122345_initial.down,
    name: '20261128_122345_initial',
  },
  {
    up: migration_20261130_145842_oai_deletions.up,
    down: migration_20261130_145842_oai_deletions.down,
    name: '20261130_145842_oai_deletions'
  },
];
