// FindDates accuracy and speed on bench/dates.tsv (the same set that
// bench/peers/chrono.js gives chrono-node). A row is correct when the first
// date found is a complete day equal to the expected one, or, for "-" rows,
// when no date is found. Speed: the whole set --repeat times, CPU time.
// Prints one JSON object; misses go to stderr.
//
// Usage: date_bench [--tsv bench/dates.tsv] [--repeat 2000]
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "sitrep/date_expr.h"

namespace sitrep::bench {
namespace {

struct Row {
  std::optional<CivilDay> reference;
  std::string expected, sentence;
};

std::vector<Row> ReadRows(const std::string& path) {
  std::vector<Row> rows;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    rows.push_back({CivilDay::ParseIso(line.substr(0, a)),
                    line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
  return rows;
}

std::string Answer(const std::vector<DateMention>& found) {
  if (found.empty()) return "-";
  const DateMention& m = found.front();
  if (m.precision != DatePrecision::kDay || !m.day.complete()) return "partial";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", m.day.year, m.day.month,
                m.day.day);
  return buf;
}

int Run(const std::string& tsv, int repeat) {
  auto rows = ReadRows(tsv);
  if (rows.empty()) return 1;
  int correct = 0;
  for (const auto& r : rows) {
    std::string got = Answer(FindDates(r.sentence, r.reference));
    if (got == r.expected) {
      ++correct;
    } else {
      std::fprintf(stderr, "date_bench miss: want %s got %s: %s\n",
                   r.expected.c_str(), got.c_str(), r.sentence.c_str());
    }
  }
  size_t bytes = 0;
  for (const auto& r : rows) bytes += r.sentence.size();
  double t0 = ThreadCpuSeconds();
  size_t n = 0;
  for (int i = 0; i < repeat; ++i) {
    for (const auto& r : rows) n += FindDates(r.sentence, r.reference).size();
  }
  double secs = ThreadCpuSeconds() - t0;
  std::printf(
      "{\"sentences\": %zu, \"correct\": %d, \"accuracy\": %.4f, "
      "\"sentences_per_s\": %.0f, \"mb_per_s\": %.2f, \"found\": %zu}\n",
      rows.size(), correct, double(correct) / rows.size(),
      rows.size() * double(repeat) / secs, bytes * double(repeat) / secs / 1e6,
      n / repeat);
  return 0;
}

}  // namespace
}  // namespace sitrep::bench

int main(int argc, char** argv) {
  std::string tsv = std::string(SITREP_BENCH_DIR) + "/dates.tsv";
  int repeat = 2000;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--tsv") tsv = v;
    if (k == "--repeat") repeat = std::max(1, std::stoi(v));
  }
  return sitrep::bench::Run(tsv, repeat);
}
