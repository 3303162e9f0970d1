// Every migration, in order. `npm run migration:generate` appends new ones here.
import { Init1795475901687 } from './1795475901687-init.js';
export const MIGRATIONS: (new () => object)[] = [Init1795475901687];
