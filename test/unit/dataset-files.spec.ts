import { DatasetFiles } from '../../src/modules/datasets/dataset-view.js';

describe('DatasetFiles', () => {
  // PostgreSQL's json_object_agg writes spaces around ':' and after ','; the text is kept as is.
  const aggregated =
    '{ "b.txt" : "h1", "1" : "h2", "__proto__" : "h3", "q\\"\\\\ \\u00e9" : "h4" }';

  it('should give the aggregated text back untouched and its entries in their order', () => {
    const files = DatasetFiles.fromJson(aggregated);
    expect(files.toJson()).toBe(aggregated);
    expect([...files.entries()]).toEqual([
      ['b.txt', 'h1'],
      ['1', 'h2'],
      ['__proto__', 'h3'],
      ['q"\\ é', 'h4'],
    ]);
  });

  it('should write a map in its order, names like integers and __proto__ included', () => {
    const map = new Map([
      ['b.txt', 'h1'],
      ['1', 'h2'],
      ['__proto__', 'h3'],
    ]);
    const files = DatasetFiles.fromMap(map);
    expect(files.toJson()).toBe('{"b.txt":"h1","1":"h2","__proto__":"h3"}');
    expect([...files.entries()]).toEqual([...map.entries()]);
    expect(DatasetFiles.NONE.toJson()).toBe('{}');
  });
});
