// Class/id name hints for boilerplate removal. The names are matched against
// the lower-cased tokens of an element's class and id attributes (tokens are
// split at spaces, '-' and '_'): a whole-token match for short words, a
// substring match for the long distinctive ones.
#include <cctype>

#include "ingest/html_internal.h"

namespace sitrep::html_internal {
namespace {

struct Hint {
  const char* word;
  bool substring;  // match inside a token (else the whole token)
  int weight;
};

// Boilerplate (< 0) and article (> 0) names.
constexpr Hint kHints[] = {
    {"comment", true, -3},     {"disqus", true, -3},
    {"footer", true, -2},      {"sidebar", true, -3},
    {"related", true, -2},     {"share", true, -2},
    {"sharing", true, -2},     {"social", true, -2},
    {"newsletter", true, -3},  {"subscribe", true, -2},
    {"promo", true, -2},       {"sponsor", true, -2},
    {"advert", true, -3},      {"breadcrumb", true, -3},
    {"masthead", true, -2},    {"popup", true, -2},
    {"modal", true, -2},       {"cookie", true, -3},
    {"recommend", true, -2},   {"trending", true, -2},
    {"popular", true, -2},     {"outbrain", true, -3},
    {"taboola", true, -3},     {"widget", true, -1},
    {"caption", true, -2},     {"credit", true, -1},
    {"toolbar", true, -2},     {"pagination", true, -2},
    {"signup", true, -2},      {"banner", true, -1},
    {"byline", true, -1},      {"dateline", true, -1},
    {"timestamp", true, -1},   {"tags", false, -2},
    {"tag", false, -1},        {"ad", false, -2},
    {"ads", false, -2},        {"adv", false, -2},
    {"nav", false, -2},        {"navbar", false, -2},
    {"navigation", false, -2}, {"menu", false, -2},
    {"rail", false, -2},       {"meta", false, -1},
    {"aside", false, -1},      {"hidden", false, -2},
    {"print", false, -1},      {"skip", false, -1},
    {"author", false, -1},     {"bio", false, -1},
    {"more", false, -1},       {"teaser", false, -1},
    {"article", false, 1},     {"content", false, 1},
    {"story", false, 1},       {"body", false, 1},
    {"text", false, 1},        {"post", false, 1},
    {"entry", false, 1},       {"main", false, 1},
    {"articlebody", true, 2},  {"storybody", true, 2},
    {"bodytext", true, 2},     {"richtext", true, 1},
};

// "has-sidebar", "no-comments", "with-ads": the page's state, not a part.
bool IsStateWord(std::string_view tok) {
  for (const char* w : {"has", "no", "with", "without", "show", "enable"}) {
    if (tok == w) return true;
  }
  return false;
}

bool Matches(std::string_view tok, const Hint& h) {
  std::string_view w(h.word);
  return h.substring ? tok.find(w) != std::string_view::npos : tok == w;
}

}  // namespace

int ClassHint(std::string_view class_and_id) {
  int neg = 0, pos = 0;
  std::string lower;
  lower.reserve(class_and_id.size());
  for (char c : class_and_id) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  // Whole names with separators removed catch "article-body", "story_body".
  std::string joined;
  size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && lower[i] == ' ') ++i;
    size_t s = i;
    while (i < lower.size() && lower[i] != ' ') ++i;
    std::string_view name(lower.data() + s, i - s);
    if (name.empty()) continue;
    joined.clear();
    for (char c : name)
      if (c != '-' && c != '_') joined += c;
    size_t k = 0;
    bool state = false;  // the previous token was a state word
    while (k <= name.size()) {
      size_t e = name.find_first_of("-_", k);
      if (e == std::string_view::npos) e = name.size();
      std::string_view tok = name.substr(k, e - k);
      for (const Hint& h : kHints) {
        if (!tok.empty() && Matches(tok, h) && !(state && h.weight < 0)) {
          (h.weight < 0 ? neg : pos) += h.weight;
        }
      }
      state = IsStateWord(tok);
      k = e + 1;
    }
    for (const Hint& h : kHints) {
      if (h.weight > 1 && Matches(joined, h)) pos += h.weight;
    }
  }
  return pos + neg;
}

}  // namespace sitrep::html_internal
