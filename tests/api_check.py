#!/usr/bin/env python3
"""Checks a running `sitrep serve` against the CLI's view of the same store.

Usage: api_check.py BASE_URL TOKEN SITREP DB
Exits 1 when a check fails. Run by tests/api_test.sh, which starts the
server on a temporary database filled with examples/.
"""
import http.client
import json
import subprocess
import sys
import urllib.parse

BASE, TOKEN, SITREP, DB = sys.argv[1:5]
HOST, PORT = urllib.parse.urlsplit(BASE).hostname, urllib.parse.urlsplit(BASE).port
failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures += 1


def request(method, path, body=None, headers=None):
    """Sends `path` exactly as given (no normalisation); returns (status, headers, body)."""
    conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, data


def get_json(path, want=200):
    status, headers, data = request("GET", path)
    check(status == want, f"GET {path[:70]} -> {status} (want {want})")
    check(headers.get("content-type", "").startswith("application/json"),
          f"GET {path[:70]} is application/json")
    try:
        return json.loads(data)
    except ValueError:
        check(False, f"GET {path[:70]} body is JSON")
        return {}


def cli_ids(*args):
    out = subprocess.run([SITREP, "--db", DB, "events", *args], check=True,
                         capture_output=True, text=True).stdout
    return [json.loads(line)["event_id"] for line in out.splitlines() if line]


def api_ids(query):
    d = get_json("/api/events?limit=1000" + ("&" + query if query else ""))
    check(d.get("total") == len(d.get("events", [])), f"total == events ({query})")
    return [e["event_id"] for e in d.get("events", [])]


def check_filters():
    all_ids = cli_ids()
    check(len(all_ids) > 5, f"the example store has events ({len(all_ids)})")
    cases = [
        ("", []),
        ("country=IQ", ["--country", "IQ"]),
        ("country=so,iq", ["--country", "SO,IQ"]),
        ("type=Protests", ["--type", "Protests"]),
        ("from=2022-02-14&to=2022-02-20", ["--from", "2022-02-14", "--to", "2022-02-20"]),
        ("kind=tally", ["--kind", "tally"]),
        ("kind=incident,aggregate", ["--kind", "incident,aggregate"]),
        ("q=nasiriyah", ["-q", "nasiriyah"]),
        ("bbox=40,29,49,38", ["--bbox", "40,29,49,38"]),
        ("country=IQ&type=Protests&q=protesters", ["--country", "IQ", "--type", "Protests", "-q", "protesters"]),
    ]
    for query, args in cases:
        want = cli_ids(*args)
        got = api_ids(query)
        check(got == want, f"events?{query or '(all)'}: {len(got)} ids == CLI's {len(want)}")
    return all_ids


def check_paging(all_ids):
    d = get_json("/api/events?limit=3&offset=2")
    check([e["event_id"] for e in d["events"]] == all_ids[2:5], "limit=3&offset=2 pages")
    check(d["total"] == len(all_ids) and d["limit"] == 3 and d["offset"] == 2,
          "paging echoes total, limit, offset")
    d = get_json("/api/events")
    check(d["limit"] == 100, "limit defaults to 100")
    d = get_json("/api/events?limit=5000")
    check(d["limit"] == 1000, "limit is capped at 1000")
    d = get_json(f"/api/events?offset={len(all_ids) + 5}")
    check(d["events"] == [] and d["total"] == len(all_ids), "offset past the end: empty page")
    for bad in ["limit=-1", "limit=abc", "offset=1e3", "from=2022-13-01",
                "from=2022-03-01&to=2022-02-01", "bbox=1,2,3", "kind=nope", "nosuchkey=1"]:
        d = get_json("/api/events?" + bad, want=400)
        check("error" in d, f"events?{bad}: 400 with an error")


def check_event_and_article(all_ids):
    listed = {e["event_id"]: e for e in get_json("/api/events?limit=1000")["events"]}
    eid = all_ids[0]
    e = get_json("/api/events/" + eid)
    check(e == listed[eid], "event by id == the listed event")
    check(isinstance(e.get("sources"), list) and e["sources"], "event has its sources")
    get_json("/api/events/SR0000000000000000", want=404)
    aid = e["articles"][0]
    a = get_json("/api/articles/" + urllib.parse.quote(aid, safe=""))
    check(a.get("id") == aid and a.get("text"), "article by id: id and clean text")
    spans_ok = all(0 <= s["raw_span"][0] <= s["raw_span"][1] <= a["raw_bytes"]
                   and s["text"] for s in a.get("sentences", []))
    check(a.get("sentences") and spans_ok, "article sentences carry raw spans within the raw bytes")
    check(isinstance(a.get("removed"), list), "article lists removed noise")
    get_json("/api/articles/no_such_article", want=404)


def check_search_and_tallies(all_ids):
    d = get_json("/api/search?q=protesters&limit=3")
    check(0 < len(d.get("hits", [])) <= 3, f"search finds hits ({len(d.get('hits', []))})")
    for h in d.get("hits", []):
        get_json("/api/articles/" + urllib.parse.quote(h["id"], safe=""))
    get_json("/api/search", want=400)
    d = get_json("/api/tallies")
    points = [p["event_id"] for s in d.get("series", []) for p in s["points"]]
    check(sorted(points) == sorted(cli_ids("--kind", "tally")),
          f"tallies hold every tally event ({len(points)})")
    d = get_json("/api/tallies?country=SO")
    check(all(s["country"] == "SO" for s in d["series"]), "tallies?country=SO")


def post(body, token=TOKEN, extra=None):
    headers = {"Content-Type": "application/x-ndjson"}
    if token is not None:
        headers["Authorization"] = "Bearer " + token
    headers.update(extra or {})
    status, _, data = request("POST", "/api/articles", body.encode() if isinstance(body, str) else body, headers)
    try:
        return status, json.loads(data)
    except ValueError:
        return status, {}


NEW = {"id": "api_test_kirkuk", "date": "2022-03-08", "source": "Test Wire",
       "title": "Gunmen kill five in Kirkuk market attack",
       "text": "KIRKUK, March 8 (Test Wire) - Gunmen killed five civilians and wounded "
               "seven others in an attack on a crowded market in Kirkuk on Tuesday, "
               "police said.\n\nThe attackers fled the scene, a police officer said."}


def check_post():
    before = set(api_ids(""))
    line = json.dumps(NEW)
    s, d = post(line, token=None)
    check(s == 401 and "error" in d, f"POST without a token -> {s}")
    s, d = post(line, token="wrong")
    check(s == 401, f"POST with a wrong token -> {s}")
    s, d = post(line, token=TOKEN + "x")
    check(s == 401, f"POST with a longer token -> {s}")
    s, d = post(line, extra={"Authorization": "Basic " + TOKEN})
    check(s == 401, f"POST with another scheme -> {s}")
    s, d = post("x" * (11 << 20))
    check(s == 413 and "error" in d, f"POST over the body limit -> {s}")
    s, d = post(line + "\n{\"id\": \"b\", \"text\": \n")
    check(s == 400 and "line 2" in d.get("error", ""), f"malformed line 2 -> {s} {d.get('error', '')[:40]}")
    get_json("/api/articles/api_test_kirkuk", want=404)  # nothing stored
    s, d = post('{"id": "no_body"}')
    check(s == 400, f"record without text -> {s}")
    s, d = post("")
    check(s == 400, f"empty body -> {s}")
    s, d = post(json.dumps(NEW, indent=2))  # one pretty-printed object
    check(s == 201 and d.get("inserted") == 1, f"POST a new article -> {s} {d}")
    a = get_json("/api/articles/api_test_kirkuk")
    check(a.get("title") == NEW["title"] and a.get("source_path") == "api line 1",
          "the posted article is stored")
    after = set(api_ids(""))
    new_events = [e for e in get_json("/api/events?limit=1000&q=kirkuk")["events"]
                  if "api_test_kirkuk" in e["articles"]]
    check(after != before and new_events, f"events changed ({len(before)} -> {len(after)})")
    check(set(cli_ids()) == after, "stored events (CLI) == served events after POST")
    s, d = post(line + "\n")
    check(s == 200 and d.get("present") == 1, f"re-POST the same article -> {s} present")


INJECTIONS = ["\x00", "' OR '1'='1", "x'; DROP TABLE articles;--", "1 OR 1=1", "\") OR 1=1 --",
              "%00", "*", "\"", "NEAR(a b", "a AND OR NOT", "ب' OR 1=1", "%27%3B--", "..%2F..%2Fetc%2Fpasswd"]


def check_injection():
    n_events = get_json("/api/events")["total"]
    for s in INJECTIONS:
        q = urllib.parse.quote(s, safe="")
        for path in ["/api/articles/" + q, "/api/events/" + q, "/api/search?q=" + q,
                     "/api/events?q=" + q, "/api/events?country=" + q, "/api/tallies?type=" + q]:
            status, _, data = request("GET", path)
            check(status in (200, 400, 404) and b"root:" not in data,
                  f"GET {path[:60]} -> {status}")
    check(get_json("/api/events")["total"] == n_events, "injections changed nothing (events)")
    check(get_json("/api/search?q=protesters")["total"] > 0, "injections changed nothing (search)")


def check_paths():
    for path in ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                 "//etc/passwd", "/static/../../../etc/passwd", "/index.html", "/CMakeLists.txt",
                 "/api/articles/../../../etc/passwd", "/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
                 "/api", "/api/nope", "/api/events/", "/report.html", "/favicon.ico"]:
        status, headers, data = request("GET", path)
        check(status == 404 and b"root:" not in data and data.startswith(b"{"),
              f"GET {path} -> {status} (JSON 404)")
    for method, path in [("DELETE", "/api/events"), ("PUT", "/api/articles/x"),
                         ("POST", "/api/events"), ("GET", "/api/articles"),
                         ("PATCH", "/api/search"), ("POST", "/")]:
        status, headers, data = request(method, path, body=b"{}" if method != "GET" else None)
        check(status == 405 and "allow" in headers and b"error" in data,
              f"{method} {path} -> {status} (405, Allow: {headers.get('allow')})")
    status, headers, data = request("GET", "/")
    check(status == 200 and headers.get("content-type", "").startswith("text/html")
          and b"/api/events" in data, "GET / serves the live report")


def main():
    all_ids = check_filters()
    check_paging(all_ids)
    check_event_and_article(all_ids)
    check_search_and_tallies(all_ids)
    check_injection()
    check_paths()
    check_post()
    print(f"{failures} failed checks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
