import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DatasetFile } from './dataset-file.entity.js';

@Injectable()
export class DatasetFilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** (dataset, filename, handle) of every file of these datasets, in insertion order. */
  async namesAndHandles(
    datasetIds: number[],
  ): Promise<{ datasetId: number; filename: string; handle: string }[]> {
    if (datasetIds.length === 0) {
      return [];
    }
    return this.dataSource
      .getRepository(DatasetFile)
      .createQueryBuilder('f')
      .select(['f.dataset_id AS "datasetId"', 'f.filename AS filename', 'f.blob_handle AS handle'])
      .where({ datasetId: In(datasetIds) })
      .orderBy('f.id')
      .getRawMany();
  }
}
