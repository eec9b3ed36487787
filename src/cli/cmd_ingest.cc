// `sitrep ingest PATH...`: read, clean and store articles.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "sitrep/ingest.h"
#include "sitrep/store.h"

namespace sitrep::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  size_t max_article_bytes = 10u << 20;
};

struct Tally {
  int64_t inserted = 0, present = 0, versions = 0;
  std::vector<std::string> failures;  // "where: message"
  Status fatal;                       // a store error: stop storing
};

// A one-line progress counter on stderr, redrawn at most every 100 ms.
// Silent unless stderr is a terminal.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && isatty(2)) {}
  void Update(const Tally& t, const std::string& where) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    int64_t done = t.inserted + t.present + t.versions;
    std::fprintf(stderr, "\r\033[Kingest: %lld stored, %zu failed  %.50s",
                 static_cast<long long>(done), t.failures.size(),
                 where.c_str());
  }
  void Finish() {
    if (enabled_) std::fputs("\r\033[K", stderr);
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_{};
};

void StoreOne(Store& store, RawDocument&& doc, const IngestLimits& limits,
              Tally* t) {
  if (!t->fatal.ok()) return;
  std::string where = doc.source_path;
  auto article = BuildArticle(std::move(doc), limits);
  if (!article.ok()) {
    t->failures.push_back(where + ": " + article.status().message());
    return;
  }
  auto outcome = store.PutArticle(*article);
  if (!outcome.ok()) {
    // A bad article is its own failure; anything else is the store's.
    if (outcome.status().code() == StatusCode::kInvalidArgument) {
      t->failures.push_back(where + ": " + outcome.status().message());
    } else {
      t->fatal = outcome.status().WithContext(where);
    }
    return;
  }
  switch (*outcome) {
    case PutOutcome::kInserted:
      ++t->inserted;
      break;
    case PutOutcome::kAlreadyPresent:
      ++t->present;
      break;
    case PutOutcome::kNewVersion:
      ++t->versions;
      break;
  }
}

int RunIngest(const GlobalOptions& g, const IngestArgs& args) {
  auto store = OpenStoreOrReport(g);
  if (store == nullptr) return kExitInternal;
  IngestLimits limits;
  limits.max_document_bytes = args.max_article_bytes;
  Tally tally;
  Progress progress(!g.quiet);
  Status st = ReadDocuments(
      args.paths, limits,
      [&](RawDocument&& doc) {
        std::string where = doc.source_path;
        StoreOne(*store, std::move(doc), limits, &tally);
        progress.Update(tally, where);
      },
      [&](InputError&& e) {
        tally.failures.push_back(e.where + ": " + e.status.message());
        progress.Update(tally, e.where);
      });
  progress.Finish();
  if (!g.quiet) {
    std::printf(
        "ingested %lld, already present %lld, new versions %lld, failed %zu\n",
        static_cast<long long>(tally.inserted),
        static_cast<long long>(tally.present),
        static_cast<long long>(tally.versions), tally.failures.size());
    std::fflush(stdout);
  }
  for (const std::string& f : tally.failures) {
    std::fprintf(stderr, "%s\n", f.c_str());
  }
  if (!tally.fatal.ok()) {
    ReportError(tally.fatal);
    return kExitInternal;
  }
  if (!st.ok()) return ReportError(st);
  return tally.failures.empty() ? kExitOk : kExitInputs;
}

}  // namespace

void RegisterIngestCommands(CommandRegistry& r) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = r.Add(
      "ingest",
      "Read, clean and store articles from files, directories, JSON Lines "
      "(- for stdin), HTML, WARC and archives. Exit 2 if any input failed.",
      [&r, args] { return RunIngest(r.globals(), *args); });
  cmd->add_option("paths", args->paths, "inputs")->required();
  cmd->add_option("--max-article-bytes", args->max_article_bytes,
                  "largest article accepted")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

}  // namespace sitrep::cli
