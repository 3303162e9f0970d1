import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { Caller } from '../../../common/auth/auth-user.js';
import type { StoredFile } from '../../dataset-files/dataset-files.service.js';
import { DatasetsService } from '../../datasets/datasets.service.js';
import { ArchiveService, type DatasetArchive } from '../../files/archive.service.js';
import { UploadsService } from '../../files/uploads.service.js';
import { LicencesService } from '../../licences/licences.service.js';
import {
  CSV_HEAD_BYTES,
  csvSchema,
  dataPackageJson,
  isCsv,
  resourceOf,
  ResourceNames,
  type DataPackageResource,
} from './data-package.js';
import type { DatasetKey } from './dataset-key.js';

/** CSV header lines read at once while a data package is described. */
const HEAD_READS_AT_ONCE = 8;

/**
 * data.world's read side over the files services: the zip of a dataset, one file's bytes, and
 * the data package (Frictionless) that `load_dataset` reads. Every lookup is by `owner/id`,
 * for any caller who may read the dataset (anyone for an open one); the others get 404.
 */
@Injectable()
export class V0DownloadsService {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly archives: ArchiveService,
    private readonly uploads: UploadsService,
    private readonly licences: LicencesService,
  ) {}

  /** Every file of the newest version at its name, in a zip. */
  async datasetZip(caller: Caller, key: DatasetKey): Promise<DatasetArchive> {
    const { dataset } = await this.datasets.findBySlug(caller, key.owner, key.id);
    return this.archives.prepareZip(dataset);
  }

  /** One file of the newest version, and how to read its bytes. */
  async file(
    caller: Caller,
    key: DatasetKey,
    filename: string,
  ): Promise<{
    file: StoredFile;
    readonly open: (range?: { start: number; end: number }) => Promise<Readable>;
  }> {
    const { dataset } = await this.datasets.findBySlug(caller, key.owner, key.id);
    const file = await this.uploads.findFileOf(dataset, filename);
    return { file, open: (range) => this.uploads.openFile(file, range) };
  }

  /**
   * data.world's data package: a zip whose folder `<owner>-<id>/` holds `datapackage.json`
   * (written first, made from the file list) and every file under `data/`.
   */
  async dataPackage(caller: Caller, key: DatasetKey): Promise<DatasetArchive> {
    const { dataset } = await this.datasets.findBySlug(caller, key.owner, key.id);
    const licence = await this.licences.findRef(dataset.licenceId);
    const folder = `${key.owner}-${key.id}/`;
    return this.archives.prepareZip(dataset, {
      prefix: `${folder}data/`,
      leading: {
        name: `${folder}datapackage.json`,
        make: async (files) =>
          dataPackageJson(
            {
              id: key.id,
              title: dataset.name,
              description: dataset.description,
              licence: licence && { name: licence.name, url: licence.url },
            },
            await this.resources(files),
          ),
      },
    });
  }

  /** Each file's resource; a CSV's gets the columns of its header line when it can be read. */
  private async resources(files: AsyncIterable<StoredFile>): Promise<DataPackageResource[]> {
    const names = new ResourceNames();
    const resources: DataPackageResource[] = [];
    const csvs: { resource: DataPackageResource; file: StoredFile }[] = [];
    for await (const file of files) {
      const resource = resourceOf(file, names.next(file.filename));
      resources.push(resource);
      if (isCsv(resource)) {
        csvs.push({ resource, file });
      }
    }
    for (let start = 0; start < csvs.length; start += HEAD_READS_AT_ONCE) {
      await Promise.all(
        csvs.slice(start, start + HEAD_READS_AT_ONCE).map(async ({ resource, file }) => {
          const length = Math.min(file.size, CSV_HEAD_BYTES);
          // A file that cannot be read gets no schema here; the archive then fails on it.
          const head = await this.readHead(file, length).catch(() => undefined);
          const schema = head && csvSchema(head, length === file.size);
          if (schema !== undefined) {
            resource.schema = schema;
          }
        }),
      );
    }
    return resources;
  }

  /** The first `length` bytes of a file (at most {@link CSV_HEAD_BYTES}, never all of a big one). */
  private async readHead(file: StoredFile, length: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.uploads.openFile(file, { start: 0, end: length - 1 })) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
}
