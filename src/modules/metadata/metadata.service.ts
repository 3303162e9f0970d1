import { Injectable } from '@nestjs/common';
import type { Caller } from '../../common/auth/auth-user.js';
import { BadRequestError } from '../../common/errors/domain-error.js';
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

  async set(
    caller: Caller,
    pk: number,
    filename: string,
    body: unknown,
  ): Promise<{ metadata: string }> {
    const { dataset } = await this.datasets.loadForWrite(caller, pk);
    const metadata = parseFileMetadata(body);
    await this.files.setMetadata(dataset.id, filename, metadata);
    return { metadata };
  }

  async get(caller: Caller, pk: number, filename: string): Promise<{ metadata: string }> {
    const { dataset } = await this.datasets.loadForRead(caller, pk);
    return { metadata: await this.files.getMetadata(dataset.id, filename) };
  }

  /** `[filename, metadata]` pairs in answer order: a first batch and maybe more to read. */
  async all(caller: Caller, pk: number): Promise<BatchedAnswer<[string, string]>> {
    const { dataset } = await this.datasets.loadForRead(caller, pk);
    return this.files.allMetadata(dataset.id);
  }
}

/** UFDL's FileMetadata schema, strict: exactly `{"metadata": <string>}`. */
export function parseFileMetadata(body: unknown): string {
  const fail = (reason: string): never => {
    throw new BadRequestError(`Unable to parse JSON: ${reason}`);
  };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('expected an object {"metadata": "<string>"}');
  }
  const keys = Object.keys(body);
  const extra = keys.find((key) => key !== 'metadata');
  if (extra !== undefined) {
    fail(`unexpected key '${extra}'`);
  }
  const { metadata } = body as { metadata?: unknown };
  if (typeof metadata !== 'string') {
    return fail('metadata must be a string');
  }
  if (metadata.includes('\0')) {
    fail('metadata may not contain NUL bytes');
  }
  return metadata;
}
