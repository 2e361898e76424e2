import type { LocatedExtraction, Offsets, Provenance } from '../domain/types.ts';
import { TextIndex } from '../text/textIndex.ts';
import type { Loss } from './losses.ts';

// The shape span-and-link tools (doccano's relation projects, Label Studio, brat) store: labelled spans
// with offsets, and typed links between them. GIELLM's relations and events are written into it, and read
// out of it, here once, so every such format keeps the same mapping:
//   relation (head, rel, tail)            → span Argument(head) —rel→ span Argument(tail)
//   event (subject, trigger, object, time) → span Trigger(trigger) —subject/object/time→ span Argument(…)
// A span shared by two relations (the tail of one, the head of another) is one span with two links.
// An event's links all start at its own trigger span, so events on one trigger word never mix roles.

export const GRAPH_LABELS = { argument: 'Argument', trigger: 'Trigger' } as const;
export const EVENT_ROLES = ['subject', 'object', 'time'] as const;
type Role = (typeof EVENT_ROLES)[number];

/** A span in code points, with a key unique within its document. */
export interface GraphSpan {
  key: string;
  start: number;
  end: number;
  label: string;
  /** Who made the item the span is (an entity, an event's trigger); shared argument spans have none. */
  provenance?: Provenance;
}
export interface GraphLink {
  from: string;
  to: string;
  type: string;
  /** Who made the item the link is part of (a relation, an event). */
  provenance?: Provenance;
}
const withProvenance = <T extends object>(o: T, p: Provenance | undefined): T => (p ? { ...o, provenance: p } : o);
export interface SpanGraph {
  spans: GraphSpan[];
  links: GraphLink[];
}

/** A document's extraction as spans and links; items without offsets are reported, not invented. */
export function toSpanGraph(x: LocatedExtraction, doc: string, losses: Loss[]): SpanGraph {
  const spans: GraphSpan[] = [];
  const links: GraphLink[] = [];
  const keys = new Map<string, string>();
  // Only relation and event arguments are shared: an entity repeated on one span, or two events on one
  // trigger, stay apart, so each reads back as itself.
  const span = (o: Offsets, label: string, shared = false, provenance?: Provenance): string | null => {
    if (!o) return null;
    const k = `${label}\u241f${o[0]}\u241f${o[1]}`;
    let key = shared ? keys.get(k) : undefined;
    if (!key) {
      key = `s${spans.length + 1}`;
      if (shared) keys.set(k, key);
      spans.push(withProvenance({ key, start: o[0], end: o[1], label }, provenance));
    }
    return key;
  };
  for (const e of x.entities) {
    if (!span(e.start === null ? null : [e.start, e.end!], e.label, false, e.provenance)) losses.push({ code: 'no-offsets', doc, item: `${e.label}:${e.text}` });
  }
  x.relations.forEach((r, i) => {
    if (!r.offsets.head || !r.offsets.tail) return void losses.push({ code: 'no-offsets', doc, item: `relation ${i + 1} (${r.head};${r.relation};${r.tail})` });
    links.push(withProvenance({ from: span(r.offsets.head, GRAPH_LABELS.argument, true)!, to: span(r.offsets.tail, GRAPH_LABELS.argument, true)!, type: r.relation }, r.provenance));
  });
  x.events.forEach((e, i) => {
    const missing = !e.offsets.trigger || !e.offsets.subject || !e.offsets.time || (e.object !== null && !e.offsets.object);
    if (missing) return void losses.push({ code: 'no-offsets', doc, item: `event ${i + 1} (${e.trigger})` });
    const trigger = span(e.offsets.trigger, GRAPH_LABELS.trigger, false, e.provenance)!;
    for (const role of EVENT_ROLES) {
      const o = e.offsets[role];
      if (o) links.push(withProvenance({ from: trigger, to: span(o, GRAPH_LABELS.argument, true)!, type: role }, e.provenance));
    }
  });
  return { spans, links };
}

/**
 * Spans and links read back into items. Links from a Trigger span are an event (a trigger with more than
 * one subject or time, as another tool may write, gives one event per subject, paired in order); other
 * links are relations; other spans are entities. What does not fit
 * (a span in no link in a document with links, an event without subject or time) is reported.
 */
export function fromSpanGraph(text: string, g: SpanGraph, doc: string, losses: Loss[]): Pick<LocatedExtraction, 'entities' | 'relations' | 'events'> {
  const idx = new TextIndex(text);
  const byKey = new Map(g.spans.map((s) => [s.key, s]));
  const at = (s: GraphSpan): [number, number] => [s.start, s.end];
  const str = (s: GraphSpan) => idx.slice(s.start, s.end);
  const x: Pick<LocatedExtraction, 'entities' | 'relations' | 'events'> = { entities: [], relations: [], events: [] };
  const linked = new Set<string>();
  const labelled = new Set<string>();
  const roles = new Map<string, Record<Role, GraphSpan[]>>();
  for (const l of g.links) {
    const from = byKey.get(l.from);
    const to = byKey.get(l.to);
    if (!from || !to) {
      losses.push({ code: 'unknown-item', doc, item: `link ${l.type}` });
      continue;
    }
    linked.add(from.key).add(to.key);
    if (from.label === GRAPH_LABELS.trigger && (EVENT_ROLES as readonly string[]).includes(l.type)) {
      const r = roles.get(from.key) ?? { subject: [], object: [], time: [] };
      r[l.type as Role].push(to);
      roles.set(from.key, r);
    } else {
      for (const s of [from, to]) {
        if (s.label !== GRAPH_LABELS.argument && !labelled.has(s.key)) losses.push({ code: 'argument-label-not-held', doc, item: `${s.label}:${str(s)}` });
        labelled.add(s.key);
      }
      x.relations.push(withProvenance({ head: str(from), relation: l.type, tail: str(to), offsets: { head: at(from), tail: at(to) } }, l.provenance));
    }
  }
  for (const [key, r] of roles) {
    const trigger = byKey.get(key)!;
    const n = Math.max(r.subject.length, r.time.length);
    for (let i = 0; i < n; i++) {
      const [subject, object, time] = [r.subject[i], r.object[i], r.time[i]];
      if (!subject || !time) {
        losses.push({ code: 'incomplete-event', doc, item: str(trigger) });
        continue;
      }
      x.events.push(
        withProvenance(
          {
            subject: str(subject),
            trigger: str(trigger),
            object: object ? str(object) : null,
            time: str(time),
            offsets: { subject: at(subject), trigger: at(trigger), object: object ? at(object) : null, time: at(time) },
          },
          trigger.provenance,
        ),
      );
    }
  }
  const hasLinks = g.links.length > 0;
  for (const s of g.spans) {
    if (linked.has(s.key)) continue;
    const structural = s.label === GRAPH_LABELS.argument || s.label === GRAPH_LABELS.trigger;
    if (hasLinks || structural) losses.push({ code: 'span-in-no-relation', doc, item: `${s.label}:${str(s)}` });
    else x.entities.push(withProvenance({ label: s.label, text: str(s), start: s.start, end: s.end }, s.provenance));
  }
  return x;
}
