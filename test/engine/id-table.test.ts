// The engine's id table: step ids to indices (src/engine/id-table.ts).
import fc from 'fast-check';
import { IdTable } from '../../src/engine/id-table.ts';

describe('IdTable', () => {
  it('finds every id at its position, and nothing else', () => {
    const table = IdTable.of(['order', 'pay', 'invoice']) as IdTable;
    expect([table.get('order'), table.get('pay'), table.get('invoice')]).toEqual([0, 1, 2]);
    expect(table.get('ship')).toBeUndefined();
    expect(table.get('')).toBeUndefined();
  });

  it('has no inherited keys: "constructor" and "__proto__" are ids like any other', () => {
    const empty = IdTable.of(['a']) as IdTable;
    expect(empty.get('constructor')).toBeUndefined();
    expect(empty.get('__proto__')).toBeUndefined();
    const table = IdTable.of(['__proto__', 'constructor']) as IdTable;
    expect([table.get('__proto__'), table.get('constructor')]).toEqual([0, 1]);
  });

  it('answers the index of the second occurrence of a repeated id', () => {
    expect(IdTable.of(['a', 'b', 'c', 'b'])).toBe(3);
    expect(IdTable.of([])).toBeInstanceOf(IdTable);
  });

  it('agrees with a Map for any list of distinct ids, also at many thousands of steps', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 300 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 20 }), (ids, others) => {
        const table = IdTable.of(ids) as IdTable;
        const map = new Map(ids.map((id, i) => [id, i]));
        for (const id of [...ids, ...others]) expect(table.get(id)).toBe(map.get(id));
      }),
    );
    const many = Array.from({ length: 50_000 }, (_, i) => `step-${i.toString(36)}`);
    const table = IdTable.of(many) as IdTable;
    expect(many.every((id, i) => table.get(id) === i)).toBe(true);
    expect(table.get('step-')).toBeUndefined();
  });
});
