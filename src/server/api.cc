// The REST API's routing, authentication and read endpoints. POST lives in
// api_post.cc, JSON bodies in api_json.cc.
#include "server/api.h"

#include "sitrep/event_filter.h"
#include "sitrep/export.h"
#include "sitrep/report.h"

namespace sitrep::server {
namespace {

constexpr int64_t kDefaultLimit = 100, kMaxLimit = 1000;
constexpr int64_t kDefaultSearchLimit = 10, kMaxSearchLimit = 100;
constexpr size_t kMaxIdBytes = 1024;

// The id after `prefix`, or nullopt when `path` is not under it.
std::optional<std::string_view> IdAfter(std::string_view path,
                                        std::string_view prefix) {
  if (!path.starts_with(prefix)) return std::nullopt;
  std::string_view id = path.substr(prefix.size());
  if (id.empty() || id.size() > kMaxIdBytes) return std::nullopt;
  return id;
}

}  // namespace

Result<EventQuery> ParseEventQuery(const Params& params, bool tallies) {
  EventQuery q;
  q.limit = kDefaultLimit;
  Params filter_params;
  for (const auto& [key, value] : params) {
    if (key == "limit" && !tallies) {
      SITREP_ASSIGN_OR_RETURN(q.limit, ParseCount(key, value, kMaxLimit));
    } else if (key == "offset" && !tallies) {
      SITREP_ASSIGN_OR_RETURN(q.offset, ParseCount(key, value, INT32_MAX));
    } else if (!(tallies && key == "kind")) {
      filter_params.emplace_back(key, value);
    }
  }
  if (tallies) filter_params.emplace_back("kind", "tally");
  SITREP_ASSIGN_OR_RETURN(q.filter, EventFilter::Parse(filter_params));
  return q;
}

namespace {

Reply StatusReply(const Status& st) {
  switch (st.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kResourceExhausted:
      return ErrorReply(400, st.message());
    case StatusCode::kNotFound:
      return ErrorReply(404, st.message());
    default:
      return ErrorReply(500, "internal error");  // details stay in the log
  }
}

std::string_view ParamOr(const Params& params, std::string_view key,
                         std::string_view fallback) {
  for (const auto& [k, v] : params) {
    if (k == key) return v;
  }
  return fallback;
}

}  // namespace

Route Classify(std::string_view path) {
  Route r;
  if (path == "/") {
    r.endpoint = Endpoint::kUi;
  } else if (path == "/api/events") {
    r.endpoint = Endpoint::kEvents;
  } else if (path == "/api/articles") {
    r.endpoint = Endpoint::kArticles;
  } else if (path == "/api/search") {
    r.endpoint = Endpoint::kSearch;
  } else if (path == "/api/tallies") {
    r.endpoint = Endpoint::kTallies;
  } else if (auto id = IdAfter(path, "/api/events/")) {
    r.endpoint = Endpoint::kEvent;
    r.id = *id;
  } else if (auto id = IdAfter(path, "/api/articles/")) {
    r.endpoint = Endpoint::kArticle;
    r.id = *id;
  }
  r.allow = r.endpoint == Endpoint::kArticles ? "POST" : "GET";
  return r;
}

bool TokenEquals(std::string_view a, std::string_view b) {
  size_t n = a.size() > b.size() ? a.size() : b.size();
  unsigned diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < n; ++i) {
    unsigned char x = i < a.size() ? a[i] : 0;
    unsigned char y = i < b.size() ? b[i] : 0;
    diff |= x ^ y;
  }
  return diff == 0;
}

std::optional<Reply> CheckBearer(std::string_view token,
                                 std::string_view authorization) {
  if (token.empty()) {
    return ErrorReply(403, "posting is disabled: the server has no token");
  }
  constexpr std::string_view kScheme = "Bearer ";
  if (!authorization.starts_with(kScheme) ||
      !TokenEquals(authorization.substr(kScheme.size()), token)) {
    Reply r = ErrorReply(401, "missing or wrong bearer token");
    return r;
  }
  return std::nullopt;
}

std::shared_ptr<const Snapshot> MakeSnapshot(
    std::vector<sitrep::Event> events) {
  auto s = std::make_shared<Snapshot>();
  s->events = std::move(events);
  s->json.reserve(s->events.size());
  for (size_t i = 0; i < s->events.size(); ++i) {
    s->json.push_back(EventToJsonLine(s->events[i]));
    s->by_id.emplace(s->events[i].id, i);
  }
  return s;
}

Result<std::unique_ptr<Store>> StorePool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!free_.empty()) {
      std::unique_ptr<Store> s = std::move(free_.back());
      free_.pop_back();
      return s;
    }
  }
  return Store::Open(path_);
}

void StorePool::Release(std::unique_ptr<Store> store) {
  std::lock_guard<std::mutex> lock(mu_);
  free_.push_back(std::move(store));
}

Api::Api(std::string db, IngestLimits limits)
    : db_(std::move(db)), limits_(limits), pool_(db_) {}

Result<std::unique_ptr<Api>> Api::Open(const std::string& db,
                                       const IngestLimits& limits) {
  if (db.empty() || db == ":memory:") {
    return Status::InvalidArgument("serve needs a database file");
  }
  std::unique_ptr<Api> api(new Api(db, limits));
  SITREP_ASSIGN_OR_RETURN(api->writer_store_, Store::Open(db));
  PipelineOptions options;
  options.limits = limits;
  // POSTed articles re-derive only the events they affect (the first POST
  // pays a full derivation and keeps it).
  options.keep_derivation = true;
  SITREP_ASSIGN_OR_RETURN(api->pipeline_,
                          Pipeline::Open(api->writer_store_.get(), options));
  SITREP_ASSIGN_OR_RETURN(std::vector<sitrep::Event> events,
                          api->pipeline_->DeriveEvents());
  api->snapshot_ = MakeSnapshot(std::move(events));
  SITREP_RETURN_IF_ERROR(api->BuildUi());
  return api;
}

// The live report: the page fetches its events from /api/events.
Status Api::BuildUi() {
  ReportOptions options;
  size_t slash = db_.find_last_of('/');
  options.subtitle =
      "live: " + db_.substr(slash == std::string::npos ? 0 : slash + 1);
  options.country_name = CountryNamesFrom(*pipeline_->gazetteer());
  options.api_url = "/api/events?limit=1000";
  ui_.content_type = "text/html; charset=utf-8";
  return WriteReport({}, options, &ui_.body);
}

std::shared_ptr<const Snapshot> Api::snapshot() const {
  std::lock_guard<std::mutex> lock(snapshot_mu_);
  return snapshot_;
}

Reply Api::GetEvents(const Params& params) const {
  auto q = ParseEventQuery(params, false);
  if (!q.ok()) return StatusReply(q.status());
  auto snap = snapshot();
  std::vector<size_t> hits;
  for (size_t i = 0; i < snap->events.size(); ++i) {
    if (q->filter.Matches(snap->events[i])) hits.push_back(i);
  }
  Reply r;
  r.body = "{\"total\":" + std::to_string(hits.size()) +
           ",\"offset\":" + std::to_string(q->offset) +
           ",\"limit\":" + std::to_string(q->limit) + ",\"events\":[";
  size_t end = std::min<size_t>(hits.size(), q->offset + q->limit);
  for (size_t k = q->offset; k < end; ++k) {
    if (k > static_cast<size_t>(q->offset)) r.body += ',';
    r.body += snap->json[hits[k]];
  }
  r.body += "]}";
  return r;
}

Reply Api::GetEvent(std::string_view id) const {
  auto snap = snapshot();
  auto it = snap->by_id.find(std::string(id));
  if (it == snap->by_id.end()) return ErrorReply(404, "no such event");
  Reply r;
  r.body = snap->json[it->second];
  return r;
}

Reply Api::GetArticle(std::string_view id) {
  auto store = pool_.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto article = (*store)->GetArticle(id);
  auto version = (*store)->CurrentVersion(id);
  pool_.Release(std::move(store).value());
  if (!article.ok()) {
    if (article.status().code() == StatusCode::kNotFound) {
      return ErrorReply(404, "no such article");
    }
    return StatusReply(article.status());
  }
  Reply r;
  r.body = ArticleToJson(*article, version.ok() ? *version : 0);
  return r;
}

Reply Api::GetSearch(const Params& params) {
  std::string_view query = ParamOr(params, "q", "");
  if (query.empty()) return ErrorReply(400, "q: a query is required");
  if (query.size() > 1024) return ErrorReply(400, "q: longer than 1024 bytes");
  SearchOptions options;
  auto limit =
      ParseCount("limit", ParamOr(params, "limit", "10"), kMaxSearchLimit);
  if (!limit.ok()) return StatusReply(limit.status());
  options.limit = static_cast<int>(*limit ? *limit : kDefaultSearchLimit);
  auto store = pool_.Acquire();
  if (!store.ok()) return StatusReply(store.status());
  auto hits = (*store)->Search(query, options);
  pool_.Release(std::move(store).value());
  if (!hits.ok()) return StatusReply(hits.status());
  Reply r;
  r.body = SearchHitsToJson(*hits);
  return r;
}

Reply Api::GetTallies(const Params& params) const {
  auto q = ParseEventQuery(params, true);
  if (!q.ok()) return StatusReply(q.status());
  auto snap = snapshot();
  std::vector<const sitrep::Event*> tallies;
  for (const sitrep::Event& e : snap->events) {
    if (q->filter.Matches(e)) tallies.push_back(&e);
  }
  Reply r;
  r.body = TalliesToJson(tallies);
  return r;
}

}  // namespace sitrep::server
