// Test helpers for ingest: temp dirs, gzip and archive writers, collection.
#ifndef SITREP_INGEST_TEST_UTIL_H_
#define SITREP_INGEST_TEST_UTIL_H_

#include <archive.h>
#include <archive_entry.h>
#include <stdlib.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "sitrep/ingest.h"

namespace sitrep::ingest::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "sitrep_ingest_XXXXXX")
            .string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string operator/(std::string_view name) const {
    return path_ + "/" + std::string(name);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline void WriteFile(const std::string& path, std::string_view bytes) {
  std::filesystem::create_directories(
      std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// One gzip member holding `data`.
inline std::string Gzip(std::string_view data) {
  z_stream z{};
  EXPECT_EQ(
      deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY),
      Z_OK);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

using Members = std::vector<std::pair<std::string, std::string>>;

// Writes an archive: format "tar", "tar.gz" or "zip".
inline void WriteArchive(const std::string& path, std::string_view format,
                         const Members& members) {
  std::filesystem::create_directories(
      std::filesystem::path(path).parent_path());
  struct archive* a = archive_write_new();
  if (format == "zip") {
    archive_write_set_format_zip(a);
  } else {
    archive_write_set_format_pax_restricted(a);
    if (format == "tar.gz") archive_write_add_filter_gzip(a);
  }
  ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK);
  for (const auto& [name, data] : members) {
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    ASSERT_EQ(archive_write_header(a, e), ARCHIVE_OK);
    ASSERT_EQ(archive_write_data(a, data.data(), data.size()),
              static_cast<la_ssize_t>(data.size()));
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

inline std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Collected {
  std::vector<RawDocument> docs;
  std::vector<InputError> errors;
  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const auto& d : docs) ids.push_back(d.id);
    return ids;
  }
  std::vector<std::string> ErrorWheres() const {
    std::vector<std::string> w;
    for (const auto& e : errors) w.push_back(e.where);
    return w;
  }
};

inline Collected Collect(const std::vector<std::string>& paths,
                         const IngestLimits& limits = IngestLimits()) {
  Collected c;
  Status st = ReadDocuments(
      paths, limits, [&](RawDocument&& d) { c.docs.push_back(std::move(d)); },
      [&](InputError&& e) { c.errors.push_back(std::move(e)); });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return c;
}

}  // namespace sitrep::ingest::testing

#endif  // SITREP_INGEST_TEST_UTIL_H_
