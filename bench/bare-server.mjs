// The framework-free comparison server: plain node:http, in its own process like Strata so it
// gets the same core budget. It shows what Node alone does on this machine, so a benchmark can
// tell Strata's overhead from the platform's.
//
//   GET  /file    streams BARE_FILE (fs.createReadStream, default 64 KiB chunks), like get_file
//   POST /upload  streams the body through SHA-256 into a file under BARE_UPLOAD_DIR, fsyncs it
//                 (flush: true), answers {"sha256"} and deletes the file, like add_file's staging
//   anything else answers the bytes of BARE_BODY_FILE (the dataset JSON for the `get` benchmark)
//
// Env: BARE_PORT (required); BARE_BODY_FILE, BARE_CONTENT_TYPE, BARE_FILE, BARE_UPLOAD_DIR.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const port = Number(process.env.BARE_PORT);
const body = process.env.BARE_BODY_FILE
  ? readFileSync(process.env.BARE_BODY_FILE)
  : Buffer.from('{}');
const contentType = process.env.BARE_CONTENT_TYPE || 'application/json; charset=utf-8';

async function sendFile(response) {
  const file = process.env.BARE_FILE;
  response.writeHead(200, {
    'Content-Type': 'application/data',
    'Content-Length': statSync(file).size,
  });
  await pipeline(createReadStream(file), response);
}

async function receiveUpload(request, response) {
  const target = path.join(process.env.BARE_UPLOAD_DIR, randomBytes(8).toString('hex'));
  const hash = createHash('sha256');
  const hasher = new Transform({
    transform(chunk, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  const file = await open(target, 'wx');
  try {
    await pipeline(request, hasher, file.createWriteStream({ flush: true }));
  } finally {
    await rm(target, { force: true });
  }
  const answer = Buffer.from(JSON.stringify({ sha256: hash.digest('hex') }));
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': answer.length });
  response.end(answer);
}

const server = http.createServer((request, response) => {
  let work;
  if (request.method === 'GET' && request.url === '/file') {
    work = sendFile(response);
  } else if (request.method === 'POST' && request.url === '/upload') {
    work = receiveUpload(request, response);
  } else {
    // Drain any request body so keep-alive sockets stay usable.
    request.resume();
    response.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length });
    response.end(body);
    return;
  }
  work.catch((error) => {
    process.stderr.write(`bare server: ${error.stack ?? error}\n`);
    response.destroy();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening ${port}\n`);
});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
