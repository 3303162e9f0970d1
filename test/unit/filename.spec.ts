import {
  normaliseFilename,
  parentPrefixes,
  posixNormpath,
} from '../../src/modules/dataset-files/filename.js';

describe('UFDL filename rules', () => {
  it.each([
    ['', '.'],
    ['a', 'a'],
    ['a//b', 'a/b'],
    ['a/./b', 'a/b'],
    ['a/../b', 'b'],
    ['/a', '/a'],
    ['//a', '//a'],
    ['///a', '/a'],
    ['../a', '../a'],
    ['a/../..', '..'],
    ['/..', '/'],
    ['a/b/', 'a/b'],
  ])('should normpath %j to %j as Python does', (input, expected) => {
    expect(posixNormpath(input)).toBe(expected);
  });

  it.each([
    ['a.txt', { kind: 'file', name: 'a.txt' }],
    ['/abs/path.txt', { kind: 'file', name: 'abs/path.txt' }],
    ['//x', { kind: 'file', name: 'x' }],
    ['dir/./sub//f', { kind: 'file', name: 'dir/sub/f' }],
    ['dir/', { kind: 'directory', prefix: 'dir' }],
    ['a/b/../', { kind: 'directory', prefix: 'a' }],
    ['/', { kind: 'directory', prefix: '' }],
    ['.', { kind: 'file', name: '.' }],
    ['..foo', { kind: 'file', name: '..foo' }],
  ])('should normalise %j', (input, expected) => {
    expect(normaliseFilename(input)).toEqual(expected);
  });

  it.each([
    ['..', /start with \.\./],
    ['../x', /start with \.\./],
    ['a/../../x', /start with \.\./],
    ['a\\b', /backslashes/],
    ['a\0b', /NUL/],
    ['x'.repeat(1025), /at most 1024 bytes/],
    ['é'.repeat(513), /at most 1024 bytes/],
  ])('should refuse %j', (input, message) => {
    expect(() => normaliseFilename(input)).toThrow(message);
  });

  it('should accept exactly 1024 UTF-8 bytes', () => {
    expect(normaliseFilename('é'.repeat(512))).toEqual({ kind: 'file', name: 'é'.repeat(512) });
  });

  it('should list directory prefixes', () => {
    expect(parentPrefixes('a/b/c')).toEqual(['a', 'a/b']);
    expect(parentPrefixes('a')).toEqual([]);
  });
});
