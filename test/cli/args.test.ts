import { parseCommand, UsageError } from '../../src/cli/args.ts';

describe('parseCommand', () => {
  it('reads a scenario file, with --json', () => {
    expect(parseCommand(['scenario.json'])).toEqual({ kind: 'simulate', source: { kind: 'file', path: 'scenario.json' }, json: false });
    expect(parseCommand(['--json', 'scenario.json'])).toEqual({ kind: 'simulate', source: { kind: 'file', path: 'scenario.json' }, json: true });
  });

  it('reads a preset', () => {
    expect(parseCommand(['--preset', 'payment-fails'])).toEqual({ kind: 'simulate', source: { kind: 'preset', name: 'payment-fails' }, json: false });
    expect(parseCommand(['--preset=payment-fails', '--json'])).toMatchObject({ json: true });
  });

  it('reads --replay with --from as a comma list or repeated flag', () => {
    expect(parseCommand(['a.json', '--replay', 'b.json'])).toMatchObject({ replay: { file: 'b.json' } });
    expect(parseCommand(['a.json', '--replay', 'b.json', '--from', 'x,y', '--from', 'z'])).toMatchObject({
      replay: { file: 'b.json', from: ['x', 'y', 'z'] },
    });
  });

  it('reads the other modes', () => {
    expect(parseCommand(['--list-presets'])).toEqual({ kind: 'list-presets' });
    expect(parseCommand(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommand(['-h'])).toEqual({ kind: 'help' });
    expect(parseCommand(['--link', 's.json'])).toEqual({ kind: 'link', source: { kind: 'file', path: 's.json' } });
    expect(parseCommand(['--link', '--preset', 'payment-fails', '--base', 'https://x.example/app/'])).toEqual({
      kind: 'link',
      source: { kind: 'preset', name: 'payment-fails' },
      base: 'https://x.example/app/',
    });
    expect(parseCommand(['--decode', 'r1.abc'])).toEqual({ kind: 'decode', input: { kind: 'link', link: 'r1.abc' } });
    expect(parseCommand(['--decode', 'https://x.example/#r1.abc'])).toEqual({ kind: 'decode', input: { kind: 'link', link: 'https://x.example/#r1.abc' } });
    expect(parseCommand(['--decode', '-'])).toEqual({ kind: 'decode', input: { kind: 'file', path: '-' } });
    expect(parseCommand(['--decode', 'link.txt'])).toEqual({ kind: 'decode', input: { kind: 'file', path: 'link.txt' } });
    expect(parseCommand(['--preset', 'payment-fails', '--export', 'webdav'])).toEqual({
      kind: 'export',
      source: { kind: 'preset', name: 'payment-fails' },
      format: 'webdav',
    });
    expect(parseCommand(['s.json', '--export', 'svg', '--out', 'a.svg', '--base', 'https://x.example/'])).toEqual({
      kind: 'export',
      source: { kind: 'file', path: 's.json' },
      format: 'svg',
      out: 'a.svg',
      base: 'https://x.example/',
    });
    expect(parseCommand(['--input', 'graph-batch', 'b.json', '--fail', '2=409,3=500'])).toEqual({
      kind: 'graph-batch',
      file: 'b.json',
      fail: ['2=409', '3=500'],
    });
  });

  it.each([
    [['--nope'], /Unknown option '--nope'/],
    [[], /no scenario/],
    [['a.json', 'b.json'], /expected one FILE/],
    [['a.json', '--preset', 'x'], /either FILE or --preset/],
    [['--from', 'x', 'a.json'], /--from only goes with --replay/],
    [['--replay', 'b.json', '--list-presets'], /--replay only goes with a simulation/],
    [['--base', 'http://x/', 'a.json'], /--base only goes with --link/],
    [['--fail', '2=409', 'a.json'], /--fail only goes with --input/],
    [['--input', 'har', 'a.json'], /unknown format "har"/],
    [['--input', 'graph-batch'], /needs the FILE/],
    [['--list-presets', '--decode', 'x'], /cannot be used together/],
    [['--list-presets', '--json'], /--json only goes with/],
    [['a.json', '--export', 'har'], /--export: unknown format "har" \(formats: webdav, graph-batch, chrome-trace, svg, github-actions, argo, airflow, airflow-dag\)/],
    [['a.json', '--out', 'x.xml'], /--out only goes with --export/],
    [['a.json', '--export', 'webdav', '--base', 'http://x/'], /--base only goes with --link or --export svg/],
    [['--export', 'webdav'], /no scenario/],
    [['a.json', '--export', 'webdav', '--decode', 'r1.x'], /cannot be used together/],
    [['a.json', '--replay', 'b.json', '--from', ','], /--from needs at least one step id/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
