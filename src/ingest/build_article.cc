// BuildArticle: a RawDocument cleaned into an Article.
#include <xxhash.h>

#include <cstdio>

#include "ingest/reader.h"
#include "sitrep/clean.h"
#include "sitrep/html.h"
#include "sitrep/sentences.h"
#include "sitrep/utf8.h"

namespace sitrep {
namespace {

std::string HexHash128(std::string_view s) {
  XXH128_hash_t h = XXH3_128bits(s.data(), s.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx",
                static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return std::string(buf, 32);
}

const char* FormatName(const RawDocument& doc) {
  bool html = doc.kind == RawDocument::Kind::kHtml;
  if (doc.container == RawDocument::Container::kJsonl) {
    return html ? "jsonl-html" : "jsonl-text";
  }
  return html ? "html" : "text";
}

// Maps spans found in extracted HTML text back to raw HTML bytes.
void MapToRaw(const OffsetMap& map, CleanText* clean) {
  for (Removed& r : clean->removed) r.raw = map.ToRaw(r.raw);
  if (clean->dateline) clean->dateline->raw = map.ToRaw(clean->dateline->raw);
}

template <typename T>
const T& FirstNonEmpty(const T& a, const T& b, const T& c) {
  return !a.empty() ? a : !b.empty() ? b : c;
}

// Cleans `a->raw` (text or HTML) into a->text, offsets and metadata.
Status CleanInto(const RawDocument& doc, const IngestLimits& limits,
                 Article* a) {
  HtmlPage page;
  CleanText clean;
  if (doc.kind == RawDocument::Kind::kHtml) {
    HtmlLimits hl;
    hl.max_bytes = limits.max_document_bytes;
    Result<HtmlPage> r = ExtractHtml(a->raw, hl);
    if (!r.ok()) return r.status();
    page = std::move(r).value();
    clean = CleanPlainText(page.text);
    a->offsets = clean.offsets.Then(page.offsets);
    MapToRaw(page.offsets, &clean);
  } else {
    clean = CleanPlainText(a->raw);
    a->offsets = std::move(clean.offsets);
  }
  a->text = std::move(clean.text);
  a->title = FirstNonEmpty(doc.title, page.title, clean.title);
  a->outlet = FirstNonEmpty(doc.outlet, page.outlet, clean.outlet);
  a->url = !doc.url.empty() ? doc.url : page.url;
  a->dateline = std::move(clean.dateline);
  if (doc.date && doc.date->complete()) {
    a->published = doc.date;
    a->date_origin = DateOrigin::kMetadata;
  } else if (page.published && page.published->complete()) {
    a->published = page.published;
    a->date_origin = DateOrigin::kMetadata;
  } else {
    PublicationDate pd = ResolvePublicationDate(clean);
    a->published = pd.day;
    a->date_origin = pd.day ? pd.origin : DateOrigin::kNone;
  }
  for (const Removed& r : clean.removed) {
    if (r.kind != "metadata-line-bad-date") continue;
    a->warnings.push_back("unparseable date in metadata line \"" +
                          r.text.substr(0, 40) + "\" ignored");
  }
  a->removed = std::move(clean.removed);
  return Status::OK();
}

}  // namespace

Result<Article> BuildArticle(RawDocument doc, const IngestLimits& limits) {
  SITREP_RETURN_IF_ERROR(
      ingest::CheckDocumentBytes(doc.bytes, doc.bytes.size(), limits));
  Article a;
  size_t repairs = 0;
  a.raw = RepairUtf8(doc.bytes, &repairs);
  if (a.raw.size() > UINT32_MAX) {
    return ingest::OversizeError(a.raw.size(), UINT32_MAX);
  }
  a.warnings = std::move(doc.warnings);
  if (repairs > 0) {
    a.warnings.push_back("invalid UTF-8 repaired (" + std::to_string(repairs) +
                         " replacements)");
  }
  a.id = std::move(doc.id);
  a.source_path = std::move(doc.source_path);
  a.format = FormatName(doc);
  SITREP_RETURN_IF_ERROR(CleanInto(doc, limits, &a));
  if (a.text.empty()) return Status::InvalidArgument("no text after cleaning");
  a.sentences = SplitSentences(a.text);
  a.content_hash = HexHash128(a.raw);
  return a;
}

}  // namespace sitrep
