// Internal to ingest: the readers behind ReadDocuments and the context they
// share (limits and callbacks), plus document-id and format helpers.
//
// Thread safety: a Sink and the readers run on one thread.
#ifndef SITREP_INGEST_READER_H_
#define SITREP_INGEST_READER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/byte_source.h"
#include "sitrep/ingest.h"

namespace sitrep::ingest {

struct Sink {
  const IngestLimits& limits;
  const std::function<void(RawDocument&&)>& on_doc;
  const std::function<void(InputError&&)>& on_error;

  void Error(std::string where, Status st) const {
    on_error(InputError{std::move(where), std::move(st)});
  }
};

// What a file name says its content is.
enum class InputFormat { kText, kHtml, kJsonl, kWarc, kGzip, kArchive };
InputFormat FormatOf(std::string_view file_name);

// True when a directory walk or archive should read `file_name`: a known
// input extension (.txt, .text, .html, .htm, .xhtml, .jsonl, .ndjson, .warc,
// archives, .gz) or none. Paths named explicitly are always read.
bool IsInputName(std::string_view file_name);

// The file name without directories and extensions: `x/a.html.gz` -> `a`.
std::string DocumentId(std::string_view path);

// Short stable hash: 16 hex digits of XXH3-64.
std::string HexHash64(std::string_view s);

// "article over size budget (N bytes > M)".
Status OversizeError(uint64_t n, uint64_t max);

// Checks a whole document's bytes: over budget, empty or binary.
Status CheckDocumentBytes(std::string_view bytes, uint64_t full_size,
                          const IngestLimits& limits);

// Reads `src` (named `where`, a file name `name` for the format) and emits
// its documents. `nesting` counts enclosing archives/gzip layers.
void ReadStream(ByteSource& src, const std::string& where,
                std::string_view name, std::optional<uint64_t> size_hint,
                int nesting, const Sink& sink);

// Format readers. Errors are reported through `sink`; they never throw.
void ReadJsonl(ByteSource& src, const std::string& where, const Sink& sink);
void ReadWarc(ByteSource& src, const std::string& where, const Sink& sink);

// Calls `member(src, name, size)` for each regular, non-hidden member.
using MemberFn = std::function<void(ByteSource&, const std::string&,
                                    std::optional<uint64_t>)>;
void ReadArchive(ByteSource& src, const std::string& where, const Sink& sink,
                 const MemberFn& member);

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_READER_H_
