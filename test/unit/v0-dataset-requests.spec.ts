import { BadRequestError, FieldRuleError } from '../../src/common/errors/domain-error.js';
import {
  parseDatasetDefinition,
  parseDatasetPatch,
  parseFileBatch,
  V0_FILE_LABELS,
  V0_LICENSES,
} from '../../src/modules/dataworld/v0/dataset.requests.js';

/**
 * data.world's dataset write bodies: every field rule at its bounds and one past them, the
 * 400/422 split (decision 6), and what PATCH's `null` means (decision 5).
 */

const base = { title: 'A title', visibility: 'OPEN' };

/** The 422 a parse throws; fails when it throws nothing or something else. */
function fieldRule(parse: () => unknown): FieldRuleError {
  try {
    parse();
  } catch (error) {
    if (error instanceof FieldRuleError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a FieldRuleError');
}

describe('bodies that are not JSON objects', () => {
  it.each([[[]], ['text'], [42], [null], [true]])(
    'should refuse %p with a 400 on every write',
    (body) => {
      expect(() => parseDatasetPatch(body)).toThrow(BadRequestError);
      expect(() => parseDatasetDefinition(body)).toThrow(BadRequestError);
      if (!Array.isArray(body)) {
        expect(() => parseFileBatch(body)).toThrow(BadRequestError);
      }
    },
  );

  it('should read an absent body as an empty one', () => {
    expect(parseDatasetPatch(undefined)).toEqual({});
    expect(fieldRule(() => parseDatasetDefinition(undefined)).message).toBe('title is required.');
  });
});

describe('PATCH', () => {
  it('should change nothing for an empty object', () => {
    expect(parseDatasetPatch({})).toEqual({});
  });

  it('should read every field it is given', () => {
    expect(
      parseDatasetPatch({
        title: 'New',
        description: 'd',
        summary: '# s',
        tags: ['alpha', 'beta gamma'],
        license: 'CC-BY',
        visibility: 'PRIVATE',
        files: [{ name: 'a.csv', description: 'x', labels: ['report'] }],
        properties: { ignored: true },
      }),
    ).toEqual({
      title: 'New',
      description: 'd',
      summary: '# s',
      tags: 'alpha,beta gamma',
      license: 'CC-BY',
      isPublic: false,
      files: [{ name: 'a.csv', description: 'x', labels: ['report'] }],
    });
  });

  it('should clear description and summary, empty tags and make the licence Other on null', () => {
    expect(
      parseDatasetPatch({ description: null, summary: null, tags: null, license: null }),
    ).toEqual({ description: '', summary: null, tags: '', license: 'Other' });
  });

  it.each(['title', 'visibility'])('should refuse null for the required %s (422)', (field) => {
    expect(fieldRule(() => parseDatasetPatch({ [field]: null })).message).toContain(field);
  });

  it.each([
    ['title', 5],
    ['description', 5],
    ['summary', ['x']],
    ['tags', 'alpha'],
    ['license', 1],
    ['visibility', true],
    ['files', { name: 'a' }],
  ])('should refuse %s of the wrong JSON type (422 naming it)', (field, value) => {
    expect(fieldRule(() => parseDatasetPatch({ [field]: value })).message).toMatch(
      new RegExp(`^${field}`),
    );
  });

  it('should let a file leave out its source', () => {
    expect(parseDatasetPatch({ files: [{ name: 'a.csv' }] })).toEqual({
      files: [{ name: 'a.csv' }],
    });
  });

  it('should clear a file description and labels on null', () => {
    expect(
      parseDatasetPatch({ files: [{ name: 'a.csv', description: null, labels: null }] }),
    ).toEqual({ files: [{ name: 'a.csv', description: null, labels: null }] });
  });
});

describe('field rules', () => {
  const patch = (body: Record<string, unknown>) => () => parseDatasetPatch(body);

  it('should take a title of 1 to 60 characters and refuse 0 or 61', () => {
    expect(parseDatasetPatch({ title: 'x' }).title).toBe('x');
    expect(parseDatasetPatch({ title: 'x'.repeat(60) }).title).toHaveLength(60);
    expect(fieldRule(patch({ title: '' })).message).toMatch(/^title must be 1 to 60/);
    const long = fieldRule(patch({ title: 'y'.repeat(61) }));
    expect(long.message).toMatch(/^title .*"y+".* 61/);
  });

  it('should take a description of up to 120 characters', () => {
    expect(parseDatasetPatch({ description: '' }).description).toBe('');
    expect(parseDatasetPatch({ description: 'd'.repeat(120) }).description).toHaveLength(120);
    expect(fieldRule(patch({ description: 'd'.repeat(121) })).message).toMatch(
      /^description must be at most 120/,
    );
  });

  it('should take a summary of up to 25,000 characters', () => {
    expect(parseDatasetPatch({ summary: 's'.repeat(25_000) }).summary).toHaveLength(25_000);
    expect(fieldRule(patch({ summary: 's'.repeat(25_001) })).message).toMatch(
      /^summary must be at most 25000/,
    );
  });

  it('should take tags of 2 to 25 letters, digits and spaces', () => {
    expect(parseDatasetPatch({ tags: ['ab', 'A1 b2'.padEnd(25, 'z')] }).tags).toBe(
      `ab,${'A1 b2'.padEnd(25, 'z')}`,
    );
    expect(parseDatasetPatch({ tags: [] }).tags).toBe('');
    expect(fieldRule(patch({ tags: ['ok', 'a'] })).message).toMatch(/^tags\[1\] .*"a"/);
    expect(fieldRule(patch({ tags: ['t'.repeat(26)] })).message).toMatch(/^tags\[0\]/);
    expect(fieldRule(patch({ tags: ['no_underscore'] })).message).toContain('"no_underscore"');
    expect(fieldRule(patch({ tags: ['comma,tag'] })).message).toContain('"comma,tag"');
    expect(fieldRule(patch({ tags: [3] })).message).toMatch(/^tags\[0\] must be a string/);
  });

  it('should refuse tags that repeat without regard to case', () => {
    const error = fieldRule(patch({ tags: ['Data', 'other', 'dATA'] }));
    expect(error.message).toMatch(/^tags\[2\] repeats .*"dATA"/);
  });

  it.each(V0_LICENSES)('should take the licence %s', (license) => {
    expect(parseDatasetPatch({ license }).license).toBe(license);
  });

  it.each(['CC BY-NC', 'MIT', 'cc-by', ''])('should refuse the licence %p', (license) => {
    expect(fieldRule(patch({ license })).message).toMatch(/^license must be one of .*Other/);
  });

  it('should take OPEN and PRIVATE only', () => {
    expect(parseDatasetPatch({ visibility: 'OPEN' }).isPublic).toBe(true);
    expect(parseDatasetPatch({ visibility: 'PRIVATE' }).isPublic).toBe(false);
    expect(fieldRule(patch({ visibility: 'DISCOVERABLE' })).message).toMatch(
      /^visibility .*"DISCOVERABLE"/,
    );
  });

  it('should take file names of 1 to 128 characters without a slash', () => {
    const name = 'n'.repeat(128);
    expect(parseDatasetPatch({ files: [{ name }] }).files).toEqual([{ name }]);
    expect(fieldRule(patch({ files: [{ name: '' }] })).message).toMatch(/^files\[0\]\.name/);
    expect(fieldRule(patch({ files: [{ name: `${name}n` }] })).message).toMatch(
      /^files\[0\]\.name must be 1 to 128/,
    );
    expect(fieldRule(patch({ files: [{ name: 'a/b.csv' }] })).message).toMatch(
      /^files\[0\]\.name must not contain '\/'.*"a\/b.csv"/,
    );
    expect(fieldRule(patch({ files: [{}] })).message).toBe('files[0].name is required.');
  });

  it('should refuse a file named twice', () => {
    expect(fieldRule(patch({ files: [{ name: 'a' }, { name: 'a' }] })).message).toMatch(
      /^files\[1\]\.name repeats/,
    );
  });

  it('should take file descriptions of 1 to 120 characters', () => {
    const description = 'd'.repeat(120);
    expect(parseDatasetPatch({ files: [{ name: 'a', description }] }).files).toEqual([
      { name: 'a', description },
    ]);
    expect(fieldRule(patch({ files: [{ name: 'a', description: '' }] })).message).toMatch(
      /^files\[0\]\.description must be 1 to 120/,
    );
    expect(
      fieldRule(patch({ files: [{ name: 'a', description: `${description}d` }] })).message,
    ).toMatch(/^files\[0\]\.description/);
  });

  it('should take every label once, from the list only', () => {
    const labels = [...V0_FILE_LABELS];
    expect(parseDatasetPatch({ files: [{ name: 'a', labels }] }).files).toEqual([
      { name: 'a', labels },
    ]);
    expect(
      fieldRule(patch({ files: [{ name: 'a', labels: ['report', 'report'] }] })).message,
    ).toMatch(/^files\[0\]\.labels\[1\] repeats/);
    expect(fieldRule(patch({ files: [{ name: 'a', labels: ['Report'] }] })).message).toMatch(
      /^files\[0\]\.labels\[0\] must be one of .*"Report"/,
    );
  });

  it('should take http and https URLs of up to 4096 characters', () => {
    const url = `https://example.org/${'p'.repeat(4096 - 20)}`;
    expect(url).toHaveLength(4096);
    expect(parseDatasetPatch({ files: [{ name: 'a', source: { url } }] }).files).toEqual([
      { name: 'a', source: { url } },
    ]);
    expect(
      parseDatasetPatch({ files: [{ name: 'a', source: { url: 'http://x.org/a' } }] }).files,
    ).toEqual([{ name: 'a', source: { url: 'http://x.org/a' } }]);
    expect(
      fieldRule(patch({ files: [{ name: 'a', source: { url: `${url}p` } }] })).message,
    ).toMatch(/^files\[0\]\.source\.url must be 1 to 4096/);
    for (const bad of ['ftp://x.org/a', 'file:///etc/passwd', 'not a url', 'https://']) {
      expect(fieldRule(patch({ files: [{ name: 'a', source: { url: bad } }] })).message).toMatch(
        /^files\[0\]\.source\.url must be an http or https URL/,
      );
    }
    expect(fieldRule(patch({ files: [{ name: 'a', source: {} }] })).message).toBe(
      'files[0].source.url is required.',
    );
  });
});

describe('create and PUT', () => {
  it('should need title and visibility', () => {
    expect(fieldRule(() => parseDatasetDefinition({ visibility: 'OPEN' })).message).toBe(
      'title is required.',
    );
    expect(fieldRule(() => parseDatasetDefinition({ title: 'x' })).message).toBe(
      'visibility is required.',
    );
  });

  it('should fill in what is left out: no description, summary or tags, licence Other', () => {
    expect(parseDatasetDefinition(base)).toEqual({
      title: 'A title',
      isPublic: true,
      description: '',
      summary: null,
      tags: '',
      license: 'Other',
      files: [],
    });
  });

  it('should take a project name', () => {
    expect(parseDatasetDefinition({ ...base, project: 'Climate' }).project).toBe('Climate');
    expect(fieldRule(() => parseDatasetDefinition({ ...base, project: '' })).message).toMatch(
      /^project/,
    );
  });

  it('should need a source for every file', () => {
    expect(
      fieldRule(() => parseDatasetDefinition({ ...base, files: [{ name: 'a.csv' }] })).message,
    ).toBe('files[0].source is required.');
  });
});

describe('add files', () => {
  const file = { name: 'a.csv', source: { url: 'https://example.org/a.csv' } };

  it('should take {files: [...]} and a bare array alike', () => {
    expect(parseFileBatch({ files: [file] })).toEqual([file]);
    expect(parseFileBatch([file])).toEqual([file]);
  });

  it('should need files, each with a source', () => {
    expect(fieldRule(() => parseFileBatch({})).message).toBe('files is required.');
    expect(fieldRule(() => parseFileBatch([{ name: 'a.csv' }])).message).toBe(
      'files[0].source is required.',
    );
  });
});
