import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Licence } from './licence.entity.js';
import type { SubdescriptorType } from './licence.commands.js';
import { uniqueViolation } from '../../common/errors/pg-errors.js';
import { runTransaction } from '../../database/transaction.js';

/** A licence's sub-descriptor names, each list in sub-descriptor id order. */
export type SubdescriptorNames = Record<SubdescriptorType, string[]>;

/** Where each sub-descriptor kind lives: its vocabulary table, join table and join column. */
const KINDS: Record<SubdescriptorType, { table: string; join: string; column: string }> = {
  permissions: {
    table: 'licence_permissions',
    join: 'licences_permissions',
    column: 'permission_id',
  },
  conditions: { table: 'licence_conditions', join: 'licences_conditions', column: 'condition_id' },
  limitations: {
    table: 'licence_limitations',
    join: 'licences_limitations',
    column: 'limitation_id',
  },
  domains: { table: 'licence_domains', join: 'licences_domains', column: 'domain_id' },
};

export function emptySubdescriptorNames(): SubdescriptorNames {
  return { permissions: [], conditions: [], limitations: [], domains: [] };
}

@Injectable()
export class LicencesRepository {
  // The data source's own manager, or a transaction's on the instances `transaction` hands out.
  private manager: EntityManager;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.manager = dataSource.manager;
  }

  /** Every statement of `work` in one transaction, through a repository bound to it. */
  transaction<T>(work: (repository: LicencesRepository) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, (manager) => {
      const bound = new LicencesRepository(this.dataSource);
      bound.manager = manager;
      return work(bound);
    });
  }

  /** The base of `POST /v1/licences/list`; the filter compiler adds the caller's spec. */
  listQuery(alias: string): SelectQueryBuilder<Licence> {
    return this.manager.getRepository(Licence).createQueryBuilder(alias);
  }

  findById(id: number): Promise<Licence | null> {
    return this.manager.getRepository(Licence).findOneBy({ id });
  }

  findByIds(ids: readonly number[]): Promise<Licence[]> {
    return this.manager.getRepository(Licence).findBy({ id: In([...ids]) });
  }

  findByName(name: string): Promise<Licence | null> {
    return this.manager.getRepository(Licence).findOneBy({ name });
  }

  findByDataworldName(dataworldName: string): Promise<Licence | null> {
    return this.manager.getRepository(Licence).findOneBy({ dataworldName });
  }

  /** The sub-descriptor names of each licence asked for (licences without any get empty lists). */
  async findSubdescriptorNames(licenceIds: number[]): Promise<Map<number, SubdescriptorNames>> {
    const byLicence = new Map(licenceIds.map((id) => [id, emptySubdescriptorNames()]));
    if (licenceIds.length === 0) {
      return byLicence;
    }
    const selects = (Object.keys(KINDS) as SubdescriptorType[]).map((type) => {
      const kind = KINDS[type];
      return (
        `SELECT '${type}' AS "type", j."licence_id" AS "licenceId", s."id", s."name" ` +
        `FROM "${kind.join}" j JOIN "${kind.table}" s ON s."id" = j."${kind.column}" ` +
        `WHERE j."licence_id" = ANY($1)`
      );
    });
    const rows = await this.manager.query<
      { type: SubdescriptorType; licenceId: number; name: string }[]
    >(`${selects.join(' UNION ALL ')} ORDER BY "type", "id"`, [licenceIds]);
    for (const row of rows) {
      byLicence.get(row.licenceId)?.[row.type].push(row.name);
    }
    return byLicence;
  }

  /** Inserts the licence unless its name is taken; returns the new id, or undefined if taken. */
  async insertIfNameFree(licence: { name: string; url: string }): Promise<number | undefined> {
    const result = await this.manager
      .getRepository(Licence)
      .createQueryBuilder()
      .insert()
      .values(licence)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as { id: number }[])[0]?.id;
  }

  /** Applies the changes; returns false when the new name is taken by another licence. */
  async update(id: number, changes: { name?: string; url?: string }): Promise<boolean> {
    try {
      await this.manager.getRepository(Licence).update({ id }, changes);
      return true;
    } catch (error) {
      if (uniqueViolation(error) !== undefined) {
        return false;
      }
      throw error;
    }
  }

  /** Deletes the licence (its sub-descriptor links go with it); returns whether it existed. */
  async delete(id: number): Promise<boolean> {
    const result = await this.manager.getRepository(Licence).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Locks the licence row for the rest of the transaction, so concurrent sub-descriptor edits
   * of one licence (and its deletion) queue up; returns false if there is no such licence.
   */
  async lockLicence(id: number): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>(
      'SELECT 1 FROM "licences" WHERE "id" = $1 FOR UPDATE',
      [id],
    );
    return rows.length > 0;
  }

  /**
   * Which of these sub-descriptor pks exist, key-share locked until commit so that no
   * concurrent removal deletes them before they are attached.
   */
  async lockSubdescriptorsByPk(type: SubdescriptorType, ids: number[]): Promise<Set<number>> {
    const rows = await this.manager.query<{ id: number }[]>(
      `SELECT "id" FROM "${KINDS[type].table}" WHERE "id" = ANY($1) FOR KEY SHARE`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * The ids of these sub-descriptor names, creating the missing ones; key-share locked like
   * {@link lockSubdescriptorsByPk}. A name deleted by a concurrent removal between our insert
   * and our lock comes back missing from the map; the caller retries.
   */
  async ensureSubdescriptorsByName(
    type: SubdescriptorType,
    names: string[],
  ): Promise<Map<string, number>> {
    const table = KINDS[type].table;
    await this.manager.query(
      `INSERT INTO "${table}" ("name") SELECT unnest($1::varchar[]) ON CONFLICT ("name") DO NOTHING`,
      [names],
    );
    const rows = await this.manager.query<{ id: number; name: string }[]>(
      `SELECT "id", "name" FROM "${table}" WHERE "name" = ANY($1) FOR KEY SHARE`,
      [names],
    );
    return new Map(rows.map((row) => [row.name, row.id]));
  }

  /** Links the sub-descriptors to the licence; links that already exist are left alone. */
  async attach(type: SubdescriptorType, licenceId: number, ids: number[]): Promise<void> {
    const kind = KINDS[type];
    await this.manager.query(
      `INSERT INTO "${kind.join}" ("licence_id", "${kind.column}") ` +
        'SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING',
      [licenceId, ids],
    );
  }

  /** Unlinks the licence's sub-descriptors with these names or pks; returns the ids unlinked. */
  async detach(
    type: SubdescriptorType,
    licenceId: number,
    names: string[],
    ids: number[],
  ): Promise<number[]> {
    const kind = KINDS[type];
    // Wrapped in a SELECT because TypeORM hands back a bare DELETE's result as [rows, count].
    const rows = await this.manager.query<{ id: number }[]>(
      `WITH detached AS (DELETE FROM "${kind.join}" j USING "${kind.table}" s ` +
        `WHERE s."id" = j."${kind.column}" AND j."licence_id" = $1 ` +
        `AND (s."name" = ANY($2) OR s."id" = ANY($3)) RETURNING s."id") SELECT "id" FROM detached`,
      [licenceId, names, ids],
    );
    return rows.map((row) => row.id);
  }

  /** Deletes those of these sub-descriptors that no licence links to any more. */
  async deleteUnusedSubdescriptors(type: SubdescriptorType, ids: number[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    const kind = KINDS[type];
    // Waits for transactions attaching these rows (they hold key-share locks) to finish, so
    // the NOT EXISTS below sees their links and keeps what they just attached.
    await this.manager.query(
      `SELECT 1 FROM "${kind.table}" WHERE "id" = ANY($1) ORDER BY "id" FOR UPDATE`,
      [ids],
    );
    await this.manager.query(
      `DELETE FROM "${kind.table}" s WHERE s."id" = ANY($1) ` +
        `AND NOT EXISTS (SELECT 1 FROM "${kind.join}" j WHERE j."${kind.column}" = s."id")`,
      [ids],
    );
  }
}
