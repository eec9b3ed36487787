// Line-level noise of scraped news: outlets, noise patterns from
// data/text/noise_patterns.tsv, shortcodes, photo captions and bylines.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>

#include "text/clean_internal.h"
#include "text/text_data.h"

namespace sitrep::clean_internal {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

struct OutletTable {
  std::unordered_map<std::string_view, std::string_view> exact;
  std::unordered_map<std::string, std::string_view> folded;  // 4+ chars
};

const OutletTable& Outlets() {
  static const OutletTable* t = [] {
    auto* table = new OutletTable();
    text_data::ForEachRow(text_data::File("outlets.tsv"),
                          [&](const auto& f, size_t n) {
                            if (n < 2) return;
                            table->exact[f[0]] = f[1];
                            if (f[0].size() >= 4) {
                              table->folded[LowerCopy(f[0])] = f[1];
                            }
                          });
    return table;
  }();
  return *t;
}

bool IsShortcodeName(std::string_view name) {
  for (const NoisePattern& p : NoisePatterns()) {
    if (p.match == Match::kShortcode && EqualsNoCase(p.text, name)) {
      return true;
    }
  }
  return false;
}

bool IsQuote(std::string_view s, size_t i, size_t* len) {
  *len = 1;
  if (s[i] == '"') return true;
  std::string_view r = s.substr(i, 3);
  *len = 3;
  return r == "\u201C" || r == "\u201D" || r == "\u2033";
}

// Longest shortcode (or [name]...[/name] block) recognised, in bytes.
constexpr size_t kMaxShortcode = 8192;

// The ']' closing a shortcode opened before `k`, outside quoted values.
size_t FindClose(std::string_view line, size_t k) {
  line = line.substr(0, std::min(line.size(), k + kMaxShortcode));
  bool quoted = false;
  for (size_t i = k; i < line.size(); ++i) {
    size_t len;
    if (IsQuote(line, i, &len)) {
      quoted = !quoted;
      i += len - 1;
    } else if (line[i] == ']' && !quoted) {
      return i;
    }
  }
  return line.find(']', k);
}

// Values of the caption-like attributes (caption, credit, title, alt,
// description) of a shortcode, joined by spaces.
std::string AttributeText(std::string_view attrs) {
  std::string out;
  size_t i = 0;
  while ((i = attrs.find('=', i)) != std::string_view::npos) {
    size_t k = i;
    while (k > 0 && (IsAlpha(attrs[k - 1]) || attrs[k - 1] == '_')) --k;
    std::string key = LowerCopy(attrs.substr(k, i - k));
    size_t v = i + 1, qlen = 1, elen = 1;
    i = v;
    if (v >= attrs.size() || !IsQuote(attrs, v, &qlen)) continue;
    size_t vb = v + qlen;
    size_t e = vb;
    while (e < attrs.size() && !IsQuote(attrs, e, &elen)) ++e;
    std::string_view value = Trim(attrs.substr(vb, e - vb));
    i = e;
    if (value.empty() ||
        (key != "caption" && key != "credit" && key != "title" &&
         key != "alt" && key != "description")) {
      continue;
    }
    if (!out.empty()) out.push_back(' ');
    out.append(value);
  }
  return out;
}

// Outlet credited in a caption's parenthesis or slash credit:
// "Khalid Mohammed/AP", "AFP photo", "AP Photo/Hadi Mizban".
std::string_view CreditOutlet(std::string_view inner) {
  size_t pos = 0;
  while (pos <= inner.size()) {
    size_t slash = inner.find('/', pos);
    if (slash == std::string_view::npos) slash = inner.size();
    std::string_view side = Trim(inner.substr(pos, slash - pos));
    while (!side.empty() && (side.back() == '.' || side.back() == ':')) {
      side.remove_suffix(1);
    }
    std::string_view first = side.substr(0, side.find(' '));
    size_t last_sp = side.rfind(' ');
    std::string_view last =
        last_sp == std::string_view::npos ? side : side.substr(last_sp + 1);
    for (std::string_view cand : {side, first, last}) {
      std::string_view c = CanonicalOutlet(cand);
      if (!c.empty()) return c;
    }
    pos = slash + 1;
  }
  return {};
}

size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// How common a byte is in English news text, for choosing what a search
// looks for: ASCII letters by frequency (either case), space the most
// common, other bytes rare.
constexpr std::array<uint8_t, 256> kCommonness = [] {
  std::array<uint8_t, 256> t{};
  constexpr std::string_view kByFrequency =
      "zqjxkvbpygfwmucldrhsnioate";  // rarest first
  for (size_t r = 0; r < kByFrequency.size(); ++r) {
    t[static_cast<unsigned char>(kByFrequency[r])] =
        static_cast<uint8_t>(r + 1);
    t[static_cast<unsigned char>(kByFrequency[r] - ('a' - 'A'))] =
        static_cast<uint8_t>(r + 1);
  }
  t[' '] = 100;
  return t;
}();

// s.find(c, from) by memchr (string_view::find is a byte loop here).
size_t FindByte(std::string_view s, char c, size_t from) {
  if (from >= s.size()) return std::string_view::npos;
  const void* p = std::memchr(s.data() + from, c, s.size() - from);
  return p == nullptr
             ? std::string_view::npos
             : static_cast<size_t>(static_cast<const char*>(p) - s.data());
}

}  // namespace

size_t RarestByte(std::string_view needle) {
  size_t best = 0;
  for (size_t i = 1; i < needle.size(); ++i) {
    if (kCommonness[static_cast<unsigned char>(needle[i])] <
        kCommonness[static_cast<unsigned char>(needle[best])]) {
      best = i;
    }
  }
  return best;
}

size_t SecondRarestByte(std::string_view needle, size_t k) {
  size_t best = needle.size();
  for (size_t i = 0; i < needle.size(); ++i) {
    if (i != k && (best == needle.size() ||
                   kCommonness[static_cast<unsigned char>(needle[i])] <
                       kCommonness[static_cast<unsigned char>(needle[best])])) {
      best = i;
    }
  }
  return best == needle.size() ? k : best;
}

std::string_view CanonicalOutlet(std::string_view name) {
  name = Trim(name);
  const OutletTable& t = Outlets();
  auto it = t.exact.find(name);
  if (it != t.exact.end()) return it->second;
  if (name.size() < 4) return {};
  auto f = t.folded.find(LowerCopy(name));
  return f == t.folded.end() ? std::string_view() : f->second;
}

const std::vector<NoisePattern>& NoisePatterns() {
  static const auto* patterns = [] {
    auto* v = new std::vector<NoisePattern>();
    text_data::ForEachRow(
        text_data::File("noise_patterns.tsv"), [&](const auto& f, size_t n) {
          if (n < 3) return;
          Match m = f[1] == "inline"     ? Match::kInline
                    : f[1] == "line"     ? Match::kLine
                    : f[1] == "prefix"   ? Match::kPrefix
                    : f[1] == "suffix"   ? Match::kSuffix
                    : f[1] == "contains" ? Match::kContains
                    : f[1] == "tail"     ? Match::kTail
                                         : Match::kShortcode;
          v->push_back(NoisePattern{f[0], m, f[2], RarestByte(f[2])});
        });
    size_t slot = 0;
    for (NoisePattern& p : *v) {
      if (p.match == Match::kContains && !p.text.empty() &&
          p.text.size() <= kMaxContainsPattern && slot < kContainsSlots) {
        p.slot = slot++;
      }
    }
    return v;
  }();
  return *patterns;
}

size_t FindNoCase(std::string_view hay, std::string_view needle, size_t from) {
  return FindNoCaseAt(hay, needle, from, RarestByte(needle));
}

size_t FindNoCaseAt(std::string_view hay, std::string_view needle, size_t from,
                    size_t k) {
  if (needle.empty() || hay.size() < needle.size())
    return std::string_view::npos;
  const char lo = Lower(needle[k]);
  const char up = IsAlpha(lo) ? static_cast<char>(lo - ('a' - 'A')) : lo;
  // Where byte k sits for each possible start; the next lower- and
  // upper-case ones are each searched again only once passed.
  const std::string_view at_k =
      hay.substr(0, hay.size() - needle.size() + 1 + k);
  size_t a = FindByte(at_k, lo, from + k);
  size_t b = up == lo ? a : FindByte(at_k, up, from + k);
  while (true) {
    size_t at = std::min(a, b);
    if (at == std::string_view::npos) return at;
    if (EqualsNoCase(hay.substr(at - k, needle.size()), needle)) return at - k;
    if (a == at) a = FindByte(at_k, lo, at + 1);
    if (b == at) b = up == lo ? a : FindByte(at_k, up, at + 1);
  }
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

namespace {

bool MatchesLine(const NoisePattern& p, std::string_view line,
                 std::string_view bare) {
  switch (p.match) {
    case Match::kLine:
    case Match::kTail:
      return EqualsNoCase(bare, p.text);
    case Match::kPrefix:
      return EqualsNoCase(line.substr(0, p.text.size()), p.text);
    case Match::kSuffix:
      return line.size() >= p.text.size() &&
             EqualsNoCase(line.substr(line.size() - p.text.size()), p.text);
    case Match::kContains:  // boilerplate lines are short
      return line.size() <= kMaxContainsLine &&
             FindNoCaseAt(line, p.text, 0, p.anchor) != std::string_view::npos;
    default:
      return false;
  }
}

// The patterns a line may match, in file order: all of them, and by the
// line's first byte (ASCII lower case) those that begin with it or need not
// (line, tail and prefix patterns begin the line; suffix and contains ones
// need not; empty ones match only an empty line).
struct LinePatternIndex {
  std::vector<const NoisePattern*> all;
  std::array<std::vector<const NoisePattern*>, 256> by_first;
};

const LinePatternIndex& LinePatterns() {
  static const auto* index = [] {
    auto* x = new LinePatternIndex();
    for (const NoisePattern& p : NoisePatterns()) {
      const NoisePattern* t = &p;
      x->all.push_back(t);
      bool begins = p.match == Match::kLine || p.match == Match::kTail ||
                    p.match == Match::kPrefix;
      bool anywhere = p.match == Match::kSuffix || p.match == Match::kContains;
      if (begins && !p.text.empty()) {
        x->by_first[static_cast<unsigned char>(Lower(p.text[0]))].push_back(t);
      } else if (anywhere) {
        for (auto& list : x->by_first) list.push_back(t);
      }
    }
    return x;
  }();
  return *index;
}

}  // namespace

const NoisePattern* MatchLinePattern(std::string_view line) {
  line = Trim(line);
  std::string_view bare = line;
  while (!bare.empty() && (bare.back() == ':' || bare.back() == '.')) {
    bare.remove_suffix(1);
  }
  const LinePatternIndex& index = LinePatterns();
  const auto& tried =
      line.empty() ? index.all
                   : index.by_first[static_cast<unsigned char>(Lower(line[0]))];
  uint32_t contains = 0;  // ContainsMask(line), once a pattern asks
  bool searched = false;
  for (const NoisePattern* p : tried) {
    if (p->match == Match::kContains && p->slot < kContainsSlots) {
      if (line.size() > kMaxContainsLine) continue;
      if (!searched) contains = ContainsMask(line);
      searched = true;
      if ((contains >> p->slot) & 1) return p;
    } else if (MatchesLine(*p, line, bare)) {
      return p;
    }
  }
  return nullptr;
}

bool FindShortcode(std::string_view line, size_t from, Shortcode* out) {
  size_t i = from;
  while ((i = line.find('[', i)) != std::string_view::npos) {
    size_t k = i + 1;
    bool closing = k < line.size() && line[k] == '/';
    if (closing) ++k;
    size_t ns = k;
    while (k < line.size() &&
           (IsAlpha(line[k]) || line[k] == '_' || line[k] == '-' ||
            (k > ns && line[k] >= '0' && line[k] <= '9'))) {
      ++k;
    }
    std::string_view name = line.substr(ns, k - ns);
    if (name.empty() || !IsAlpha(name[0]) || k >= line.size() ||
        (line[k] != ' ' && line[k] != ']')) {
      ++i;
      continue;
    }
    bool known = IsShortcodeName(name);
    if (closing) {
      if (known && line[k] == ']') {
        *out = Shortcode{i, k + 1, std::string(line.substr(i, k + 1 - i))};
        return true;
      }
      ++i;
      continue;
    }
    size_t close = FindClose(line, k);
    if (close == std::string_view::npos ||
        (!known &&
         line.substr(k, close - k).find('=') == std::string_view::npos)) {
      ++i;
      continue;
    }
    out->begin = i;
    out->end = close + 1;
    out->text = AttributeText(line.substr(k, close - k));
    std::string closer = "[/" + std::string(name) + "]";
    size_t cpos = FindNoCase(line.substr(0, close + 1 + kMaxShortcode), closer,
                             close + 1);
    if (cpos != std::string_view::npos) {  // [caption ...]inner[/caption]
      std::string_view inner = Trim(line.substr(close + 1, cpos - close - 1));
      if (!inner.empty()) {
        if (!out->text.empty()) out->text.push_back(' ');
        out->text.append(inner);
      }
      out->end = cpos + closer.size();
    }
    if (out->text.empty()) {
      out->text =
          std::string(line.substr(i, std::min<size_t>(out->end - i, 300)));
    }
    return true;
  }
  return false;
}

bool IsCaptionLine(std::string_view line, std::string_view* outlet) {
  line = Trim(line);
  while (!line.empty() && (line.back() == '.' || line.back() == ' ')) {
    line.remove_suffix(1);
  }
  if (!line.empty() && line.back() == ')') {
    size_t open = line.rfind('(');
    std::string_view inner =
        open == std::string_view::npos
            ? std::string_view()
            : line.substr(open + 1, line.size() - open - 2);
    if (!inner.empty() && inner.size() <= 80) {
      std::string_view o = CreditOutlet(inner);
      bool slash = inner.find('/') != std::string_view::npos;
      bool photo = FindNoCase(inner, "photo") != std::string_view::npos ||
                   FindNoCase(inner, "getty") != std::string_view::npos;
      if ((slash && !o.empty()) || (photo && CountWords(inner) <= 6)) {
        *outlet = o;
        return true;
      }
    }
  }
  // "... REUTERS/Ahmed Dhahi" or "... REUTERS./" at the end of the line.
  size_t from = line.size() > 60 ? line.size() - 60 : 0;
  for (size_t s = line.find('/', from); s != std::string_view::npos;
       s = line.find('/', s + 1)) {
    size_t e = s;
    while (e > 0 && line[e - 1] == '.') --e;
    size_t b = e;
    while (b > 0 && IsUpper(line[b - 1])) --b;
    std::string_view word = line.substr(b, e - b);
    if (word.size() < 2 || (b > 0 && IsAlpha(line[b - 1]))) continue;
    std::string_view o = CanonicalOutlet(word);
    if (!o.empty() && CountWords(line.substr(s + 1)) <= 4) {
      *outlet = o;
      return true;
    }
  }
  return false;
}

bool IsBylineLine(std::string_view line, std::string_view* outlet) {
  line = Trim(line);
  if (line.size() > 120 || line.size() < 5 || line.back() == '.' ||
      line.find(". ") != std::string_view::npos) {
    return false;
  }
  if (!EqualsNoCase(line.substr(0, 3), "by ")) return false;
  std::string_view rest = Trim(line.substr(3));
  size_t words = 0;
  for (size_t i = 0; i < rest.size();) {
    size_t e = rest.find(' ', i);
    if (e == std::string_view::npos) e = rest.size();
    std::string_view w = rest.substr(i, e - i);
    i = e + 1;
    while (!w.empty() && (w.back() == ',' || w.back() == ';'))
      w.remove_suffix(1);
    if (w.empty() || w == "|" || w == "&" || w == "-" || w == "and" ||
        w == "in" || w == "of" || w == "the" || w == "for" || w == "at") {
      continue;
    }
    ++words;
    if (!(IsUpper(w[0]) || static_cast<unsigned char>(w[0]) >= 0x80) ||
        words > 8) {
      return false;
    }
  }
  if (words == 0) return false;
  // Outlet: a part between separators ("By Jane Doe, Reuters").
  *outlet = {};
  size_t b = 0;
  while (b <= rest.size()) {
    size_t e = rest.find_first_of(",|;", b);
    if (e == std::string_view::npos) e = rest.size();
    std::string_view o = CanonicalOutlet(rest.substr(b, e - b));
    if (!o.empty()) {
      *outlet = o;
      break;
    }
    b = e + 1;
  }
  return true;
}

}  // namespace sitrep::clean_internal
