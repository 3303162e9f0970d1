import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each blob's CRC-32, recorded at upload, so zip downloads can write complete entry headers and
 * copy the bytes untouched. Existing blobs keep NULL (their bytes are not at hand here): their
 * zip entries are checksummed as they stream, as before.
 */
export class BlobCrc321796183950960 implements MigrationInterface {
  name = 'BlobCrc321796183950960';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "blobs" ADD "crc32" bigint');
    await queryRunner.query(
      'ALTER TABLE "blobs" ADD CONSTRAINT "ck_blobs_crc32" CHECK ("crc32" BETWEEN 0 AND 4294967295)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "blobs" DROP CONSTRAINT "ck_blobs_crc32"');
    await queryRunner.query('ALTER TABLE "blobs" DROP COLUMN "crc32"');
  }
}
