import { ApiToken } from '../modules/api-tokens/api-token.entity.js';
import { DataDomain } from '../modules/domains/data-domain.entity.js';
import {
  LicenceCondition,
  LicenceDomain,
  LicenceLimitation,
  LicencePermission,
} from '../modules/licences/licence-subdescriptor.entity.js';
import { Licence } from '../modules/licences/licence.entity.js';
import { Blob } from '../modules/dataset-files/blob.entity.js';
import { DatasetFile } from '../modules/dataset-files/dataset-file.entity.js';
import { FileManifest } from '../modules/dataset-files/file-manifest.entity.js';
import { Dataset } from '../modules/datasets/dataset.entity.js';
import { Project } from '../modules/projects/project.entity.js';
import { FileSource } from '../modules/sources/file-source.entity.js';
import { RateLimitCounter } from '../modules/rate-limits/rate-limit-counter.entity.js';
import { Membership } from '../modules/teams/membership.entity.js';
import { Team } from '../modules/teams/team.entity.js';
import { User } from '../modules/users/user.entity.js';

/**
 * Every entity, listed explicitly (no globs) so the app, the migration CLI and the tests load
 * exactly the same set whether they run compiled JavaScript or TypeScript under jest.
 */
export const ENTITIES = [
  User,
  Licence,
  LicencePermission,
  LicenceCondition,
  LicenceLimitation,
  LicenceDomain,
  DataDomain,
  Team,
  Membership,
  Project,
  FileManifest,
  Dataset,
  Blob,
  DatasetFile,
  RateLimitCounter,
  ApiToken,
  FileSource,
];
