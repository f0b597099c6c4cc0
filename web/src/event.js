// An event's cross-check report beside its articles. Every statement that
// has supporting sentences can be selected (click, Enter or Space); the
// articles that support it open side by side with those sentences marked.
import { api, el, clear } from './dom.js';
import { locate, wordDiff } from './text.js';

const SHOWN_ARTICLES = 4;

export async function showEvent(app, id) {
  clear(app).append(el('p', { class: 'status' }, 'Loading the report…'));
  let r;
  try {
    r = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (e) {
    clear(app).append(
      el('p', { class: 'error' }, e.status === 404 ? `There is no event ${id}.` : `The report could not be built: ${e.message}`),
      el('p', {}, el('a', { href: '/', 'data-nav': true }, 'All events')),
    );
    return;
  }
  new EventView(app, id, r).render();
}

class EventView {
  constructor(app, id, report) {
    this.app = app;
    this.id = id;
    this.r = report;
    this.sources = new Map(report.sources.map((s) => [s.id, s]));
    this.support = new Map(); // statement key -> its support entries
    this.texts = new Map(); // source id -> Promise of its text
    this.selected = null;
  }

  outlet(sourceId) {
    const s = this.sources.get(sourceId);
    return (s && s.outlet) || sourceId;
  }

  outlets(ids) {
    return ids.map((i) => this.outlet(i)).join(', ');
  }

  // A selectable statement: `content` in an element that highlights `support`.
  statement(tag, key, support, attrs, ...content) {
    const node = el(tag, { ...attrs, class: `${attrs.class || ''} stmt`.trim(), tabindex: 0, role: 'button', 'data-stmt': key, 'aria-pressed': 'false' }, ...content);
    this.support.set(key, support.map((s) => ({ ...s, key })));
    return node;
  }

  cite(ids) {
    return el('span', { class: 'cite' }, ids.map((i) => el('span', { class: 'src' }, this.outlet(i))));
  }

  // A titled part of the report; none when it has nothing to show.
  section(title, items, intro) {
    const empty = Array.isArray(items) ? items.length === 0 : !items || !items.childElementCount;
    if (empty) return null;
    return el('section', { class: 'part', id: title.toLowerCase().replace(/[^a-z]+/g, '-') }, el('h2', {}, title), intro ? el('p', { class: 'intro' }, intro) : null, items);
  }

  render() {
    const r = this.r;
    const e = r.event;
    document.title = `crosscheck: ${e.title || `event ${this.id}`}`;
    const independent = new Set(r.sources.filter((s) => !s.copy_of).map((s) => s.id)).size;
    const when = e.first_date ? (e.last_date && e.last_date !== e.first_date ? `${e.first_date} – ${e.last_date}` : e.first_date) : 'undated';

    const report = el(
      'article',
      { class: 'report' },
      el('p', { class: 'crumbs' }, el('a', { href: '/', 'data-nav': true }, '← events'), ' · ', el('a', { href: `/events/${this.id}/report.html` }, 'plain report')),
      el('h1', {}, e.title || `Event ${this.id}`),
      el('p', { class: 'meta' }, `${when} · ${r.sources.length} article${r.sources.length === 1 ? '' : 's'}, ${independent} independent`, e.dated_by ? ` · dated by ${e.dated_by}` : ''),
      this.summary(),
      this.facts(),
      this.conflicts(),
      this.claims(),
      this.quotes(),
      this.whoswho(),
      this.timeline(),
      this.exclusives(),
    );
    this.pane = el('div', { class: 'articles', 'aria-live': 'polite' });
    const aside = el('aside', { class: 'side', 'aria-label': 'articles' }, el('h2', {}, 'Articles'), this.pane);
    const view = el('div', { class: 'event' }, report, aside);
    clear(this.app).append(view);
    view.addEventListener('click', (ev) => this.onClick(ev));
    view.addEventListener('keydown', (ev) => {
      if ((ev.key === 'Enter' || ev.key === ' ') && ev.target.dataset && ev.target.dataset.stmt !== undefined && this.support.has(ev.target.dataset.stmt)) {
        ev.preventDefault();
        this.select(ev.target);
      }
    });
    this.showSources(r.sources.slice(0, SHOWN_ARTICLES).map((s) => s.id), []);
  }

  onClick(ev) {
    const cite = ev.target.closest('[data-cite]');
    if (cite) {
      const line = cite.closest('[data-stmt]');
      this.select(line, cite.dataset.cite);
      return;
    }
    const node = ev.target.closest('[data-stmt]');
    if (node && this.support.has(node.dataset.stmt)) this.select(node);
  }

  // Selects a statement: its supporting articles side by side, the
  // sentences marked (only `only`'s when a citation was chosen).
  select(node, only) {
    if (this.selected) this.selected.setAttribute('aria-pressed', 'false');
    this.selected = node;
    node.setAttribute('aria-pressed', 'true');
    let support = this.support.get(node.dataset.stmt) || [];
    if (only) support = support.filter((s) => s.source === only);
    const ids = [...new Set(support.map((s) => s.source))];
    return this.showSources(ids.length ? ids : [], support);
  }

  text(id) {
    if (!this.texts.has(id)) this.texts.set(id, api(`/api/articles/${encodeURIComponent(id)}`).then((a) => a.text));
    return this.texts.get(id);
  }

  async showSources(ids, support) {
    const token = Symbol('show');
    this.showing = token;
    const columns = ids.map((id) => {
      const s = this.sources.get(id) || { id };
      const body = el('div', { class: 'body' }, el('p', { class: 'status' }, 'Loading…'));
      const col = el(
        'section',
        { class: 'source', 'data-source': id },
        el('h3', {}, this.outlet(id)),
        el('p', { class: 'meta' }, s.title || '', s.published ? ` · ${s.published.slice(0, 10)}` : '', s.copy_of ? ` · a copy of ${this.outlet(s.copy_of)}` : ''),
        s.url && /^https?:\/\//i.test(s.url) ? el('p', { class: 'meta' }, el('a', { href: s.url, rel: 'noopener noreferrer nofollow' }, 'original')) : null,
        body,
      );
      return { id, col, body };
    });
    clear(this.pane).append(
      columns.length
        ? el('div', { class: 'columns' }, columns.map((c) => c.col))
        : el('p', { class: 'status' }, 'This statement has no sentence to show.'),
    );
    await Promise.all(
      columns.map(async ({ id, body }) => {
        let text;
        try {
          text = await this.text(id);
        } catch (e) {
          if (this.showing === token) clear(body).append(el('p', { class: 'error' }, `The article could not be read: ${e.message}`));
          return;
        }
        if (this.showing !== token) return;
        const spans = locate(text, support.filter((s) => s.source === id));
        const parts = [];
        let at = 0;
        for (const s of spans) {
          parts.push(text.slice(at, s.start), el('mark', { class: 'hl on' }, text.slice(s.start, s.end)));
          at = s.end;
        }
        parts.push(text.slice(at));
        clear(body).append(el('div', { class: 'text' }, parts));
        // The marked sentence in view within its column (the page itself
        // scrolls to the articles only where they stack below the report).
        const first = body.querySelector('mark.hl');
        const box = body.firstChild;
        if (first && box) box.scrollTop = first.offsetTop - box.offsetTop - box.clientHeight / 3;
      }),
    );
    if (this.showing !== token) return;
    if (support.length && matchMedia('(max-width: 60rem)').matches) this.pane.scrollIntoView({ block: 'start' });
    this.pane.dataset.ready = String(Date.now());
  }

  summary() {
    const lines = this.r.summary.map((s, i) =>
      this.statement(
        'li',
        `summary-${i}`,
        s.support || [],
        { class: s.lede ? 'lede' : '' },
        el('span', { class: 'text' }, s.text),
        ' ',
        el(
          'span',
          { class: 'cite' },
          s.sources.map((id) => el('button', { type: 'button', class: 'src', 'data-cite': id, title: `Show ${this.outlet(id)}'s sentence` }, this.outlet(id))),
        ),
        s.wording && s.sources.length > 1 ? el('span', { class: 'wording' }, ` wording: ${this.outlet(s.wording)}`) : null,
      ),
    );
    return this.section('Summary', lines.length ? el('ol', { class: 'summary' }, lines) : []);
  }

  facts() {
    const items = this.r.facts.map((f) =>
      this.statement(
        'li',
        f.id,
        f.support,
        {},
        el('span', { class: 'count', title: 'independent outlets' }, String(f.independent_sources ?? f.sources.length)),
        el('span', { class: 'text' }, f.statement),
        this.cite(f.sources),
      ),
    );
    return this.section('Facts', items.length ? el('ul', { class: 'facts' }, items) : [], 'Each with how many independent outlets report it.');
  }

  conflicts() {
    const items = this.r.conflicts.map((c) =>
      el(
        'div',
        { class: 'conflict' },
        this.statement('h3', c.id, c.variants.flatMap((v) => v.support), {}, c.about),
        el(
          'div',
          { class: 'variants' },
          c.variants.map((v, k) =>
            this.statement('div', `${c.id}-${k}`, v.support, { class: 'variant' }, el('strong', {}, v.value), this.cite(v.sources), v.support[0] ? el('q', {}, v.support[0].sentence) : null),
          ),
        ),
      ),
    );
    return this.section('Conflicts', items, 'Values the outlets give differently, side by side.');
  }

  claims() {
    const items = this.r.claims.map((c) =>
      el(
        'div',
        { class: 'claim' },
        el('h3', {}, c.claim),
        el(
          'ul',
          { class: 'positions' },
          c.positions.map((p, k) =>
            this.statement('li', `${c.id}-p${k}`, p.support, {}, el('span', { class: 'actor' }, p.actor || 'unknown'), ' ', el('span', { class: `stance ${p.stance}` }, p.stance), this.cite(p.sources)),
          ),
        ),
        c.treatments && c.treatments.length
          ? el(
              'ul',
              { class: 'treatments' },
              c.treatments.map((t, k) =>
                this.statement('li', `${c.id}-t${k}`, t.support, {}, el('span', { class: 'src' }, this.outlet(t.source)), ` ${t.treatment === 'states' ? 'states it as fact' : t.treatment === 'attributes' ? 'attributes it' : t.treatment === 'refutes' ? 'refutes it' : t.treatment}`),
              ),
            )
          : null,
        c.evidence ? this.statement('p', `${c.id}-e`, c.evidence_support || [], { class: 'evidence' }, 'Evidence: ', c.evidence) : null,
      ),
    );
    return this.section('Claims', items, 'Who asserts, denies or questions what, and how each outlet treats it.');
  }

  quotes() {
    const items = this.r.quotes.map((q) =>
      el(
        'div',
        { class: 'quote' },
        el('p', { class: 'speaker' }, q.speaker || 'speaker unknown'),
        el('blockquote', {}, q.text),
        el(
          'ul',
          { class: 'wordings' },
          q.variants.map((v, k) =>
            this.statement(
              'li',
              `${q.id}-${k}`,
              this.quoteSupport(v),
              {},
              el('span', { class: 'src' }, this.outlet(v.source)),
              ' ',
              el(
                'span',
                { class: 'diff' },
                wordDiff(q.text, v.text).map((w) => (w.kind === 'same' ? `${w.word} ` : el(w.kind === 'added' ? 'ins' : 'del', {}, w.word, ' '))),
              ),
            ),
          ),
        ),
      ),
    );
    return this.section('Quotes', items, 'Each wording against the fullest one: words only it has are underlined, words it lacks struck through.');
  }

  // A quote variant carries its sentence but no offsets: found by search.
  quoteSupport(v) {
    return [{ source: v.source, sentence: v.sentence, start: -1, end: -1 }];
  }

  whoswho() {
    const people = this.r.entities.filter((e) => e.type === 'person');
    const rest = this.r.entities.filter((e) => e.type !== 'person');
    const row = (e) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, e.name, e.aliases && e.aliases.length ? el('span', { class: 'aliases' }, ` also ${e.aliases.join(', ')}`) : null),
        el('td', {}, e.type === 'person' ? (e.roles || []).join('; ') : e.type),
        el('td', {}, e.organization || ''),
        el('td', {}, this.outlets(e.sources)),
      );
    const all = [...people, ...rest];
    if (!all.length) return null;
    return this.section(
      "Who's who",
      el(
        'div',
        { class: 'scroll' },
        el('table', { class: 'who' }, el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Role or kind'), el('th', {}, 'Organisation'), el('th', {}, 'Named by'))), el('tbody', {}, all.map(row))),
      ),
    );
  }

  timeline() {
    const items = this.r.timeline.map((t, k) =>
      this.statement('li', `timeline-${k}`, t.support, { class: t.background ? 'background' : '' }, el('time', { datetime: t.date }, t.end ? `${t.date} – ${t.end}` : t.date), ' ', t.what, t.background ? el('span', { class: 'meta' }, ' (background)') : null),
    );
    return this.section('Timeline', items.length ? el('ol', { class: 'timeline' }, items) : []);
  }

  exclusives() {
    const items = this.r.exclusive.flatMap((x) =>
      x.support.map((s, k) => this.statement('li', `only-${x.source}-${k}`, [s], {}, el('span', { class: 'src' }, this.outlet(x.source)), ' ', s.sentence)),
    );
    return this.section('Reported by one outlet', items.length ? el('ul', { class: 'exclusive' }, items) : []);
  }
}
