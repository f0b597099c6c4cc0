#include "crosscheck/ingest/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

#include "crosscheck/html/page.h"
#include "crosscheck/ingest/outlet.h"
#include "crosscheck/ingest/page_reader.h"
#include "crosscheck/text/datetime.h"
#include "crosscheck/text/unicode.h"

namespace crosscheck::ingest {
namespace {

bool Named(xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string Content(xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return s;
}

std::string Attribute(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

bool IsFeedPath(std::string_view p) {
  return p.ends_with(".rss") || p.ends_with(".atom") || p.ends_with(".xml");
}

std::string FeedDateToIso(std::string_view date) { return text::NormalizeDateTime(date); }

Status ReadFeed(const std::string& path, const std::function<void(Article&&)>& article,
                const std::function<void(const LineError&)>& error, const ReadOptions& options) {
  auto bytes = ReadFileBytes(path, options.max_bytes * 4);
  if (!bytes.ok()) return bytes.status();
  return ParseFeed(*bytes, path, article, error, options);
}

Status ParseFeed(std::string_view bytes, const std::string& path,
                 const std::function<void(Article&&)>& article,
                 const std::function<void(const LineError&)>& error, const ReadOptions& options) {
  // Entity declarations are refused, not expanded: a few hundred bytes of
  // nested entities can stand for gigabytes of text. Feeds have no need of
  // them (the five predefined entities and character references still work).
  if (bytes.find("<!ENTITY") != std::string_view::npos)
    return InvalidInput(path +
                        ": the feed declares XML entities; they are not expanded (remove the DOCTYPE's "
                        "<!ENTITY> declarations to read it)");
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) return ResourceExhausted(path + ": feed too large");
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxt*)> ctxt(xmlNewParserCtxt(), xmlFreeParserCtxt);
  if (!ctxt) return Internal("the XML parser could not start");
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      xmlCtxtReadMemory(
          ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), path.c_str(), nullptr,
          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER | XML_PARSE_NOCDATA),
      xmlFreeDoc);
  if (!doc) return InvalidInput(path + ": not an XML document");
  // Recovery reads past errors, but what follows a broken part can be lost:
  // say so, with where it broke, before the items that were read.
  if (!ctxt->wellFormed) {
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    std::string what = e && e->message ? Trim(e->message) : std::string("malformed XML");
    std::string line = e && e->line > 0 ? " at line " + std::to_string(e->line) : "";
    error({0, "the feed is not well-formed XML" + line + " (" + what + "); items after it may be missing"});
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  bool rss = Named(root, "rss") || Named(root, "RDF");
  bool atom = Named(root, "feed");
  if (!rss && !atom) return InvalidInput(path + ": neither an RSS nor an Atom feed");
  xmlNode* channel = root;
  std::string outlet;
  if (rss)
    for (xmlNode* c = root->children; c; c = c->next)
      if (Named(c, "channel")) channel = c;
  for (xmlNode* c = channel->children; c; c = c->next)
    if (Named(c, "title")) outlet = Trim(Content(c));
  // RSS 1.0 (RDF) lists items beside the channel.
  std::vector<xmlNode*> items;
  for (xmlNode* scope : {channel, root}) {
    if (scope == root && channel == root && !items.empty()) break;  // Atom: the feed is the channel
    for (xmlNode* c = scope->children; c; c = c->next)
      if ((rss && Named(c, "item")) || (atom && Named(c, "entry"))) items.push_back(c);
    if (channel == root) break;
  }
  size_t n = 0;
  for (xmlNode* item : items) {
    ++n;
    std::string title, link, id, date, body, summary;
    for (xmlNode* f = item->children; f; f = f->next) {
      if (f->type != XML_ELEMENT_NODE) continue;
      std::string name = reinterpret_cast<const char*>(f->name);
      if (name == "title")
        title = Trim(Content(f));
      else if (name == "link")
        link = atom ? Attribute(f, "href") : Trim(Content(f));
      else if (name == "guid" || name == "id")
        id = Trim(Content(f));
      else if (name == "pubDate" || name == "published" || name == "updated" || name == "date") {
        if (date.empty() || name == "published") date = Content(f);
      } else if (name == "encoded" || name == "content")
        body = Content(f);
      else if (name == "description" || name == "summary")
        summary = Content(f);
    }
    if (body.empty()) body = summary;
    if (id.empty()) id = !link.empty() ? link : outlet + "#" + std::to_string(n);
    if (body.empty()) {
      error({n, "item has no content or description"});
      continue;
    }
    // Item content is HTML: its text, block by block.
    auto page = html::ExtractPage("<html><body><article>" + body + "</article></body></html>");
    StatusOr<Article> a = InvalidArgument("");
    if (page.ok() && !page->paragraphs.empty()) {
      page->title.clear();
      a = ArticleFromPage(id, *page, options);
    } else {
      a = ParseTextArticle(id, body, options);
    }
    if (!a.ok()) {
      error({n, a.status().message()});
      continue;
    }
    a->title = title;
    a->url = link;
    a->outlet = outlet;
    CompleteFromUrl(*a);
    a->published = FeedDateToIso(date);
    article(std::move(*a));
  }
  return Status::Ok();
}

}  // namespace crosscheck::ingest
