// JSON Lines reader: one record per line, parsed with simdjson (DOM).
//
// Record: {"id", "text" | "html", "date"?, "url"?, "source"?, "title"?}.
// Unknown keys are ignored; optional keys may be null. A bad line is
// reported as "file:LINE" and reading goes on with the next line.
#include <simdjson.h>

#include "ingest/reader.h"

namespace sitrep::ingest {
namespace {

Status WrongType(std::string_view key, std::string_view want) {
  return Status::InvalidArgument("field \"" + std::string(key) + "\" must be " +
                                 std::string(want));
}

// Reads an optional string field: null leaves *out untouched.
Status GetString(simdjson::dom::element v, std::string_view key,
                 std::string* out) {
  if (v.is_null()) return Status::OK();
  std::string_view s;
  if (v.get(s) != simdjson::SUCCESS) return WrongType(key, "a string");
  out->assign(s);
  return Status::OK();
}

Status GetId(simdjson::dom::element v, std::string* out) {
  std::string_view s;
  int64_t i;
  uint64_t u;
  if (v.get(s) == simdjson::SUCCESS) {
    out->assign(s);
  } else if (v.get(i) == simdjson::SUCCESS) {
    *out = std::to_string(i);
  } else if (v.get(u) == simdjson::SUCCESS) {
    *out = std::to_string(u);
  } else {
    return WrongType("id", "a string or an integer");
  }
  return Status::OK();
}

Status GetDate(simdjson::dom::element v, RawDocument* doc) {
  std::string s;
  SITREP_RETURN_IF_ERROR(GetString(v, "date", &s));
  if (s.empty()) return Status::OK();
  doc->date = CivilDay::ParseIso(s);
  if (!doc->date) {
    doc->warnings.push_back("unparseable date \"" + s.substr(0, 40) +
                            "\" ignored");
  }
  return Status::OK();
}

Status ApplyField(std::string_view key, simdjson::dom::element v,
                  RawDocument* doc, bool* has_body) {
  if (key == "id") return GetId(v, &doc->id);
  if (key == "text" || key == "html") {
    if (*has_body) return Status::InvalidArgument("both \"text\" and \"html\"");
    *has_body = true;
    doc->kind =
        key == "html" ? RawDocument::Kind::kHtml : RawDocument::Kind::kText;
    std::string_view s;
    if (v.get(s) != simdjson::SUCCESS) return WrongType(key, "a string");
    doc->bytes.assign(s);
    return Status::OK();
  }
  if (key == "date") return GetDate(v, doc);
  if (key == "url") return GetString(v, key, &doc->url);
  if (key == "source") return GetString(v, key, &doc->outlet);
  if (key == "title") return GetString(v, key, &doc->title);
  return Status::OK();
}

Result<RawDocument> ParseRecord(simdjson::dom::parser& parser,
                                std::string_view line,
                                const IngestLimits& limits) {
  simdjson::dom::element root;
  auto err = parser.parse(line.data(), line.size()).get(root);
  if (err != simdjson::SUCCESS) {
    return Status::InvalidArgument(std::string("malformed JSON: ") +
                                   simdjson::error_message(err));
  }
  simdjson::dom::object obj;
  if (root.get(obj) != simdjson::SUCCESS) {
    return Status::InvalidArgument("record is not a JSON object");
  }
  RawDocument doc;
  doc.container = RawDocument::Container::kJsonl;
  bool has_body = false;
  for (auto field : obj) {
    SITREP_RETURN_IF_ERROR(ApplyField(field.key, field.value, &doc, &has_body));
  }
  if (doc.id.empty()) return Status::InvalidArgument("missing \"id\"");
  if (!has_body) {
    return Status::InvalidArgument("record has neither \"text\" nor \"html\"");
  }
  SITREP_RETURN_IF_ERROR(
      CheckDocumentBytes(doc.bytes, doc.bytes.size(), limits));
  return doc;
}

bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

void ReadJsonl(ByteSource& src, const std::string& where, const Sink& sink) {
  BufferedReader in(src);
  simdjson::dom::parser parser;
  std::string line;
  const size_t max = sink.limits.max_line_bytes;
  for (uint64_t line_no = 1;; ++line_no) {
    Result<size_t> n = in.ReadLine(&line, max);
    if (!n.ok()) {
      sink.Error(where, n.status());
      return;
    }
    if (*n == 0) return;
    std::string loc = where + ":" + std::to_string(line_no);
    if (line.back() != '\n' && line.size() >= max) {
      sink.Error(loc, Status::ResourceExhausted(
                          "line over " + std::to_string(max) + " bytes"));
      Status st = in.SkipLine();
      if (!st.ok()) return sink.Error(where, st);
      continue;
    }
    std::string_view view(line);
    if (line_no == 1 && view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3);
    if (Blank(view)) continue;
    Result<RawDocument> doc = ParseRecord(parser, view, sink.limits);
    if (!doc.ok()) {
      sink.Error(loc, doc.status());
      continue;
    }
    doc->source_path = loc;
    sink.on_doc(std::move(doc).value());
  }
}

}  // namespace sitrep::ingest
