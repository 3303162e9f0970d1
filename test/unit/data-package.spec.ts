import { csvSchema, ResourceNames } from '../../src/modules/dataworld/v0/data-package.js';
import { formatOf, mediaTypeOf } from '../../src/modules/dataworld/v0/media-type.js';

/** The pieces of /v0's data package that the e2e spec cannot reach cheaply: edge cases. */

const fields = (...names: string[]) => ({
  fields: names.map((name) => ({ name, type: 'string' })),
});

describe('csvSchema', () => {
  it('should name the columns of the first line, quotes and a BOM undone', () => {
    const head = Buffer.from('\uFEFFa,"b, c","d ""e"""\nrest');
    expect(csvSchema(head, false)).toEqual(fields('a', 'b, c', 'd "e"'));
  });

  it('should take a quoted line break as part of the name', () => {
    expect(csvSchema(Buffer.from('"two\nlines",x\r\n1,2'), false)).toEqual(
      fields('two\nlines', 'x'),
    );
  });

  it('should take a whole file without a line break as its header', () => {
    expect(csvSchema(Buffer.from('only,header'), true)).toEqual(fields('only', 'header'));
  });

  it('should give no schema when the header does not end within the head read', () => {
    expect(csvSchema(Buffer.from('a,b,c'), false)).toBeUndefined();
    expect(csvSchema(Buffer.from('"a\nb'), true)).toBeUndefined();
  });

  it('should give no schema for an empty or repeated column name, or bytes not UTF-8', () => {
    expect(csvSchema(Buffer.from('a,,b\n'), true)).toBeUndefined();
    expect(csvSchema(Buffer.from('a,b,a\n'), true)).toBeUndefined();
    expect(csvSchema(Buffer.from([0x61, 0xff, 0x2c, 0x62, 0x0a]), true)).toBeUndefined();
  });
});

describe('ResourceNames', () => {
  it('should slug names as data.world does, numbering repeats', () => {
    const names = new ResourceNames();
    expect(
      [
        'Sales 2024.csv',
        'sales-2024.json',
        'dir/Sub Dir/x.tar.gz',
        '...',
        '.env',
        'SALES_2024',
      ].map((name) => names.next(name)),
    ).toEqual(['sales-2024', 'sales-2024-2', 'dir-sub-dir-x-tar', 'file', 'env', 'sales-2024-3']);
  });
});

describe('media types', () => {
  it.each([
    ['a.csv', 'text/csv', 'csv'],
    ['dir/B.JSON', 'application/json', 'json'],
    ['noext', 'application/octet-stream', undefined],
    ['csv', 'application/octet-stream', undefined],
    ['dir/x.', 'application/octet-stream', undefined],
    ['dir.v2/noext', 'application/octet-stream', undefined],
    ['.hidden', 'application/octet-stream', undefined],
  ])('%s is %s, format %s', (name, type, format) => {
    expect(mediaTypeOf(name)).toBe(type);
    expect(formatOf(name)).toBe(format);
  });
});
