// POST /api/articles: one JSON article (possibly spread over lines) or JSON
// Lines of them, read with ingest's own JSON Lines reader (so fields, dates
// and budgets mean exactly what they mean for `sitrep ingest`).
//
// The body goes to a private temporary file that ReadDocuments reads; any
// malformed line rejects the whole body (400, nothing stored). Documents
// are then stored under the writer mutex and the events re-derived.
#include <simdjson.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "server/api.h"
#include "sitrep/json_writer.h"

namespace sitrep::server {
namespace {

// A whole body that is one JSON object (even pretty-printed) becomes one
// JSON line; anything else is left as JSON Lines.
std::string AsJsonLines(std::string_view body) {
  size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || body[first] != '{') {
    return std::string(body);
  }
  simdjson::padded_string padded(body);
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS ||
      !root.is_object()) {
    return std::string(body);
  }
  std::string out(body.size(), '\0');
  size_t n = 0;
  if (simdjson::minify(body.data(), body.size(), out.data(), n) !=
      simdjson::SUCCESS) {
    return std::string(body);
  }
  out.resize(n);
  return out;
}

// Writes `data` to a new private file; returns its path.
Result<std::string> WriteTempJsonl(std::string_view data) {
  std::string path =
      (std::filesystem::temp_directory_path() / "sitrep-post-XXXXXX.jsonl")
          .string();
  int fd = mkstemps(path.data(), 6);
  if (fd < 0) return Status::FromErrno("mkstemps", errno);
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = errno;
      close(fd);
      unlink(path.c_str());
      return Status::FromErrno("write " + path, err);
    }
    done += static_cast<size_t>(n);
  }
  close(fd);
  return path;
}

// "TMPFILE:12" -> "line 12"; "TMPFILE" -> "body".
std::string Where(std::string_view where, std::string_view path) {
  if (where.starts_with(path)) where.remove_prefix(path.size());
  if (where.starts_with(":")) return "line " + std::string(where.substr(1));
  return "body";
}

}  // namespace

Result<PostBody> ParsePostBody(std::string_view body,
                               const IngestLimits& limits) {
  SITREP_ASSIGN_OR_RETURN(std::string path, WriteTempJsonl(AsJsonLines(body)));
  PostBody p;
  Status st = ReadDocuments(
      {path}, limits,
      [&](RawDocument&& doc) {
        doc.source_path = "api " + Where(doc.source_path, path);
        p.docs.push_back(std::move(doc));
      },
      [&](InputError&& e) {
        p.errors.push_back(Where(e.where, path) + ": " + e.status.message());
      });
  unlink(path.c_str());
  SITREP_RETURN_IF_ERROR(st);
  return p;
}

namespace {

Reply Rejected(const std::vector<std::string>& errors) {
  Reply r;
  r.status = 400;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.Key("error");
  w.String(errors.front());
  w.Key("errors");
  w.BeginArray();
  for (size_t i = 0; i < errors.size() && i < 100; ++i) {
    w.String(errors[i]);
  }
  w.EndArray();
  w.EndObject();
  return r;
}

}  // namespace

Reply Api::PostArticles(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return ErrorReply(400, "empty body: expected a JSON article or JSON Lines");
  }
  auto parsed = ParsePostBody(body, limits_);
  if (!parsed.ok()) return ErrorReply(500, "cannot read the body");
  if (!parsed->errors.empty()) return Rejected(parsed->errors);
  if (parsed->docs.empty()) return ErrorReply(400, "no article in the body");

  std::lock_guard<std::mutex> lock(writer_mu_);
  IngestReport report;
  for (RawDocument& doc : parsed->docs) {
    Status st = pipeline_->IngestDocument(std::move(doc), &report);
    if (!st.ok()) return ErrorReply(500, "store failed: " + st.message());
  }
  int64_t stored = report.inserted + report.versions;
  if (stored + report.present == 0) return Rejected(report.failures);
  size_t events = snapshot()->events.size();
  if (stored > 0) {
    auto rebuilt = pipeline_->RebuildEvents();
    if (!rebuilt.ok()) return ErrorReply(500, "rebuilding events failed");
    auto all = pipeline_->CurrentEvents();  // the kept derivation's
    if (!all.ok()) return ErrorReply(500, "rebuilding events failed");
    auto next = MakeSnapshot(std::move(all).value());
    events = next->events.size();
    std::lock_guard<std::mutex> swap(snapshot_mu_);
    snapshot_ = std::move(next);
  }
  Reply r;
  r.status = stored > 0 ? 201 : 200;
  r.body = IngestReportToJson(report, events);
  return r;
}

}  // namespace sitrep::server
