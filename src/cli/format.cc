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

}  // namespace sitrep::cli
