import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthCheckAttempt } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * Whether every migration this build ships is recorded as applied. A database may also hold
 * migrations this build does not know (a newer instance of a rolling deploy ran them first):
 * those do not make it unready, as the schema this build needs is there.
 */
@Injectable()
export class MigrationsHealthIndicator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check<Key extends string>(key: Key): HealthCheckAttempt<Key> {
    return this.indicators.check(key).attempt(async () => {
      const table = this.dataSource.options.migrationsTableName ?? 'migrations';
      const rows = await this.dataSource.query<{ name: string }[]>(
        `SELECT name FROM ${this.dataSource.driver.escape(table)}`,
      );
      const applied = new Set(rows.map((row) => row.name));
      // TypeORM records a migration under its `name`, or its class name when it has none.
      const missing = this.dataSource.migrations
        .map((migration) => migration.name ?? migration.constructor.name)
        .filter((name) => !applied.has(name));
      if (missing.length > 0) {
        throw new Error(`Migrations not applied: ${missing.join(', ')}`);
      }
      return { applied: this.dataSource.migrations.length };
    });
  }
}
