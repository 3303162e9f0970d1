/**
 * Writes the OpenAPI document (`openapi.json`), or with `--check` fails when the committed one
 * differs from what the code declares. Builds the app in preview mode: no database needed.
 */
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { AppModule } from './app.module.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { loadConfig } from './config/app-config.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const file = args.find((arg) => !arg.startsWith('--')) ?? 'openapi.json';
  const config = {
    ...loadConfig({}),
    databaseUrl: 'postgres://preview@127.0.0.1:1/preview',
    jwtSecret: 'preview-only-secret-never-used-for-signing',
  };
  const app = await NestFactory.create(AppModule.forRoot(config, pino({ level: 'silent' })), {
    preview: true,
    logger: false,
  });
  const document = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  if (!check) {
    await writeFile(file, document);
    console.log(`Wrote ${file}`);
    return 0;
  }
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== document) {
    console.error(`${file} is stale: run 'npm run openapi' and commit the result`);
    return 1;
  }
  console.log(`${file} is up to date`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
