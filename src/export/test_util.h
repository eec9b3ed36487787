// Test helpers for export tests: temp files and running python3 checks.
#ifndef SITREP_EXPORT_TEST_UTIL_H_
#define SITREP_EXPORT_TEST_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace sitrep::testing_util {

// The process id keeps concurrent test runs (other checkouts' ctest, -j)
// from overwriting each other's files: a fixed name made this flaky.
inline std::string WriteTemp(const std::string& name, const std::string& s) {
  std::string path = ::testing::TempDir() + "/sitrep_export_" +
                     std::to_string(::getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << s;
  return path;
}

inline bool HavePython() {
  return std::system("python3 -c 'pass' >/dev/null 2>&1") == 0;
}

// Runs `python3 script arg`; returns its exit status (0 = checks passed).
inline int RunPython(const std::string& script, const std::string& arg) {
  std::string py = WriteTemp("check.py", script);
  std::string cmd = "python3 '" + py + "' '" + arg + "'";
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace sitrep::testing_util

#endif  // SITREP_EXPORT_TEST_UTIL_H_
