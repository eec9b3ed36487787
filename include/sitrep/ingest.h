// Ingest: reading inputs into Articles.
//
// Inputs: plain text files and directories (recursive), JSON Lines (`.jsonl`
// or `-` for stdin), HTML pages (`.html`, `.htm`), WARC/WARC.gz (HTTP
// response records holding HTML), tar/zip/gz archives of any of these. A
// document's id is its file name without extensions (`a.html.gz` -> `a`),
// the JSON Lines `id`, or for WARC records the record's target URI hashed.
//
// Budgets (IngestLimits) bound every untrusted input: document size, archive
// expansion ratio and total size, JSON line length. A failed document stores
// nothing and is reported with its file and line or record; the rest go on.
//
// Thread safety: ReadDocuments calls its callbacks on the calling thread;
// BuildArticle is a pure function and may run on any thread.
#ifndef SITREP_INGEST_H_
#define SITREP_INGEST_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/civil_day.h"
#include "sitrep/status.h"

namespace sitrep {

struct IngestLimits {
  size_t max_document_bytes = 10u << 20;  // one article
  size_t max_expanded_bytes = 1u << 30;   // all output of one archive/gzip
  double max_expansion_ratio = 200.0;     // gzip bomb guard (after 1 MB)
  size_t max_line_bytes = 32u << 20;      // one JSON Lines record
  int max_nesting = 4;                    // archives/gzip inside archives
  int max_dir_depth = 64;                 // directory recursion
};

// One document as read, before cleaning.
struct RawDocument {
  std::string id;
  std::string source_path;  // "file", "file:LINE", "archive!member",
                            // "file.warc#RECORD" (1-based record number)
  enum class Kind { kText, kHtml } kind = Kind::kText;
  // The container the document came in; sets Article::format
  // ("jsonl-text"/"jsonl-html" for JSON Lines, else "text"/"html").
  enum class Container { kFile, kJsonl, kWarc } container = Container::kFile;
  std::string bytes;  // as read (any encoding; repaired later)
  // Metadata given by the container (JSON Lines fields, WARC headers).
  std::string url, outlet, title;
  std::optional<CivilDay> date;
  std::vector<std::string> warnings;  // e.g. an unparseable JSONL date
};

// A document or input that could not be read.
struct InputError {
  std::string where;  // "file", "file:LINE", "archive!member", "file#RECORD"
  Status status;
};

// Reads every document under `paths`, calling `on_doc` for each and
// `on_error` for each failure. Returns non-OK only for errors that stop the
// whole run (none today: every failure is reported and skipped).
Status ReadDocuments(const std::vector<std::string>& paths,
                     const IngestLimits& limits,
                     const std::function<void(RawDocument&&)>& on_doc,
                     const std::function<void(InputError&&)>& on_error);

// Cleans a document into an Article: UTF-8 repair (warning kept), binary and
// size checks, HTML extraction or plain-text cleaning, NFC, sentences,
// publication date and its origin, content hash.
Result<Article> BuildArticle(RawDocument doc, const IngestLimits& limits);

}  // namespace sitrep

#endif  // SITREP_INGEST_H_
