// Every migration, in order. `npm run migration:generate` appends new ones here.
import { Init1795475901687 } from './1795475901687-init.js';
import { LicencesDomains1796000000000 } from './1796000000000-licences-domains.js';
import { TeamsProjects1796163197175 } from './1796163197175-teams-projects.js';
import { Datasets1796163790041 } from './1796163790041-datasets.js';
import { FileManifests1796172389478 } from './1796172389478-file-manifests.js';
import { ChangeFeed1796180000000 } from './1796180000000-change-feed.js';
import { BlobCrc321796183950960 } from './1796183950960-blob-crc32.js';
import { RateLimitCounters1796401130443 } from './1796401130443-rate-limit-counters.js';
import { DatasetSlugConstraints1796402207769 } from './1796402207769-dataset-slug-constraints.js';
import { DatasetFilesManifestOrder1796404031148 } from './1796404031148-dataset-files-manifest-order.js';
import { RateLimiterFlexibleCounters1796404735908 } from './1796404735908-rate-limiter-flexible-counters.js';
import { ApiTokens1796410832095 } from './1796410832095-api-tokens.js';
import { FileSources1796411440022 } from './1796411440022-file-sources.js';
import { FileDetailsModificationTime1796677318560 } from './1796677318560-file-details-modification-time.js';
export const MIGRATIONS: (new () => object)[] = [
  Init1795475901687,
  LicencesDomains1796000000000,
  TeamsProjects1796163197175,
  Datasets1796163790041,
  FileManifests1796172389478,
  ChangeFeed1796180000000,
  BlobCrc321796183950960,
  RateLimitCounters1796401130443,
  DatasetSlugConstraints1796402207769,
  DatasetFilesManifestOrder1796404031148,
  RateLimiterFlexibleCounters1796404735908,
  ApiTokens1796410832095,
  FileSources1796411440022,
  FileDetailsModificationTime1796677318560,
];
