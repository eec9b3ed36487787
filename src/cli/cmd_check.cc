// `sitrep check [--deep]`: verify a database (SQLite integrity, sitrep's
// invariants, and with --deep that the events table is what re-deriving
// the stored mentions gives). Exit 0 clean, 2 problems found, 3 error.
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {
namespace {

struct CheckArgs {
  bool deep = false;
};

// Ids in `a` not in `b`, both sorted: how many and the first few.
std::string Missing(const std::vector<std::string>& a,
                    const std::vector<std::string>& b, size_t* count) {
  std::vector<std::string> diff;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(),
                      std::back_inserter(diff));
  *count = diff.size();
  std::string first;
  for (size_t i = 0; i < diff.size() && i < 3; ++i) {
    first += (i ? ", " : "") + diff[i];
  }
  return first;
}

// The stored events' ids against those Pipeline::DeriveEvents gives.
Status CheckDerivedEvents(Store* store, CheckReport* report) {
  SITREP_ASSIGN_OR_RETURN(auto pipeline,
                          Pipeline::Open(store, PipelineOptions()));
  SITREP_ASSIGN_OR_RETURN(std::vector<Event> events, pipeline->DeriveEvents());
  std::vector<std::string> derived, stored;
  for (const Event& e : events) derived.push_back(e.id);
  SITREP_RETURN_IF_ERROR(store->ForEachEvent([&](const StoredEvent& e) {
    stored.push_back(e.id);
    return Status::OK();
  }));
  std::sort(derived.begin(), derived.end());
  std::sort(stored.begin(), stored.end());
  size_t n = 0;
  std::string first = Missing(stored, derived, &n);
  if (n > 0) {
    report->problems.push_back("events: " + std::to_string(n) +
                               " stored but not derived (" + first + ")");
  }
  first = Missing(derived, stored, &n);
  if (n > 0) {
    report->problems.push_back("events: " + std::to_string(n) +
                               " derived but not stored (" + first + ")");
  }
  return Status::OK();
}

int RunCheck(const GlobalOptions& g, const CheckArgs& args) {
  struct stat st;
  if (g.db != ":memory:" && stat(g.db.c_str(), &st) != 0) {
    std::fprintf(stderr, "sitrep: %s: no such database\n", g.db.c_str());
    return kExitInternal;
  }
  auto store = OpenStoreOrReport(g);
  if (store == nullptr) return kExitInternal;
  auto report = store->Check();
  if (!report.ok()) {
    ReportError(report.status());
    return kExitInternal;
  }
  if (args.deep) {
    Status deep = CheckDerivedEvents(store.get(), &*report);
    if (!deep.ok()) {
      ReportError(deep);
      return kExitInternal;
    }
  }
  for (const std::string& p : report->problems) std::printf("%s\n", p.c_str());
  if (!g.quiet) {
    std::printf("check: %lld article versions, %lld mentions, %lld events: ",
                static_cast<long long>(report->articles),
                static_cast<long long>(report->mentions),
                static_cast<long long>(report->events));
    if (report->ok()) {
      std::printf("ok\n");
    } else {
      std::printf("%zu problems\n", report->problems.size());
    }
  }
  std::fflush(stdout);
  return report->ok() ? kExitOk : kExitInputs;
}

}  // namespace

void RegisterCheckCommands(CommandRegistry& r) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = r.Add(
      "check",
      "Verify the database: SQLite integrity and foreign keys, spans, offset "
      "maps, mention bodies, orphan rows, event links. Exit 0 clean, 2 "
      "problems found (one line each), 3 error.",
      [&r, args] { return RunCheck(r.globals(), *args); });
  cmd->add_flag("--deep", args->deep,
                "also re-derive the events and compare their ids with the "
                "stored ones (slow: a full merge)");
}

}  // namespace sitrep::cli
