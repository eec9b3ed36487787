#include "export/report_assets.h"
#include "export/sample_events.h"
#include "export/test_util.h"
#include "gtest/gtest.h"
#include "sitrep/export.h"

namespace sitrep {
namespace {

std::string Report(const ReportOptions& o = {}) {
  std::string html;
  Status st = WriteReport(sample::Events(), o, &html);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return html;
}

TEST(Report, AssetsAreCompiledIn) {
  EXPECT_FALSE(ReportAsset("report.html").empty());
  for (const char* name : {"report.js", "report_views.js", "report.css"}) {
    EXPECT_FALSE(ReportAsset(name).empty()) << name;
    EXPECT_EQ(ReportAsset(name).find("</script"), std::string_view::npos);
  }
  EXPECT_EQ(ReportAsset("topojson-client.js").find("</script"),
            std::string_view::npos);
  EXPECT_TRUE(ReportAsset("no-such").empty());
}

TEST(Report, SelfContainedWithNoNetworkReferences) {
  std::string html = Report();
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>")) << html.substr(0, 80);
  EXPECT_EQ(html.find("@@"), std::string::npos);
  // No external script, style sheet, image or font.
  for (const char* ref : {"src=\"http", "href=\"http", "url(http", "src=\"//",
                          "href=\"//", "<link"}) {
    EXPECT_EQ(html.find(ref), std::string::npos) << ref;
  }
  EXPECT_NE(html.find("id=\"sitrep-data\""), std::string::npos);
  EXPECT_NE(html.find("id=\"sitrep-config\""), std::string::npos);
  EXPECT_LT(html.size(), 2u << 20);
}

TEST(Report, UntrustedTextCannotCloseTheScript) {
  std::vector<Event> events = sample::Events();
  events[0].notes = "</script><script>alert(1)</script>";
  ReportOptions o;
  o.title = "<i>Iraq</i> & co";
  std::string html;
  ASSERT_TRUE(WriteReport(events, o, &html).ok());
  EXPECT_EQ(html.find("alert(1)</script>"), std::string::npos);
  EXPECT_NE(html.find("\\u003c/script>\\u003cscript>alert(1)"),
            std::string::npos);
  EXPECT_NE(html.find("&lt;i&gt;Iraq&lt;/i&gt; &amp; co"), std::string::npos);
}

TEST(Report, EmbeddedJsonParses) {
  if (!testing_util::HavePython()) GTEST_SKIP() << "python3 not installed";
  ReportOptions o;
  o.country_name = [](std::string_view cc) {
    return cc == "IQ" ? std::string("Iraq") : std::string();
  };
  std::string path = testing_util::WriteTemp("report.html", Report(o));
  const char* script = R"(import json, re, sys
html = open(sys.argv[1], encoding='utf-8').read()
def blob(id):
    m = re.search(r'<script type="application/json" id="%s">(.*?)</script>' % id,
                  html, re.S)
    assert m, id
    return json.loads(m.group(1))
data = blob('sitrep-data')
assert len(data) == 11, len(data)
assert data[0]['event_id'] == 'SR00000000000000a1'
assert data[0]['sources'][1]['text'].startswith('At least 29')
assert '<b>police</b>' in data[2]['sources'][0]['text']
cfg = blob('sitrep-config')
assert cfg['countries'] == {'IQ': 'Iraq', 'LB': 'LB', 'CL': 'CL'}, cfg
assert cfg['live'] is False
world = blob('sitrep-world')
assert world is None or world['type'] == 'Topology'
)";
  EXPECT_EQ(testing_util::RunPython(script, path), 0);
}

TEST(Report, LiveModeEmbedsNoEvents) {
  ReportOptions o;
  o.api_url = "/api/events";
  std::string html = Report(o);
  EXPECT_NE(html.find("id=\"sitrep-data\">[]</script>"), std::string::npos);
  EXPECT_NE(html.find("\"api_url\":\"/api/events\""), std::string::npos);
}

}  // namespace
}  // namespace sitrep
