import * as migration_20261128_115708_initial from './20261128_115708_initial';

export const migrations = [
  {
    up: migration_20261128_115708_initial.up,
    down: migration_20261128_115708_initial.down,
    name: '20261128_115708_initial'
  },
];
