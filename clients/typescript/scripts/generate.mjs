// Generates the client's types (src/schema.ts) from the committed openapi.json with
// openapi-typescript, formatted by the repository's prettier config, and keeps the package's
// version equal to the API's. With `--check` it writes nothing and fails when either is stale.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import ts from 'typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const documentFile = path.resolve(packageDir, '../../openapi.json');
const schemaFile = path.join(packageDir, 'src/schema.ts');
const packageFile = path.join(packageDir, 'package.json');

const BANNER =
  '// Generated from openapi.json by openapi-typescript (`npm run client:generate`): do not edit.\n\n';

const BLOB = ts.factory.createTypeReferenceNode('Blob');
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

/** Binary bodies (uploads, downloads) are `Blob`s, which fetch sends as they are, not strings. */
function binaryAsBlob(schema) {
  if (schema.format !== 'binary') {
    return undefined;
  }
  return schema.nullable ? ts.factory.createUnionTypeNode([BLOB, NULL]) : BLOB;
}

async function formatted(file, text) {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

async function expectedFiles() {
  const document = JSON.parse(await readFile(documentFile, 'utf8'));
  // defaultNonNullable off: a property with a default is optional in a body, as the document says.
  const ast = await openapiTS(document, { transform: binaryAsBlob, defaultNonNullable: false });
  const schema = await formatted(schemaFile, BANNER + astToString(ast));
  const manifest = JSON.parse(await readFile(packageFile, 'utf8'));
  const versioned = await formatted(
    packageFile,
    JSON.stringify({ ...manifest, version: document.info.version }),
  );
  return [
    [schemaFile, schema],
    [packageFile, versioned],
  ];
}

async function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, expected] of await expectedFiles()) {
    const relative = path.relative(process.cwd(), file);
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current === expected) {
      console.log(`${relative} is up to date`);
    } else if (check) {
      console.error(`${relative} is stale: run 'npm run client:generate' and commit the result`);
      stale += 1;
    } else {
      await writeFile(file, expected);
      console.log(`Wrote ${relative}`);
    }
  }
  return stale === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
