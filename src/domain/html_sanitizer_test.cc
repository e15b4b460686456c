#include "domain/html_sanitizer.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

TEST(SanitizeHtmlTest, KeepsFormattingDropsDanger) {
  EXPECT_EQ(SanitizeHtml("<p>Hallo <b>Anna</b></p>"), "<p>Hallo <b>Anna</b></p>");
  EXPECT_EQ(SanitizeHtml("<script>alert(1)</script>ok"), "ok");
  EXPECT_EQ(SanitizeHtml("<img src=x onerror=alert(1)>x"), "x");
  EXPECT_EQ(SanitizeHtml("<p onclick=\"evil()\">t</p>"), "<p>t</p>");
  EXPECT_EQ(SanitizeHtml("<style>p{}</style><iframe src=a></iframe>"), "");
}

TEST(SanitizeHtmlTest, LinksOnlyWithSafeSchemes) {
  EXPECT_EQ(SanitizeHtml("<a href=\"https://example.nl/a?b=1&c=2\">x</a>"),
            "<a href=\"https://example.nl/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">x</a>");
  EXPECT_EQ(SanitizeHtml("<a href=\"javascript:alert(1)\">x</a>"), "<a>x</a>");
  EXPECT_EQ(SanitizeHtml("<a href=\"java\tscript:alert(1)\">x</a>"), "<a>x</a>");
}

TEST(SanitizeHtmlTest, EscapesTextAndRepairsMarkup) {
  EXPECT_EQ(SanitizeHtml("1 &lt; 2 & 3 > 2"), "1 &lt; 2 &amp; 3 &gt; 2");
  EXPECT_EQ(SanitizeHtml("<b><i>x</b>"), "<b><i>x</i></b>");
  EXPECT_EQ(SanitizeHtml("<p>unclosed"), "<p>unclosed</p>");
}

TEST(HtmlToTextTest, BlocksBecomeLines) {
  EXPECT_EQ(HtmlToText("<p>Beste klant,</p><p>Uw bestelling   is <b>onderweg</b>.</p>"),
            "Beste klant,\n\nUw bestelling is onderweg.");
  EXPECT_EQ(HtmlToText("a<br>b<script>x()</script>"), "a\nb");
}

}  // namespace
}  // namespace luister
