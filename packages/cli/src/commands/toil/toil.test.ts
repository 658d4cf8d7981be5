import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../command.js';
import { memoryIo } from '../../io.js';
import type { MemoryIo, MemoryIoOptions } from '../../io.js';
import { run } from '../../run.js';

const NOW = Date.UTC(2024, 4, 20, 12); // Monday 2024-05-20 12:00 UTC
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nines-cli-toil-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function io(options: MemoryIoOptions = {}): MemoryIo {
  return memoryIo({ cwd: dir, now: () => NOW, ...options });
}

async function nines(
  args: string[],
  options: MemoryIoOptions = {},
): Promise<{ code: number; out: string; err: string }> {
  const streams = io(options);
  const code = await run(args, streams);
  return { code, out: streams.out(), err: streams.err() };
}

async function ledgerLines(file = 'toil.jsonl'): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(dir, file), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const ENTRY = [
  '--task',
  'restart api',
  '--team',
  'sre',
  '--category',
  'production-interrupt',
  '--automatable',
  'yes',
];

describe('nines toil --help', () => {
  it.each([
    [['toil', '--help'], 'Usage: nines toil <command>'],
    [['toil', 'help'], 'Usage: nines toil <command>'],
    [['toil', 'log', '--help'], 'Usage: nines toil log'],
    [['toil', 'report', '-h'], 'Usage: nines toil report'],
    [['toil', 'import', '--help'], 'Usage: nines toil import'],
    [['toil', 'automation', '--help'], 'Usage: nines toil automation'],
    [['toil', 'oncall', '--help'], 'Usage: nines toil oncall'],
    [['toil', 'help', 'report'], 'Usage: nines toil report'],
  ])('%j prints its usage', async (args, usage) => {
    const { code, out, err } = await nines(args);
    expect(code).toBe(EXIT.ok);
    expect(out.startsWith(usage)).toBe(true);
    expect(err).toBe('');
  });

  it('nines toil without a command prints help on stderr, exit 2', async () => {
    const { code, out, err } = await nines(['toil']);
    expect(code).toBe(EXIT.usage);
    expect(out).toBe('');
    expect(err).toContain('Usage: nines toil <command>');
  });

  it('an unknown subcommand is a usage error', async () => {
    const { code, err } = await nines(['toil', 'frob']);
    expect(code).toBe(EXIT.usage);
    expect(err).toBe(
      'nines toil: unknown command "frob"; expected one of log, report, import, automation, oncall\nRun "nines toil --help" for usage.\n',
    );
  });
});

describe('nines toil log', () => {
  it('appends an entry to ./toil.jsonl, normalising the category label', async () => {
    const { code, out, err } = await nines([
      'toil',
      'log',
      '--task',
      'restart api',
      '--minutes',
      '1h30m',
      '--team',
      'sre',
      '--category',
      'Production interrupts',
      '--automatable',
      'yes',
      '--ticket',
      'https://jira/OPS-1',
      '--person',
      'ana',
      '--note',
      'stuck again',
      '--id',
      'e1',
    ]);
    expect(err).toBe('');
    expect(code).toBe(EXIT.ok);
    expect(out).toBe(
      'Logged 90 min of toil "restart api" (production-interrupt) for team sre in toil.jsonl (id e1)\n',
    );
    expect(await ledgerLines()).toEqual([
      {
        id: 'e1',
        at: '2024-05-20T12:00:00.000Z',
        task: 'restart api',
        category: 'production-interrupt',
        minutes: 90,
        team: 'sre',
        person: 'ana',
        ticket: 'https://jira/OPS-1',
        automatable: 'yes',
        note: 'stuck again',
      },
    ]);
  });

  it('logs engineering time with --kind, to the ledger named by NINES_TOIL_LEDGER, with --json', async () => {
    const { code, out } = await nines(
      [
        'toil',
        'log',
        '--kind',
        'engineering',
        '--minutes',
        '6h',
        '--team',
        'sre',
        '--at',
        '2024-05-01',
        '--id',
        'w',
        '--json',
      ],
      { env: { NINES_TOIL_LEDGER: 'other.jsonl' } },
    );
    expect(code).toBe(EXIT.ok);
    const expected = {
      kind: 'engineering',
      id: 'w',
      at: '2024-05-01T00:00:00.000Z',
      minutes: 360,
      team: 'sre',
    };
    expect(JSON.parse(out)).toEqual(expected);
    expect(await ledgerLines('other.jsonl')).toEqual([expected]);
  });

  it('--ledger wins over the environment', async () => {
    const { code } = await nines(
      ['toil', 'log', ...ENTRY, '--minutes', '5', '--ledger', 'flag.jsonl'],
      {
        env: { NINES_TOIL_LEDGER: 'env.jsonl' },
      },
    );
    expect(code).toBe(EXIT.ok);
    expect(await ledgerLines('flag.jsonl')).toHaveLength(1);
  });

  it('accepts a custom category with --allow-category', async () => {
    const { code } = await nines([
      'toil',
      'log',
      ...ENTRY.slice(0, 4),
      '--category',
      'handover',
      '--automatable',
      'no',
      '--minutes',
      '5',
      '--allow-category',
      'handover',
    ]);
    expect(code).toBe(EXIT.ok);
  });
});

describe('nines toil log bad input', () => {
  it.each([
    [
      ['--minutes', '5', '--task', 'x'],
      'nines toil log: missing --team, --category, --automatable',
    ],
    [
      [...ENTRY, '--minutes=-5'],
      'nines toil log: --minutes: "-5" is not a duration; write minutes (30), a unit (45 min, 1.5h), hours:minutes (1:30) or a Prometheus duration (1h30m)',
    ],
    [[...ENTRY, '--minutes', '0'], 'nines toil log: --minutes: must be more than 0, got 0'],
    [
      [...ENTRY, '--minutes', '25h'],
      'nines toil log: --minutes: 1500 minutes is more than a day (1440); one entry holds at most 24 h of hands-on time: split longer work by day',
    ],
    [
      [...ENTRY, '--minutes', '5', '--at', '5/1/2024'],
      'nines toil log: --at: "5/1/2024" is ambiguous (day/month or month/day?); write the date as YYYY-MM-DD, e.g. 2024-05-01',
    ],
    [
      [...ENTRY.slice(0, 4), '--category', 'meetings', '--automatable', 'no', '--minutes', '5'],
      'nines toil log: --category: "meetings" is not a toil category; expected one of business-process, production-interrupt, release-shepherding, migration, cost-capacity, troubleshooting (custom categories must be allowed by the ledger) (pass --allow-category NAME for a custom one)',
    ],
    [
      [...ENTRY.slice(0, 6), '--automatable', 'maybe', '--minutes', '5'],
      'nines toil log: --automatable must be yes, partly or no, got "maybe"',
    ],
    [
      ['--kind', 'meeting', '--minutes', '5', '--team', 'sre'],
      'nines toil log: --kind must be toil, engineering or overhead, got "meeting"',
    ],
    [[...ENTRY, '--minutes', '5', '--colour', 'red'], "nines toil log: Unknown option '--colour'"],
  ])('%j', async (args, message) => {
    const { code, out, err } = await nines(['toil', 'log', ...args]);
    expect(code).toBe(EXIT.usage);
    expect(out).toBe('');
    expect(err.split('\n')[0]).toBe(message);
    expect(err).toContain('Run "nines toil log --help" for usage.');
    await expect(readFile(join(dir, 'toil.jsonl'))).rejects.toThrow('ENOENT');
  });
});

const LEDGER = [
  {
    id: 'a',
    at: '2024-05-06T09:00:00.000Z',
    task: 'restart api',
    category: 'production-interrupt',
    minutes: 60,
    team: 'sre',
    automatable: 'yes',
  },
  {
    id: 'b',
    at: '2024-05-07T09:00:00.000Z',
    task: 'restart api',
    category: 'production-interrupt',
    minutes: 60,
    team: 'sre',
    automatable: 'yes',
  },
  {
    id: 'c',
    at: '2024-05-08T09:00:00.000Z',
    task: 'rotate certs',
    category: 'release-shepherding',
    minutes: 240,
    team: 'sre',
    automatable: 'partly',
  },
  {
    id: 'd',
    at: '2024-05-13T09:00:00.000Z',
    task: 'restart api',
    category: 'production-interrupt',
    minutes: 120,
    team: 'sre',
    automatable: 'yes',
  },
  {
    id: 'e',
    at: '2024-05-14T09:00:00.000Z',
    task: 'deploy by hand',
    category: 'release-shepherding',
    minutes: 300,
    team: 'web',
    automatable: 'yes',
  },
  ...['f1', 'f2', 'f3'].map((id) => ({
    kind: 'engineering',
    id,
    at: '2024-05-14T09:00:00.000Z',
    minutes: 600,
    team: 'web',
  })),
]
  .map((entry) => JSON.stringify(entry))
  .join('\n');

describe('nines toil report', () => {
  beforeEach(async () => {
    await writeFile(join(dir, 'toil.jsonl'), `${LEDGER}\n`);
  });

  it('prints a table per team with share, budget, change and top offenders', async () => {
    const { code, out, err } = await nines([
      'toil',
      'report',
      '--since',
      '2024-05-06',
      '--until',
      '2024-05-20',
      '--team-size',
      'sre=2',
    ]);
    expect(err).toBe('');
    expect(code).toBe(EXIT.ok);
    expect(out).toBe(
      [
        'Toil report: ISO calendar weeks (UTC), 2024-05-06 to 2024-05-20, budget 50% of capacity',
        '',
        'Team sre (capacity: 2 people × 40 h/week)',
        'Period    Toil h  Entries  Capacity h  Share  Budget left h  Change h  Top by time         Top by count',
        '2024-W19       6        3          80   7.5%             34            rotate certs (4 h)  restart api (2×)',
        '2024-W20       2        1          80   2.5%             38        -4  restart api (2 h)   restart api (1×)',
        'Total          8        4         160     5%             72            restart api (4 h)   restart api (3×)',
        'Top offenders by time: restart api 4 h (3×), rotate certs 4 h (1×)',
        'Top offenders by count: restart api 3× (4 h), rotate certs 1× (4 h)',
        '',
        'Team web (capacity unknown: give --team-size, or log engineering and overhead time with "nines toil log --kind")',
        'Period    Toil h  Entries  Capacity h  Share  Budget left h  Change h  Top by time           Top by count',
        '2024-W19       0        0           -      -              -',
        '2024-W20       5        1           -      -              -        +5  deploy by hand (5 h)  deploy by hand (1×)',
        'Total          5        1           -      -              -            deploy by hand (5 h)  deploy by hand (1×)',
        'Top offenders by time: deploy by hand 5 h (1×)',
        'Top offenders by count: deploy by hand 1× (5 h)',
        '',
      ].join('\n'),
    );
  });

  it('uses logged hours as capacity by default for teams that log them, in markdown', async () => {
    const { code, out } = await nines([
      'toil',
      'report',
      '--team',
      'web',
      '--since',
      '2024-05-06',
      '--until',
      '2024-05-20',
      '--format',
      'markdown',
    ]);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('## Team web (capacity: hours logged as toil, engineering and overhead)');
    expect(out).toContain(
      '| 2024-W20 | 5 | 1 | 35 | 14.3% | 12.5 | +5 | deploy by hand (5 h) | deploy by hand (1×) |',
    );
  });

  it('writes CSV and JSON for machines', async () => {
    const csv = await nines([
      'toil',
      'report',
      '--team',
      'sre',
      '--period',
      '2w',
      '--since',
      '2024-05-06',
      '--until',
      '2024-05-20',
      '--team-size',
      '2',
      '--format',
      'csv',
    ]);
    expect(csv.code).toBe(EXIT.ok);
    expect(csv.out.split('\r\n')).toEqual([
      'team,period,start,end,partial,toil_hours,entries,engineering_hours,overhead_hours,capacity_hours,toil_share,budget_hours,budget_remaining_hours,over_budget,toil_hours_change,toil_share_change,top_task_by_time,top_task_by_count',
      'sre,2024-05-06..2024-05-19,2024-05-06T00:00:00.000Z,2024-05-20T00:00:00.000Z,false,8,4,0,0,160,0.05,80,72,false,,,restart api,restart api',
      '',
    ]);
    const json = await nines([
      'toil',
      'report',
      '--since',
      '2024-05-06',
      '--until',
      '2024-05-13',
      '--budget',
      '25%',
      '--team-size',
      '1',
      '--format',
      'json',
    ]);
    const report = JSON.parse(json.out) as {
      budget: number;
      start: string;
      teams: { team: string; periods: { toilShare: number; overBudget: boolean }[] }[];
    };
    expect(report.budget).toBe(0.25);
    expect(report.start).toBe('2024-05-06T00:00:00.000Z');
    expect(report.teams[0]?.periods[0]).toMatchObject({ toilShare: 0.15, overBudget: false });
  });

  it('reports bad ledger lines as file:line: message, still reports the good ones, exit 1', async () => {
    await writeFile(
      join(dir, 'toil.jsonl'),
      `${LEDGER.split('\n')[0]}\n{"id":"x"\n${JSON.stringify({ ...(JSON.parse(LEDGER.split('\n')[1] ?? '{}') as object), minutes: -3 })}\n${JSON.stringify({ id: 'y', at: '2024-05-09', task: 't', category: 'meetings', minutes: 5, team: 'sre', automatable: 'no' })}\n{"torn":`,
    );
    const { code, out, err } = await nines([
      'toil',
      'report',
      '--team',
      'sre',
      '--since',
      '2024-05-06',
      '--until',
      '2024-05-13',
      '--format',
      'csv',
    ]);
    expect(code).toBe(EXIT.problems);
    expect(err.split('\n')).toEqual([
      expect.stringMatching(/^toil\.jsonl:2: not valid JSON \(.+\)$/),
      'toil.jsonl:3: minutes: must be more than 0, got -3',
      'toil.jsonl:4: category: "meetings" is not a toil category; expected one of business-process, production-interrupt, release-shepherding, migration, cost-capacity, troubleshooting',
      'toil.jsonl:5: last line has no newline: a write was cut short (crash or full disk); skipped, and the next append starts on a new line',
      '',
    ]);
    expect(out).toContain(',1,1,0,0,'); // one good toil hour, one entry
  });

  it('limits the problems printed and counts the rest', async () => {
    await writeFile(join(dir, 'toil.jsonl'), 'x\n'.repeat(60));
    const { code, err } = await nines(['toil', 'report', '--last', 'all']);
    expect(code).toBe(EXIT.problems);
    const lines = err.trimEnd().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines.at(-1)).toBe('... and 10 more problems (60 in all)');
  });

  it.each([
    [
      ['--ledger', 'missing.jsonl'],
      'nines toil report: ledger file not found: missing.jsonl (record toil with "nines toil log" or "nines toil import", or point --ledger or NINES_TOIL_LEDGER at your ledger)',
    ],
    [
      ['--period', '1h'],
      'nines toil report: --period: period "1h" is shorter than a day; use 1d or more, "week" or "month"',
    ],
    [
      ['--budget', '150%'],
      'nines toil report: --budget must be a share such as 50% or 0.5 (more than 0, at most 100%), got "150%"',
    ],
    [
      ['--format', 'xml'],
      'nines toil report: --format must be one of table, markdown, json, csv, got "xml"',
    ],
    [
      ['--team-size', '3', '--team-size', 'sre=2'],
      'nines toil report: --team-size takes either one number for every team or TEAM=N per team, not both',
    ],
    [['--capacity', 'team-size'], 'nines toil report: --capacity team-size needs --team-size'],
    [
      ['--since', 'yesterday'],
      'nines toil report: --since "yesterday" is neither a date (2024-05-01, 2024-05-01T09:30Z) nor a duration back from now (90d, 2w)',
    ],
    [
      ['--since', '2024-05-10', '--until', '2024-05-01'],
      'nines toil report: --until must be later than --since',
    ],
    [['--last', '0'], 'nines toil report: --last must be a whole number more than 0, got "0"'],
  ])('%j is a usage error', async (args, message) => {
    const { code, out, err } = await nines(['toil', 'report', ...args]);
    expect(code).toBe(EXIT.usage);
    expect(out).toBe('');
    expect(err.split('\n')[0]).toBe(message);
  });

  it('takes --since as a duration back from now', async () => {
    const { code, out } = await nines([
      'toil',
      'report',
      '--since',
      '7d',
      '--team',
      'sre',
      '--format',
      'json',
    ]);
    expect(code).toBe(EXIT.ok);
    expect((JSON.parse(out) as { start: string }).start).toBe('2024-05-13T00:00:00.000Z');
  });
});

describe('nines toil import', () => {
  const CSV = [
    'Date,Task,Duration (min),Category,Automatable?,Ticket link,Colour',
    '2024-05-06,Restart stuck consumer,30,Production interrupts,Yes,https://jira/OPS-1,red',
    '2024-05-07,"Rotate certs, by hand",1h30m,Release shepherding,partly,,blue',
    '5/8/2024,bad date,30,migration,yes,,',
    '2024-05-09,negative,-10,migration,yes,,',
    '2024-05-10,Quota request,1:15,Business process,no,,',
  ].join('\r\n');

  it('imports good rows, reports bad ones with their lines, exit 1', async () => {
    await writeFile(join(dir, 'tracker.csv'), CSV);
    const { code, out, err } = await nines(['toil', 'import', 'tracker.csv', '--team', 'sre']);
    expect(code).toBe(EXIT.problems);
    expect(err.split('\n')).toEqual([
      'note: ignoring columns "Colour"',
      'tracker.csv:4: Date: "5/8/2024" is ambiguous (day/month or month/day?); write the date as YYYY-MM-DD, e.g. 2024-05-01',
      'tracker.csv:5: Duration (min): "-10" is not a duration; write minutes (30), a unit (45 min, 1.5h), hours:minutes (1:30) or a Prometheus duration (1h30m)',
      '',
    ]);
    expect(out).toBe(
      'Imported 3 entries from tracker.csv into toil.jsonl; 2 problems (see above)\n',
    );
    const lines = await ledgerLines();
    expect(lines.map((l) => [l.at, l.task, l.minutes, l.category, l.automatable, l.team])).toEqual([
      [
        '2024-05-06T00:00:00.000Z',
        'Restart stuck consumer',
        30,
        'production-interrupt',
        'yes',
        'sre',
      ],
      [
        '2024-05-07T00:00:00.000Z',
        'Rotate certs, by hand',
        90,
        'release-shepherding',
        'partly',
        'sre',
      ],
      ['2024-05-10T00:00:00.000Z', 'Quota request', 75, 'business-process', 'no', 'sre'],
    ]);
  });

  it('--dry-run checks without writing; - reads standard input', async () => {
    const good = CSV.split('\r\n')
      .filter((_, i) => i !== 3 && i !== 4)
      .join('\n');
    const { code, out } = await nines(['toil', 'import', '-', '--team', 'sre', '--dry-run'], {
      stdin: good,
    });
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('Checked 3 entries from -\n');
    await expect(readFile(join(dir, 'toil.jsonl'))).rejects.toThrow('ENOENT');
  });

  it('stops at a header missing what it needs', async () => {
    await writeFile(join(dir, 'tracker.csv'), CSV);
    const { code, err, out } = await nines(['toil', 'import', 'tracker.csv']);
    expect(code).toBe(EXIT.problems);
    expect(err).toContain(
      'tracker.csv:1: the header row (Date, Task, Duration (min), Category, Automatable?, Ticket link, Colour) needs a Team column or a default team',
    );
    expect(out).toBe(
      'Imported 0 entries from tracker.csv into toil.jsonl; 1 problem (see above)\n',
    );
  });

  it.each([
    [[], 'nines toil import: missing the CSV file to import'],
    [['nope.csv'], 'nines toil import: cannot read nope.csv: no such file'],
    [['a.csv', 'b.csv'], 'nines toil import: import one file at a time; unexpected b.csv'],
    [
      ['a.csv', '--delimiter', '|'],
      'nines toil import: --delimiter must be ",", ";" or "tab", got "|"',
    ],
    [
      ['a.csv', '--automatable', 'sometimes'],
      'nines toil import: --automatable must be yes, partly or no, got "sometimes"',
    ],
  ])('%j is a usage error', async (args, message) => {
    const { code, err } = await nines(['toil', 'import', ...args]);
    expect(code).toBe(EXIT.usage);
    expect(err.split('\n')[0]).toBe(message);
  });
});

describe('nines toil automation', () => {
  beforeEach(async () => {
    // REFERENCE.md §10 #65: 0.5 h × 48/yr × 2 teams; automating halves it ("partly").
    const lines: string[] = [];
    const start = Date.UTC(2023, 0, 1);
    const step = Math.floor((365 * 86_400_000) / 48);
    for (const team of ['a', 'b']) {
      for (let i = 0; i < 48; i += 1) {
        lines.push(
          JSON.stringify({
            id: `${team}${i}`,
            at: new Date(start + i * step).toISOString(),
            task: 'restart batch',
            category: 'business-process',
            minutes: 30,
            team,
            automatable: 'partly',
          }),
        );
      }
    }
    lines.push(
      JSON.stringify({
        id: 'n',
        at: '2023-02-01T00:00:00.000Z',
        task: 'judgement call',
        category: 'troubleshooting',
        minutes: 30,
        team: 'a',
        automatable: 'no',
      }),
    );
    await writeFile(join(dir, 'toil.jsonl'), `${lines.join('\n')}\n`);
  });

  it('ranks with break-even, payback and net savings (#65: 24 h/yr saved, 8 h script, 4 months)', async () => {
    const { code, out, err } = await nines([
      'toil',
      'automation',
      '--since',
      '2023-01-01',
      '--until',
      '2024-01-01',
      '--cost',
      'restart batch=8h',
    ]);
    expect(err).toBe('');
    expect(code).toBe(EXIT.ok);
    expect(out).toBe(
      [
        'Automation ranking: observed 2023-01-01 to 2024-01-01, horizon 5 years; showing 1 of 1; left out: 1 not automatable, 0 done too rarely',
        '#  Task           Automatable  Runs  Runs/yr  Min/run  Saves h/yr  Break-even h  Cost h  Upkeep h/yr  Payback  Net h',
        '1  restart batch  partly         96       96       30          24           120       8            0     4 mo    112',
        '',
      ].join('\n'),
    );
  });

  it('says never when upkeep eats the savings, in JSON', async () => {
    const { code, out } = await nines([
      'toil',
      'automation',
      '--since',
      '2023-01-01',
      '--until',
      '2024-01-01',
      '--cost',
      'restart batch=8h',
      '--maintenance',
      'restart batch=1d',
      '--format',
      'json',
    ]);
    expect(code).toBe(EXIT.ok);
    const ranking = JSON.parse(out) as {
      candidates: { paybackMonths: unknown; netSavingsHours: number }[];
    };
    expect(ranking.candidates[0]).toMatchObject({ paybackMonths: 'never', netSavingsHours: 0 - 8 });
  });

  it.each([
    [
      ['--cost', 'restart batch'],
      'nines toil automation: --cost takes TASK=TIME, e.g. "rotate certs=8h", got "restart batch"',
    ],
    [
      ['--cost', 'x=soon'],
      'nines toil automation: --cost "x=soon": "soon" is not a duration (8h, 1d, 90m, or a number of hours)',
    ],
    [
      ['--horizon', 'forever'],
      'nines toil automation: --horizon "forever" is not a duration (5y, 3y, 18w) or a number of years',
    ],
  ])('%j is a usage error', async (args, message) => {
    const { code, err } = await nines(['toil', 'automation', ...args]);
    expect(code).toBe(EXIT.usage);
    expect(err.split('\n')[0]).toBe(message);
  });
});

describe('nines toil oncall', () => {
  it('REFERENCE.md §10 #63: a rotation of 6 is on call 33% of the time; 2 incidents per 12 h is the limit', async () => {
    const { code, out } = await nines([
      'toil',
      'oncall',
      '--rotation',
      '6',
      '--incidents',
      '6',
      '--shifts',
      '3',
      '--alerts',
      '6',
    ]);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe(
      [
        "On-call floor: 2/6 = 33.3% of each person's time (limit 25%): rotation too small, 8 people bring it to 25%",
        'Incidents: 2 per 12 h on call (limit 2): ok; about 36 h of incident work',
        'Alerts per incident: 1 (target 1): ok',
        '',
      ].join('\n'),
    );
    const eight = await nines(['toil', 'oncall', '--rotation', '8', '--json']);
    expect(JSON.parse(eight.out)).toEqual({ onCallFloor: 0.25, rotationTooSmall: false });
  });

  it.each([
    [[], 'nines toil oncall: give --rotation, --incidents, or both'],
    [
      ['--rotation', '1'],
      'nines toil oncall: --rotation needs at least 2 people (a primary and a secondary)',
    ],
    [['--incidents', '-1'], "nines toil oncall: Option '--incidents' argument is ambiguous."],
    [
      ['--incidents', '2.5'],
      'nines toil oncall: --incidents must be a whole number ≥ 0, got "2.5"',
    ],
    [['--alerts', '3'], 'nines toil oncall: --alerts, --shifts and --shift-hours need --incidents'],
  ])('%j is a usage error', async (args, message) => {
    const { code, err } = await nines(['toil', 'oncall', ...args]);
    expect(code).toBe(EXIT.usage);
    expect(err.split('\n')[0]).toBe(message);
  });
});
