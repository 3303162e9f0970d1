import { Writable } from 'node:stream';
import pino from 'pino';
import { NestLogger } from '../../src/common/logging/nest-logger.js';

function capture(): { logger: NestLogger; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString('utf8'));
      done();
    },
  });
  const base = pino({ level: 'trace' }, sink);
  return {
    logger: new NestLogger(base),
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('NestLogger', () => {
  it('should log the message at the matching level with its context', () => {
    const { logger, lines } = capture();
    logger.log('Mapped route', 'RouterExplorer');
    logger.verbose('detail');
    expect(lines()).toEqual([
      expect.objectContaining({ level: 30, msg: 'Mapped route', context: 'RouterExplorer' }),
      expect.objectContaining({ level: 10, msg: 'detail' }),
    ]);
  });

  it("should log the stack Nest's exception handlers pass after the message as err", () => {
    const { logger, lines } = capture();
    logger.error('boom', 'Error: boom\n    at somewhere (file.js:1:1)', 'ExceptionsHandler');
    const [line] = lines();
    expect(line).toMatchObject({ level: 50, msg: 'boom', context: 'ExceptionsHandler' });
    expect((line?.err as { stack: string }).stack).toContain('at somewhere');
  });

  it('should log an Error as err and an object as fields', () => {
    const { logger, lines } = capture();
    logger.warn(new Error('careful'));
    logger.debug({ table: 'kept' }, 'Database');
    expect(lines()).toEqual([
      expect.objectContaining({ level: 40, msg: 'careful', err: expect.anything() }),
      expect.objectContaining({ level: 20, table: 'kept', context: 'Database' }),
    ]);
  });
});
