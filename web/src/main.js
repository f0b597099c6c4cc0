// The page crosscheck serve shows: a router over two views (the events
// list at /, an event at /events/{id}), keyboard navigation and the theme.
import './style.css';
import { showList } from './list.js';
import { showEvent } from './event.js';

const app = document.getElementById('app');
function navigate(to) {
  history.pushState(null, '', to);
  route();
}

async function route() {
  const m = location.pathname.match(/^\/events\/(\d{1,18})\/?$/u);
  if (m) await showEvent(app, m[1]);
  else await showList(app, new URLSearchParams(location.search), navigate);
}

// Links inside the page change the view without a reload.
document.addEventListener('click', (ev) => {
  const a = ev.target.closest('a[data-nav]');
  if (!a || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  ev.preventDefault();
  navigate(a.getAttribute('href'));
  window.scrollTo(0, 0);
});
window.addEventListener('popstate', route);

// j/k (or arrows with no field focused) move between statements, Escape
// clears a selection, / focuses the search box, h goes to the events.
document.addEventListener('keydown', (ev) => {
  const t = ev.target;
  const typing = t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
  if (typing) {
    if (ev.key === 'Escape') t.blur();
    return;
  }
  if (ev.metaKey || ev.ctrlKey || ev.altKey) return;
  const items = [...app.querySelectorAll('[data-stmt]')];
  const at = items.indexOf(document.activeElement);
  if (ev.key === 'j' || ev.key === 'ArrowDown' || ev.key === 'k' || ev.key === 'ArrowUp') {
    if (!items.length) return;
    ev.preventDefault();
    const down = ev.key === 'j' || ev.key === 'ArrowDown';
    const next = at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + (down ? 1 : -1)));
    items[next].focus();
    items[next].scrollIntoView({ block: 'nearest' });
  } else if (ev.key === '/') {
    const search = document.getElementById('search');
    if (search) {
      ev.preventDefault();
      search.focus();
    }
  } else if (ev.key === 'h') {
    navigate('/');
  } else if (ev.key === 'Escape') {
    for (const n of app.querySelectorAll('[aria-pressed="true"]')) n.setAttribute('aria-pressed', 'false');
    for (const m of app.querySelectorAll('mark.hl.on')) m.classList.remove('on');
  }
});

// Light or dark: the system's choice until the button picks one.
const root = document.documentElement;
const saved = localStorage.getItem('theme');
if (saved === 'light' || saved === 'dark') root.dataset.theme = saved;
document.getElementById('theme').addEventListener('click', () => {
  const dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  root.dataset.theme = dark ? 'light' : 'dark';
  localStorage.setItem('theme', root.dataset.theme);
});

route();
