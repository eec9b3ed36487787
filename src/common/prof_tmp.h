// TEMPORARY profiling (not to be committed).
#pragma once
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
namespace sitrep::prof {
struct Acc {
  std::map<std::string, std::pair<double, long>> m; bool off = false;
  ~Acc() {
    if (!std::getenv("SITREP_PROF")) return;
    for (auto& [k, v] : m) std::fprintf(stderr, "PROF %-28s %10.1f ms %8ld\n", k.c_str(), v.first, v.second);
  }
};
inline Acc& acc() { static Acc a; return a; }
struct Timer {
  const char* name; std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now();
  explicit Timer(const char* n) : name(n) {}
  ~Timer() { if (acc().off) return; auto& e = acc().m[name]; e.first += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count(); e.second++; }
};
}
