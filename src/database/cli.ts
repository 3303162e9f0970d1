/**
 * Migration commands: `run`, `revert`, `check` (exit 1 when entities and migrations differ),
 * `generate <Name>` (writes a migration from that difference, for review). Uses DATABASE_URL,
 * or the embedded PostgreSQL in DATA_DIR when it is unset, exactly as the server does.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/app-config.js';
import { createCliLogger } from '../common/logging/logger.js';
import { provisionDatabase } from './provision.js';
import { diffEntitiesAgainstMigrations, revertLastMigration, runMigrations } from './migrator.js';

const MIGRATIONS_DIR = path.resolve('migrations');

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const log = createCliLogger(config.logLevel);
  const database = await provisionDatabase(config, {
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    debug: (message) => log.debug(message),
  });
  try {
    switch (command) {
      case 'run': {
        const applied = await runMigrations(database.url);
        log.info(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations');
        return 0;
      }
      case 'revert':
        await revertLastMigration(database.url);
        log.info('Reverted the last migration');
        return 0;
      case 'check': {
        const diff = await diffEntitiesAgainstMigrations(database.url);
        if (diff.up.length === 0) {
          log.info('Entities and migrations agree');
          return 0;
        }
        log.error(
          `Entities and migrations differ; run 'npm run migration:generate -- <Name>'. Missing:\n` +
            diff.up.join(';\n'),
        );
        return 1;
      }
      case 'generate': {
        if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
          log.error('usage: migration:generate -- <PascalCaseName>');
          return 2;
        }
        const diff = await diffEntitiesAgainstMigrations(database.url);
        if (diff.up.length === 0) {
          log.info('No changes: entities and migrations agree');
          return 0;
        }
        const file = await writeMigration(name, diff.up, diff.down);
        log.info(`Wrote ${file}; review it before committing`);
        return 0;
      }
      default:
        log.error('usage: cli.js run | revert | check | generate <Name>');
        return 2;
    }
  } finally {
    await database.stop();
  }
}

async function writeMigration(name: string, up: string[], down: string[]): Promise<string> {
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const fileBase = `${timestamp}-${kebab}`;
  const statement = (sql: string): string =>
    `    await queryRunner.query(${JSON.stringify(sql.replace(/\s+/g, ' ').trim())});`;
  const source = [
    "import type { MigrationInterface, QueryRunner } from 'typeorm';",
    '',
    `export class ${className} implements MigrationInterface {`,
    `  name = '${className}';`,
    '',
    '  async up(queryRunner: QueryRunner): Promise<void> {',
    ...up.map(statement),
    '  }',
    '',
    '  async down(queryRunner: QueryRunner): Promise<void> {',
    ...down.map(statement),
    '  }',
    '}',
    '',
  ].join('\n');
  const file = path.join(MIGRATIONS_DIR, `${fileBase}.ts`);
  await writeFile(file, source);
  const indexFile = path.join(MIGRATIONS_DIR, 'index.ts');
  const index = await readFile(indexFile, 'utf8');
  const withImport = index.replace(
    /^(\/\/.*\n)((?:import .*\n)*)/,
    `$1$2import { ${className} } from './${fileBase}.js';\n`,
  );
  const updated = withImport.replace(/= \[([^\]]*)\];/, (_match, list: string) => {
    const entries = list
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    return `= [${[...entries, className].join(', ')}];`;
  });
  await writeFile(indexFile, updated);
  return file;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
