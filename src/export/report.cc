#include "sitrep/report.h"

#include <set>

#include "export/report_assets.h"
#include "sitrep/export.h"
#include "sitrep/json_writer.h"

namespace sitrep {
namespace {

// JSON inside <script>: "<" only occurs inside strings, where \u003c is the
// same character, so no "</script>" or "<!--" can end the element early.
void AppendScriptSafe(std::string_view json, std::string* out) {
  for (char c : json) {
    if (c == '<') {
      out->append("\\u003c");
    } else {
      out->push_back(c);
    }
  }
}

void AppendHtmlEscaped(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '&':
        out->append("&amp;");
        break;
      case '"':
        out->append("&quot;");
        break;
      default:
        out->push_back(c);
    }
  }
}

std::string ConfigJson(const std::vector<Event>& events, const ReportOptions& o,
                       bool has_world) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("title");
  w.String(o.title);
  w.Key("subtitle");
  w.String(o.subtitle);
  w.Key("generated");
  w.String(o.generated);
  w.Key("live");
  w.Bool(!o.api_url.empty());
  w.Key("api_url");
  w.String(o.api_url);
  w.Key("has_world");
  w.Bool(has_world);
  w.Key("countries");
  w.BeginObject();
  std::set<std::string> codes;
  for (const Event& e : events) {
    if (e.location && !e.location->country.empty()) {
      codes.insert(e.location->country);
    }
  }
  for (const std::string& c : codes) {
    std::string name = o.country_name ? o.country_name(c) : "";
    w.Key(c);
    w.String(name.empty() ? c : name);
  }
  w.EndObject();
  w.EndObject();
  return out;
}

std::string DataJson(const std::vector<Event>& events, bool live) {
  std::string out = "[";
  if (!live) {
    for (size_t i = 0; i < events.size(); ++i) {
      if (i) out += ",\n";
      out += EventToJsonLine(events[i]);
    }
  }
  out += "]";
  return out;
}

// Replaces each @@NAME@@ of the template once, scanning only the template.
Status Fill(std::string_view tpl,
            const std::vector<std::pair<std::string_view, std::string>>& subs,
            std::string* html) {
  html->clear();
  size_t pos = 0;
  while (true) {
    size_t at = tpl.find("@@", pos);
    if (at == std::string_view::npos) break;
    size_t end = tpl.find("@@", at + 2);
    if (end == std::string_view::npos) break;
    std::string_view name = tpl.substr(at + 2, end - at - 2);
    const std::string* value = nullptr;
    for (const auto& [k, v] : subs) {
      if (k == name) value = &v;
    }
    if (!value) {
      return Status::Internal("report template: unknown slot " +
                              std::string(name.substr(0, 40)));
    }
    html->append(tpl.substr(pos, at - pos));
    html->append(*value);
    pos = end + 2;
  }
  html->append(tpl.substr(pos));
  return Status::OK();
}

}  // namespace

Status WriteReport(const std::vector<Event>& events,
                   const ReportOptions& options, std::string* html) {
  std::string_view tpl = ReportAsset("report.html");
  std::string_view js = ReportAsset("report.js");
  std::string_view views = ReportAsset("report_views.js");
  std::string_view css = ReportAsset("report.css");
  if (tpl.empty() || js.empty() || views.empty() || css.empty()) {
    return Status::Internal("report: the build lacks web/report.* assets");
  }
  std::string_view world = ReportAsset("countries-110m.json");
  std::string_view topo = ReportAsset("topojson-client.js");
  bool has_world = !world.empty() && !topo.empty();
  std::string title, config, data, world_json;
  AppendHtmlEscaped(options.title, &title);
  AppendScriptSafe(ConfigJson(events, options, has_world), &config);
  AppendScriptSafe(DataJson(events, !options.api_url.empty()), &data);
  AppendScriptSafe(has_world ? world : "null", &world_json);
  return Fill(tpl,
              {{"TITLE", title},
               {"CSS", std::string(css)},
               {"CONFIG", config},
               {"DATA", data},
               {"WORLD", world_json},
               {"TOPOJSON", has_world ? std::string(topo) : ""},
               {"JS", std::string(js)},
               {"VIEWS", std::string(views)}},
              html);
}

}  // namespace sitrep
