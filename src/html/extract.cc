// Main-text extraction. The page is parsed by gumbo (HTML5 rules, so broken
// markup is repaired as a browser would). Every traversal here is iterative,
// so deeply nested pages cannot exhaust the stack.
//
// 1. Nodes that are never article text are skipped: scripts, styles, forms,
//    navigation, asides, figures and captions, and elements whose class or id
//    names share bars, related links, comments, newsletter boxes, ads, bylines.
// 2. Each paragraph-like block (p, pre, a div holding only inline content)
//    with at least 25 characters scores 1 + its commas (at most one per six
//    words: lists of names are not prose) + up to 3 for length;
//    the score goes to its parent, half to the grandparent and a third to the
//    great-grandparent (the scoring Readability popularised).
// 3. A container's score is weighted by its class and id (article, content,
//    story... up; comment, sidebar, footer... down) and by 1 - link density.
//    The best container and the siblings that score close to it are kept.
// 4. Their blocks are emitted in document order, one paragraph each; short
//    lines of page furniture ("Advertisement", "Share this") are dropped.
// 5. A lead set apart above the container, in a block named as one
//    ("intro", "lead", "chapo", "standfirst"...), goes first.
// 6. When that leaves next to no text, the page is read once more with
//    class and id names marking nothing, and the longer text is kept.
// The text comes out in NFC. Metadata comes from JSON-LD, OpenGraph and
// meta tags, <link rel=canonical> and <time>. When the DOM yields far less text than a JSON-LD articleBody,
// that body is used instead.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "crosscheck/html/page.h"
#include "crosscheck/text/datetime.h"
#include "crosscheck/text/unicode.h"

namespace crosscheck::html {
namespace {

using Node = const GumboNode;

bool IsElement(Node* n) { return n && (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE); }
GumboTag Tag(Node* n) { return IsElement(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

const char* Attr(Node* n, const char* name) {
  if (!IsElement(n)) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool NeverText(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_MAP:
      return true;
    default:
      return false;
  }
}

// Class/id words that mark page furniture.
// Whether `pred` holds for any word (run of letters and digits, lowercase)
// of a class-and-id string.
template <class Pred>
bool AnyNameWord(std::string_view class_and_id, Pred pred) {
  std::string lower = Lower(class_and_id);
  size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !std::isalnum(static_cast<unsigned char>(lower[i]))) ++i;
    size_t j = i;
    while (j < lower.size() && std::isalnum(static_cast<unsigned char>(lower[j]))) ++j;
    if (j > i && pred(std::string_view(lower.data() + i, j - i))) return true;
    i = j;
  }
  return false;
}

// Names of cookie and consent dialogs: furniture whatever else the name
// says ("cmplz-body", "moove-gdpr-tab-content") and however long their text.
bool ConsentName(std::string_view class_and_id) {
  static const std::unordered_set<std::string_view> kWords = {
      "cookie", "cookies",      "consent",   "gdpr",      "cmplz",  "onetrust",
      "didomi", "usercentrics", "cookiebot", "cookielaw", "borlabs"};
  return AnyNameWord(class_and_id,
                     [](std::string_view w) { return kWords.count(w) > 0 || w.starts_with("cookie"); });
}

bool FurnitureName(std::string_view class_and_id) {
  static const std::unordered_set<std::string_view> kWords = {
      "ad", "ads", "advert", "advertisement", "adslot", "sponsor", "sponsored", "promo", "promotion", "share",
      "sharing", "shares", "social", "related", "newsletter", "subscribe", "subscription", "comment",
      "comments", "sidebar", "footer", "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs",
      "cookie", "cookies", "popup", "modal", "byline", "recirc", "outbrain", "taboola", "caption", "credit",
      "credits", "signup", "paywall", "trending", "popular", "widget", "disqus", "toolbar", "tags", "author",
      "bio", "masthead", "header", "banner", "print", "login", "overlay", "recommended", "recommendations",
      "more", "dateline", "timestamp", "meta", "hidden", "skip", "teaser", "teasers", "gallery", "slideshow",
      "video", "audio", "podcast", "rating", "share-bar", "sharebar", "utility", "tools", "follow", "consent",
      "alert", "notification", "pagination", "pager",
      // captions and credits, disclosures, ads by their German names
      "legend", "bildunterschrift", "bilduntertitel", "imagedescription", "disclosure", "disclaimer",
      "affiliate", "werbung", "anzeige"};
  return AnyNameWord(class_and_id, [](std::string_view w) {
    if (kWords.count(w)) return true;
    for (std::string_view p :
         {"related", "comment", "newsletter", "advert", "sponsor", "promo", "social", "sharing", "subscri",
          "recommend", "trending", "breadcrumb", "cookie", "sabox"})
      if (w.starts_with(p)) return true;
    // Run together with another word ("sectionrelated", "mmo-recirculation-box").
    for (std::string_view p : {"related", "recirc"})
      if (w.find(p) != std::string_view::npos) return true;
    return false;
  });
}

// Names that mark furniture even beside an article-like word
// ("related-posts", "comment-content", "modal__body", "author-box--content").
bool StrongFurnitureName(std::string_view class_and_id) {
  return AnyNameWord(class_and_id, [](std::string_view w) {
    if (w.starts_with("commentar")) return false;  // a commentary is an opinion piece
    if (w == "bio") return true;
    for (std::string_view p :
         {"related", "comment", "recommend", "sidebar", "footer", "newsletter", "modal", "popup", "author"})
      if (w.starts_with(p)) return true;
    return false;
  });
}

// An element's class and id, as one string: "class id".
std::string NamesOf(Node* n) {
  std::string names;
  if (const char* c = Attr(n, "class")) names += c;
  names += ' ';
  if (const char* id = Attr(n, "id")) names += id;
  return names;
}

double ClassWeight(Node* n) {
  std::string s = Lower(NamesOf(n));
  double w = 0;
  for (const char* good : {"article", "body", "content", "entry", "main", "post", "text", "story", "blog"})
    if (s.find(good) != std::string::npos) {
      w += 20;
      break;
    }
  for (const char* bad :
       {"comment", "footer", "sidebar", "related", "share", "promo", "widget", "nav", "menu"})
    if (s.find(bad) != std::string::npos) {
      w -= 25;
      break;
    }
  return w;
}

// Commas as evidence of prose, at most one for every six words: a list of
// names ("Ann Lee, Yale University, Bo Wu, ...") is mostly commas, and is
// not what an article is made of. Sentences rarely carry more.
double ProseCommas(std::string_view t) {
  size_t commas = std::count(t.begin(), t.end(), ',');
  size_t words = std::count(t.begin(), t.end(), ' ') + 1;
  return std::min<double>(commas, words / 6.0);
}

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_CENTER:
      return true;
    default:
      return NeverText(t);
  }
}

bool IsParagraphTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TD:
      return true;
    default:
      return false;
  }
}

void AppendFolded(std::string& out, std::string_view s) {
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
}

std::string Trim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  size_t b = 0;
  while (b < s.size() && s[b] == ' ') ++b;
  return s.substr(b);
}

class Extractor {
 public:
  Extractor(const GumboOutput* out, const PageOptions& opt) : out_(out), opt_(opt) {}

  // The first read. What it learns without names (paragraph counts, the
  // metadata) serves a second read as well.
  Page Run() {
    CountLongParagraphs();
    Metadata(metadata_);
    shared_visits_ = visited_;
    shared_truncated_ = truncated_;
    return Read();
  }

  // The page read again, lenient: class and id names mark nothing as
  // furniture (consent dialogs aside), and headers and asides holding a
  // long paragraph are content. For a page whose article the names hid.
  Page Reread() {
    lenient_ = true;
    skipped_.clear();
    scores_.clear();
    link_density_.clear();
    captions_.clear();
    visited_ = shared_visits_;
    truncated_ = shared_truncated_;
    return Read();
  }

 private:
  Page Read() {
    Page page = metadata_;
    MarkSkipped();
    if (truncated_) {
      page.warnings.push_back("page has more than " + std::to_string(opt_.max_nodes) +
                              " nodes; body left empty");
      return page;
    }
    Node* best = BestContainer();
    // An article split into sections (figures in between) lives in an
    // ancestor that holds clearly more long paragraphs: climb to it.
    // The ancestor may sit up to three levels above (sections in grid cells).
    for (bool climbed = true; best && climbed;) {
      climbed = false;
      Node* a = best->parent;
      for (int level = 0; level < 3 && IsElement(a) && Tag(a) != GUMBO_TAG_BODY && Tag(a) != GUMBO_TAG_HTML &&
                          !skipped_.count(a);
           ++level, a = a->parent) {
        if (long_p_[a] >= long_p_[best] + 2 && LinkDensity(a) < 0.35 && Score(a) >= 0.6 * Score(best)) {
          best = a;
          climbed = true;
          break;
        }
      }
    }
    std::vector<Node*> keep;
    if (best) {
      keep.push_back(best);
      double best_score = Score(best);
      Node* parent = best->parent;
      if (IsElement(parent)) {
        keep.clear();
        const GumboVector& kids = parent->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i) {
          Node* k = static_cast<Node*>(kids.data[i]);
          if (k == best) {
            keep.push_back(k);
            continue;
          }
          if (!IsElement(k) || skipped_.count(k)) continue;
          double s = Score(k);
          bool close = s >= std::max(10.0, best_score * 0.2);
          bool para = (Tag(k) == GUMBO_TAG_P || (Tag(k) == GUMBO_TAG_DIV && OnlyInline(k))) &&
                      TextOf(k).size() > 80 && LinkDensity(k) < 0.25;
          if (close || para) keep.push_back(k);
        }
      }
    } else {
      keep.push_back(Body());
    }
    if (best) AddSameKindBlocks(best, keep);
    for (Node* n : keep) Emit(n, page.paragraphs);
    // Drop the title repeated as a heading, and page furniture lines.
    std::vector<std::string> clean;
    for (auto& p : page.paragraphs) {
      if (p == page.title || Furniture(p)) continue;
      clean.push_back(std::move(p));
    }
    page.paragraphs = std::move(clean);
    if (best) AddStandfirst(best, page.paragraphs);
    if (best) AddLead(best, page.title, page.paragraphs);
    // A JSON-LD body much longer than what the DOM gave is the better text.
    size_t dom = 0;
    for (auto& p : page.paragraphs) dom += p.size();
    if (ld_body_.size() > 400 && dom * 2 < ld_body_.size()) {
      page.paragraphs.clear();
      size_t b = 0;
      while (b < ld_body_.size()) {
        size_t e = ld_body_.find('\n', b);
        if (e == std::string::npos) e = ld_body_.size();
        std::string line;
        AppendFolded(line, std::string_view(ld_body_).substr(b, e - b));
        line = Trim(line);
        if (!line.empty()) page.paragraphs.push_back(line);
        b = e + 1;
      }
    }
    page.removed_captions = captions_;
    return page;
  }

  Node* Body() {
    Node* root = out_->root;
    if (!IsElement(root)) return root;
    const GumboVector& kids = root->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
      if (Tag(static_cast<Node*>(kids.data[i])) == GUMBO_TAG_BODY) return static_cast<Node*>(kids.data[i]);
    return root;
  }

  // Pre-order walk with an explicit stack; f returns false to skip children.
  template <typename F>
  void Walk(Node* start, F f) {
    std::vector<Node*> stack{start};
    while (!stack.empty()) {
      Node* n = stack.back();
      stack.pop_back();
      if (++visited_ > opt_.max_nodes) {
        truncated_ = true;
        return;
      }
      if (!f(n) || !IsElement(n)) continue;
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<Node*>(kids.data[i]));
    }
  }

  // How many long paragraphs each element holds (ancestors up to 40 levels).
  void CountLongParagraphs() {
    Walk(out_->root, [&](Node* n) {
      if (!IsElement(n)) return false;
      if (Tag(n) == GUMBO_TAG_SCRIPT || Tag(n) == GUMBO_TAG_STYLE) return false;
      bool block_of_text =
          Tag(n) == GUMBO_TAG_P || ((Tag(n) == GUMBO_TAG_DIV || Tag(n) == GUMBO_TAG_TD) && OnlyInline(n));
      if (block_of_text) {
        if (TextOf(n, false).size() >= 80) {
          Node* a = n->parent;
          for (int level = 0; level < 40 && IsElement(a); ++level, a = a->parent) {
            ++long_paragraphs_[a];
            if (Tag(n) != GUMBO_TAG_TD) ++long_p_[a];
          }
        }
        return false;
      }
      return true;
    });
  }

  // An article cut into blocks of one kind (a page builder's text
  // sections, a body field and a second body field) that share no
  // container holding them all: other elements of the chosen container's
  // tag and class, outside what is kept, with long text and few links, are
  // kept too, all in page order.
  void AddSameKindBlocks(Node* best, std::vector<Node*>& keep) {
    const char* cls = Attr(best, "class");
    if (!cls || !*cls) return;
    const std::string kind(cls);
    // Kept nodes are not entered; their ancestors are walked through.
    std::unordered_set<Node*> kept(keep.begin(), keep.end()), above;
    for (Node* k : keep)
      for (Node* a = k->parent; a && above.insert(a).second;) a = a->parent;
    std::vector<Node*> more;
    Walk(Body(), [&](Node* n) {
      if (!IsElement(n) || skipped_.count(n) || kept.count(n)) return false;
      if (above.count(n)) return true;
      const char* c = Attr(n, "class");
      if (Tag(n) == Tag(best) && c && kind == c && long_paragraphs_[n] >= 1 && LinkDensity(n) < 0.25) {
        more.push_back(n);
        return false;
      }
      return true;
    });
    if (more.empty()) return;
    keep.insert(keep.end(), more.begin(), more.end());
    std::stable_sort(keep.begin(), keep.end(), [](Node* a, Node* b) {
      return a->v.element.start_pos.offset < b->v.element.start_pos.offset;
    });
  }

  // The standfirst: many pages print the summary that their meta
  // description gives as a visible lead above the article's container. When
  // the text kept does not hold it, the visible block (outside the container,
  // not skipped) whose text opens like the description comes first.
  void AddStandfirst(Node* best, std::vector<std::string>& paragraphs) {
    constexpr size_t kPrefix = 40;
    if (description_.size() < kPrefix + 20) return;
    const std::string head = description_.substr(0, kPrefix);
    for (const auto& p : paragraphs)
      if (p.find(head) != std::string::npos) return;
    std::string found;
    Walk(Body(), [&](Node* n) {
      if (!found.empty() || !IsElement(n) || n == best || skipped_.count(n)) return false;
      GumboTag t = Tag(n);
      if (NeverText(t) || t == GUMBO_TAG_H1 || t == GUMBO_TAG_TITLE) return false;
      if ((t == GUMBO_TAG_P || t == GUMBO_TAG_DIV || t == GUMBO_TAG_H2 || t == GUMBO_TAG_SPAN) &&
          OnlyInline(n)) {
        std::string text = Trim(TextOf(n));
        if (text.size() >= head.size() && text.compare(0, head.size(), head) == 0 && text.size() <= 1200 &&
            LinkDensity(n) < 0.25)
          found = std::move(text);
        return false;
      }
      return true;
    });
    if (!found.empty()) paragraphs.insert(paragraphs.begin(), std::move(found));
  }

  // The lead: a block named as one ("intro", "lead", "chapo", "teaser",
  // "standfirst", ...) that comes before the chosen container in the page,
  // outside it, is prose (not links) and is not already in the text, goes
  // first. Pages set their lead apart, above the body, in their own box.
  void AddLead(Node* best, const std::string& title, std::vector<std::string>& paragraphs) {
    const unsigned limit = best->v.element.start_pos.offset;
    Node* lead = nullptr;
    Walk(Body(), [&](Node* n) {
      if (lead || !IsElement(n) || n == best) return false;
      if (n->v.element.start_pos.offset >= limit) return false;
      GumboTag t = Tag(n);
      // An article's header is skipped as chrome, but its lead may sit there.
      if (t == GUMBO_TAG_HEADER) return true;
      if (skipped_.count(n) || NeverText(t) || t == GUMBO_TAG_H1 || t == GUMBO_TAG_A) return false;
      const std::string names = NamesOf(n);
      if ((t == GUMBO_TAG_P || t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION) && LeadName(names)) {
        size_t size = Trim(TextOf(n)).size();
        if (size >= 60 && size <= 1500 && LinkDensity(n) < 0.2) lead = n;
        return false;
      }
      return true;
    });
    if (!lead) return;
    // Its blocks one by one, so that a credit or the title inside it stays out.
    std::vector<std::string> blocks, kept;
    Emit(lead, blocks);
    for (auto& b : blocks) {
      if (b == title || Furniture(b)) continue;
      for (const auto& p : paragraphs)
        if (p.find(b.substr(0, 60)) != std::string::npos) return;  // the lead is in the text already
      kept.push_back(std::move(b));
    }
    paragraphs.insert(paragraphs.begin(), kept.begin(), kept.end());
  }

  static bool LeadName(std::string_view names) {
    return AnyNameWord(names, [](std::string_view w) {
      for (std::string_view x : {"lead", "leadtext", "deck", "summary", "excerpt", "subtitle", "einleitung",
                                 "anriss", "chapeau", "entradilla", "bajada", "sumario", "zajawka"})
        if (w == x) return true;
      for (std::string_view p : {"intro", "teaser", "standfirst", "chapo", "abstract", "vorspann"})
        if (w.starts_with(p)) return true;
      return false;
    });
  }

  static bool PositiveName(std::string_view names) {
    std::string s = Lower(names);
    for (const char* good : {"article", "content", "entry", "main", "post", "story", "body", "text"})
      if (s.find(good) != std::string::npos) return true;
    return false;
  }

  void MarkSkipped() {
    const int body_long = long_paragraphs_[Body()];
    Walk(out_->root, [&](Node* n) {
      if (!IsElement(n)) return false;
      GumboTag t = Tag(n);
      const std::string names = NamesOf(n);
      const char* role = Attr(n, "role");
      const char* hidden = Attr(n, "hidden");
      const char* aria_hidden = Attr(n, "aria-hidden");
      // style="display:none" or "visibility:hidden": never shown to a reader.
      bool invisible = false;
      if (const char* style = Attr(n, "style")) {
        std::string st;
        for (const char* c = style; *c; ++c)
          if (*c != ' ') st += static_cast<char>(std::tolower(static_cast<unsigned char>(*c)));
        invisible =
            st.find("display:none") != std::string::npos || st.find("visibility:hidden") != std::string::npos;
      }
      // Furniture by name only when it does not look like, or hold, the article.
      bool furniture = ConsentName(names);
      if (!furniture && !lenient_ && FurnitureName(names)) {
        const bool strong = StrongFurnitureName(names);
        furniture = (!PositiveName(names) || strong) &&
                    (long_paragraphs_[n] < 3 || (strong && 2 * long_paragraphs_[n] < body_long));
      }
      // Some sites wrap the whole page in a <form> (or the story in a
      // <header>/<aside>, or give it only inside <noscript> for readers
      // without scripts): those are content when they hold the paragraphs.
      bool wrapper =
          (t == GUMBO_TAG_FORM || t == GUMBO_TAG_HEADER || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_NOSCRIPT) &&
          long_paragraphs_[n] >= (lenient_ ? 1 : 3);
      bool skip = (NeverText(t) && !wrapper) || furniture || (hidden && long_paragraphs_[n] < 3) ||
                  invisible || (aria_hidden && std::strcmp(aria_hidden, "true") == 0) ||
                  // A landmark role marks chrome, unless a page left it unclosed
                  // around the article (a banner holding the story).
                  (role && long_paragraphs_[n] < 3 &&
                   (std::strcmp(role, "navigation") == 0 || std::strcmp(role, "complementary") == 0 ||
                    std::strcmp(role, "banner") == 0 || std::strcmp(role, "contentinfo") == 0));
      if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN)
        skip = NeverText(t);
      if (t == GUMBO_TAG_FIGCAPTION) {
        std::string cap = Trim(TextOf(n, false));
        if (!cap.empty() && captions_.size() < 50) captions_.push_back(cap);
      }
      if (skip) skipped_.insert(n);
      return !skip || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_FIGURE;
    });
  }

  // Text of a subtree, white space folded; skipped nodes left out when asked.
  std::string TextOf(Node* n, bool honour_skip = true) {
    std::string out;
    Walk(n, [&](Node* x) {
      if (honour_skip && x != n && skipped_.count(x)) return false;
      if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_WHITESPACE || x->type == GUMBO_NODE_CDATA) {
        AppendFolded(out, x->v.text.text);
        return false;
      }
      if (IsElement(x) && x != n && honour_skip && skipped_.count(x)) return false;
      if (IsElement(x) && x != n &&
          (Tag(x) == GUMBO_TAG_SCRIPT || Tag(x) == GUMBO_TAG_STYLE ||
           (Tag(x) == GUMBO_TAG_NOSCRIPT && (!honour_skip || skipped_.count(x))) ||
           Tag(x) == GUMBO_TAG_TEMPLATE))
        return false;
      if (IsElement(x) && Tag(x) == GUMBO_TAG_BR && !out.empty() && out.back() != ' ') out += ' ';
      return true;
    });
    return out;
  }

  double LinkDensity(Node* n) {
    auto it = link_density_.find(n);
    if (it != link_density_.end()) return it->second;
    size_t total = TextOf(n).size(), links = 0;
    Walk(n, [&](Node* x) {
      if (x != n && skipped_.count(x)) return false;
      if (Tag(x) == GUMBO_TAG_A) {
        links += TextOf(x).size();
        return false;
      }
      return true;
    });
    double d = total ? static_cast<double>(links) / total : 0;
    link_density_[n] = d;
    return d;
  }

  bool OnlyInline(Node* n) {
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
      if (IsElement(static_cast<Node*>(kids.data[i])) && IsBlockTag(Tag(static_cast<Node*>(kids.data[i]))))
        return false;
    return true;
  }

  double Score(Node* n) {
    auto it = scores_.find(n);
    return it == scores_.end() ? 0 : it->second * (1 - LinkDensity(n));
  }

  Node* BestContainer() {
    std::vector<Node*> paragraphs;
    // Runs of text written straight into a container that also holds blocks
    // (text between <br>s next to a heading div): (container, trimmed text).
    std::vector<std::pair<Node*, std::string>> loose;
    Walk(Body(), [&](Node* n) {
      if (!IsElement(n) || skipped_.count(n)) return false;
      GumboTag t = Tag(n);
      if (t == GUMBO_TAG_P || t == GUMBO_TAG_PRE ||
          ((t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_TD) && OnlyInline(n))) {
        paragraphs.push_back(n);
        return false;
      }
      if (t == GUMBO_TAG_TD || t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_ARTICLE ||
          t == GUMBO_TAG_MAIN) {
        std::string run;
        auto close_run = [&] {
          if (std::string t = Trim(run); t.size() >= 25) loose.push_back({n, std::move(t)});
          run.clear();
        };
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i) {
          Node* k = static_cast<Node*>(kids.data[i]);
          if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA)
            AppendFolded(run, k->v.text.text);
          else if (k->type == GUMBO_NODE_WHITESPACE)
            AppendFolded(run, " ");
          else if (IsElement(k) && (IsBlockTag(Tag(k)) || skipped_.count(k)))
            close_run();
          else if (IsElement(k) && Tag(k) != GUMBO_TAG_A && Tag(k) != GUMBO_TAG_BR)
            run += TextOf(k);
        }
        close_run();
      }
      return true;
    });
    auto init = [&](Node* c) {
      if (!scores_.count(c)) {
        double base = 0;
        switch (Tag(c)) {
          case GUMBO_TAG_ARTICLE:
            base = 10;
            break;
          case GUMBO_TAG_DIV:
          case GUMBO_TAG_MAIN:
          case GUMBO_TAG_SECTION:
            base = 5;
            break;
          case GUMBO_TAG_PRE:
          case GUMBO_TAG_TD:
          case GUMBO_TAG_BLOCKQUOTE:
            base = 3;
            break;
          case GUMBO_TAG_UL:
          case GUMBO_TAG_OL:
          case GUMBO_TAG_FORM:
            base = -3;
            break;
          default:
            break;
        }
        scores_[c] = base + ClassWeight(c);
      }
    };
    auto credit = [&](Node* a, const std::string& t) {
      if (t.size() < 25) return;
      double s = 1 + ProseCommas(t) + std::min(t.size() / 100.0, 3.0);
      for (int level = 1; level <= 3 && IsElement(a) && Tag(a) != GUMBO_TAG_HTML; ++level, a = a->parent) {
        init(a);
        scores_[a] += s / level;
      }
    };
    for (Node* p : paragraphs) credit(p->parent, TextOf(p));
    for (const auto& [container, text] : loose) credit(container, text);
    Node* best = nullptr;
    double best_score = 0;
    for (auto& [n, s] : scores_) {
      double f = Score(n);
      if (f > best_score) {
        best_score = f;
        best = n;
      }
    }
    return best;
  }

  // Emits the blocks of a subtree as paragraphs, in document order.
  void Emit(Node* root, std::vector<std::string>& out) {
    std::string buffer;
    auto flush = [&] {
      std::string t = Trim(buffer);
      if (!t.empty()) out.push_back(t);
      buffer.clear();
    };
    struct Frame {
      Node* n;
      bool exit;
    };
    std::vector<Frame> stack{{root, false}};
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      Node* n = f.n;
      if (f.exit) {
        flush();
        continue;
      }
      if (++visited_ > opt_.max_nodes) {
        truncated_ = true;
        break;
      }
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
        AppendFolded(buffer, n->v.text.text);
        continue;
      }
      if (!IsElement(n) || (n != root && skipped_.count(n))) continue;
      GumboTag t = Tag(n);
      if (NeverText(t) && t != GUMBO_TAG_FORM && t != GUMBO_TAG_HEADER && t != GUMBO_TAG_ASIDE &&
          t != GUMBO_TAG_NOSCRIPT)
        continue;
      if (t == GUMBO_TAG_BR) {
        AppendFolded(buffer, " ");
        continue;
      }
      // A cell, item or quote holding paragraphs of its own is a container.
      bool holds_blocks = t != GUMBO_TAG_P && IsParagraphTag(t) && !OnlyInline(n);
      if ((IsParagraphTag(t) && !holds_blocks) || (t == GUMBO_TAG_H1 && n != root)) {
        flush();
        std::string text = Trim(TextOf(n));
        bool listish = t == GUMBO_TAG_LI || t == GUMBO_TAG_TD || t == GUMBO_TAG_DD;
        if (!text.empty() && !(listish && LinkDensity(n) > 0.5) &&
            !(t == GUMBO_TAG_P && LinkDensity(n) > 0.8))
          out.push_back(text);
        continue;
      }
      bool block = IsBlockTag(t);
      if (block) {
        flush();
        stack.push_back({n, true});
      }
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) stack.push_back({static_cast<Node*>(kids.data[i]), false});
    }
    flush();
  }

  static bool Furniture(const std::string& p) {
    std::string l = Lower(p);
    size_t words = std::count(l.begin(), l.end(), ' ') + 1;
    if (words > 10) return false;
    // A lone word ("Share") or a bare date line is page chrome, not prose.
    bool has_letter_run = false;
    for (char c : l) has_letter_run |= std::isalpha(static_cast<unsigned char>(c)) != 0;
    if (words <= 4 && has_letter_run) {
      static const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                      "july",    "august",   "september", "october", "november", "december"};
      bool digit =
          std::any_of(l.begin(), l.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
      for (const char* m : kMonths)
        if (digit && l.find(m) != std::string::npos && l.size() < 25) return true;
      // The same in German, French, Spanish ("05. Februar 2020"), and
      // numeric dates ("03.04.2020", "Publiziert: 03.04.2020").
      static const char* kOtherMonths[] = {
          "januar",   "februar",  "märz",   "juni",       "juli",    "oktober",   "dezember",
          "janvier",  "février",  "avril",  "juillet",    "août",    "septembre", "octobre",
          "novembre", "décembre", "enero",  "febrero",    "marzo",   "abril",     "mayo",
          "junio",    "julio",    "agosto", "septiembre", "octubre", "noviembre", "diciembre"};
      for (const char* m : kOtherMonths)
        if (digit && l.find(m) != std::string::npos && l.size() < 30) return true;
      size_t digits = std::count_if(l.begin(), l.end(),
                                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
      size_t dots = std::count(l.begin(), l.end(), '.') + std::count(l.begin(), l.end(), '/');
      if (digits >= 6 && dots >= 2 && l.size() < 40 && words <= 4) return true;
    }
    if (words <= 8)
      for (const char* s : {"titelbild:", "abbildung:", "bild:", "foto:", "fotos:", "crédits", "aktualisiert",
                            "publiziert", "veröffentlicht", "stand:", "updated:", "published:", "min read",
                            "lesezeit", "publicado el", "publié le", "opublikowano"})
        if (l.rfind(s, 0) == 0) return true;  // as the line's start: "Aktualisiert: ...", "Foto: ..."
    if (words <= 4 && l.find("min read") != std::string::npos) return true;
    for (const char* s : {"advertisement",   "read more",   "share this",       "sign up",
                          "subscribe",       "follow us",   "click here",       "all rights reserved",
                          "related:",        "recommended", "continue reading", "skip to",
                          "share on",        "email this",  "print this",       "comments",
                          "story continues", "image:",      "photo:",           "caption",
                          "getty images",    "©",           "copyright",        "you may also like",
                          "also read",       "more from",   "related posts",    "tags:",
                          "most read",       "don't miss",  "related coverage", "explore further",
                          "filed under"})
      if (l.find(s) != std::string::npos) return true;
    // The same lead-ins and labels in the other languages news is written
    // in most (German, French, Spanish, Italian, Portuguese, Polish).
    for (const char* s : {"lesen sie auch",
                          "mehr zum thema",
                          "das könnte sie auch interessieren",
                          "das könnte dich",
                          "auch interessant",
                          "verwandte themen",
                          "verwandte artikel",
                          "ähnliche beiträge",
                          "\xC3\x84hnliche beiträge",
                          "ähnliche artikel",
                          "\xC3\x84hnliche artikel",
                          "keine kommentare",
                          "zur startseite",
                          "mehr lesen",
                          "schon gelesen",
                          "lire aussi",
                          "voir aussi",
                          "lire la suite",
                          "sur le même sujet",
                          "crédits photo",
                          "crédit photo",
                          "lee también",
                          "leer más",
                          "te puede interesar",
                          "noticias relacionadas",
                          "ver también",
                          "más sobre",
                          "leggi anche",
                          "potrebbe interessarti",
                          "leia também",
                          "leia mais",
                          "veja também",
                          "czytaj też",
                          "czytaj także",
                          "czytaj więcej",
                          "zobacz też",
                          "zobacz także",
                          "dowiedz się więcej"})
      if (l.find(s) != std::string::npos) return true;
    // Single-word labels, only as the whole line: "Anzeige" alone is an ad
    // label, inside a sentence it is a police report.
    std::string bare;
    for (char c : l)
      if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) || c == ' ') bare += c;
    bare = Trim(bare);
    for (const char* s : {"anzeige",     "werbung",     "teilen",     "kommentieren", "kommentare",
                          "weiterlesen", "publicité",   "partager",   "commentaires", "compartir",
                          "comentarios", "publicidad",  "condividi",  "commenti",     "pubblicità",
                          "compartilhe", "comentários", "udostępnij", "komentarze",   "reklama"})
      if (bare == s) return true;
    return false;
  }

  void FromJsonLd(const nlohmann::json& j, Page& page) {
    if (j.is_array()) {
      for (const auto& x : j) FromJsonLd(x, page);
      return;
    }
    if (!j.is_object()) return;
    if (j.contains("@graph")) FromJsonLd(j["@graph"], page);
    std::string type;
    if (j.contains("@type")) {
      const auto& t = j["@type"];
      if (t.is_string())
        type = t.get<std::string>();
      else if (t.is_array() && !t.empty() && t[0].is_string())
        type = t[0].get<std::string>();
    }
    if (type.find("Article") == std::string::npos && type != "BlogPosting" && type != "Report") return;
    auto str = [&](const char* k) -> std::string {
      return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
    };
    if (page.title.empty()) page.title = str("headline");
    if (page.published.empty()) page.published = str("datePublished");
    if (ld_body_.empty()) ld_body_ = str("articleBody");
    if (page.url.empty()) page.url = str("url");
    auto names = [&](const nlohmann::json& a) {
      std::vector<std::string> out;
      auto one = [&](const nlohmann::json& x) {
        if (x.is_string())
          out.push_back(x.get<std::string>());
        else if (x.is_object() && x.contains("name") && x["name"].is_string())
          out.push_back(x["name"].get<std::string>());
      };
      if (a.is_array())
        for (const auto& x : a) one(x);
      else
        one(a);
      return out;
    };
    if (page.authors.empty() && j.contains("author")) page.authors = names(j["author"]);
    if (page.outlet.empty() && j.contains("publisher")) {
      auto p = names(j["publisher"]);
      if (!p.empty()) page.outlet = p[0];
    }
  }

  void Metadata(Page& page) {
    std::string html_title, h1, og_title, time_attr;
    Walk(out_->root, [&](Node* n) {
      if (!IsElement(n)) return false;
      GumboTag t = Tag(n);
      if (t == GUMBO_TAG_TITLE && html_title.empty()) html_title = Trim(TextOf(n, false));
      if (t == GUMBO_TAG_H1 && h1.empty()) h1 = Trim(TextOf(n, false));
      if (t == GUMBO_TAG_TIME && time_attr.empty())
        if (const char* dt = Attr(n, "datetime")) time_attr = dt;
      if (t == GUMBO_TAG_LINK) {
        const char* rel = Attr(n, "rel");
        const char* href = Attr(n, "href");
        if (rel && href && Lower(rel) == "canonical" && page.url.empty()) page.url = href;
      }
      if (t == GUMBO_TAG_META) {
        const char* key = Attr(n, "property");
        if (!key) key = Attr(n, "name");
        if (!key) key = Attr(n, "itemprop");
        const char* content = Attr(n, "content");
        if (key && content) {
          std::string k = Lower(key);
          if (k == "og:title" && og_title.empty())
            og_title = content;
          else if ((k == "description" || k == "og:description") && description_.empty()) {
            AppendFolded(description_, content);
            description_ = Trim(description_);
          } else if (k == "og:site_name" && page.outlet.empty())
            page.outlet = content;
          else if (k == "og:url" && page.url.empty())
            page.url = content;
          else if ((k == "article:published_time" || k == "datepublished" || k == "pubdate" ||
                    k == "publishdate" || k == "date" || k == "dc.date" || k == "sailthru.date" ||
                    k == "parsely-pub-date") &&
                   page.published.empty())
            page.published = content;
          else if ((k == "author" || k == "article:author" || k == "byl" || k == "dc.creator") &&
                   page.authors.empty() && std::string_view(content).find("://") == std::string_view::npos)
            page.authors.push_back(content);
        }
      }
      if (t == GUMBO_TAG_SCRIPT) {
        const char* type = Attr(n, "type");
        if (type && Lower(type) == "application/ld+json") {
          std::string raw;
          const GumboVector& kids = n->v.element.children;
          for (unsigned i = 0; i < kids.length; ++i) {
            Node* k = static_cast<Node*>(kids.data[i]);
            if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA) raw += k->v.text.text;
          }
          nlohmann::json j = nlohmann::json::parse(raw, nullptr, false);
          if (!j.is_discarded()) FromJsonLd(j, page);
        }
        return false;
      }
      return true;
    });
    if (!og_title.empty()) page.title = og_title;
    if (page.title.empty()) page.title = !h1.empty() ? h1 : html_title;
    if (page.published.empty()) page.published = time_attr;
    // One form whatever the page wrote (offsets to UTC); a date that does
    // not parse is dropped rather than shown as it stood.
    page.published = text::NormalizeDateTime(page.published);
  }

  const GumboOutput* out_;
  PageOptions opt_;
  bool lenient_ = false;
  size_t visited_ = 0;
  bool truncated_ = false;
  Page metadata_;             // title, date, authors ...: the same for every read
  size_t shared_visits_ = 0;  // nodes visited before the first read's own steps
  bool shared_truncated_ = false;
  std::unordered_set<Node*> skipped_;
  std::unordered_map<Node*, double> scores_;
  std::unordered_map<Node*, double> link_density_;
  std::unordered_map<Node*, int> long_paragraphs_;  // long p, and div/td of inline text
  std::unordered_map<Node*, int> long_p_;           // the same without table cells: the evidence for climbing
  std::vector<std::string> captions_;
  std::string ld_body_;
  std::string description_;  // the meta description, white space folded
};

// Copies the page without what extraction discards anyway (bodies of
// scripts other than JSON-LD, styles, inline SVG, comments), so the HTML
// tokenizer has less to read. Elements are kept, emptied, so the structure
// the parser builds is the same.
std::string StripDiscarded(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  auto ieq = [&](size_t at, std::string_view w) {
    if (at + w.size() > in.size()) return false;
    for (size_t k = 0; k < w.size(); ++k)
      if (std::tolower(static_cast<unsigned char>(in[at + k])) != w[k]) return false;
    return true;
  };
  auto find_ci = [&](size_t from, std::string_view w) {
    for (size_t k = in.find('<', from); k != std::string_view::npos; k = in.find('<', k + 1))
      if (ieq(k, w)) return k;
    return std::string_view::npos;
  };
  // An element with no end tag after some point has none after any later
  // point either: remembering that keeps many unclosed ones linear.
  std::unordered_map<std::string_view, size_t> unclosed_from;
  size_t i = 0;
  while (i < in.size()) {
    size_t lt = in.find('<', i);
    if (lt == std::string_view::npos) {
      out.append(in.substr(i));
      break;
    }
    out.append(in.substr(i, lt - i));
    if (ieq(lt, "<!--")) {
      size_t end = in.find("-->", lt + 4);
      i = end == std::string_view::npos ? in.size() : end + 3;
      continue;
    }
    std::string_view name;
    for (std::string_view w : {"<script", "<style", "<svg"})
      if (ieq(lt, w) && lt + w.size() < in.size() &&
          !std::isalnum(static_cast<unsigned char>(in[lt + w.size()])))
        name = w;
    if (name.empty()) {
      out += '<';
      i = lt + 1;
      continue;
    }
    size_t tag_end = in.find('>', lt);
    if (tag_end == std::string_view::npos) {
      out.append(in.substr(lt));
      break;
    }
    std::string_view open_tag = in.substr(lt, tag_end - lt + 1);
    std::string lower(open_tag);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string close = "</" + std::string(name.substr(1));
    auto known = unclosed_from.find(name);
    size_t end = known != unclosed_from.end() && known->second <= tag_end ? std::string_view::npos
                                                                          : find_ci(tag_end + 1, close);
    if (end == std::string_view::npos) unclosed_from.emplace(name, tag_end);
    if (end == std::string_view::npos || lower.find("ld+json") != std::string::npos) {
      out.append(open_tag);  // JSON-LD (or an unclosed element) stays for the parser
      i = tag_end + 1;
      continue;
    }
    out.append(open_tag);
    size_t close_end = in.find('>', end);
    if (close_end == std::string_view::npos) close_end = in.size() - 1;
    out.append(in.substr(end, close_end - end + 1));
    i = close_end + 1;
  }
  return out;
}

// How deep the parser's stack of open elements gets, read from the tags
// alone: end tags pop to their element as HTML5 does, void elements and
// elements the parser closes by itself (p, li, td, a, ...) are not counted.
// The parser's cost grows with this depth times the number of tags.
size_t NestingDepth(std::string_view in) {
  static const std::unordered_set<std::string_view> kUncounted = {
      "area",    "base",  "br",     "col",   "embed", "hr",     "img",      "input",   "link",
      "meta",    "param", "source", "track", "wbr",   "keygen", "frame",    "image",   "basefont",
      "bgsound", "p",     "li",     "dt",    "dd",    "option", "optgroup", "tr",      "td",
      "th",      "thead", "tbody",  "tfoot", "rb",    "rt",     "rp",       "rtc",     "a",
      "html",    "head",  "body",   "form",  "nobr",  "button", "!doctype", "menuitem"};
  static const std::unordered_set<std::string_view> kRawText = {
      "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"};
  std::vector<std::string> stack;
  std::unordered_map<std::string, size_t> open;  // name -> how many on the stack
  size_t deepest = 0;
  for (size_t lt = in.find('<'); lt != std::string_view::npos; lt = in.find('<', lt + 1)) {
    size_t k = lt + 1;
    bool end_tag = k < in.size() && in[k] == '/';
    if (end_tag) ++k;
    size_t start = k;
    while (k < in.size() && (std::isalnum(static_cast<unsigned char>(in[k])) || in[k] == '!')) ++k;
    if (k == start) continue;
    std::string name(in.substr(start, k - start));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (kUncounted.count(name) != 0) continue;
    if (end_tag) {
      auto it = open.find(name);
      if (it == open.end() || it->second == 0) continue;  // the parser ignores it
      while (!stack.empty()) {
        std::string top = std::move(stack.back());
        stack.pop_back();
        --open[top];
        if (top == name) break;
      }
      continue;
    }
    size_t gt = in.find('>', k);
    if (gt == std::string_view::npos) break;
    if (in[gt - 1] == '/') continue;  // <x/> opens nothing
    if (kRawText.count(name) != 0) {
      // Its content is text up to its end tag; with none, the rest is.
      std::string close = "</" + name;
      size_t end = gt;
      for (end = in.find("</", gt); end != std::string_view::npos; end = in.find("</", end + 2)) {
        std::string_view at = in.substr(end, close.size());
        if (std::equal(at.begin(), at.end(), close.begin(), close.end(),
                       [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
          break;
      }
      if (end == std::string_view::npos) break;
      lt = end;
      continue;
    }
    ++open[name];
    stack.push_back(std::move(name));
    deepest = std::max(deepest, stack.size());
  }
  return deepest;
}

}  // namespace

std::string Page::Body() const {
  std::string out;
  for (const auto& p : paragraphs) out += (out.empty() ? "" : "\n\n") + p;
  return out;
}

// Article text shorter than this (bytes) sends the page to a second, lenient read.
constexpr size_t kLenientBelow = 200;

StatusOr<Page> ExtractPage(std::string_view bytes, const PageOptions& options) {
  if (bytes.size() > options.max_bytes)
    return ResourceExhausted("page is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                             std::to_string(options.max_bytes));
  std::string encoding;
  auto utf8 = DecodeToUtf8(bytes, &encoding, options.charset);
  if (!utf8.ok()) return utf8.status();
  if (utf8->find('\0') != std::string::npos)
    utf8->erase(std::remove(utf8->begin(), utf8->end(), '\0'), utf8->end());
  *utf8 = StripDiscarded(*utf8);
  if (size_t depth = NestingDepth(*utf8); depth > options.max_depth)
    return ResourceExhausted("page nests elements " + std::to_string(depth) + " deep; the limit is " +
                             std::to_string(options.max_depth));
  GumboOptions gopt = kGumboDefaultOptions;
  gopt.max_errors = 0;  // error list not needed
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&gopt, utf8->data(), utf8->size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (!out) return Internal("the HTML parser failed");
  Extractor x(out.get(), options);
  Page page = x.Run();
  // Next to nothing found: the article may sit in a block whose name reads
  // like furniture ("print-step", "recipe-meta", a blog's "widget"). Read
  // the page again without names, and keep that text when it is longer.
  auto chars = [](const Page& p) {
    size_t n = 0;
    for (const auto& s : p.paragraphs) n += s.size();
    return n;
  };
  if (chars(page) < kLenientBelow) {
    Page second = x.Reread();
    if (chars(second) > chars(page)) page = std::move(second);
  }
  page.encoding = encoding;
  // Canonically composed, as every article text is (a page may write
  // U+09DF where NFC has U+09AF U+09BC).
  for (auto& p : page.paragraphs) p = text::ToNfc(p);
  page.title = text::ToNfc(page.title);
  if (const char* lang = Attr(out->root, "lang")) {
    std::string_view l(lang);
    l = l.substr(0, std::min(l.find_first_of("-_ "), size_t{8}));
    if (!l.empty() &&
        std::all_of(l.begin(), l.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
      page.language = Lower(l);
  }
  if (page.paragraphs.empty()) page.warnings.push_back("no article text found");
  return page;
}

}  // namespace crosscheck::html
