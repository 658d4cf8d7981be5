import { formatIssue } from '@nines/core';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../model/entry.js';
import type { LedgerReadItem } from '../store/types.js';
import { importCsv } from './importCsv.js';
import type { CsvHeader, CsvImportOptions } from './importCsv.js';

async function run(
  text: string,
  options: CsvImportOptions = {},
): Promise<{ entries: LedgerEntry[]; lines: number[]; problems: string[] }> {
  const items: LedgerReadItem[] = [];
  let n = 0;
  for await (const item of importCsv(text, {
    file: 'toil.csv',
    generateId: () => `row-${(n += 1)}`,
    ...options,
  })) {
    items.push(item);
  }
  return {
    entries: items.flatMap((item) => (item.type === 'entry' ? [item.entry] : [])),
    lines: items.flatMap((item) => (item.type === 'entry' ? [item.line ?? 0] : [])),
    problems: items.flatMap((item) => (item.type === 'problem' ? [formatIssue(item.problem)] : [])),
  };
}

// The tracker template of REFERENCE.md §7 (aacshar14/SRE-roadmap:toil/tracker.md, third-party):
// Date, Task, Duration (min), Category, Automatable?, Ticket link; plus Team and Person.
const TRACKER = [
  'Date,Task,Duration (min),Category,Automatable?,Ticket link,Team,Person',
  '2024-05-01,Restart stuck consumer,30,Production interrupts,Yes,https://jira/OPS-1,sre,ana',
  '2024-05-02,"Rotate certs, manually",1h30m,Release shepherding,partly,,sre,',
  '2024-05-03,Quota request,1:15,Business process,no,https://jira/OPS-3,platform,bo',
].join('\n');

describe('importCsv', () => {
  it('maps the tracker template columns to entries', async () => {
    const { entries, lines, problems } = await run(TRACKER);
    expect(problems).toEqual([]);
    expect(lines).toEqual([2, 3, 4]);
    expect(entries).toEqual([
      {
        id: 'row-1',
        at: Date.UTC(2024, 4, 1),
        task: 'Restart stuck consumer',
        category: 'production-interrupt',
        minutes: 30,
        team: 'sre',
        person: 'ana',
        ticket: 'https://jira/OPS-1',
        automatable: 'yes',
      },
      {
        id: 'row-2',
        at: Date.UTC(2024, 4, 2),
        task: 'Rotate certs, manually',
        category: 'release-shepherding',
        minutes: 90,
        team: 'sre',
        automatable: 'partly',
      },
      {
        id: 'row-3',
        at: Date.UTC(2024, 4, 3),
        task: 'Quota request',
        category: 'business-process',
        minutes: 75,
        team: 'platform',
        person: 'bo',
        ticket: 'https://jira/OPS-3',
        automatable: 'no',
      },
    ]);
  });

  it('matches headers case-insensitively, reads hours columns and uses defaults', async () => {
    let header: CsvHeader | undefined;
    const { entries, problems } = await run(
      'DATE;  task ;Duration (h);Comments;Owner;Colour\n2024-05-01T10:00;Patch hosts;1.5;"long, note";cy;red\n',
      {
        defaults: { team: 'infra', category: 'migration', automatable: 'yes' },
        onHeader: (h) => (header = h),
      },
    );
    expect(problems).toEqual([]);
    expect(header).toEqual({
      columns: [
        { column: 'DATE', field: 'date' },
        { column: '  task ', field: 'task' },
        { column: 'Duration (h)', field: 'hours' },
        { column: 'Comments', field: 'note' },
        { column: 'Owner', field: 'person' },
      ],
      ignored: ['Colour'],
    });
    expect(entries).toEqual([
      {
        id: 'row-1',
        at: Date.UTC(2024, 4, 1, 10),
        task: 'Patch hosts',
        category: 'migration',
        minutes: 90,
        team: 'infra',
        person: 'cy',
        automatable: 'yes',
        note: 'long, note',
      },
    ]);
  });

  it('imports engineering and overhead rows through a Kind column', async () => {
    const { entries, problems } = await run(
      'Date,Task,Minutes,Kind,Team,Category,Automatable\n2024-05-01,planning,60,overhead,sre,,\n2024-05-01,feature,240,Engineering,sre,,\n',
    );
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.kind, e.minutes])).toEqual([
      ['overhead', 60],
      ['engineering', 240],
    ]);
  });
});

describe('importCsv bad rows', () => {
  it('reports each bad row with its line and column, keeping the good rows', async () => {
    const text = [
      'Date,Task,Duration (min),Category,Automatable?,Team',
      '2024-05-01,good one,30,migration,yes,sre',
      '5/1/2024,ambiguous date,30,migration,yes,sre',
      '2024-05-02,negative,-10,migration,yes,sre',
      '2024-05-02,too long,25h,migration,yes,sre',
      '2024-05-02,zero,0,migration,yes,sre',
      '2024-05-03,odd category,10,meetings,yes,sre',
      '2024-05-03,odd answer,10,migration,perhaps,sre',
      '2024-05-03,,10,migration,yes,sre',
      '2024-05-03,extra,10,migration,yes,sre,surprise',
      '2024-05-04,"unclosed,10,migration,yes,sre',
      '2024-05-05,good two,1h,troubleshooting,no,sre',
    ].join('\n');
    const { entries, lines, problems } = await run(text);
    expect(entries.map((e) => e.task)).toEqual(['good one', 'good two']);
    expect(lines).toEqual([2, 12]);
    expect(problems).toEqual([
      'toil.csv:3: Date: "5/1/2024" is ambiguous (day/month or month/day?); write the date as YYYY-MM-DD, e.g. 2024-05-01',
      'toil.csv:4: Duration (min): "-10" is not a duration; write minutes (30), a unit (45 min, 1.5h), hours:minutes (1:30) or a Prometheus duration (1h30m)',
      'toil.csv:5: Duration (min): 1500 minutes is more than a day (1440); one entry holds at most 24 h of hands-on time: split longer work by day',
      'toil.csv:6: Duration (min): must be more than 0, got 0',
      'toil.csv:7: Category: "meetings" is not a toil category; expected one of business-process, production-interrupt, release-shepherding, migration, cost-capacity, troubleshooting (custom categories must be allowed by the ledger)',
      'toil.csv:8: Automatable?: "perhaps" is not yes, partly or no',
      'toil.csv:9: Task: is required (non-empty text)',
      'toil.csv:10: row has 7 fields but the header has 6; is a separator inside an unquoted field?',
      'toil.csv:11: quoted field 2 is never closed (a " is missing); the rows after its first line are read again',
    ]);
  });

  it('accepts custom categories when allowed', async () => {
    const { entries } = await run(
      'Date,Task,Minutes,Category,Automatable,Team\n2024-05-01,handover,10,On-call handover,no,sre\n',
      { categories: ['On-call handover'] },
    );
    expect(entries.map((e) => (e.kind === undefined ? e.category : ''))).toEqual([
      'On-call handover',
    ]);
  });

  it('stops at a header without the columns it needs, naming them', async () => {
    const { entries, problems } = await run('When,What\n2024-05-01,x\n');
    expect(entries).toEqual([]);
    expect(problems).toEqual([
      'toil.csv:1: the header row (When, What) needs a Task column, a Duration (min) or Duration (h) column, a Team column or a default team, a Category column or a default category, an Automatable? column or a default for it',
    ]);
  });

  it('stops at two columns for the same field', async () => {
    const { problems } = await run('Date,Task,Minutes,Hours,Team\n');
    expect(problems).toEqual([
      'toil.csv:1: Hours: columns "Minutes" and "Hours" both give the minutes; remove one',
    ]);
  });
});
