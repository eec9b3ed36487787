// Page metadata: title, outlet, canonical URL and publication date, read
// from <meta>, <link rel=canonical>, JSON-LD, <time> and <title>/<h1>.
#include <cctype>
#include <cstring>

#include "ingest/html_internal.h"

namespace sitrep::html_internal {
namespace {

std::string_view Attr(const GumboNode* n, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(uint8_t(a[i])) != std::tolower(uint8_t(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Text of an element's subtree, iteratively.
std::string NodeText(const GumboNode* root) {
  std::string out;
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{root, 0}};
  while (!stack.empty()) {
    auto& [n, i] = stack.back();
    if (i >= n->v.element.children.length) {
      stack.pop_back();
      continue;
    }
    auto* c = static_cast<const GumboNode*>(n->v.element.children.data[i++]);
    if (c->type == GUMBO_NODE_ELEMENT) {
      stack.push_back({c, 0});
    } else if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) {
      out += c->v.text.text;
    }
  }
  return Collapse(out);
}

// Meta names giving a publication date, in order of trust.
constexpr const char* kDateMetas[] = {"article:published_time",
                                      "og:published_time",
                                      "datePublished",
                                      "date",
                                      "pubdate",
                                      "publishdate",
                                      "publish-date",
                                      "publish_date",
                                      "parsely-pub-date",
                                      "sailthru.date",
                                      "DC.date.issued",
                                      "dc.date",
                                      "dcterms.created",
                                      "dcterms.date",
                                      "article.published",
                                      "date.published",
                                      "cxenseparse:recs:publishtime",
                                      "displaydate"};
constexpr size_t kNumDateMetas = sizeof(kDateMetas) / sizeof(kDateMetas[0]);

struct Found {
  std::string og_title, title, h1, site, canonical, og_url;
  std::string dates[kNumDateMetas];
  std::string json_ld_date, time_date;
  bool time_pub = false;  // time_date came from a pubdate/itemprop <time>
};

// Finds "datePublished": "..." in JSON-LD text.
std::string JsonLdDate(std::string_view s) {
  size_t p = 0;
  while ((p = s.find("\"datePublished\"", p)) != std::string_view::npos) {
    p += 15;
    size_t q = p;
    while (q < s.size() && (s[q] == ' ' || s[q] == '\n' || s[q] == '\t' ||
                            s[q] == '\r' || s[q] == ':')) {
      ++q;
    }
    if (q < s.size() && s[q] == '"') {
      size_t e = s.find('"', q + 1);
      if (e != std::string_view::npos)
        return std::string(s.substr(q + 1, e - q - 1));
    }
  }
  return {};
}

void OnMeta(const GumboNode* n, Found* f) {
  std::string_view key = Attr(n, "property");
  if (key.empty()) key = Attr(n, "name");
  if (key.empty()) key = Attr(n, "itemprop");
  std::string_view content = Attr(n, "content");
  if (key.empty() || content.empty()) return;
  if (IEquals(key, "og:title") && f->og_title.empty())
    f->og_title = Collapse(content);
  if (IEquals(key, "og:site_name") && f->site.empty())
    f->site = Collapse(content);
  if (IEquals(key, "og:url") && f->og_url.empty()) f->og_url = content;
  for (size_t i = 0; i < kNumDateMetas; ++i) {
    if (IEquals(key, kDateMetas[i]) && f->dates[i].empty()) {
      f->dates[i] = content;
    }
  }
}

void OnElement(const GumboNode* n, Found* f) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_META:
      OnMeta(n, f);
      break;
    case GUMBO_TAG_TITLE:
      if (f->title.empty()) f->title = NodeText(n);
      break;
    case GUMBO_TAG_H1:
      if (f->h1.empty()) f->h1 = NodeText(n);
      break;
    case GUMBO_TAG_LINK:
      if (IEquals(Attr(n, "rel"), "canonical") && f->canonical.empty()) {
        f->canonical = Attr(n, "href");
      }
      break;
    case GUMBO_TAG_SCRIPT:
      if (IEquals(Attr(n, "type"), "application/ld+json") &&
          f->json_ld_date.empty()) {
        f->json_ld_date = JsonLdDate(NodeText(n));
      }
      break;
    case GUMBO_TAG_TIME: {
      std::string_view dt = Attr(n, "datetime");
      bool pub = Attr(n, "itemprop") == "datePublished" ||
                 gumbo_get_attribute(&n->v.element.attributes, "pubdate");
      if (!dt.empty() && (f->time_date.empty() || (pub && !f->time_pub))) {
        f->time_date = dt;
        f->time_pub = pub;
      }
      break;
    }
    default:
      break;
  }
}

void SetDate(const Found& f, HtmlPage* page) {
  auto try_set = [&](std::string_view v, std::string from) {
    if (page->published || v.empty()) return;
    if (auto d = ParseDateValue(v)) {
      page->published = d;
      page->published_from = std::move(from);
    }
  };
  try_set(f.dates[0], "article:published_time");
  try_set(f.json_ld_date, "json-ld");
  for (size_t i = 1; i < kNumDateMetas; ++i) {
    try_set(f.dates[i], std::string("meta:") + kDateMetas[i]);
  }
  try_set(f.time_date, "time");
}

}  // namespace

std::optional<CivilDay> ParseDateValue(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n'))
    s.remove_prefix(1);
  if (s.size() < 8) return std::nullopt;
  auto digits = [&](size_t b, size_t n) {
    for (size_t i = b; i < b + n; ++i)
      if (!isdigit(uint8_t(s[i]))) return false;
    return true;
  };
  std::string iso;
  if (s.size() >= 10 && digits(0, 4) && (s[4] == '-' || s[4] == '/') &&
      digits(5, 2) && s[7] == s[4] && digits(8, 2)) {
    iso = std::string(s.substr(0, 4)) + '-' + std::string(s.substr(5, 2)) +
          '-' + std::string(s.substr(8, 2));
  } else if (digits(0, 8) &&
             (s.size() == 8 || !isdigit(uint8_t(s[8])) || s[8] == 'T')) {
    iso = std::string(s.substr(0, 4)) + '-' + std::string(s.substr(4, 2)) +
          '-' + std::string(s.substr(6, 2));
  } else {
    return std::nullopt;
  }
  return CivilDay::ParseIso(iso);
}

std::string CleanTitle(std::string_view title) {
  static constexpr const char* kSeps[] = {
      " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", " \xC2\xBB "};
  std::string t = Collapse(title);
  for (const char* sep : kSeps) {
    size_t p = t.rfind(sep);
    // Only a short trailing part is a site name.
    if (p != std::string::npos && p >= 15 && t.size() - p <= 40) {
      return t.substr(0, p);
    }
  }
  return t;
}

void ExtractMeta(const GumboNode* root, HtmlPage* page) {
  Found f;
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{root, 0}};
  while (!stack.empty()) {
    auto& [n, i] = stack.back();
    if (i >= n->v.element.children.length) {
      stack.pop_back();
      continue;
    }
    auto* c = static_cast<const GumboNode*>(n->v.element.children.data[i++]);
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    OnElement(c, &f);
    if (c->v.element.children.length > 0) stack.push_back({c, 0});
  }
  page->title = !f.og_title.empty() ? f.og_title
                : !f.title.empty()  ? CleanTitle(f.title)
                                    : f.h1;
  page->outlet = f.site;
  page->url = !f.canonical.empty() ? f.canonical : f.og_url;
  SetDate(f, page);
}

}  // namespace sitrep::html_internal
