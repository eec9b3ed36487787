// Internal to the server: the REST API without the transport. Routing
// (which endpoint a path names, which methods it allows), the bearer-token
// check and the endpoint handlers, each returning a Reply. src/server/http.cc
// binds these to cpp-httplib; tests call them directly.
//
// Thread safety: Api's handlers may be called from any number of threads at
// once (see the contract in sitrep/server.h). The free functions are pure.
#ifndef SITREP_SERVER_API_H_
#define SITREP_SERVER_API_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sitrep/event_filter.h"
#include "sitrep/ingest.h"
#include "sitrep/merge.h"
#include "sitrep/pipeline.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::server {

struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::string allow;  // the Allow header of a 405
};

// {"error": message} with `status`. Invalid UTF-8 in `message` (a request's
// bytes quoted in it) becomes U+FFFD, so the body is always valid JSON.
Reply ErrorReply(int status, std::string_view message);

enum class Endpoint {
  kNone,      // unknown path: 404
  kUi,        // GET /
  kEvents,    // GET /api/events
  kEvent,     // GET /api/events/{id}
  kArticles,  // POST /api/articles
  kArticle,   // GET /api/articles/{id}
  kSearch,    // GET /api/search
  kTallies,   // GET /api/tallies
};

struct Route {
  Endpoint endpoint = Endpoint::kNone;
  std::string id;          // kEvent, kArticle: the decoded id
  std::string_view allow;  // the one method allowed ("GET" or "POST")
};

// Classifies a decoded request path. An empty id ("/api/events/") is kNone.
Route Classify(std::string_view path);

// Compares in time that depends only on the lengths.
bool TokenEquals(std::string_view a, std::string_view b);

// The Authorization header check of POST /api/articles: OK, or a 401/403
// reply. `token` empty means POST is disabled.
std::optional<Reply> CheckBearer(std::string_view token,
                                 std::string_view authorization);

using Params = std::vector<std::pair<std::string, std::string>>;

// Paging and filter parameters of /api/events (`tallies` false: limit,
// offset and the EventFilter keys) and /api/tallies (`tallies` true: the
// filter keys; kind is forced to tally). Unknown keys and malformed values
// are InvalidArgument naming the key. Pure.
struct EventQuery {
  EventFilter filter;
  int64_t limit = 0, offset = 0;
};
Result<EventQuery> ParseEventQuery(const Params& params, bool tallies);

// The body of POST /api/articles read as ingest reads a .jsonl file: one
// JSON object (possibly pretty-printed) or JSON Lines of them. `errors`
// ("line N: message" or "body: message") non-empty rejects the whole body.
// Writes the body to a private temporary file for ReadDocuments; non-OK
// only when that file cannot be written or read.
struct PostBody {
  std::vector<RawDocument> docs;  // source_path "api line N"
  std::vector<std::string> errors;
};
Result<PostBody> ParsePostBody(std::string_view body,
                               const IngestLimits& limits);

// Events as served: immutable once built.
struct Snapshot {
  std::vector<Event> events;
  std::vector<std::string> json;  // EventToJsonLine(events[i])
  std::unordered_map<std::string, size_t> by_id;
};
std::shared_ptr<const Snapshot> MakeSnapshot(std::vector<Event> events);

// Borrowed read connections to one database file.
class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}
  Result<std::unique_ptr<Store>> Acquire();
  void Release(std::unique_ptr<Store> store);

 private:
  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> free_;
};

class Api {
 public:
  // REQUIRES: `db` names a file database.
  static Result<std::unique_ptr<Api>> Open(const std::string& db,
                                           const IngestLimits& limits);

  Reply Ui() const { return ui_; }
  Reply GetEvents(const Params& params) const;
  Reply GetEvent(std::string_view id) const;
  Reply GetArticle(std::string_view id);
  Reply GetSearch(const Params& params);
  Reply GetTallies(const Params& params) const;
  // One JSON article or JSON Lines of them; all-or-nothing on syntax.
  Reply PostArticles(std::string_view body);

  std::shared_ptr<const Snapshot> snapshot() const;

 private:
  Api(std::string db, IngestLimits limits);
  Status BuildUi();

  std::string db_;
  IngestLimits limits_;
  StorePool pool_;
  mutable std::mutex snapshot_mu_;
  std::shared_ptr<const Snapshot> snapshot_;
  Reply ui_;
  std::mutex writer_mu_;  // guards writer_store_ and pipeline_
  std::unique_ptr<Store> writer_store_;
  std::unique_ptr<Pipeline> pipeline_;
};

// --- Helpers shared by the handlers (api_json.cc) ---

// A non-negative integer parameter, clamped to `max`.
Result<int64_t> ParseCount(std::string_view key, std::string_view value,
                           int64_t max);
// The article as JSON: metadata, clean text, sentences and removed noise
// with raw spans.
std::string ArticleToJson(const sitrep::Article& a, int version);
std::string SearchHitsToJson(const std::vector<SearchHit>& hits);
std::string TalliesToJson(const std::vector<const sitrep::Event*>& tallies);
std::string IngestReportToJson(const IngestReport& r, size_t events);

}  // namespace sitrep::server

#endif  // SITREP_SERVER_API_H_
