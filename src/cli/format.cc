#include "cli/format.h"

#include <cstdio>

#include "sitrep/json_writer.h"

namespace sitrep::cli {
namespace {

std::string DateOrEmpty(const Article& a) {
  return a.published && a.published->complete() ? a.published->ToIso() : "";
}

}  // namespace

void AppendArticleJsonl(const Article& a, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id");
  w.String(a.id);
  w.Key("date");
  w.StringOrNull(DateOrEmpty(a));
  w.Key("date_origin");
  w.String(DateOriginName(a.date_origin));
  w.Key("title");
  w.String(a.title);
  w.Key("outlet");
  w.String(a.outlet);
  w.Key("url");
  w.String(a.url);
  w.Key("text");
  w.String(a.text);
  w.EndObject();
  out->push_back('\n');
}

void AppendCsvField(std::string_view field, std::string* out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendArticleCsvHeader(std::string* out) {
  out->append("id,date,date_origin,title,outlet,url,text\r\n");
}

void AppendArticleCsv(const Article& a, std::string* out) {
  const std::string date = DateOrEmpty(a);
  const std::string_view fields[] = {
      a.id,  date,  DateOriginName(a.date_origin), a.title, a.outlet,
      a.url, a.text};
  bool first = true;
  for (std::string_view f : fields) {
    if (!first) out->push_back(',');
    first = false;
    AppendCsvField(f, out);
  }
  out->append("\r\n");
}

std::string OneLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string PartialDay(const CivilDay& d) {
  char buf[32];
  auto part = [](int v, int width) {
    char b[8];
    if (v == 0) return std::string(width, 'x');
    std::snprintf(b, sizeof b, "%0*d", width, v);
    return std::string(b);
  };
  std::snprintf(buf, sizeof buf, "%s-%s-%s", part(d.year, 4).c_str(),
                part(d.month, 2).c_str(), part(d.day, 2).c_str());
  return buf;
}

namespace {

// Combining diacritical marks (U+0300-U+036F: 0xCC 0x80 .. 0xCD 0xAF):
// they take no column of their own.
bool IsCombiningAt(std::string_view s, size_t i) {
  if (i + 1 >= s.size()) return false;
  auto b0 = static_cast<unsigned char>(s[i]);
  auto b1 = static_cast<unsigned char>(s[i + 1]);
  return b0 == 0xCC || (b0 == 0xCD && b1 <= 0xAF);
}

// The byte length of the UTF-8 sequence starting with `lead` (1 if bad).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::string Cell(std::string_view s, size_t width) {
  size_t i = 0, chars = 0;
  while (i < s.size()) {
    size_t len = std::min(SequenceLength(s[i]), s.size() - i);
    if (!IsCombiningAt(s, i)) {
      if (chars == width) break;
      ++chars;
    }
    i += len;
  }
  std::string out(s.substr(0, i));
  out.append(width - chars, ' ');
  return out;
}

}  // namespace sitrep::cli
