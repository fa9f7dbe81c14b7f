import type { RunEvent, RunResult } from '../engine/types.ts';
import type { RunSegment, TimelineEvent } from '../store/types.ts';
import type { RippleState } from '../store/store.ts';
import { selectDialect } from '../store/editor-slice.ts';
import { reasonPhrase } from '../engine/index.ts';
import { CONCLUSION_NAMES, DIALECT_TITLES, RUN_STATUS_NAMES, dialectEventWord, dialectViewOptions, type DialectViewOptions } from '../engine/dialect.ts';
import type { DialectName } from '../scenario/types.ts';
import { stepNames } from '../scenario/step-names.ts';

// Plain sentences for the event log and the live announcement. Everything they say comes from
// the engine's events; this file only words them. Spoken as another system ("Speak as", issue
// #11), each sentence keeps Ripple's words and ends with that system's word for what the event
// did ("… answers 424 Failed Dependency. GitHub Actions: skipped.").

import { formatMs } from './format-ms.ts';

export { formatMs };

/** `424` → "424 Failed Dependency"; null → "no response". */
export function statusText(status: number | null | undefined): string {
  if (status === null || status === undefined) return 'no response';
  const phrase = reasonPhrase(status);
  return phrase ? `${status} ${phrase}` : String(status);
}

/**
 * What is left of a run whose last moment the playhead is on (`selectEventsLeftThisMoment`, run
 * end included), for the panels that would otherwise say "still running": "3 more events
 * follow at this same moment", or with only the run's end left, "only the run's end follows".
 */
export function eventsLeftText(left: number): string {
  return left === 1 ? 'only the run’s end follows, at this same moment' : `${left.toLocaleString('en')} more events follow at this same moment`;
}

/** "Step forward once" / "Step forward 3 times": how to reach the end from there. */
export function stepForwardText(left: number): string {
  return `Step forward ${left === 1 ? 'once' : `${left.toLocaleString('en')} times`}`;
}

/** "Workflow conclusion" → "workflow conclusion", for the middle of a sentence; "DAG run state" stays. */
export function midSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0].toLowerCase() + name.slice(1) : name;
}

function listNames(ids: readonly string[]): string {
  if (ids.length <= 1) return ids.join('');
  if (ids.length <= 3) return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  return `${ids.slice(0, 2).join(', ')} and ${ids.length - 2} more`;
}

interface Context {
  result: RunResult;
  /** Step id → the name a person reads (its label); see `stepNames`. */
  names: ReadonlyMap<string, string>;
  requests: Map<string, string>;
  /** `failed step@t` → dependents blocked by it at that same moment. */
  blockedBy: Map<string, string[]>;
  replay: boolean;
  dialect: DialectName;
  /** The ran scenario's dialect flags (a caught state's failure reads "Caught error"). */
  options: DialectViewOptions;
}

function contextFor(segment: RunSegment, dialect: DialectName): Context {
  const requests = new Map<string, string>();
  for (const step of segment.scenario.steps) if (step.request) requests.set(step.id, step.request);
  const blockedBy = new Map<string, string[]>();
  for (const event of segment.result.events) {
    if (event.type !== 'blocked' || !event.step || !event.failedPrerequisiteStep) continue;
    const key = `${event.failedPrerequisiteStep}@${event.t}`;
    const list = blockedBy.get(key) ?? [];
    if (!list.includes(event.step)) list.push(event.step);
    blockedBy.set(key, list);
  }
  return { result: segment.result, names: stepNames(segment.scenario), requests, blockedBy, replay: segment.kind === 'replay', dialect, options: dialectViewOptions(segment.scenario) };
}

/** On `started` / `succeeded` / `failed` / … the attempt it belongs to; on `retry-scheduled` the attempt that will start. */
function attemptNote(event: RunEvent): string {
  return event.attempt && event.attempt > 1 ? ` (attempt ${event.attempt})` : '';
}

function withMessage(event: RunEvent): string {
  return event.message ? ` (${event.message})` : '';
}

/** The sentence for one event, without its time, with the dialect's word for it (none for `http`). */
export function describeEvent(event: RunEvent, ctx: Context): string {
  const sentence = rippleSentence(event, ctx);
  const word = dialectEventWord(ctx.dialect, event, ctx.result, ctx.options);
  if (word === null) return sentence;
  if (event.type === 'run-finished') return `${sentence} ${DIALECT_TITLES[ctx.dialect]} ${midSentence(CONCLUSION_NAMES[ctx.dialect])}: ${word}.`;
  if (event.type === 'run-started' || event.type === 'replay-started') return `${sentence} ${DIALECT_TITLES[ctx.dialect]} ${midSentence(RUN_STATUS_NAMES[ctx.dialect])}: ${word}.`;
  return `${sentence} ${DIALECT_TITLES[ctx.dialect]}: ${word}.`;
}

/** The sentence for one event in Ripple's own words. */
function rippleSentence(event: RunEvent, ctx: Context): string {
  const name = (id: string) => ctx.names.get(id) ?? id;
  const step = event.step === undefined ? 'the run' : name(event.step);
  switch (event.type) {
    case 'run-started':
      return ctx.replay ? 'The replay starts.' : 'The run starts.';
    case 'replay-started':
      return 'The replay starts.';
    case 'started': {
      const request = event.step === undefined ? undefined : ctx.requests.get(event.step);
      return `${step} starts${request ? `: ${request}` : ''}${attemptNote(event)}.`;
    }
    case 'succeeded':
      return `${step} answered ${statusText(event.status ?? 200)}${attemptNote(event)}.`;
    case 'failed':
    case 'timed-out': {
      const verb = event.type === 'timed-out' ? 'timed out and answers' : 'answered';
      let sentence = `${step} ${verb} ${statusText(event.status)}${withMessage(event)}${attemptNote(event)}`;
      if (event.willRetry) sentence += '; it will try again';
      const blocked = ctx.blockedBy.get(`${event.step}@${event.t}`)?.map(name);
      if (blocked && blocked.length > 0 && !event.willRetry) {
        // What follows at the same moment, in the next events: "will", so the sentence does not tell
        // of a 424 the canvas does not show yet at this event (tryout).
        sentence += `; ${listNames(blocked)} ${blocked.length === 1 ? 'depends' : 'depend'} on it and will answer 424 Failed Dependency`;
      }
      return `${sentence}.`;
    }
    case 'retry-scheduled':
      return `${step} will try again${event.nextAt !== undefined ? ` at ${formatMs(event.nextAt)}` : ''}${attemptNote(event)}.`;
    case 'blocked': {
      const prerequisite = event.failedPrerequisiteStep === undefined ? undefined : name(event.failedPrerequisiteStep);
      const root = event.rootCauseStep && event.rootCauseStep !== event.failedPrerequisiteStep ? ` (root cause: ${name(event.rootCauseStep)})` : '';
      const base = prerequisite
        ? `${step} depends on ${prerequisite}, which did not succeed, so it answers 424 Failed Dependency${root}`
        : `${step} answers 424 Failed Dependency`;
      return `${base}${event.willRetry ? '; it will be retried' : ''}.`;
    }
    case 'rolled-back':
      return `${step} is rolled back and answers 424 Failed Dependency${withMessage(event)}.`;
    case 'unblocked':
      return `${step} is pending again: the step it waited for has been repaired.`;
    case 'skipped':
      return `${step} is skipped${event.message ? `: ${event.message}` : ''}.`;
    case 'cancelled':
      return `${step} is cancelled${event.message ? `: ${event.message}` : ''}.`;
    case 'repair-requested':
      return `${event.requestedBy === undefined ? 'A blocked step' : name(event.requestedBy)} asks for another attempt of ${step} first (repair upstream before retrying).`;
    case 'compensation-started':
      return `Rolling back ${step}${event.message ? `: ${event.message}` : ''}.`;
    case 'compensation-succeeded':
      return `${step} is rolled back (compensated).`;
    case 'compensation-failed':
      return `Rolling back ${step} failed with ${statusText(event.status)}${withMessage(event)}; it stays half-done (compensation-failed).`;
    case 'reused':
      return `${step} is kept from the previous run (reused, no time spent).`;
    case 'run-finished': {
      const { outcome, httpStatus } = ctx.result;
      return `The ${ctx.replay ? 'replay' : 'run'} finishes: ${outcome}; the batch answers ${statusText(httpStatus)}.`;
    }
  }
}

/**
 * The log's sentences for one timeline, each worded when first asked for: a log draws the rows
 * on screen, so a run of 30,000 events costs the page the few dozen sentences it shows
 * (issue #9 item 3), not 30,000. Each sentence is kept once worded.
 */
export interface EventSentences {
  /** Entries in the timeline. */
  readonly count: number;
  /** "120 ms — sentence" for timeline entry `index` ('' outside the timeline). */
  at(index: number): string;
}

function sentencesOf(timeline: readonly TimelineEvent[], segments: readonly RunSegment[], dialect: DialectName): EventSentences {
  let contexts: Context[] | null = null;
  const worded: string[] = [];
  return {
    count: timeline.length,
    at(index) {
      const entry = timeline[index];
      if (entry === undefined) return '';
      let sentence = worded[index];
      if (sentence === undefined) {
        // The contexts walk every event once (to know who a failure blocked): on first use.
        contexts ??= segments.map((segment) => contextFor(segment, dialect));
        sentence = `${formatMs(entry.at)} — ${describeEvent(entry.event, contexts[entry.segment])}`;
        worded[index] = sentence;
      }
      return sentence;
    },
  };
}

/** Every timeline entry as "120 ms — sentence", in order (all of them at once: tests, exports), in `dialect`'s words too. */
export function describeTimeline(timeline: readonly TimelineEvent[], segments: readonly RunSegment[], dialect: DialectName = 'http'): string[] {
  const sentences = sentencesOf(timeline, segments, dialect);
  return timeline.map((_, index) => sentences.at(index));
}

// Per timeline (so per store: two simulators on one page never share an answer).
const cache = new WeakMap<readonly TimelineEvent[], { segments: readonly RunSegment[]; dialect: DialectName; sentences: EventSentences }>();

/** The log's sentences for the store's timeline in the scenario's dialect: the same object until the run or the dialect changes. */
export function selectEventSentences(state: RippleState): EventSentences {
  const dialect = selectDialect(state);
  const cached = cache.get(state.timeline);
  if (cached && cached.segments === state.segments && cached.dialect === dialect) return cached.sentences;
  const sentences = sentencesOf(state.timeline, state.segments, dialect);
  cache.set(state.timeline, { segments: state.segments, dialect, sentences });
  return sentences;
}

/** The sentence of the event under the cursor ('' when there is no run). */
export const selectCurrentSentence = (state: RippleState): string => selectEventSentences(state).at(state.cursor);
