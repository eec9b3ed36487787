#include "sitrep/html.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "common/test_paths.h"
#include "ingest/html_internal.h"
#include "sitrep/utf8.h"

namespace sitrep {
namespace {

std::string Para(const char* words, int times) {
  std::string s;
  for (int i = 0; i < times; ++i) (s += words) += ' ';
  return s;
}

const std::string kBody =
    Para("Protesters gathered in the square on Monday.", 4);
const std::string kBody2 = Para("Police said three people were arrested.", 4);

std::string Page(const std::string& inner) {
  return "<!doctype html><html><head><title>T</title></head><body>" + inner +
         "</body></html>";
}

struct BoilerCase {
  const char* name;
  std::string html;
  std::vector<std::string> want;      // substrings that must be in the text
  std::vector<std::string> unwanted;  // substrings that must not
};

TEST(HtmlExtract, BoilerplateRemoval) {
  const std::string nav =
      "<ul><li><a href=/a>World</a></li><li><a href=/b>Politics</a></li>"
      "<li><a href=/c>Sport</a></li></ul>";
  const BoilerCase cases[] = {
      {"nav and footer dropped",
       Page("<nav>" + nav + "</nav><article><p>" + kBody + "</p><p>" + kBody2 +
            "</p></article><footer>Copyright Example Corp</footer>"),
       {"Protesters gathered", "three people were arrested"},
       {"Politics", "Copyright"}},
      {"scripts and styles dropped",
       Page("<div><p>" + kBody +
            "<script>var secretScript = 1;</script></p>"
            "<style>.x{color:red}</style><p>" +
            kBody2 + "</p></div>"),
       {"Protesters gathered"},
       {"secretScript", "color"}},
      {"comment section by class",
       Page("<div class=story><p>" + kBody + "</p><p>" + kBody2 +
            "</p><div class=comments><p>First comment: I disagree with this "
            "article very much and here is why it is wrong.</p></div></div>"),
       {"Protesters gathered"},
       {"I disagree"}},
      {"link list inside body dropped",
       Page("<div><p>" + kBody + "</p>" + nav + "<p>" + kBody2 + "</p></div>"),
       {"Protesters gathered", "three people"},
       {"Sport"}},
      {"sidebar with long text loses to the article",
       Page("<div class=sidebar><p>" + Para("Sign up for our newsletter.", 3) +
            "</p></div><main><h2>Clashes</h2><p>" + kBody + "</p><p>" + kBody2 +
            "</p></main>"),
       {"Clashes", "Protesters gathered"},
       {"Sign up"}},
      {"captions and hidden text dropped",
       Page("<div><p>" + kBody +
            "</p><figure><img src=x><figcaption>Photo "
            "caption</figcaption></figure><p hidden>Hidden text</p><p>" +
            kBody2 + "</p></div>"),
       {"Protesters gathered"},
       {"Photo caption", "Hidden text"}},
  };
  for (const BoilerCase& c : cases) {
    Result<HtmlPage> page = ExtractHtml(c.html);
    ASSERT_TRUE(page.ok()) << c.name;
    for (const auto& w : c.want) {
      EXPECT_NE(page->text.find(w), std::string::npos)
          << c.name << ": missing " << w << " in " << page->text;
    }
    for (const auto& w : c.unwanted) {
      EXPECT_EQ(page->text.find(w), std::string::npos)
          << c.name << ": kept " << w << " in " << page->text;
    }
  }
}

TEST(HtmlExtract, ParagraphsAndWhitespace) {
  Result<HtmlPage> page =
      ExtractHtml(Page("<div><p>  One   two\n\tthree " + kBody +
                       "</p>\n<p>Four <b>five"
                       "</b>six " +
                       kBody2 + "</p></div>"));
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->text.rfind("One two three Protesters", 0), 0u) << page->text;
  EXPECT_NE(page->text.find("Monday.\n\nFour fivesix Police"),
            std::string::npos)
      << page->text;
  EXPECT_EQ(page->text.find("  "), std::string::npos);
}

// Every word of the output maps back to the same bytes of the input; an
// entity maps to its '&'.
TEST(HtmlExtract, OffsetsMapToInput) {
  // The second variant has big scripts and comments, which are cut out
  // before parsing: offsets must still point into the original page.
  const std::string big(6000, 'x');
  const std::string prefixes[] = {"", "<script>var a='" + big +
                                          "';</script><!--" + big +
                                          "--><style>" + big + "</style>"};
  for (const std::string& prefix : prefixes) {
    std::string html =
        Page(prefix +
             "<div><p>Tom &amp; Jerry met &eacute;lise "
             "at caf\xC3\xA9 " +
             kBody + "</p><!--" + big + "--><p>Second <i>para</i> " + kBody2 +
             "</p></div>");
    Result<HtmlPage> page = ExtractHtml(html);
    ASSERT_TRUE(page.ok());
    const std::string& t = page->text;
    struct Probe {
      const char* word;
      const char* raw;
    };
    const Probe probes[] = {{"Tom", "Tom"},
                            {"Jerry", "Jerry"},
                            {"&", "&amp;"},
                            {"\xC3\xA9lise", "&eacute;lise"},
                            {"caf\xC3\xA9", "caf\xC3\xA9"},
                            {"para", "para"},
                            {"Second", "Second"},
                            {"arrested", "arrested"}};
    for (const Probe& p : probes) {
      size_t at = t.find(p.word);
      ASSERT_NE(at, std::string::npos) << p.word;
      Span raw = page->offsets.ToRaw(
          Span{uint32_t(at), uint32_t(at + strlen(p.word))});
      EXPECT_EQ(raw.begin, html.find(p.raw)) << p.word << prefix.size();
      if (std::string_view(p.word) == p.raw) {
        EXPECT_EQ(raw.In(html), p.raw) << p.word;
      }
    }
    EXPECT_EQ(t.find("xxx"), std::string::npos);
  }
}

struct MetaCase {
  const char* name;
  std::string head;
  std::string body;
  std::string title, outlet, url, date, from;
};

TEST(HtmlExtract, Metadata) {
  const MetaCase cases[] = {
      {"og tags",
       "<meta property='og:title' content='Riot in Town'>"
       "<meta property='og:site_name' content='Daily Example'>"
       "<meta property='og:url' content='https://ex.com/a'>"
       "<meta property='article:published_time' content='2024-03-05T10:00Z'>",
       "", "Riot in Town", "Daily Example", "https://ex.com/a", "2024-03-05",
       "article:published_time"},
      {"title suffix, canonical, json-ld",
       "<title>Strike spreads to the ports | Example News</title>"
       "<link rel=canonical href='https://ex.com/c'>"
       "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
       "\"datePublished\" : \"2023-12-31T23:00:00+01:00\"}</script>",
       "", "Strike spreads to the ports", "", "https://ex.com/c", "2023-12-31",
       "json-ld"},
      {"h1 and time", "",
       "<h1>Flood <b>kills</b> five</h1><time datetime='2022-07-01'>July 1"
       "</time>",
       "Flood kills five", "", "", "2022-07-01", "time"},
      {"meta name date", "<meta name='parsely-pub-date' content='2021/02/03'>",
       "", "", "", "", "2021-02-03", "meta:parsely-pub-date"},
      {"bad date ignored",
       "<meta property='article:published_time' content='soon'>", "", "", "",
       "", "", ""},
  };
  for (const MetaCase& c : cases) {
    std::string html = "<html><head>" + c.head + "</head><body>" + c.body +
                       "<p>" + kBody + "</p></body></html>";
    Result<HtmlPage> page = ExtractHtml(html);
    ASSERT_TRUE(page.ok()) << c.name;
    EXPECT_EQ(page->title, c.title) << c.name;
    EXPECT_EQ(page->outlet, c.outlet) << c.name;
    EXPECT_EQ(page->url, c.url) << c.name;
    EXPECT_EQ(page->published ? page->published->ToIso() : "", c.date)
        << c.name;
    EXPECT_EQ(page->published_from, c.from) << c.name;
  }
}

TEST(HtmlExtract, DeepNestingRejectedBeforeParsing) {
  struct Case {
    const char* name;
    std::string open;
  };
  const Case cases[] = {
      {"divs", "<div>"},
      {"spans", "<span>"},
      {"unclosed b", "<b>"},
      {"object traps", "<div><object></div>"},
      {"adoption agency", "<b><div></b>"},
      {"table cells", "<table><tr><td>"},
  };
  for (const Case& c : cases) {
    std::string html;
    for (int i = 0; i < 100000; ++i) html += c.open;
    html += "text";
    Result<HtmlPage> page = ExtractHtml(html);
    ASSERT_FALSE(page.ok()) << c.name;
    EXPECT_EQ(page.status().code(), StatusCode::kResourceExhausted) << c.name;
  }
}

TEST(HtmlExtract, ModerateNestingAccepted) {
  std::string html;
  for (int i = 0; i < 500; ++i) html += "<div>";
  html += "<p>" + kBody + "</p>";
  for (int i = 0; i < 500; ++i) html += "</div>";
  // Unclosed paragraphs and list items close themselves: not deep.
  for (int i = 0; i < 5000; ++i) html += "<p>para<li>item";
  Result<HtmlPage> page = ExtractHtml(html);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_NE(page->text.find("Protesters"), std::string::npos);
}

TEST(HtmlExtract, PrescanNeverUnderestimates) {
  // Pages whose real Gumbo depth is known.
  struct Case {
    std::string html;
    int depth;
  };
  const Case cases[] = {
      {std::string(300, 'x'), 3},
      {"<div><div><div>x</div></div></div>", 6},
      {"<table><td><table><td>x", 11},
  };
  for (const Case& c : cases) {
    EXPECT_GE(html_internal::EstimateDepth(c.html, 1 << 20), c.depth) << c.html;
  }
}

TEST(HtmlExtract, OversizedInputRejected) {
  HtmlLimits limits;
  limits.max_bytes = 1000;
  Result<HtmlPage> page = ExtractHtml(std::string(1001, 'a'), limits);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(ExtractHtml(std::string(1000, 'a'), limits).ok());
}

TEST(HtmlExtract, EmptyAndGarbageInput) {
  const std::string cases[] = {
      "",
      "   ",
      "<",
      "</",
      "<!--",
      "<!-- x",
      "<script>",
      "<<<>>>",
      std::string("\0\0\xff\xfe<p>\x80", 9),
      "<p title='>",
      "&#xFFFFFFFF;",
      "<svg><path/><p>x",
      "<table><caption><select><option>",
  };
  for (const std::string& html : cases) {
    Result<HtmlPage> page = ExtractHtml(html);
    ASSERT_TRUE(page.ok()) << html;
    EXPECT_LE(page->text.size(), 16u) << html;
  }
}

// Regression (fuzz/regressions/html/gumbo_huge_charref*.html): Gumbo
// overflows on a numeric reference of 2^31 or more and emitted one invalid
// byte. Such a reference now reads as U+FFFD, mapped to its '&'.
struct HugeRefCase {
  const char* name;
  std::string prefix;  // before the paragraph (big scripts force a cut copy)
  std::string ref;
};

TEST(HtmlExtract, HugeCharRefIsReplacementCharacter) {
  const std::string big =
      "<script>var a='" + std::string(6000, 'x') + "';</script>";
  const HugeRefCase cases[] = {
      {"Hex", "", "&#x88888888;"},
      {"HexUpperNoSemicolon", "", "&#X99999999"},
      {"Decimal", "", "&#2147483776;"},
      {"LongDecimal", "", "&#99999999999999999999999;"},
      {"LeadingZeros", "", "&#x0000000088888888;"},
      {"AfterCut", big, "&#x88888888;"},
  };
  for (const HugeRefCase& c : cases) {
    std::string html = Page("<title>A &#x88888888; B</title>" + c.prefix +
                            "<p>Police killed two " + c.ref + " protesters. " +
                            kBody + "</p>");
    Result<HtmlPage> page = ExtractHtml(html);
    ASSERT_TRUE(page.ok()) << c.name;
    EXPECT_TRUE(IsValidUtf8(page->text)) << c.name;
    EXPECT_TRUE(IsValidUtf8(page->title)) << c.name;
    size_t at = page->text.find("two \xEF\xBF\xBD protesters");
    ASSERT_NE(at, std::string::npos) << c.name << ": " << page->text;
    Span ref = page->offsets.ToRaw(Span{uint32_t(at + 4), uint32_t(at + 7)});
    EXPECT_EQ(ref.begin, html.find(c.ref, html.find("<p>"))) << c.name;
    at = page->text.find("protesters");
    Span word = page->offsets.ToRaw(Span{uint32_t(at), uint32_t(at + 10)});
    EXPECT_EQ(word.In(html), "protesters") << c.name;
  }
}

TEST(HtmlExtract, HugeCharRefReproducersGiveValidUtf8) {
  for (const char* name :
       {"gumbo_huge_charref.html", "gumbo_huge_charref_min.html"}) {
    std::ifstream in(
        std::string(test_paths::SourcePath("/fuzz/regressions/html/")) + name,
        std::ios::binary);
    ASSERT_TRUE(in) << name;
    std::stringstream ss;
    ss << in.rdbuf();
    Result<HtmlPage> page = ExtractHtml(ss.str());
    if (!page.ok()) continue;  // a budget error is fine; bad text is not
    EXPECT_TRUE(IsValidUtf8(page->text)) << name;
    EXPECT_TRUE(IsValidUtf8(page->title)) << name;
  }
}

}  // namespace
}  // namespace sitrep
