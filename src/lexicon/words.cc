#include "crosscheck/lexicon/words.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace crosscheck::lexicon {
namespace {

using Set = std::unordered_set<std::string_view>;

const Set& TitleHeads() {
  static const Set s = {
      "president", "minister", "secretary", "aide", "spokesman", "spokeswoman", "spokesperson",
      "chancellor", "king", "queen", "prince", "princess", "pope", "senator", "sen", "rep",
      "representative", "governor", "gov", "mayor", "general", "gen", "colonel", "col", "admiral",
      "commander", "judge", "justice", "chief", "ceo", "chairman", "chairwoman", "director",
      "ambassador", "envoy", "mr", "mrs", "ms", "dr", "prof", "professor", "sheikh", "emir",
      "premier", "speaker", "leader", "commissioner", "sir", "lord", "lady", "bishop", "archbishop",
      "cardinal", "rabbi", "imam", "coach", "captain", "capt", "officer", "sgt", "sergeant",
      "detective", "inspector", "superintendent", "adviser", "advisor", "counselor", "lt",
      "lieutenant", "president-elect", "secretary-general", "attorney", "head", "founder",
      "co-founder", "negotiator", "prosecutor", "sheriff", "marshal", "dictator", "deputy",
      "chair", "executive", "economist", "analyst", "correspondent"};
  return s;
}

const Set& TitleModifiers() {
  static const Set s = {
      "foreign", "defence", "defense", "prime", "press", "vice", "deputy", "presidential", "interior",
      "finance", "economy", "health", "home", "first", "chief", "former", "acting", "interim",
      "senior", "top", "national", "security", "state", "general", "supreme", "attorney",
      "executive", "special", "assistant", "associate", "majority", "minority", "house", "senate",
      "white", "chief", "military", "energy", "trade", "education", "culture", "army", "navy",
      "environment", "agriculture", "transport", "labour", "labor", "justice", "intelligence"};
  return s;
}

const Set& OrgKeywords() {
  static const Set s = {
      "ministry", "council", "organisation", "organization", "agency", "party", "committee",
      "commission", "union", "forces", "army", "navy", "court", "parliament", "senate", "congress",
      "government", "bank", "centre", "center", "institute", "university", "association", "company",
      "corp", "corporation", "inc", "ltd", "group", "times", "post", "news", "media", "press",
      "kremlin", "pentagon", "nato", "department", "office", "service", "services", "police",
      "guard", "fund", "foundation", "league", "alliance", "authority", "board", "bureau",
      "coalition", "federation", "network", "club", "school", "college", "hospital", "airlines",
      "airways", "tribunal", "assembly", "cabinet", "duma", "rada", "command", "staff", "journal",
      "telegraph", "herald", "tribune", "broadcasting", "television", "radio", "reuters", "tass",
      "sputnik", "bloomberg", "xinhua", "afp", "ria", "interfax", "cnn", "bbc", "house"};
  return s;
}

const Set& PlaceKeywords() {
  static const Set s = {"regions", "provinces", "cities", "states", "counties", "districts",
                        "oblasts", "islands", "region", "province", "city", "state", "county", "oblast", "district",
                        "island", "islands", "river", "mountains", "valley", "coast", "peninsula",
                        "sea", "ocean", "lake", "bay", "village", "town", "krai", "republic",
                        "territory", "strait", "gulf", "desert", "airport", "square", "street",
                        "avenue", "estate", "palace", "base", "canyon", "park", "bridge"};
  return s;
}

struct Country {
  std::string_view name, demonym;
};

const std::unordered_map<std::string_view, PlaceKind>& Places() {
  static const auto* m = [] {
    auto* r = new std::unordered_map<std::string_view, PlaceKind>();
    for (auto c : {"afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia",
                   "australia", "austria", "azerbaijan", "bahrain", "bangladesh", "belarus",
                   "belgium", "bolivia", "bosnia", "brazil", "bulgaria", "cambodia", "cameroon",
                   "canada", "chad", "chile", "china", "colombia", "congo", "croatia", "cuba",
                   "cyprus", "czechia", "denmark", "ecuador", "egypt", "estonia", "ethiopia",
                   "finland", "france", "georgia", "germany", "ghana", "greece", "guatemala",
                   "haiti", "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq",
                   "ireland", "israel", "italy", "jamaica", "japan", "jordan", "kazakhstan", "kenya",
                   "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "libya",
                   "lithuania", "luxembourg", "malaysia", "mali", "malta", "mexico", "moldova",
                   "mongolia", "montenegro", "morocco", "mozambique", "myanmar", "nepal",
                   "netherlands", "nicaragua", "niger", "nigeria", "norway", "oman", "pakistan",
                   "palestine", "panama", "paraguay", "peru", "philippines", "poland", "portugal",
                   "qatar", "romania", "russia", "rwanda", "serbia", "singapore", "slovakia",
                   "slovenia", "somalia", "spain", "sudan", "sweden", "switzerland", "syria",
                   "taiwan", "tajikistan", "tanzania", "thailand", "tunisia", "turkey", "turkmenistan",
                   "uganda", "ukraine", "uruguay", "uzbekistan", "venezuela", "vietnam", "yemen",
                   "zambia", "zimbabwe", "u.s.", "us", "usa", "u.k.", "uk", "britain",
                   "great britain", "england", "scotland", "wales", "united states",
                   "united kingdom", "united states of america", "south korea", "north korea",
                   "saudi arabia", "new zealand", "south africa", "united arab emirates", "uae",
                   "gaza", "west bank", "crimea", "europe", "asia", "africa", "america",
                   "latin america", "middle east", "russian federation", "czech republic",
                   "dominican republic", "ivory coast", "sri lanka", "el salvador", "costa rica",
                   "puerto rico", "hong kong", "greenland", "antarctica", "arctic"})
      (*r)[c] = PlaceKind::kCountry;
    for (auto c : {"moscow", "kyiv", "kiev", "washington", "london", "paris", "berlin", "rome",
                   "madrid", "beijing", "tokyo", "delhi", "new delhi", "mumbai", "tehran",
                   "baghdad", "damascus", "beirut", "jerusalem", "tel aviv", "cairo", "istanbul",
                   "ankara", "athens", "warsaw", "vienna", "prague", "budapest", "brussels",
                   "amsterdam", "geneva", "zurich", "stockholm", "oslo", "helsinki", "copenhagen",
                   "dublin", "lisbon", "minsk", "riga", "vilnius", "tallinn", "bucharest", "sofia",
                   "belgrade", "zagreb", "tbilisi", "yerevan", "baku", "astana", "tashkent",
                   "bishkek", "kabul", "islamabad", "karachi", "dhaka", "bangkok", "hanoi",
                   "jakarta", "manila", "seoul", "pyongyang", "taipei", "shanghai", "sydney",
                   "melbourne", "ottawa", "toronto", "montreal", "vancouver", "mexico city",
                   "havana", "caracas", "bogota", "lima", "santiago", "buenos aires", "brasilia",
                   "rio de janeiro", "sao paulo", "nairobi", "lagos", "johannesburg", "cape town",
                   "addis ababa", "khartoum", "tripoli", "tunis", "algiers", "rabat", "riyadh",
                   "doha", "dubai", "abu dhabi", "muscat", "amman", "new york", "los angeles",
                   "chicago", "houston", "miami", "san francisco", "boston", "seattle",
                   "philadelphia", "atlanta", "dallas", "detroit", "las vegas", "st petersburg",
                   "st. petersburg", "saint petersburg", "kharkiv", "odesa", "odessa", "lviv",
                   "dnipro", "zaporizhzhia", "donetsk",
                   "davos", "munich",
                   "frankfurt", "hamburg", "milan", "naples", "barcelona", "marseille", "lyon",
                   "edinburgh", "manchester", "birmingham", "liverpool", "glasgow", "belfast",
                   "hollywood", "honolulu", "san diego", "phoenix", "denver", "new orleans",
                   "nashville", "baltimore", "pittsburgh", "cleveland", "minneapolis", "portland",
                   "sacramento", "austin", "orlando", "tampa", "brooklyn", "manhattan", "queens",
                   "bronx", "gaza city", "rafah", "haifa", "aleppo", "homs", "mosul", "basra",
                   "kandahar", "herat", "kathmandu", "colombo", "chennai", "kolkata", "bangalore",
                   "hyderabad", "osaka", "kyoto", "busan", "guangzhou", "shenzhen", "wuhan",
                   "chongqing", "singapore city", "kuala lumpur", "perth", "brisbane", "auckland",
                   "wellington", "quebec", "calgary", "edmonton", "winnipeg"})
      (*r)[c] = PlaceKind::kCity;
    for (auto c : {"california", "texas", "florida", "new york state", "alaska", "hawaii", "arizona",
                   "nevada", "oregon", "utah", "colorado", "idaho", "montana", "wyoming",
                   "new mexico", "oklahoma", "kansas", "nebraska", "iowa", "missouri", "arkansas",
                   "louisiana", "mississippi", "alabama", "tennessee", "kentucky", "ohio",
                   "indiana", "illinois", "michigan", "wisconsin", "minnesota", "north dakota",
                   "south dakota", "virginia", "west virginia", "north carolina",
                   "south carolina", "maryland", "delaware", "pennsylvania", "new jersey",
                   "connecticut", "rhode island", "massachusetts", "vermont", "new hampshire",
                   "maine", "siberia", "chechnya", "dagestan",
                   "kashmir", "tibet", "xinjiang", "kurdistan", "darfur",
                   "sinai", "balkans", "caucasus", "scandinavia", "baltics", "bavaria",
                   "catalonia", "lombardy", "ontario", "british columbia", "alberta",
                   "queensland", "new south wales", "victoria", "tasmania", "punjab", "bengal",
                   "kerala", "sichuan", "hubei", "guangdong", "okinawa", "hokkaido",
                   "sumatra", "java", "bali", "mindanao", "luzon",
                   "black sea", "baltic sea", "red sea", "mediterranean", "pacific", "atlantic",
                   "persian gulf", "south china sea", "english channel"})
      (*r)[c] = PlaceKind::kRegion;
    return r;
  }();
  return *m;
}

const std::unordered_map<std::string_view, std::string_view>& Demonyms() {
  static const std::unordered_map<std::string_view, std::string_view> m = {
      {"russian", "russia"}, {"ukrainian", "ukraine"}, {"american", "united states"},
      {"british", "united kingdom"}, {"english", "england"}, {"french", "france"},
      {"german", "germany"}, {"italian", "italy"}, {"spanish", "spain"}, {"chinese", "china"},
      {"japanese", "japan"}, {"korean", "korea"}, {"indian", "india"}, {"pakistani", "pakistan"},
      {"iranian", "iran"}, {"iraqi", "iraq"}, {"syrian", "syria"}, {"israeli", "israel"},
      {"palestinian", "palestine"}, {"turkish", "turkey"}, {"egyptian", "egypt"},
      {"saudi", "saudi arabia"}, {"polish", "poland"}, {"belarusian", "belarus"},
      {"georgian", "georgia"}, {"canadian", "canada"}, {"mexican", "mexico"},
      {"brazilian", "brazil"}, {"australian", "australia"}, {"dutch", "netherlands"},
      {"swedish", "sweden"}, {"norwegian", "norway"}, {"finnish", "finland"},
      {"danish", "denmark"}, {"greek", "greece"}, {"hungarian", "hungary"},
      {"romanian", "romania"}, {"serbian", "serbia"}, {"afghan", "afghanistan"},
      {"lebanese", "lebanon"}, {"jordanian", "jordan"}, {"qatari", "qatar"},
      {"nigerian", "nigeria"}, {"kenyan", "kenya"}, {"venezuelan", "venezuela"},
      {"cuban", "cuba"}, {"european", "europe"}, {"african", "africa"}, {"asian", "asia"},
      {"western", ""}, {"soviet", "soviet union"}, {"kazakh", "kazakhstan"},
      {"armenian", "armenia"}, {"azerbaijani", "azerbaijan"}, {"moldovan", "moldova"},
      {"lithuanian", "lithuania"}, {"latvian", "latvia"}, {"estonian", "estonia"},
      {"czech", "czechia"}, {"slovak", "slovakia"}, {"austrian", "austria"},
      {"swiss", "switzerland"}, {"belgian", "belgium"}, {"irish", "ireland"},
      {"scottish", "scotland"}, {"welsh", "wales"}, {"portuguese", "portugal"},
      {"thai", "thailand"}, {"vietnamese", "vietnam"}, {"indonesian", "indonesia"},
      {"filipino", "philippines"}, {"malaysian", "malaysia"}, {"chilean", "chile"},
      {"argentine", "argentina"}, {"argentinian", "argentina"}, {"colombian", "colombia"},
      {"peruvian", "peru"}, {"ethiopian", "ethiopia"}, {"sudanese", "sudan"},
      {"libyan", "libya"}, {"moroccan", "morocco"}, {"algerian", "algeria"},
      {"yemeni", "yemen"}, {"emirati", "united arab emirates"}, {"kuwaiti", "kuwait"},
      {"north korean", "north korea"}, {"south korean", "south korea"}, {"taiwanese", "taiwan"},
      {"crimean", "crimea"}, {"us", "united states"}, {"u.s.", "united states"},
      {"uk", "united kingdom"}, {"u.k.", "united kingdom"}};
  return m;
}

const std::unordered_map<std::string_view, Cue>& Cues() {
  static const std::unordered_map<std::string_view, Cue> m = {
      {"said", Cue::kSay}, {"says", Cue::kSay}, {"say", Cue::kSay}, {"saying", Cue::kSay},
      {"told", Cue::kSay}, {"tells", Cue::kSay}, {"tell", Cue::kSay}, {"wrote", Cue::kSay},
      {"writes", Cue::kSay}, {"added", Cue::kSay}, {"adding", Cue::kSay}, {"adds", Cue::kSay},
      {"stated", Cue::kSay}, {"states", Cue::kSay}, {"noted", Cue::kSay}, {"notes", Cue::kSay},
      {"commented", Cue::kSay}, {"explained", Cue::kSay}, {"announced", Cue::kSay},
      {"posted", Cue::kSay}, {"tweeted", Cue::kSay}, {"replied", Cue::kSay},
      {"responded", Cue::kSay}, {"remarked", Cue::kSay}, {"recalled", Cue::kSay},
      {"described", Cue::kSay}, {"revealed", Cue::kSay},
      {"indicated", Cue::kSay}, {"suggested", Cue::kSay}, {"urged", Cue::kSay},
      {"emphasized", Cue::kSay}, {"emphasised", Cue::kSay}, {"stressed", Cue::kSay},
      {"warned", Cue::kSay}, {"warns", Cue::kSay},
      {"according", Cue::kSay}, {"reported", Cue::kAssert}, {"reports", Cue::kAssert},
      {"claimed", Cue::kAssert}, {"claims", Cue::kAssert}, {"claim", Cue::kAssert},
      {"alleged", Cue::kAssert}, {"alleges", Cue::kAssert}, {"accused", Cue::kAssert},
      {"accuses", Cue::kAssert}, {"asserted", Cue::kAssert}, {"insisted", Cue::kAssert},
      {"insists", Cue::kAssert}, {"confirmed", Cue::kAssert}, {"confirms", Cue::kAssert},
      {"argued", Cue::kAssert}, {"maintained", Cue::kAssert}, {"charged", Cue::kAssert},
      {"acknowledged", Cue::kSay}, {"admitted", Cue::kSay},
      {"denied", Cue::kDeny}, {"denies", Cue::kDeny}, {"deny", Cue::kDeny},
      {"rejected", Cue::kDeny}, {"rejects", Cue::kDeny}, {"dismissed", Cue::kDeny},
      {"dismisses", Cue::kDeny}, {"refuted", Cue::kDeny}, {"rebuffed", Cue::kDeny},
      {"disputed", Cue::kDeny}, {"disputes", Cue::kDeny}, {"called", Cue::kSay}, {"questioned", Cue::kQuestion}, {"doubted", Cue::kQuestion},
      {"doubts", Cue::kQuestion}, {"cautioned", Cue::kSay}, {"declared", Cue::kAssert},
      {"declares", Cue::kAssert}, {"sang", Cue::kSay}, {"chanted", Cue::kSay}, {"shouted", Cue::kSay},
      {"yelled", Cue::kSay}, {"joked", Cue::kSay}, {"quipped", Cue::kSay}, {"continued", Cue::kSay},
      {"concluded", Cue::kSay}, {"observed", Cue::kSay}, {"predicted", Cue::kAssert},
      {"promised", Cue::kSay}, {"vowed", Cue::kSay}, {"pledged", Cue::kSay}, {"boasted", Cue::kSay},
      {"complained", Cue::kSay}, {"lamented", Cue::kSay}, {"conceded", Cue::kSay}, {"countered", Cue::kSay},
      {"retorted", Cue::kSay}, {"answered", Cue::kSay}, {"demanded", Cue::kSay}, {"pleaded", Cue::kSay},
      {"begged", Cue::kSay}, {"screamed", Cue::kSay}, {"explains", Cue::kSay}, {"writes", Cue::kSay},
      {"tweets", Cue::kSay}, {"believes", Cue::kAssert}, {"believed", Cue::kAssert}, {"thinks", Cue::kAssert},
      {"argues", Cue::kAssert}, {"estimated", Cue::kAssert}, {"estimates", Cue::kAssert},
      {"acknowledges", Cue::kSay}, {"admits", Cue::kSay}, {"suggests", Cue::kSay},
      {"testified", Cue::kAssert}, {"recounted", Cue::kSay}, {"cited", Cue::kSay}, {"asserts", Cue::kAssert},
      {"contended", Cue::kAssert}, {"contends", Cue::kAssert}, {"maintains", Cue::kAssert},
      {"interjected", Cue::kSay}, {"exclaimed", Cue::kSay}, {"mused", Cue::kSay}, {"wondered", Cue::kSay},
      {"snapped", Cue::kSay}, {"shouts", Cue::kSay}, {"recalls", Cue::kSay}, {"sighed", Cue::kSay},
      {"asked", Cue::kQuestion}, {"asks", Cue::kQuestion}};
  return m;
}

}  // namespace

bool IsTitleWord(std::string_view w) { return TitleHeads().count(w) || TitleModifiers().count(w); }
bool IsTitleHead(std::string_view w) { return TitleHeads().count(w) > 0; }
bool IsOrgKeyword(std::string_view w) { return OrgKeywords().count(w) > 0; }
bool IsPlaceKeyword(std::string_view w) { return PlaceKeywords().count(w) > 0; }

PlaceKind LookupPlace(std::string_view name) {
  auto it = Places().find(name);
  return it == Places().end() ? PlaceKind::kNone : it->second;
}

std::string_view CountryOfDemonym(std::string_view w) {
  auto it = Demonyms().find(w);
  return it == Demonyms().end() ? std::string_view() : (it->second.empty() ? w : it->second);
}

std::string_view CountryOfCapital(std::string_view city) {
  static const std::unordered_map<std::string_view, std::string_view> m = {
      {"moscow", "russia"}, {"kyiv", "ukraine"}, {"kiev", "ukraine"}, {"washington", "united states"},
      {"london", "united kingdom"}, {"paris", "france"}, {"berlin", "germany"}, {"rome", "italy"},
      {"madrid", "spain"}, {"beijing", "china"}, {"tokyo", "japan"}, {"new delhi", "india"},
      {"tehran", "iran"}, {"baghdad", "iraq"}, {"damascus", "syria"}, {"beirut", "lebanon"},
      {"jerusalem", "israel"}, {"cairo", "egypt"}, {"ankara", "turkey"}, {"athens", "greece"},
      {"warsaw", "poland"}, {"vienna", "austria"}, {"prague", "czechia"}, {"budapest", "hungary"},
      {"brussels", "belgium"}, {"amsterdam", "netherlands"}, {"stockholm", "sweden"}, {"oslo", "norway"},
      {"helsinki", "finland"}, {"copenhagen", "denmark"}, {"dublin", "ireland"}, {"lisbon", "portugal"},
      {"minsk", "belarus"}, {"riga", "latvia"}, {"vilnius", "lithuania"}, {"tallinn", "estonia"},
      {"bucharest", "romania"}, {"sofia", "bulgaria"}, {"belgrade", "serbia"}, {"zagreb", "croatia"},
      {"tbilisi", "georgia"}, {"yerevan", "armenia"}, {"baku", "azerbaijan"}, {"astana", "kazakhstan"},
      {"tashkent", "uzbekistan"}, {"bishkek", "kyrgyzstan"}, {"kabul", "afghanistan"},
      {"islamabad", "pakistan"}, {"dhaka", "bangladesh"}, {"bangkok", "thailand"}, {"hanoi", "vietnam"},
      {"jakarta", "indonesia"}, {"manila", "philippines"}, {"seoul", "south korea"},
      {"pyongyang", "north korea"}, {"taipei", "taiwan"}, {"ottawa", "canada"}, {"mexico city", "mexico"},
      {"havana", "cuba"}, {"caracas", "venezuela"}, {"bogota", "colombia"}, {"lima", "peru"},
      {"santiago", "chile"}, {"buenos aires", "argentina"}, {"brasilia", "brazil"}, {"nairobi", "kenya"},
      {"addis ababa", "ethiopia"}, {"khartoum", "sudan"}, {"tripoli", "libya"}, {"tunis", "tunisia"},
      {"algiers", "algeria"}, {"rabat", "morocco"}, {"riyadh", "saudi arabia"}, {"doha", "qatar"},
      {"abu dhabi", "united arab emirates"}, {"muscat", "oman"}, {"amman", "jordan"}};
  auto it = m.find(city);
  return it == m.end() ? std::string_view() : it->second;
}

Cue CueOf(std::string_view w) {
  auto it = Cues().find(w);
  return it == Cues().end() ? Cue::kNone : it->second;
}

bool IsDeterminer(std::string_view w) {
  static const Set s = {"the", "a", "an", "this", "that", "its", "his", "her", "their", "'s", "these",
                        "those", "our", "my", "your", "any", "such"};
  return s.count(w) > 0;
}

bool IsPersonPronoun(std::string_view w) { return w == "he" || w == "she"; }

int MonthOf(std::string_view w) {
  static const std::unordered_map<std::string_view, int> m = {
      {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3},
      {"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7},
      {"august", 8}, {"aug", 8}, {"september", 9}, {"sep", 9}, {"sept", 9}, {"october", 10},
      {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12}};
  auto it = m.find(w);
  return it == m.end() ? 0 : it->second;
}

int WeekdayOf(std::string_view w) {
  static const std::unordered_map<std::string_view, int> m = {
      {"monday", 0}, {"tuesday", 1}, {"wednesday", 2}, {"thursday", 3}, {"friday", 4},
      {"saturday", 5}, {"sunday", 6}};
  auto it = m.find(w);
  return it == m.end() ? -1 : it->second;
}

}  // namespace crosscheck::lexicon
