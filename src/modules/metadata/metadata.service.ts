import { Injectable } from '@nestjs/common';
import type { Caller } from '../../common/auth/auth-user.js';
import type { BatchedAnswer } from '../../database/cursor.js';
import { DatasetFilesService } from '../dataset-files/dataset-files.service.js';
import { DatasetsService } from '../datasets/datasets.service.js';

/** Per-file metadata: an opaque string kept with each file of a dataset version. */
@Injectable()
export class MetadataService {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly files: DatasetFilesService,
  ) {}

  /** Sets a file's metadata and answers it as stored. */
  async set(caller: Caller, pk: number, filename: string, metadata: string): Promise<string> {
    const { dataset } = await this.datasets.loadForWrite(caller, pk);
    await this.files.setMetadata(dataset.id, filename, metadata);
    return metadata;
  }

  /** Whether the caller may set metadata on this dataset's files at all: the set's refusals. */
  async checkSet(caller: Caller, pk: number): Promise<void> {
    await this.datasets.loadForWrite(caller, pk);
  }

  async get(caller: Caller, pk: number, filename: string): Promise<string> {
    const { dataset } = await this.datasets.loadForRead(caller, pk);
    return this.files.getMetadata(dataset.id, filename);
  }

  /** `[filename, metadata]` pairs in answer order: a first batch and maybe more to read. */
  async all(caller: Caller, pk: number): Promise<BatchedAnswer<[string, string]>> {
    const { dataset } = await this.datasets.loadForRead(caller, pk);
    return this.files.allMetadata(dataset.id);
  }
}
