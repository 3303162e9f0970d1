import { Injectable } from '@nestjs/common';
import { DatasetFilesRepository } from './dataset-files.repository.js';

/**
 * The files of dataset versions: references from a dataset to stored blobs, with their names
 * and metadata. No HTTP and no access checks here: callers have authorised the caller already.
 */
@Injectable()
export class DatasetFilesService {
  constructor(private readonly files: DatasetFilesRepository) {}

  /** The `files` map of each dataset (filename -> handle), in the order the files were added. */
  async filesMaps(datasetIds: number[]): Promise<Map<number, Record<string, string>>> {
    const maps = new Map<number, Record<string, string>>(datasetIds.map((id) => [id, {}]));
    for (const row of await this.files.namesAndHandles(datasetIds)) {
      maps.get(row.datasetId)![row.filename] = row.handle;
    }
    return maps;
  }
}
