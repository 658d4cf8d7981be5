import { NinesError, defineObjective, formatIssue, validatePolicy } from '@nines/core';
import type { NinesIssue, Objective } from '@nines/core';
import type { ObjectiveDraft } from './draft.js';
import type { OpenSloContext } from './openslo/context.js';
import { readOpenSlo } from './openslo/read.js';
import type { OpenSloResult } from './openslo/read.js';
import { Registry, collectObject } from './openslo/registry.js';
import { attempt } from './reader/attempt.js';
import { loadDocuments } from './reader/documents.js';
import type { LoadedDocument } from './reader/documents.js';
import { DocumentReader, show } from './reader/field.js';
import type { Field } from './reader/field.js';
import { readSloth } from './sloth/read.js';
import type {
  ObjectiveDetails,
  ParseOptions,
  SafeParseResult,
  SpecComposite,
  SpecFile,
  SpecResult,
} from './types.js';

const SLOTH_PERIODS = ['30d', '28d', '7d'];
const DEFAULT_ALERTING = ['none', 'workbook'];

/** Any value described for a message: strings quoted, other values by type. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return show(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : typeof value;
}

function argumentIssue(message: string): NinesIssue {
  return { code: 'INVALID_ARGUMENT', message, path: [] };
}

/** Check the arguments a plain-JavaScript caller may get wrong; returns the files or issues. */
function readArguments(
  documents: unknown,
  options: unknown,
): { files: SpecFile[]; options: ParseOptions } | { issues: NinesIssue[] } {
  const issues: NinesIssue[] = [];
  let opts: ParseOptions = {};
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      issues.push(argumentIssue(`options must be an object, got ${describeValue(options)}`));
    } else {
      opts = options;
      const raw = options as Record<string, unknown>;
      if (raw.file !== undefined && typeof raw.file !== 'string') {
        issues.push(argumentIssue('options.file must be a string'));
      }
      if (raw.slothPeriod !== undefined && !SLOTH_PERIODS.includes(raw.slothPeriod as string)) {
        issues.push(
          argumentIssue(
            `options.slothPeriod must be one of ${SLOTH_PERIODS.join(', ')} (the periods Sloth ships window catalogs for), got ${describeValue(raw.slothPeriod)}`,
          ),
        );
      }
      if (
        raw.defaultAlerting !== undefined &&
        !DEFAULT_ALERTING.includes(raw.defaultAlerting as string)
      ) {
        issues.push(
          argumentIssue(
            `options.defaultAlerting must be "none" or "workbook", got ${describeValue(raw.defaultAlerting)}`,
          ),
        );
      }
    }
  }
  let files: SpecFile[] = [];
  if (typeof documents === 'string') {
    files = [{ file: opts.file ?? '<input>', text: documents }];
  } else if (Array.isArray(documents)) {
    documents.forEach((entry: unknown, index) => {
      const raw = entry as { file?: unknown; text?: unknown } | null;
      if (
        typeof raw !== 'object' ||
        raw === null ||
        typeof raw.file !== 'string' ||
        typeof raw.text !== 'string'
      ) {
        issues.push({
          ...argumentIssue('each document must be { file: string, text: string }'),
          path: [index],
        });
      } else files.push({ file: raw.file, text: raw.text });
    });
  } else {
    issues.push(argumentIssue('parse takes YAML text or an array of { file, text }'));
  }
  return issues.length > 0 ? { issues } : { files, options: opts };
}

/** Peek at a root map's scalar value without reporting anything. */
function peek(root: Field, key: string): unknown {
  if (!root.hasKey(key) || root.kind !== 'map') return undefined;
  const silent = new DocumentReader(root.reader.document, []);
  return silent.root().map('root')?.get(key)?.scalar;
}

/** Decide what one document is, and read it (OpenSLO objects go to the registry). */
function readDocument(
  document: LoadedDocument,
  issues: NinesIssue[],
  registry: Registry,
  options: ParseOptions,
  drafts: ObjectiveDraft[],
): void {
  const reader = new DocumentReader(document, issues);
  const root = reader.root();
  if (root.isNull) return;
  if (root.kind === 'list') {
    for (const item of root.list('document') ?? []) collectObject(item, registry);
    return;
  }
  if (root.kind !== 'map') {
    root.report(
      `a spec document must be a map (or a list of OpenSLO objects), got ${root.describe()}`,
    );
    return;
  }
  const version = peek(root, 'version');
  const apiVersion = peek(root, 'apiVersion');
  if (version !== undefined) {
    if (version === 'prometheus/v1') {
      drafts.push(...readSloth(root, 'sloth/prometheus/v1', options));
      return;
    }
    root
      .map('root')
      ?.get('version')
      ?.report(
        `version ${describeValue(version)} is not supported; Nines reads Sloth "prometheus/v1"`,
      );
    return;
  }
  if (apiVersion === 'sloth.slok.dev/v1') {
    const kind = peek(root, 'kind');
    if (kind === 'PrometheusServiceLevel') {
      drafts.push(...readSloth(root, 'sloth/kubernetes/v1', options));
    } else {
      root
        .map('root')
        ?.get('kind')
        ?.report(
          `kind ${describeValue(kind)} of sloth.slok.dev/v1 is not supported; Nines reads PrometheusServiceLevel`,
        );
    }
    return;
  }
  if (typeof apiVersion === 'string' && apiVersion.startsWith('openslo')) {
    collectObject(root, registry);
    return;
  }
  root.report(
    'not a spec Nines reads: expected apiVersion: openslo/v1 (OpenSLO), version: "prometheus/v1" (Sloth) or apiVersion: sloth.slok.dev/v1 (Sloth PrometheusServiceLevel)',
  );
}

function draftOrder(draft: ObjectiveDraft): [number, number, number] {
  const document = draft.field.reader.document;
  return [document.fileIndex, document.index, draft.field.offset];
}

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function sortIssues(issues: NinesIssue[], files: readonly SpecFile[]): NinesIssue[] {
  const order = new Map<string, number>();
  files.forEach((entry, index) => {
    if (!order.has(entry.file)) order.set(entry.file, index);
  });
  const key = (issue: NinesIssue): number[] => [
    issue.file === undefined ? -1 : (order.get(issue.file) ?? files.length),
    issue.line ?? 0,
    issue.column ?? 0,
  ];
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => compareTuples(key(a.issue), key(b.issue)) || a.index - b.index)
    .map(({ issue }) => issue);
}

function fail(issues: readonly NinesIssue[]): NinesError {
  const lines = issues.map(formatIssue);
  const message =
    issues.length === 1 ? (lines[0] ?? '') : `${issues.length} problems:\n${lines.join('\n')}`;
  return new NinesError('INVALID_SPEC', message, { path: issues[0]?.path ?? [], issues });
}

function buildComposites(
  openslo: OpenSloResult,
  objectives: ReadonlyMap<string, Objective>,
): SpecComposite[] {
  const out: SpecComposite[] = [];
  for (const draft of openslo.composites) {
    const first = objectives.get(draft.components[0]?.objective ?? '');
    if (first === undefined) continue;
    out.push({
      id: draft.id,
      service: draft.service,
      name: draft.name,
      ...(draft.description === undefined ? {} : { description: draft.description }),
      window: first.window,
      budgeting: first.budgeting,
      components: draft.components,
      location: draft.location,
    });
  }
  return out;
}

/**
 * Read OpenSLO v1 and Sloth (`prometheus/v1`, and Kubernetes `PrometheusServiceLevel`) YAML into
 * validated objectives, resolving `*Ref` references across all the files given, and reporting
 * every problem at once with its file, line, column and path.
 *
 * @param documents - YAML text, or files `{ file, text }` (each may hold several documents)
 * @param options - file name for plain text, Sloth period, default OpenSLO alerting
 * @returns the objectives, per-objective details, composites and the other OpenSLO objects
 * @throws NinesError `INVALID_SPEC` whose `issues` list every problem (each issue keeps its own
 *   code, e.g. `INVALID_TARGET`, `DUPLICATE_ID`); `INVALID_ARGUMENT` issues for bad arguments
 * @example
 * ```ts
 * const { objectives } = parse(readFileSync('slo.yaml', 'utf8'), { file: 'slo.yaml' });
 * objectives[0].target.percent; // 99.9
 * ```
 */
export function parse(
  documents: string | readonly SpecFile[],
  options: ParseOptions = {},
): SpecResult {
  const args = readArguments(documents, options);
  if ('issues' in args) throw fail(args.issues);
  const { files } = args;
  const issues: NinesIssue[] = [];
  const loaded: LoadedDocument[] = [];
  let unreadable = false;
  for (const [index, entry] of files.entries()) {
    const found = loadDocuments(entry.file, entry.text, index);
    loaded.push(...found.documents);
    issues.push(...found.issues);
    unreadable ||= found.unreadable;
  }
  const registry = new Registry();
  const drafts: ObjectiveDraft[] = [];
  for (const document of loaded) {
    if (!document.broken) readDocument(document, issues, registry, args.options, drafts);
  }
  const context: OpenSloContext = {
    registry,
    dataSources: new Map(),
    options: args.options,
    incomplete: unreadable || loaded.some((document) => document.broken),
  };
  const openslo = readOpenSlo(context);
  drafts.push(...openslo.drafts);
  drafts.sort((a, b) => compareTuples(draftOrder(a), draftOrder(b)));

  const objectives: Objective[] = [];
  const byId = new Map<string, Objective>();
  const details = new Map<string, ObjectiveDetails>();
  const firstField = new Map<string, Field>();
  const warnings: NinesIssue[] = [];
  for (const draft of drafts) {
    const { id } = draft.input;
    const first = firstField.get(id);
    if (first !== undefined) {
      const at = first.location;
      draft.field.report(
        `objective id ${show(id)} is already used by the objective at ${at.file}:${at.line}:${at.column}; ids must be unique across all files`,
        'DUPLICATE_ID',
      );
      continue;
    }
    firstField.set(id, draft.field);
    const objective = attempt(
      draft.field,
      () => defineObjective(draft.input),
      `objective ${show(id)}`,
    );
    if (objective === undefined) continue;
    objectives.push(objective);
    byId.set(id, objective);
    details.set(id, draft.details);
    if (objective.alerting !== undefined) {
      const policy = objective.alerting;
      for (const warning of validatePolicy(policy, objective.target).warnings) {
        warnings.push({
          ...warning,
          path: [...draft.field.path, ...warning.path],
          ...draft.field.location,
        });
      }
    }
  }
  if (issues.length > 0) throw fail(sortIssues(issues, files));
  return {
    objectives,
    details,
    composites: buildComposites(openslo, byId),
    services: openslo.services,
    alertPolicies: openslo.alertPolicies,
    notificationTargets: openslo.notificationTargets,
    dataSources: openslo.dataSources,
    warnings,
  };
}

/**
 * Like {@link parse}, but returns the issues instead of throwing, for editors and CLIs that
 * print every problem.
 *
 * @param documents - YAML text, or files `{ file, text }`
 * @param options - as for {@link parse}
 * @returns `{ success: true, value }` or `{ success: false, issues }`
 * @example
 * ```ts
 * const result = safeParse('apiVersion: openslo/v1\nkind: SLO\n', { file: 'slo.yaml' });
 * if (!result.success) for (const issue of result.issues) console.error(formatIssue(issue));
 * ```
 */
export function safeParse(
  documents: string | readonly SpecFile[],
  options: ParseOptions = {},
): SafeParseResult {
  try {
    return { success: true, value: parse(documents, options) };
  } catch (error) {
    if (error instanceof NinesError) return { success: false, issues: error.issues };
    throw error;
  }
}
