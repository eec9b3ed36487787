// File-name helpers (format, document id), hashing and document checks.
#include <xxhash.h>

#include <array>
#include <cstdio>

#include "ingest/reader.h"
#include "sitrep/utf8.h"

namespace sitrep::ingest {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view BaseName(std::string_view path) {
  size_t cut = path.find_last_of("/!");
  return cut == std::string_view::npos ? path : path.substr(cut + 1);
}

constexpr std::array<std::string_view, 9> kArchiveSuffixes = {
    ".tar",  ".tar.gz", ".tgz", ".zip",    ".tar.bz2",
    ".tbz2", ".tar.xz", ".txz", ".tar.zst"};

constexpr std::array<std::string_view, 17> kKnownExtensions = {
    ".gz",    ".tgz",    ".tar",  ".zip",  ".bz2", ".xz",
    ".zst",   ".txt",    ".text", ".html", ".htm", ".xhtml",
    ".jsonl", ".ndjson", ".warc", ".md",   ".tbz2"};

}  // namespace

InputFormat FormatOf(std::string_view file_name) {
  std::string name = Lower(BaseName(file_name));
  for (std::string_view s : kArchiveSuffixes) {
    if (EndsWith(name, s)) return InputFormat::kArchive;
  }
  if (EndsWith(name, ".gz")) return InputFormat::kGzip;
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson")) {
    return InputFormat::kJsonl;
  }
  if (EndsWith(name, ".warc")) return InputFormat::kWarc;
  if (EndsWith(name, ".html") || EndsWith(name, ".htm") ||
      EndsWith(name, ".xhtml")) {
    return InputFormat::kHtml;
  }
  return InputFormat::kText;
}

bool IsInputName(std::string_view file_name) {
  if (FormatOf(file_name) != InputFormat::kText) return true;
  std::string name = Lower(BaseName(file_name));
  size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return true;
  return EndsWith(name, ".txt") || EndsWith(name, ".text");
}

std::string DocumentId(std::string_view path) {
  std::string_view base = BaseName(path);
  std::string lower = Lower(base);
  bool stripped = false;
  bool again = true;
  while (again) {
    again = false;
    for (std::string_view ext : kKnownExtensions) {
      if (lower.size() > ext.size() && EndsWith(lower, ext)) {
        lower.resize(lower.size() - ext.size());
        base = base.substr(0, lower.size());
        stripped = again = true;
        break;
      }
    }
  }
  if (!stripped) {
    size_t dot = base.rfind('.');
    if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  }
  return std::string(base);
}

std::string HexHash64(std::string_view s) {
  char buf[17];
  std::snprintf(
      buf, sizeof buf, "%016llx",
      static_cast<unsigned long long>(XXH3_64bits(s.data(), s.size())));
  return std::string(buf, 16);
}

Status OversizeError(uint64_t n, uint64_t max) {
  return Status::ResourceExhausted("article over size budget (" +
                                   std::to_string(n) + " bytes > " +
                                   std::to_string(max) + ")");
}

Status CheckDocumentBytes(std::string_view bytes, uint64_t full_size,
                          const IngestLimits& limits) {
  if (full_size > limits.max_document_bytes) {
    return OversizeError(full_size, limits.max_document_bytes);
  }
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    return Status::InvalidArgument("empty");
  }
  // UTF-16 with a byte-order mark holds NULs but is text (RepairUtf8
  // converts it).
  bool utf16 =
      bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (!utf16 && LooksBinary(bytes)) {
    return Status::InvalidArgument("binary file");
  }
  return Status::OK();
}

}  // namespace sitrep::ingest
