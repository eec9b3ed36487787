// ReadDocuments: walks paths and dispatches each input to its reader.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "ingest/reader.h"

namespace sitrep::ingest {
namespace {

namespace fs = std::filesystem;

// One document from a whole stream (a text or HTML file or member).
void ReadSingle(ByteSource& src, const std::string& where,
                std::string_view name, RawDocument::Kind kind,
                std::optional<uint64_t> size_hint, const Sink& sink) {
  const IngestLimits& limits = sink.limits;
  if (size_hint && *size_hint > limits.max_document_bytes) {
    sink.Error(where, OversizeError(*size_hint, limits.max_document_bytes));
    return;
  }
  RawDocument doc;
  uint64_t total = 0;
  BufferedReader in(src);
  Status st = in.ReadAllBounded(limits.max_document_bytes, &doc.bytes, &total);
  if (st.ok()) st = CheckDocumentBytes(doc.bytes, total, limits);
  if (!st.ok()) {
    sink.Error(where, std::move(st));
    return;
  }
  doc.id = DocumentId(name);
  doc.source_path = where;
  doc.kind = kind;
  sink.on_doc(std::move(doc));
}

void ReadOneArchive(ByteSource& src, const std::string& where, int nesting,
                    const Sink& sink) {
  ReadArchive(src, where, sink,
              [&](ByteSource& member, const std::string& name,
                  std::optional<uint64_t> size) {
                if (!IsInputName(name)) return;
                ReadStream(member, where + "!" + name, name, size, nesting + 1,
                           sink);
              });
}

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

void ReadFile(const std::string& path, const Sink& sink) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    sink.Error(path, Status::FromErrno("open", errno));
    return;
  }
  FdSource src(fd, path, /*owned=*/true);
  struct stat sb;
  std::optional<uint64_t> size;
  if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) size = sb.st_size;
  ReadStream(src, path, path, size, 0, sink);
}

void ReadPath(const fs::path& path, int depth, const Sink& sink) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec) {
    sink.Error(path.string(), Status::FromErrno("stat", ec.value()));
    return;
  }
  if (!fs::is_directory(status)) {
    ReadFile(path.string(), sink);
    return;
  }
  if (depth >= sink.limits.max_dir_depth) {
    sink.Error(path.string(),
               Status::ResourceExhausted("directory nesting too deep"));
    return;
  }
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (IsHidden(it->path())) continue;
    // Do not follow symlinked directories (cycles); symlinked files are read.
    if (it->is_symlink(ec) && it->is_directory(ec)) continue;
    if (it->is_directory(ec) ||
        (it->is_regular_file(ec) && IsInputName(it->path().string()))) {
      entries.push_back(it->path());
    }
  }
  if (ec) sink.Error(path.string(), Status::FromErrno("stat", ec.value()));
  std::sort(entries.begin(), entries.end());
  for (const fs::path& e : entries) ReadPath(e, depth + 1, sink);
}

}  // namespace

void ReadStream(ByteSource& src, const std::string& where,
                std::string_view name, std::optional<uint64_t> size_hint,
                int nesting, const Sink& sink) {
  InputFormat format = FormatOf(name);
  bool container =
      format == InputFormat::kArchive || format == InputFormat::kGzip;
  if (container && nesting >= sink.limits.max_nesting) {
    sink.Error(where, Status::ResourceExhausted("archives nested too deep"));
    return;
  }
  switch (format) {
    case InputFormat::kArchive:
      ReadOneArchive(src, where, nesting, sink);
      return;
    case InputFormat::kGzip: {
      GzipSource gz(src, sink.limits);
      std::string_view inner = name.substr(0, name.size() - 3);
      ReadStream(gz, where, inner, std::nullopt, nesting + 1, sink);
      return;
    }
    case InputFormat::kJsonl:
      ReadJsonl(src, where, sink);
      return;
    case InputFormat::kWarc:
      ReadWarc(src, where, sink);
      return;
    case InputFormat::kHtml:
      ReadSingle(src, where, name, RawDocument::Kind::kHtml, size_hint, sink);
      return;
    case InputFormat::kText:
      ReadSingle(src, where, name, RawDocument::Kind::kText, size_hint, sink);
      return;
  }
}

}  // namespace sitrep::ingest

namespace sitrep {

Status ReadDocuments(const std::vector<std::string>& paths,
                     const IngestLimits& limits,
                     const std::function<void(RawDocument&&)>& on_doc,
                     const std::function<void(InputError&&)>& on_error) {
  ingest::Sink sink{limits, on_doc, on_error};
  for (const std::string& path : paths) {
    if (path == "-") {
      ingest::FdSource in(0, "stdin", /*owned=*/false);
      ingest::ReadJsonl(in, "stdin", sink);
      continue;
    }
    // A directory named on the command line that gives nothing at all
    // (no input file below it, no error) is a mistake worth a message.
    size_t seen = 0;
    const std::function<void(RawDocument &&)> counting_doc =
        [&](RawDocument&& d) {
          ++seen;
          on_doc(std::move(d));
        };
    const std::function<void(InputError &&)> counting_error =
        [&](InputError&& e) {
          ++seen;
          on_error(std::move(e));
        };
    ingest::Sink counting{limits, counting_doc, counting_error};
    ingest::ReadPath(path, 0, counting);
    std::error_code ec;
    if (seen == 0 && std::filesystem::is_directory(path, ec)) {
      sink.Error(path, Status::NotFound("no input files in directory"));
    }
  }
  return Status::OK();
}

}  // namespace sitrep
