import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122151253_foundation } from './Migration20261122151253_foundation.js';

// Every migration, in order. `npm run migration:create -- <name>` writes a new file here; add it to this list.
export const migrationsList: MigrationObject[] = [{ name: 'Migration20261122151253_foundation', class: Migration20261122151253_foundation }];
