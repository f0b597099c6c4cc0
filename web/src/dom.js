// DOM building without innerHTML: every piece of article text becomes a text
// node, so markup in an article can never run or render.

// el('a', {href: '/x', class: 'y'}, 'text', child, ...)
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// The JSON of an API path, or an Error carrying the server's message.
export async function api(path, options = {}) {
  const res = await fetch(path, { headers: { Accept: 'application/json' }, ...options });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = await res.json();
      if (body && body.error) message = body.error;
    } catch {
      // not JSON: keep the status line
    }
    const e = new Error(message);
    e.status = res.status;
    throw e;
  }
  return res.json();
}
