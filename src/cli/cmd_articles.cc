// `sitrep articles`, `sitrep show ID`, `sitrep search QUERY`: reading the
// stored articles back.
#include <cstdio>
#include <string>

#include "cli/command.h"
#include "cli/format.h"
#include "sitrep/store.h"

namespace sitrep::cli {
namespace {

// Writes `s` to stdout; false when stdout is gone (e.g. a closed pipe).
bool Emit(std::string* s) {
  size_t n = std::fwrite(s->data(), 1, s->size(), stdout);
  bool ok = n == s->size();
  s->clear();
  return ok;
}

// ---- articles --------------------------------------------------------------

struct ArticlesArgs {
  std::string format = "jsonl";
};

int RunArticles(const GlobalOptions& g, const ArticlesArgs& args) {
  auto store = OpenStoreOrReport(g);
  if (store == nullptr) return kExitInternal;
  bool csv = args.format == "csv";
  std::string out;
  if (csv) AppendArticleCsvHeader(&out);
  Status st =
      store->ForEachArticle(ArticleLoad::kSummary, [&](const Article& a) {
        csv ? AppendArticleCsv(a, &out) : AppendArticleJsonl(a, &out);
        if (out.size() >= (1u << 16) && !Emit(&out)) {
          return Status::IOError("writing stdout");
        }
        return Status::OK();
      });
  if (st.ok() && !Emit(&out)) st = Status::IOError("writing stdout");
  if (std::fflush(stdout) != 0 && st.ok()) st = Status::IOError("stdout");
  return st.ok() ? kExitOk : ReportError(st);
}

// ---- show ------------------------------------------------------------------

void PrintField(const char* name, const std::string& value) {
  std::printf("%-11s %s\n", name, value.empty() ? "-" : value.c_str());
}

std::string SpanText(Span s) {
  return "[" + std::to_string(s.begin) + "," + std::to_string(s.end) + ")";
}

void PrintHeader(const Article& a, int version) {
  PrintField("id", a.id + "  (version " + std::to_string(version) + ")");
  PrintField("title", OneLine(a.title));
  PrintField("outlet", a.outlet);
  PrintField("url", a.url);
  std::string date = a.published ? a.published->ToIso() : "null";
  PrintField("date", date + "  (" + DateOriginName(a.date_origin) + ")");
  std::string dl;
  if (a.dateline) {
    const Dateline& d = *a.dateline;
    dl = d.place + (d.outlet.empty() ? "" : " / " + d.outlet) + "  " +
         PartialDay(d.date) + "  raw " + SpanText(d.raw);
  }
  PrintField("dateline", dl);
  PrintField("source", a.source_path + "  (" + a.format + ")");
  PrintField("hash", a.content_hash);
  PrintField("size", std::to_string(a.raw.size()) + " raw bytes, " +
                         std::to_string(a.text.size()) + " clean bytes");
  for (const std::string& w : a.warnings) PrintField("warning", w);
}

void PrintBody(const Article& a) {
  std::printf("\nsentences %zu  (number, raw byte span, clean text)\n",
              a.sentences.size());
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    Span s = a.sentences[i];
    std::printf("%4zu %-13s %s\n", i + 1, SpanText(a.offsets.ToRaw(s)).c_str(),
                OneLine(s.In(a.text)).c_str());
  }
  std::printf("\nremoved %zu  (kind, raw byte span, text)\n", a.removed.size());
  for (const Removed& r : a.removed) {
    std::printf("  %-22s %-13s %s\n", r.kind.c_str(), SpanText(r.raw).c_str(),
                OneLine(r.text).c_str());
  }
}

int RunShow(const GlobalOptions& g, const std::string& id) {
  auto store = OpenStoreOrReport(g);
  if (store == nullptr) return kExitInternal;
  auto a = store->GetArticle(id);
  if (!a.ok()) return ReportError(a.status());
  auto version = store->CurrentVersion(id);
  if (!version.ok()) return ReportError(version.status());
  PrintHeader(*a, *version);
  PrintBody(*a);
  return std::fflush(stdout) == 0 ? kExitOk : kExitInternal;
}

// ---- search ----------------------------------------------------------------

struct SearchArgs {
  std::string query;
  int limit = 10;
  bool fts5 = false;
};

int RunSearch(const GlobalOptions& g, const SearchArgs& args) {
  auto store = OpenStoreOrReport(g);
  if (store == nullptr) return kExitInternal;
  auto hits = store->Search(args.query,
                            {.limit = args.limit, .fts5_syntax = args.fts5});
  if (!hits.ok()) return ReportError(hits.status());
  if (hits->empty() && !g.quiet) std::fprintf(stderr, "no matches\n");
  for (size_t i = 0; i < hits->size(); ++i) {
    const SearchHit& h = (*hits)[i];
    std::printf("%2zu. %s  score %.4g  %s\n    %s\n", i + 1, h.id.c_str(),
                h.score, OneLine(h.title).c_str(), OneLine(h.snippet).c_str());
  }
  return std::fflush(stdout) == 0 ? kExitOk : kExitInternal;
}

}  // namespace

void RegisterArticlesCommands(CommandRegistry& r) {
  auto list = std::make_shared<ArticlesArgs>();
  CLI::App* articles = r.Add(
      "articles", "List the current version of every article, in id order.",
      [&r, list] { return RunArticles(r.globals(), *list); });
  articles->add_option("--format", list->format, "output format")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();

  auto id = std::make_shared<std::string>();
  CLI::App* show = r.Add(
      "show",
      "Show one article: metadata, numbered sentences with their raw byte "
      "spans, and the noise removed from it.",
      [&r, id] { return RunShow(r.globals(), *id); });
  show->add_option("id", *id, "article id")->required();

  auto search = std::make_shared<SearchArgs>();
  CLI::App* s = r.Add(
      "search",
      "Full-text search of titles and clean text, best (BM25) first. Matched "
      "words are [bracketed] in the snippets.",
      [&r, search] { return RunSearch(r.globals(), *search); });
  s->add_option("query", search->query, "words, all required")->required();
  s->add_option("-n,--limit", search->limit, "most hits shown")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  s->add_flag("--fts5", search->fts5,
              "the query is FTS5 syntax (OR, NOT, \"phrase\", prefix*)");
}

}  // namespace sitrep::cli
