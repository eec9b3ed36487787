// `sitrep duplicates`: near-duplicate article groups, syndicated copies and
// sentences shared between articles.
#include <cstdio>
#include <map>

#include "cli/command.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {
namespace {

struct DuplicatesArgs {
  bool sentences = false;
};

int RunDuplicates(const GlobalOptions& g, const DuplicatesArgs& args) {
  auto store = OpenStoreOrReport(g);
  if (store == nullptr) return kExitInternal;
  auto pipeline = Pipeline::Open(store.get(), PipelineOptions());
  if (!pipeline.ok()) return ReportError(pipeline.status());
  auto d = (*pipeline)->Duplicates();
  if (!d.ok()) return ReportError(d.status());
  std::printf(
      "near-duplicate groups (Jaccard >= 0.8 over word 5-shingles): %zu\n",
      d->groups.size());
  for (const auto& group : d->groups) {
    std::printf("  group:");
    for (const auto& id : group.ids) std::printf(" %s", id.c_str());
    std::printf("\n");
    for (const auto& p : group.pairs) {
      std::printf("    %s ~ %s  jaccard %.2f\n", p.a.c_str(), p.b.c_str(),
                  p.jaccard);
    }
  }
  std::printf("copies (article -> the original it copies): %zu\n",
              d->copy_of.size());
  for (const auto& [copy, original] : d->copy_of) {
    std::printf("  %s -> %s\n", copy.c_str(), original.c_str());
  }
  std::map<std::pair<std::string, std::string>, int> shared;
  for (const auto& s : d->shared) ++shared[{s.article_a, s.article_b}];
  std::printf("article pairs sharing sentences: %zu\n", shared.size());
  for (const auto& [pair, n] : shared) {
    std::printf("  %s & %s: %d sentences\n", pair.first.c_str(),
                pair.second.c_str(), n);
  }
  if (args.sentences) {
    for (const auto& s : d->shared) {
      std::printf("    %s#%u = %s#%u\n", s.article_a.c_str(), s.sentence_a + 1,
                  s.article_b.c_str(), s.sentence_b + 1);
    }
  }
  for (const auto& [id, day] : d->reference_dates) {
    std::printf("undated %s borrows reference day %s\n", id.c_str(),
                day.ToIso().c_str());
  }
  return kExitOk;
}

}  // namespace

void RegisterDuplicatesCommands(CommandRegistry& r) {
  auto args = std::make_shared<DuplicatesArgs>();
  CLI::App* cmd =
      r.Add("duplicates",
            "List near-duplicate article groups, syndicated copies and shared "
            "sentences.",
            [&r, args] { return RunDuplicates(r.globals(), *args); });
  cmd->add_flag("--sentences", args->sentences, "list every shared sentence");
}

}  // namespace sitrep::cli
