// Where the source and build trees are, for tests: found at run time from
// the test binary's own location plus SITREP_SOURCE_REL (the source tree
// relative to the build tree, a compile definition). No absolute path is
// compiled in, so a fresh clone of the repository reuses the ccache.
//
// Thread safety: the directory is computed once (a function-local static).
// Test-only; not part of the library.
#ifndef SITREP_COMMON_TEST_PATHS_H_
#define SITREP_COMMON_TEST_PATHS_H_

#include <filesystem>
#include <string>
#include <string_view>

namespace sitrep::test_paths {

// The directory holding the running test binary (the build tree).
inline const std::filesystem::path& BinaryDir() {
  static const std::filesystem::path dir = [] {
    std::error_code ec;
    std::filesystem::path exe =
        std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::current_path() : exe.parent_path();
  }();
  return dir;
}

// `rel` ("/examples", "/../shared/seeds") under the source tree.
inline std::string SourcePath(std::string_view rel) {
  std::string root =
      (BinaryDir() / SITREP_SOURCE_REL).lexically_normal().string();
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  return root + std::string(rel);
}

// `rel` ("/data/gazetteer.bin") under the build tree.
inline std::string BinaryPath(std::string_view rel) {
  return BinaryDir().string() + std::string(rel);
}

}  // namespace sitrep::test_paths

#endif  // SITREP_COMMON_TEST_PATHS_H_
