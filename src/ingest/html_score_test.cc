// Main-text selection rules (html_score.cc, html_hints.cc): each case is a
// small invented page that the rule decides.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/html_internal.h"
#include "sitrep/html.h"

namespace sitrep {
namespace {

std::string Repeat(const std::string& words, int times) {
  std::string s;
  for (int i = 0; i < times; ++i) (s += words) += ' ';
  return s;
}

const std::string kStory =
    Repeat("Farmers blocked the ring road with tractors at dawn.", 5);
const std::string kStory2 =
    Repeat("The ministry said talks would resume on Friday.", 5);
// Longer than the story: a naive "largest text wins" picks it.
const std::string kChatter =
    Repeat("Great piece, but I think the author forgot the real reasons.", 8);

std::string Doc(const std::string& body_attrs, const std::string& inner) {
  return "<!doctype html><html><head><title>T</title></head><body" +
         body_attrs + ">" + inner + "</body></html>";
}

struct Case {
  const char* rule;
  std::string html;
  std::vector<std::string> want;
  std::vector<std::string> unwanted;
};

TEST(HtmlScore, SelectionRules) {
  const std::string comment =
      "<li class=comment><div class=comment-body><p>" + kChatter +
      "</p></div></li>";
  std::string teasers = "<ul class=cards>";
  for (int i = 0; i < 6; ++i) {
    teasers += "<li><h3><a href=/x>Another story</a></h3><div>" +
               Repeat("Teaser text about another story entirely.", 4) +
               "</div></li>";
  }
  teasers += "</ul>";
  std::string broken = "<div class=field>";
  for (int i = 0; i < 5; ++i) {
    broken += "<p>" + (i % 2 ? kStory2 : kStory) +
              "</p><div class=card><a href=/who>" +
              Repeat("Profile of the minister and her other news", 7) +
              "</a></div>";
  }
  broken += "<div class=quote><p>" + kChatter + "</p><p>" + kChatter +
            "</p></div></div>";
  const Case cases[] = {
      {"the article's paragraphs broken up by link cards are not lost to a "
       "denser quote inside it",
       Doc("", broken),
       {"Farmers blocked", "talks would resume", "Great piece"},
       {"Profile of the minister"}},
      {"the article is the child holding nearly all paragraph text, not the "
       "page that also holds teaser cards",
       Doc("", "<div class=main><div><p>" + kStory + "</p><p>" + kStory2 +
                   "</p></div>" + teasers + "</div>"),
       {"Farmers blocked", "talks would resume"},
       {"Teaser text"}},
      {"a comment section longer than the article is never the article",
       Doc("", "<article><div class=entry-content><p>" + kStory +
                   "</p></div></article><div id=comments "
                   "class=comments-area><ol class=comment-list>" +
                   comment + comment + comment + "</ol></div>"),
       {"Farmers blocked"},
       {"Great piece"}},
      {"the article is never inside a boilerplate element",
       Doc("", "<div itemprop=articleBody><p>" + kStory +
                   "</p></div><div class=footer-wrap><div "
                   "class=footer-text><p>" +
                   kChatter + "</p></div></div>"),
       {"Farmers blocked"},
       {"Great piece"}},
      {"a boilerplate-named wrapper around the article body is no boilerplate",
       Doc("", "<div class=sticky-sidebar><div class=article-body><p>" +
                   kStory + "</p><p>" + kStory2 +
                   "</p></div></div><div class=sidebar><p>Most read "
                   "today</p></div>"),
       {"Farmers blocked", "talks would resume"},
       {"Most read"}},
      {"class names on <body> describe the page, not a part of it",
       Doc(" class='single-post one-sidebar comments-open'",
           "<div><p>" + kStory + "</p><p>" + kStory2 + "</p></div>"),
       {"Farmers blocked", "talks would resume"},
       {}},
      {"'with-sidebar', 'has-comments' name a layout state, not boilerplate",
       Doc("", "<div class='content-with-sidebar has-comments'><p>" + kStory +
                   "</p><p>" + kStory2 + "</p></div>"),
       {"Farmers blocked", "talks would resume"},
       {}},
  };
  for (const Case& c : cases) {
    Result<HtmlPage> page = ExtractHtml(c.html);
    ASSERT_TRUE(page.ok()) << c.rule;
    for (const auto& w : c.want) {
      EXPECT_NE(page->text.find(w), std::string::npos)
          << c.rule << ": missing '" << w << "' in: " << page->text;
    }
    for (const auto& w : c.unwanted) {
      EXPECT_EQ(page->text.find(w), std::string::npos)
          << c.rule << ": kept '" << w << "' in: " << page->text;
    }
  }
}

TEST(HtmlScore, ClassHintSigns) {
  struct HintCase {
    const char* names;
    int sign;  // -1 boilerplate, 0 neutral, +1 article
  };
  const HintCase cases[] = {
      {"sidebar", -1},          {"has-sidebar", 0},
      {"no-comments", 0},       {"comments-area", -1},
      {"with-ads", 0},          {"ad-slot", -1},
      {"article-body", 1},      {"content-with-sidebar", 1},
      {"entry-content", 1},     {"share-tools", -1},
      {"layout-grid", 0},       {"enable-share", 0},
  };
  for (const HintCase& c : cases) {
    int h = html_internal::ClassHint(c.names);
    int sign = h > 0 ? 1 : h < 0 ? -1 : 0;
    EXPECT_EQ(sign, c.sign) << c.names << " -> " << h;
  }
}

}  // namespace
}  // namespace sitrep
