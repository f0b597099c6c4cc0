// Entity resolution across documents. Mentions are grouped by their
// normalised key (folded, transliteration variants collapsed). Groups of the
// same length whose words are all near-identical (Jaro-Winkler >= 0.92 on
// keys of five letters or more, same first letter) are merged, catching other
// spellings; middle initials and "Jr." do not count as words. A two-word person joins the one longer
// person with the same first and last words (a middle name). Then a one-word group ("Putin") joins the one
// multi-word person whose last word it matches; when several people share that surname it stays apart
// (whatever the tagger guessed for the surname alone). Types are decided by the summed votes of all mentions.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "crosscheck/extract/document.h"
#include "crosscheck/lexicon/words.h"
#include "crosscheck/text/unicode.h"
#include "crosscheck/union_find.h"
#include "given_names_data.h"

namespace crosscheck::extract {
namespace {

// Jaro-Winkler similarity, with the match flags in `ma` and `mb` (as long as
// `a` and `b`, all false).
template <typename Flags>
double JaroWinkler(std::string_view a, std::string_view b, Flags& ma, Flags& mb) {
  const int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
  int range = std::max(0, std::max(la, lb) / 2 - 1);
  int matches = 0;
  for (int i = 0; i < la; ++i) {
    for (int j = std::max(0, i - range); j < std::min(lb, i + range + 1); ++j) {
      if (mb[j] || a[i] != b[j]) continue;
      ma[i] = mb[j] = true;
      ++matches;
      break;
    }
  }
  if (!matches) return 0.0;
  int t = 0;
  for (int i = 0, k = 0; i < la; ++i) {
    if (!ma[i]) continue;
    while (!mb[k]) ++k;
    if (a[i] != b[k]) ++t;
    ++k;
  }
  double m = matches;
  double jaro = (m / la + m / lb + (m - t / 2.0) / m) / 3.0;
  int prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1 - jaro);
}

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a.size() <= 64 && b.size() <= 64) {  // names: flags on the stack
    std::array<bool, 64> ma{}, mb{};
    return JaroWinkler(a, b, ma, mb);
  }
  std::vector<bool> ma(a.size(), false), mb(b.size(), false);
  return JaroWinkler(a, b, ma, mb);
}

// The usual English given name behind a short form ("dick": "richard"),
// both as name keys (NameKey).
std::string_view GivenName(std::string_view w) {
  static const std::unordered_map<std::string_view, std::string_view> forms = {
      {"dick", "richard"},   {"rick", "richard"},    {"rich", "richard"},    {"bill", "william"},
      {"will", "william"},   {"bob", "robert"},      {"bobby", "robert"},    {"rob", "robert"},
      {"jim", "james"},      {"jimmy", "james"},     {"joe", "joseph"},      {"mike", "michael"},
      {"tom", "thomas"},     {"tommy", "thomas"},    {"chuck", "charles"},   {"dan", "daniel"},
      {"danny", "daniel"},   {"dave", "david"},      {"steve", "steven"},    {"chris", "christopher"},
      {"matt", "matthew"},   {"nick", "nicholas"},   {"tony", "anthony"},    {"andy", "andrew"},
      {"ben", "benjamin"},   {"sam", "samuel"},      {"ed", "edward"},       {"eddie", "edward"},
      {"jeff", "jeffrey"},   {"greg", "gregory"},    {"pat", "patrick"},     {"liz", "elizabeth"},
      {"beth", "elizabeth"}, {"kate", "katherine"},  {"kathy", "katherine"}, {"jen", "jennifer"},
      {"sue", "susan"},      {"debbie", "deborah"},  {"alex", "alexander"},  {"jon", "jonathan"},
      {"ron", "ronald"},     {"don", "donald"},      {"doug", "douglas"},    {"larry", "lawrence"},
      {"jerry", "gerald"},   {"tim", "timothy"},     {"fred", "frederick"},  {"bernie", "bernard"},
      {"mitch", "mitchell"}, {"ken", "kenneth"},     {"kenny", "kenneth"},   {"pete", "peter"},
      {"vince", "vincent"},  {"nate", "nathan"},     {"josh", "joshua"},     {"zach", "zachary"},
      {"becky", "rebecca"},  {"cathy", "catherine"}, {"meg", "margaret"},    {"peggy", "margaret"},
      {"teddy", "theodore"}};
  static const auto* keys = [] {
    auto* m = new std::unordered_map<std::string, std::string>();
    for (const auto& [short_form, full] : forms) m->emplace(NameKey(short_form), NameKey(full));
    return m;
  }();
  auto it = keys->find(std::string(w));
  return it == keys->end() ? w : std::string_view(it->second);
}

// The words of a key that tell a name apart: a middle initial and a
// generational suffix do not ("susan e rice" and "susan rice" are one
// name, "joseph biden jr" is "joseph biden"), and a given name counts in
// its full form ("dick durbin" is "richard durbin").
std::vector<std::string> Words(const std::string& key) {
  std::vector<std::string> w;
  size_t b = 0;
  while (b <= key.size()) {
    size_t e = key.find(' ', b);
    if (e == std::string::npos) e = key.size();
    std::string word = key.substr(b, e - b);
    while (word.size() > 1 && word.back() == '.') word.pop_back();  // "e.", "jr."
    if (!word.empty()) w.push_back(std::move(word));
    b = e + 1;
  }
  // The suffixes as NameKey writes them ("iii" becomes "i").
  static const auto* suffixes = [] {
    auto* set = new std::set<std::string, std::less<>>();
    for (std::string_view x : {"jr", "sr", "ii", "iii", "iv"}) set->insert(NameKey(x));
    return set;
  }();
  if (w.size() >= 3 && suffixes->count(w.back())) w.pop_back();
  for (size_t i = 1; i + 1 < w.size() && w.size() >= 3;)
    if (w[i].size() == 1)
      w.erase(w.begin() + static_cast<std::ptrdiff_t>(i));
    else
      ++i;
  if (w.size() >= 2) w[0] = std::string(GivenName(w[0]));
  return w;
}

bool NearSameWords(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (a[i].size() < 5 || b[i].size() < 5 || a[i][0] != b[i][0]) return false;
    if (JaroWinkler(a[i], b[i]) < 0.92) return false;
  }
  return true;
}

bool IsHonorific(std::string_view role) {
  std::string r;
  for (char c : role)
    if (c != '.') r += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r == "mr" || r == "mrs" || r == "ms" || r == "miss" || r == "mx";
}

// The office a role names: its last word, canonical ("U.S. President" ->
// "president", "Rep." -> "representative"); empty for an honorific.
std::string OfficeOf(std::string_view role) {
  if (role.empty() || IsHonorific(role)) return {};
  size_t end = role.size();
  while (end > 0 && !std::isalpha(static_cast<unsigned char>(role[end - 1]))) --end;
  size_t begin = end;
  while (begin > 0 && std::isalpha(static_cast<unsigned char>(role[begin - 1]))) --begin;
  std::string w;
  for (size_t k = begin; k < end; ++k)
    w += static_cast<char>(std::tolower(static_cast<unsigned char>(role[k])));
  if (!lexicon::IsTitleHead(w)) return {};
  return std::string(lexicon::CanonicalRole(w));
}

struct Group {
  std::string key;
  std::vector<std::string> words;
  float votes[4] = {0, 0, 0, 0};
  float rule_votes[4] = {0, 0, 0, 0};  // without the tagger's
  int mentions = 0;
  std::set<std::string> offices;  // the roles' last words, canonical ("president", "representative")
};

// The tagger's vote in a mention (mentions.cc adds it to votes).
constexpr float kTaggerVote = 3;

// +1 male, -1 female, 0 neither: honorifics and gendered role words.
int GenderOfRoleWord(std::string_view w) {
  static const std::unordered_map<std::string_view, int> m = {{"mr", 1},
                                                              {"congressman", 1},
                                                              {"spokesman", 1},
                                                              {"chairman", 1},
                                                              {"businessman", 1},
                                                              {"councilman", 1},
                                                              {"assemblyman", 1},
                                                              {"king", 1},
                                                              {"prince", 1},
                                                              {"actor", 1},
                                                              {"mrs", -1},
                                                              {"ms", -1},
                                                              {"miss", -1},
                                                              {"congresswoman", -1},
                                                              {"spokeswoman", -1},
                                                              {"chairwoman", -1},
                                                              {"businesswoman", -1},
                                                              {"councilwoman", -1},
                                                              {"assemblywoman", -1},
                                                              {"queen", -1},
                                                              {"princess", -1},
                                                              {"actress", -1},
                                                              {"lady", -1}};
  std::string k(w);
  while (!k.empty() && k.back() == '.') k.pop_back();
  auto it = m.find(k);
  return it == m.end() ? 0 : it->second;
}

// The first word of a person's full name, folded, when it reads as a given
// name: letters only, two or more, no title ("Sen.", "President").
std::string GivenNameOf(std::string_view name) {
  size_t sp = name.find(' ');
  if (sp == std::string_view::npos || sp < 2) return {};
  std::string_view first = name.substr(0, sp);
  for (char c : first)
    if (!std::isalpha(static_cast<unsigned char>(c))) return {};
  std::string folded = text::FoldForMatch(first);
  if (lexicon::IsTitleWord(folded)) return {};
  return folded;
}

// +1 male, -1 female, 0 unknown: the given name's gender as counted over
// the training articles (models/given_names.tsv, compiled in).
int GenderOfGivenName(std::string_view name) {
  static const std::unordered_map<std::string, int> table = [] {
    std::unordered_map<std::string, int> m;
    std::string_view t = internal::GivenNamesText();
    size_t b = 0;
    while (b < t.size()) {
      size_t e = t.find('\n', b);
      if (e == std::string_view::npos) e = t.size();
      std::string_view line = t.substr(b, e - b);
      b = e + 1;
      size_t t1 = line.find('\t'), t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
      if (t2 == std::string_view::npos) continue;  // the header
      int men = std::atoi(std::string(line.substr(t1 + 1, t2 - t1 - 1)).c_str());
      int women = std::atoi(std::string(line.substr(t2 + 1)).c_str());
      m.emplace(std::string(line.substr(0, t1)), men > women ? 1 : -1);
    }
    return m;
  }();
  std::string given = GivenNameOf(name);
  auto it = given.empty() ? table.end() : table.find(given);
  return it == table.end() ? 0 : it->second;
}

int GenderOfPronoun(std::string_view w) {
  if (w == "he" || w == "him" || w == "his" || w == "himself") return 1;
  if (w == "she" || w == "her" || w == "hers" || w == "herself") return -1;
  return 0;
}

// Votes each person's gender from the words of its roles and honorifics, and
// from the pronouns of a sentence where it is the only person named (and
// of the next sentence when that names no one). Honorifics and role words
// that all agree decide ("she told Mr. Rose" names one person, who is not
// the one speaking); else an honorific or a role word counts two, the
// given name two, a pronoun one, and the gender needs a lead of two and
// two thirds of the votes.
void AddGenders(const std::vector<Document>& docs, std::vector<Entity>& entities, bool given_names) {
  std::vector<int> votes(entities.size(), 0), total(entities.size(), 0);
  std::vector<int> titled(entities.size(), 0), titles(entities.size(), 0);
  auto vote = [&](int e, int g) {
    if (e < 0 || !g || entities[e].type != EntityType::kPerson) return;
    votes[e] += g;
    total[e] += std::abs(g);
  };
  for (const auto& doc : docs) {
    std::vector<int> only(doc.sentences.size(), -1), people(doc.sentences.size(), 0);
    for (const auto& m : doc.mentions) {
      if (m.entity < 0 || entities[m.entity].type != EntityType::kPerson) continue;
      for (const auto& t : text::Tokenize(m.role, {0, static_cast<uint32_t>(m.role.size())}))
        if (t.IsWord())
          if (int g = GenderOfRoleWord(t.norm)) {
            vote(m.entity, 2 * g);
            titled[m.entity] += g;
            ++titles[m.entity];
          }
      if (m.in_quote || m.sentence >= only.size()) continue;
      if (only[m.sentence] != m.entity) ++people[m.sentence];
      only[m.sentence] = m.entity;
    }
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      if (people[s] != 1) continue;
      // Pronouns outside quotation marks.
      auto count = [&](const std::vector<text::Token>& ts) {
        bool quoted = false;
        for (const auto& t : ts) {
          std::string_view w = doc.Text(t.span);
          if (w == "\"" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D") quoted = !quoted;
          if (!quoted && t.IsWord()) vote(only[s], GenderOfPronoun(t.norm));
        }
      };
      count(doc.tokens[s]);
      if (s + 1 < doc.sentences.size() && people[s + 1] == 0 &&
          doc.sentences[s + 1].paragraph == doc.sentences[s].paragraph)
        count(doc.tokens[s + 1]);
    }
  }
  for (size_t e = 0; e < entities.size(); ++e)
    if (entities[e].type == EntityType::kPerson && titles[e] > 0 && std::abs(titled[e]) == titles[e])
      entities[e].gender = titled[e] > 0 ? Entity::Gender::kMale : Entity::Gender::kFemale;
    else if (int given = given_names && entities[e].type == EntityType::kPerson
                             ? 2 * GenderOfGivenName(entities[e].name)
                             : 0;
             std::abs(votes[e] + given) >= 2 &&
             std::abs(votes[e] + given) * 3 >= (total[e] + std::abs(given)) * 2)
      entities[e].gender = votes[e] + given > 0 ? Entity::Gender::kMale : Entity::Gender::kFemale;
}

// Summed votes per union-find root.
std::unordered_map<int, std::array<float, 4>> VotesByRoot(const std::vector<Group>& groups, UnionFind& uf) {
  std::unordered_map<int, std::array<float, 4>> by_root;
  for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
    auto& v = by_root.try_emplace(uf.Find(g), std::array<float, 4>{0, 0, 0, 0}).first->second;
    for (int k = 0; k < 4; ++k) v[k] += groups[g].votes[k];
  }
  return by_root;
}

// Whether votes make a person, as the entity's type is decided (the most
// votes, a person on a tie); a name is the looser test: not a place or an
// organisation ("Southern Baptist" takes "Baptist").
bool IsPerson(const std::array<float, 4>& v) {
  return v[0] > 0 && v[0] >= v[1] && v[0] >= v[2] && v[0] >= v[3];
}
bool IsPersonalName(const std::array<float, 4>& v) { return v[0] > 0 && v[0] >= v[1] && v[0] >= v[2]; }

// A two-word person joins the one person of three or more words with the
// same given name and surname: "Ben Jealous" is "Benjamin Todd Jealous". When
// two such people differ in their middle names, the short form stays apart.
void MergeMiddleNames(const std::vector<Group>& groups, UnionFind& uf) {
  auto votes = VotesByRoot(groups, uf);
  std::map<std::pair<std::string, std::string>, std::set<int>> longer;
  for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
    const auto& w = groups[g].words;
    int r = uf.Find(g);
    if (w.size() >= 3 && IsPerson(votes[r])) longer[{w.front(), w.back()}].insert(r);
  }
  for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
    const auto& w = groups[g].words;
    if (w.size() != 2 || !IsPerson(votes[uf.Find(g)])) continue;
    auto it = longer.find({w.front(), w.back()});
    if (it != longer.end() && it->second.size() == 1) uf.Union(g, *it->second.begin());
  }
}

}  // namespace

std::vector<Entity> ResolveEntities(std::vector<Document>& docs, bool given_names) {
  std::vector<Group> groups;
  std::unordered_map<std::string, int> by_key;
  for (auto& d : docs) {
    for (auto& m : d.mentions) {
      auto [it, inserted] = by_key.emplace(m.key, static_cast<int>(groups.size()));
      if (inserted) {
        groups.emplace_back();
        groups.back().key = m.key;
        groups.back().words = Words(m.key);
      }
      Group& g = groups[it->second];
      for (int k = 0; k < 4; ++k) {
        g.votes[k] += m.votes[k];
        g.rule_votes[k] += m.votes[k] - (m.tagged == k ? kTaggerVote : 0);
      }
      ++g.mentions;
      if (std::string office = OfficeOf(m.role); !office.empty()) g.offices.insert(std::move(office));
    }
  }
  UnionFind uf(groups.size());
  // Near-identical spellings, bucketed by the first letters of their words
  // (which NearSameWords asks to be equal), so that a bucket stays small
  // however many names the event has.
  std::map<std::string, std::vector<int>> buckets;
  for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
    std::string initials;
    for (const auto& w : groups[g].words) initials += w[0];
    if (!initials.empty()) buckets[initials].push_back(g);
  }
  for (auto& [k, members] : buckets)
    for (size_t a = 0; a < members.size(); ++a)
      for (size_t b = a + 1; b < members.size(); ++b)
        if (NearSameWords(groups[members[a]].words, groups[members[b]].words))
          uf.Union(members[a], members[b]);
  MergeMiddleNames(groups, uf);
  auto votes_by_root = VotesByRoot(groups, uf);
  // One-word names join the unique multi-word name with that last word; of
  // several, the one person ("Trump" is not "Democrats Say Trump").
  std::unordered_map<std::string, std::set<int>> by_last;
  for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
    const auto& w = groups[g].words;
    // "of" is in no one's name ("Critics of Chick-fil-A" is no surname's owner).
    if (w.size() < 2 || std::find(w.begin(), w.end(), "of") != w.end()) continue;
    int r = uf.Find(g);
    if (IsPersonalName(votes_by_root[r])) by_last[w.back()].insert(r);
  }
  for (auto& [last, roots] : by_last) {
    if (roots.size() < 2) continue;
    std::set<int> people;
    for (int r : roots)
      if (IsPerson(votes_by_root[r])) people.insert(r);
    if (people.size() == 1) roots = std::move(people);
  }
  // A surname several people share goes to the one whose office it is
  // given ("President Trump" beside Donald and Melania Trump).
  std::unordered_map<int, std::set<std::string>> offices_by_root;
  for (int g = 0; g < static_cast<int>(groups.size()); ++g)
    offices_by_root[uf.Find(g)].insert(groups[g].offices.begin(), groups[g].offices.end());
  auto holder = [&](const Group& single, const std::set<int>& roots) {
    int found = -1;
    for (int r : roots) {
      if (!IsPerson(votes_by_root[r])) continue;
      const auto& held = offices_by_root[r];
      bool shared = false;
      for (const auto& o : single.offices) shared |= held.count(o) > 0;
      if (!shared) continue;
      if (found >= 0) return -1;
      found = r;
    }
    return found;
  };
  for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
    if (groups[g].words.size() != 1) continue;
    auto it = by_last.find(groups[g].words[0]);
    if (it == by_last.end()) continue;
    int target = it->second.size() == 1 ? *it->second.begin() : holder(groups[g], it->second);
    if (target < 0) continue;
    const Group& single = groups[g];
    // Alone, a surname is what the tagger guesses; only the rules' evidence
    // keeps it from the person: an organisation word, or a known place in
    // half its mentions or more (a surname can be a place's name too).
    if (single.rule_votes[1] > single.rule_votes[0] + 1 ||
        (single.rule_votes[2] > single.rule_votes[0] + 1 && single.rule_votes[2] >= 0.5f * single.mentions))
      continue;
    uf.Union(g, target);
  }
  // A given name alone that is no one's surname and the given name of one
  // person only, itself voted a person ("I love Kathy" beside "Kathy
  // Griffin"), is that person. A person here is a full name whose surname
  // the articles also write alone ("Griffin"): not "Obama Agenda".
  votes_by_root = VotesByRoot(groups, uf);
  std::unordered_set<std::string> alone;
  for (const Group& g : groups)
    if (g.words.size() == 1) alone.insert(g.words[0]);
  std::unordered_map<std::string, std::set<int>> by_first;
  for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
    const auto& w = groups[g].words;
    if (w.size() < 2 || std::find(w.begin(), w.end(), "of") != w.end() || !alone.count(w.back())) continue;
    int r = uf.Find(g);
    if (IsPerson(votes_by_root[r])) by_first[w.front()].insert(r);
  }
  for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
    const auto& w = groups[g].words;
    if (w.size() != 1 || uf.Find(g) != g || by_last.count(w[0]) || !IsPerson(votes_by_root[g])) continue;
    auto it = by_first.find(std::string(GivenName(w[0])));  // "Kathy" for "Katherine"
    if (it != by_first.end() && it->second.size() == 1) uf.Union(g, *it->second.begin());
  }
  // Build entities.
  std::unordered_map<int, int> root_to_entity;
  std::vector<Entity> entities;
  std::vector<std::map<std::string, int>> surfaces;
  std::vector<std::array<float, 4>> votes;
  std::vector<std::set<int>> doc_sets;
  std::vector<std::set<std::string>> role_sets;
  for (int d = 0; d < static_cast<int>(docs.size()); ++d) {
    for (auto& m : docs[d].mentions) {
      int root = uf.Find(by_key[m.key]);
      auto [it, inserted] = root_to_entity.emplace(root, static_cast<int>(entities.size()));
      if (inserted) {
        entities.emplace_back();
        surfaces.emplace_back();
        votes.push_back({0, 0, 0, 0});
        doc_sets.emplace_back();
        role_sets.emplace_back();
      }
      int e = it->second;
      m.entity = e;
      ++entities[e].mentions;
      ++surfaces[e][m.surface];
      for (int k = 0; k < 4; ++k) votes[e][k] += m.votes[k];
      doc_sets[e].insert(d);
      // Honorifics are no role ("Mr", "Ms").
      if (!m.role.empty() && !IsHonorific(m.role)) role_sets[e].insert(m.role);
    }
  }
  for (size_t e = 0; e < entities.size(); ++e) {
    Entity& ent = entities[e];
    // Fullest form: most words, then most frequent, then first seen.
    const std::string* best = nullptr;
    size_t best_words = 0;
    int best_count = 0;
    for (auto& [surface, count] : surfaces[e]) {
      size_t w = std::count(surface.begin(), surface.end(), ' ') + 1;
      if (!best || w > best_words || (w == best_words && count > best_count)) {
        best = &surface;
        best_words = w;
        best_count = count;
      }
    }
    ent.name = *best;
    for (auto& [surface, count] : surfaces[e])
      if (surface != ent.name) ent.aliases.push_back(surface);
    const auto& v = votes[e];
    int arg = static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
    ent.type = v[arg] <= 0 ? EntityType::kOther : static_cast<EntityType>(arg);
    ent.documents.assign(doc_sets[e].begin(), doc_sets[e].end());
    ent.roles.assign(role_sets[e].begin(), role_sets[e].end());
  }
  AddGenders(docs, entities, given_names);
  return entities;
}

void GivenNameCounter::Add(const Article& article) {
  // The article alone, its genders from its honorifics, role words and
  // pronouns (the compiled-in table plays no part).
  std::vector<Document> docs;
  docs.push_back(Segment(article));
  CapStats stats = CountCapitals(docs);
  FindMentions(docs[0], stats);
  for (const Entity& e : ResolveEntities(docs, false)) {
    if (e.type != EntityType::kPerson || e.gender == Entity::Gender::kUnknown) continue;
    std::string given = GivenNameOf(e.name);
    if (!given.empty()) ++counts_[given][e.gender == Entity::Gender::kMale ? 0 : 1];
  }
}

std::string GivenNameCounter::Write(int min_count, double min_share) const {
  std::string out = "crosscheck-given-names 1\n";
  for (const auto& [name, c] : counts_) {
    const int n = c[0] + c[1];
    if (n < min_count || std::max(c[0], c[1]) < min_share * n) continue;
    out += name + '\t' + std::to_string(c[0]) + '\t' + std::to_string(c[1]) + '\n';
  }
  return out;
}

}  // namespace crosscheck::extract
