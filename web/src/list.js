// The events list: newest first, searched and filtered through the URL, so
// every view is a permalink.
import { api, el, clear } from './dom.js';

const PAGE = 25;

function dates(e) {
  if (!e.first_date) return 'undated';
  return e.last_date && e.last_date !== e.first_date ? `${e.first_date} – ${e.last_date}` : e.first_date;
}

export async function showList(app, params, navigate) {
  const q = params.get('q') || '';
  const outlet = params.get('outlet') || '';
  const since = params.get('since') || '';
  const until = params.get('until') || '';
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  document.title = q ? `crosscheck: events about ${q}` : 'crosscheck: events';

  const field = (name, label, value, type = 'text', extra = {}) =>
    el('label', { class: 'field' }, el('span', {}, label), el('input', { name, type, value, ...extra }));
  const form = el(
    'form',
    { class: 'filters', role: 'search' },
    field('q', 'Words of the title', q, 'search', { id: 'search', placeholder: 'search events', autocomplete: 'off' }),
    field('outlet', 'Outlet', outlet, 'text', { list: 'outlets', placeholder: 'any outlet' }),
    field('since', 'Active since', since, 'date'),
    field('until', 'Began by', until, 'date'),
    el('button', { type: 'submit' }, 'Filter'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) p.set(k, String(v).trim());
    navigate(`/${p.size ? `?${p}` : ''}`);
  });

  const listing = el('section', { class: 'listing', 'aria-live': 'polite' }, el('p', { class: 'status' }, 'Loading…'));
  clear(app).append(el('h1', {}, 'Events'), form, listing);

  const query = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  for (const [k, v] of [['q', q], ['outlet', outlet], ['since', since], ['until', until]]) if (v) query.set(k, v);
  let page;
  try {
    page = await api(`/api/events?${query}`);
  } catch (e) {
    clear(listing).append(el('p', { class: 'error' }, `The events could not be listed: ${e.message}`));
    return;
  }
  clear(listing);
  const outlets = new Set();
  for (const e of page.events) for (const o of e.outlets) outlets.add(o);
  form.append(el('datalist', { id: 'outlets' }, [...outlets].sort().map((o) => el('option', { value: o }))));

  if (!page.events.length) {
    listing.append(el('p', { class: 'status' }, q || outlet || since || until ? 'No event matches.' : 'No event stored yet.'));
  } else {
    listing.append(
      el('p', { class: 'count' }, `${page.total} event${page.total === 1 ? '' : 's'}, most recently active first`),
      el(
        'ol',
        { class: 'events', start: offset + 1 },
        page.events.map((e) =>
          el(
            'li',
            { class: 'event-item' },
            el('a', { href: `/events/${e.id}`, 'data-nav': true, 'data-stmt': true }, e.title || `event ${e.id}`),
            el(
              'span',
              { class: 'meta' },
              `${dates(e)} · ${e.outlets.length} outlet${e.outlets.length === 1 ? '' : 's'} · ${e.articles} article${
                e.articles === 1 ? '' : 's'
              }`,
            ),
          ),
        ),
      ),
    );
  }
  const pager = el('nav', { class: 'pager', 'aria-label': 'pages' });
  const link = (label, to) => {
    const p = new URLSearchParams(params);
    if (to) p.set('offset', String(to));
    else p.delete('offset');
    return el('a', { href: `/${p.size ? `?${p}` : ''}`, 'data-nav': true }, label);
  };
  if (offset > 0) pager.append(link('← newer', Math.max(0, offset - PAGE)));
  if (offset + PAGE < page.total) pager.append(link('older →', offset + PAGE));
  listing.append(pager);

  // Words of the title found nothing: the articles' full text may.
  if (q) {
    const hits = el('section', { class: 'hits' });
    listing.append(hits);
    try {
      const found = await api(`/api/search?${new URLSearchParams({ q, limit: '20' })}`);
      if (found.articles.length)
        hits.append(
          el('h2', {}, 'Articles whose text matches'),
          el(
            'ul',
            {},
            found.articles.map((a) =>
              el(
                'li',
                {},
                a.event ? el('a', { href: `/events/${a.event}`, 'data-nav': true }, a.title || a.id) : a.title || a.id,
                el('span', { class: 'meta' }, ` ${a.snippet}`),
              ),
            ),
          ),
        );
    } catch (e) {
      hits.append(el('p', { class: 'error' }, `Full-text search failed: ${e.message}`));
    }
  }
}
