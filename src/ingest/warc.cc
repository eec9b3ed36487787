// WARC reader: takes `WARC-Type: response` records whose HTTP payload is an
// HTML page (2xx status), strips the HTTP headers and undoes chunked
// transfer coding and gzip content coding. Other records are skipped.
//
// A record with malformed headers is reported as "file#RECORD"; reading
// resynchronises on the next `WARC/` version line.
#include <charconv>

#include "ingest/reader.h"

namespace sitrep::ingest {
namespace {

constexpr size_t kMaxHeaderLine = 16 << 10;
constexpr size_t kMaxHeaderLines = 256;

struct Headers {
  // Lower-cased names; only the fields we use.
  std::string type, target_uri, content_type, transfer_encoding,
      content_encoding;
  std::optional<uint64_t> content_length;
};

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
  return out;
}

void SetField(std::string_view name, std::string_view value, Headers* h) {
  std::string n = Lower(name);
  if (n == "warc-type")
    h->type = value;
  else if (n == "warc-target-uri")
    h->target_uri = value;
  else if (n == "content-type")
    h->content_type = Lower(value);
  else if (n == "transfer-encoding")
    h->transfer_encoding = Lower(value);
  else if (n == "content-encoding")
    h->content_encoding = Lower(value);
  else if (n == "content-length") {
    uint64_t v = 0;
    auto [p, ec] =
        std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec == std::errc() && p == value.data() + value.size() &&
        !value.empty()) {
      h->content_length = v;
    }
  }
}

// Reads "Name: value" lines up to a blank line. `*budget` (when set) bounds
// the bytes read and is decreased by what was read.
Status ReadHeaders(BufferedReader& in, Headers* h, uint64_t* budget) {
  std::string line;
  for (size_t i = 0; i < kMaxHeaderLines; ++i) {
    size_t max = kMaxHeaderLine;
    if (budget) max = static_cast<size_t>(std::min<uint64_t>(max, *budget));
    Result<size_t> n = in.ReadLine(&line, max);
    if (!n.ok()) return n.status();
    if (budget) *budget -= *n;
    if (*n == 0 || line.back() != '\n') {
      return Status::InvalidArgument("header line too long or cut short");
    }
    std::string_view l = Trim(line);
    if (l.empty()) return Status::OK();
    size_t colon = l.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return Status::InvalidArgument("malformed header line \"" +
                                     std::string(l.substr(0, 60)) + "\"");
    }
    SetField(Trim(l.substr(0, colon)), Trim(l.substr(colon + 1)), h);
  }
  return Status::InvalidArgument("too many header lines");
}

// Decodes a chunked HTTP body in place; false when malformed.
bool Dechunk(std::string* body) {
  std::string out;
  size_t pos = 0;
  while (pos < body->size()) {
    size_t eol = body->find('\n', pos);
    if (eol == std::string::npos) return false;
    uint64_t len = 0;
    const char* b = body->data() + pos;
    auto [p, ec] = std::from_chars(b, body->data() + eol, len, 16);
    if (ec != std::errc() || p == b) return false;
    if (len == 0) break;
    pos = eol + 1;
    if (len > body->size() - pos) return false;
    out.append(*body, pos, len);
    pos += len;
    while (pos < body->size() &&
           (body->at(pos) == '\r' || body->at(pos) == '\n'))
      ++pos;
  }
  body->swap(out);
  return true;
}

Status DecodeBody(const Headers& http, const IngestLimits& limits,
                  std::string* body) {
  if (http.transfer_encoding.find("chunked") != std::string::npos &&
      !Dechunk(body)) {
    return Status::InvalidArgument("malformed chunked HTTP body");
  }
  const std::string& ce = http.content_encoding;
  if (ce.empty() || ce == "identity") return Status::OK();
  if (ce != "gzip" && ce != "x-gzip") {
    return Status::Unimplemented("HTTP Content-Encoding " + ce);
  }
  StringSource raw(*body);
  GzipSource gz(raw, limits);
  BufferedReader in(gz);
  std::string out;
  uint64_t total = 0;
  SITREP_RETURN_IF_ERROR(
      in.ReadAllBounded(limits.max_document_bytes, &out, &total));
  if (total > limits.max_document_bytes) {
    return OversizeError(total, limits.max_document_bytes);
  }
  body->swap(out);
  return Status::OK();
}

bool IsHtml(std::string_view content_type) {
  return content_type.starts_with("text/html") ||
         content_type.starts_with("application/xhtml+xml");
}

// Reads one response block of `len` bytes. Sets *doc when it holds a page.
// Errors after which the stream is still aligned are InvalidArgument or
// ResourceExhausted; others (IO, truncation) stop the file.
Status ReadResponse(BufferedReader& in, uint64_t len, const Sink& sink,
                    std::optional<RawDocument>* doc) {
  uint64_t left = len;
  std::string status_line;
  Result<size_t> n =
      in.ReadLine(&status_line, std::min<uint64_t>(left, kMaxHeaderLine));
  if (!n.ok()) return n.status();
  left -= *n;
  Headers http;
  Status st = status_line.starts_with("HTTP/")
                  ? ReadHeaders(in, &http, &left)
                  : Status::InvalidArgument("response block is not HTTP");
  if (!st.ok()) {
    SITREP_RETURN_IF_ERROR(in.Skip(left));
    return st;
  }
  bool ok_status = status_line.size() > 9 && status_line[9] == '2';
  if (!ok_status || !IsHtml(http.content_type)) return in.Skip(left);
  if (left > sink.limits.max_document_bytes) {
    SITREP_RETURN_IF_ERROR(in.Skip(left));
    return OversizeError(left, sink.limits.max_document_bytes);
  }
  RawDocument d;
  SITREP_RETURN_IF_ERROR(in.ReadExact(left, &d.bytes));
  SITREP_RETURN_IF_ERROR(DecodeBody(http, sink.limits, &d.bytes));
  SITREP_RETURN_IF_ERROR(
      CheckDocumentBytes(d.bytes, d.bytes.size(), sink.limits));
  *doc = std::move(d);
  return Status::OK();
}

bool Recoverable(const Status& st) {
  return st.code() == StatusCode::kInvalidArgument ||
         st.code() == StatusCode::kResourceExhausted ||
         st.code() == StatusCode::kUnimplemented;
}

// Handles one record after its version line. Returns false when the stream
// has lost alignment and must resynchronise.
Result<bool> ReadRecord(BufferedReader& in, const std::string& loc,
                        const Sink& sink) {
  Headers h;
  Status st = ReadHeaders(in, &h, nullptr);
  if (st.ok() && !h.content_length) {
    st = Status::InvalidArgument("missing or bad Content-Length");
  }
  if (!st.ok()) {
    sink.Error(loc, st.WithContext("malformed WARC record"));
    return false;
  }
  if (h.type != "response") {
    SITREP_RETURN_IF_ERROR(in.Skip(*h.content_length));
    return true;
  }
  if (h.target_uri.empty()) {
    sink.Error(loc,
               Status::InvalidArgument("response without WARC-Target-URI"));
    SITREP_RETURN_IF_ERROR(in.Skip(*h.content_length));
    return true;
  }
  std::optional<RawDocument> doc;
  st = ReadResponse(in, *h.content_length, sink, &doc);
  if (!st.ok()) {
    if (!Recoverable(st)) return st;
    sink.Error(loc, st);
    return true;
  }
  if (!doc) return true;
  doc->id = HexHash64(h.target_uri);
  doc->url = h.target_uri;
  doc->source_path = loc;
  doc->kind = RawDocument::Kind::kHtml;
  doc->container = RawDocument::Container::kWarc;
  sink.on_doc(std::move(*doc));
  return true;
}

}  // namespace

void ReadWarc(ByteSource& src, const std::string& where, const Sink& sink) {
  BufferedReader in(src);
  std::string line;
  uint64_t record = 0;
  bool garbage = false;
  while (true) {
    Result<size_t> n = in.ReadLine(&line, kMaxHeaderLine);
    if (!n.ok()) return sink.Error(where, n.status());
    if (*n == 0) return;
    if (!line.starts_with("WARC/")) {
      if (line.back() != '\n') {
        Status st = in.SkipLine();
        if (!st.ok()) return sink.Error(where, st);
      }
      // Blank lines end every record; anything else before the first
      // record is reported once.
      if (record == 0 && !garbage && !Trim(line).empty()) {
        garbage = true;
        sink.Error(where, Status::InvalidArgument("not a WARC file"));
      }
      continue;
    }
    std::string loc = where + "#" + std::to_string(++record);
    Result<bool> aligned = ReadRecord(in, loc, sink);
    if (!aligned.ok()) return sink.Error(loc, aligned.status());
  }
}

}  // namespace sitrep::ingest
