// Closed word lists of general English and world knowledge: titles and
// roles, organisation and place keywords, a gazetteer of countries, capitals
// and large regions with demonyms, and attribution cues with their stance.
// All lookups take folded words (text::FoldForMatch). Pure; thread-safe.
#pragma once

#include <string_view>

namespace crosscheck::lexicon {

// A word that can be part of a title or role ("foreign", "minister").
bool IsTitleWord(std::string_view w);
// A word that can end a title ("minister", "president", "aide", "mr").
bool IsTitleHead(std::string_view w);
// The role a folded title word names, so that abbreviations and other words
// for one office compare equal ("rep", "representative", "congressman" ->
// "representative"; "gov" -> "governor"); the word itself otherwise.
std::string_view CanonicalRole(std::string_view w);
// Words that mark an organisation name ("ministry", "council", "agency").
bool IsOrgKeyword(std::string_view w);
// Words that mark a place name when they follow it ("region", "province").
bool IsPlaceKeyword(std::string_view w);

enum class PlaceKind { kNone, kCountry, kCity, kRegion };
// Known countries, capitals, major cities and regions (folded, multi-word ok).
PlaceKind LookupPlace(std::string_view name);
// The country whose capital this is ("kyiv" -> "ukraine"); empty if none.
// News uses capitals for governments ("Kyiv denied"), so they stand in for
// their countries when statements are compared.
std::string_view CountryOfCapital(std::string_view city);
// "russian" -> "russia"; empty when not a demonym.
std::string_view CountryOfDemonym(std::string_view w);

// Attribution cues: how a verb or phrase positions its subject.
enum class Cue { kNone, kSay, kAssert, kDeny, kQuestion };
Cue CueOf(std::string_view w);
// Determiners and possessives: a cue word after one is a noun or adjective
// ("the alleged attack", "Russia's claims").
bool IsDeterminer(std::string_view w);
// Pronouns that can stand for a person speaker.
bool IsPersonPronoun(std::string_view w);
// A preposition that takes a name as its object ("of", "to", "with" ...).
bool IsPreposition(std::string_view w);

// Month number 1-12 from a folded month name or abbreviation; 0 if none.
int MonthOf(std::string_view w);
// Weekday 0=Monday..6=Sunday from a folded name; -1 if none.
int WeekdayOf(std::string_view w);

}  // namespace crosscheck::lexicon
