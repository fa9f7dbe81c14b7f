import { checkMigrationSequence, migrate, scenarioMigrations, type MigrationSequence } from '../../src/scenario/migrations.ts';
import { openScenario } from '../../src/scenario/open-scenario.ts';
import { SCENARIO_VERSION } from '../../src/scenario/types.ts';
import { scenario } from './helpers.ts';

describe('scenario migrations', () => {
  it('counts up without gaps to the current format version', () => {
    expect(checkMigrationSequence(scenarioMigrations)).toEqual([]);
    const list = scenarioMigrations.migrations;
    expect(list[list.length - 1].version).toBe(SCENARIO_VERSION);
    expect(list[0]).toMatchObject({ version: 1, name: 'Initial' });
  });

  it('leaves a current document as it is', () => {
    const doc = scenario() as unknown as Record<string, unknown>;
    expect(migrate(doc)).toEqual({ ok: true, document: doc, from: 2, to: 2, applied: [] });
  });

  it('brings a version-1 document to version 2 without changing anything else (AddRunConditions)', () => {
    const input = { ...scenario(['a', 'b'], [{ from: 'a', to: 'b', on: 'always' }]), version: 1 };
    const r = migrate(input);
    expect(r).toEqual({ ok: true, document: { ...input, version: 2 }, from: 1, to: 2, applied: ['AddRunConditions'] });
    expect(input.version).toBe(1);
  });

  it('refuses a version-3 document with a typed reason: made by a newer Ripple', () => {
    const r = migrate({ ...scenario(), version: 3 });
    expect(r).toEqual({
      ok: false,
      reason: 'TargetVersionTooNew',
      version: 3,
      message: 'made by a newer Ripple (format version 3); this Ripple reads format version 2 — open it in a newer Ripple',
    });
    const opened = openScenario(JSON.stringify({ ...scenario(), version: 3, someNewField: true }));
    expect(opened).toMatchObject({ ok: false, kind: 'newer-version' });
    expect(!opened.ok && opened.message).toBe(
      'This scenario was made by a newer Ripple (format version 3); this Ripple reads format version 2 — open it in a newer Ripple.',
    );
  });

  it('gives typed reasons for versions it cannot read', () => {
    expect(migrate({ ...scenario(), version: 0 })).toMatchObject({ ok: false, reason: 'TargetVersionTooOld', version: 0 });
    expect(migrate({ title: 'x' })).toMatchObject({ ok: false, reason: 'MissingVersion' });
    expect(migrate({ version: '1' })).toMatchObject({ ok: false, reason: 'InvalidVersion', message: '"version" must be a whole number like 2, got "1"' });
    expect(migrate({ version: 1.5 })).toMatchObject({ ok: false, reason: 'InvalidVersion' });
  });

  describe('the machinery, on a made-up three-version history', () => {
    const history: MigrationSequence = {
      migrations: [
        { version: 1, name: 'Initial' },
        { version: 2, name: 'AddSeed', up: (doc) => ({ ...doc, version: 2, seed: 0 }) },
        { version: 3, name: 'RenameTitle', up: ({ title, ...doc }) => ({ ...doc, version: 3, name: title }) },
      ],
    };

    it('applies each migration in order, without touching the input', () => {
      const input = { version: 1, title: 'Old' };
      expect(migrate(input, history)).toEqual({
        ok: true,
        document: { version: 3, seed: 0, name: 'Old' },
        from: 1,
        to: 3,
        applied: ['AddSeed', 'RenameTitle'],
      });
      expect(input).toEqual({ version: 1, title: 'Old' });
      expect(migrate({ version: 2, title: 'Mid', seed: 7 }, history)).toMatchObject({ ok: true, document: { version: 3, seed: 7, name: 'Mid' }, applied: ['RenameTitle'] });
    });

    it('turns a failing migration into a typed MigrationError', () => {
      const broken: MigrationSequence = {
        migrations: [history.migrations[0], { version: 2, name: 'Explode', up: () => { throw new Error('no seed'); } }],
      };
      expect(migrate({ version: 1 }, broken)).toEqual({
        ok: false,
        reason: 'MigrationError',
        version: 1,
        message: 'could not migrate from format version 1 to 2 (Explode): no seed',
      });
      const forgetful: MigrationSequence = { migrations: [history.migrations[0], { version: 2, name: 'Forget', up: (doc) => ({ ...doc }) }] };
      expect(migrate({ version: 1 }, forgetful)).toMatchObject({ ok: false, reason: 'MigrationError', message: 'migration Forget did not produce format version 2' });
    });

    it('catches sequences with gaps, repeated names, bad names and missing up()', () => {
      expect(checkMigrationSequence(history)).toEqual([]);
      expect(
        checkMigrationSequence({
          migrations: [
            { version: 1, name: 'Initial' },
            { version: 3, name: 'Initial', up: (d) => d },
            { version: 4, name: 'lowercase' },
          ],
        }),
      ).toEqual([
        'migrations[1]: version 3 follows 1 (versions must count up by one, without gaps)',
        'migrations[1]: name "Initial" is used twice',
        'migrations[2]: name "lowercase" is not PascalCase',
        'migrations[2] (lowercase): needs an up() migration',
      ]);
      expect(checkMigrationSequence({ migrations: [] })).toEqual(['a sequence needs at least its initial version']);
    });
  });
});
