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
  EXPECT_EQ(
      SanitizeHtml("<a href=\"https://example.nl/a?b=1&c=2\">x</a>"),
      "<a href=\"https://example.nl/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">x</a>");
  EXPECT_EQ(SanitizeHtml("<a href=\"javascript:alert(1)\">x</a>"), "<a>x</a>");
  EXPECT_EQ(SanitizeHtml("<a href=\"java\tscript:alert(1)\">x</a>"), "<a>x</a>");
  // What is written is what the browser follows: tabs and line breaks
  // removed, ends trimmed; other control characters refuse the link.
  EXPECT_EQ(SanitizeHtml("<a href=\" ht\ntps://example.nl/\t\">x</a>"),
            "<a href=\"https://example.nl/\" rel=\"noopener noreferrer nofollow\">x</a>");
  EXPECT_EQ(SanitizeHtml("<a href=\"mai\flto:a@b.nl\">x</a>"), "<a>x</a>");
  EXPECT_EQ(SanitizeHtml("<a href=\"HTTPS://EXAMPLE.NL\">x</a>"),
            "<a href=\"HTTPS://EXAMPLE.NL\" rel=\"noopener noreferrer nofollow\">x</a>");
}

TEST(SanitizeHtmlTest, ImagesOnlyFromTheMailItself) {
  EXPECT_EQ(SanitizeHtml("<p><img src=\"cid:logo@x\" alt=\"Logo\" onload=\"e()\"></p>"),
            "<p><img src=\"cid:logo@x\" alt=\"Logo\"></p>");
  EXPECT_EQ(SanitizeHtml("<img src=\" CID:a&b\">"), "<img src=\"cid:a&amp;b\" alt=\"\">");
  // Remote images (tracking pixels), data: and javascript: go.
  EXPECT_EQ(SanitizeHtml("a<img src=\"https://t.example/p.gif\">b"), "ab");
  EXPECT_EQ(SanitizeHtml("<img src=\"data:image/png;base64,AAAA\">"), "");
  EXPECT_EQ(SanitizeHtml("<img src=\"javascript:alert(1)\">"), "");
  EXPECT_EQ(SanitizeHtml("<img src=\"cid:\">"), "");
  EXPECT_EQ(SanitizeHtml("<img src=\"cid:a b\">"), "");
  // Text that looks like the markup stays text.
  EXPECT_EQ(SanitizeHtml("&lt;img src=\"cid:x\"&gt;"), "&lt;img src=&quot;cid:x&quot;&gt;");
}

TEST(LinkInlineImagesTest, PointsKnownPartsAtTheirUrls) {
  auto url = [](std::string_view cid) -> std::optional<std::string> {
    if (cid == "logo@x") return "/api/v1/attachments/7";
    if (cid == "a&b") return "/api/v1/attachments/8?x=1&y=2";
    return std::nullopt;
  };
  EXPECT_EQ(LinkInlineImages(SanitizeHtml("<p><img src=\"cid:logo@x\" alt=\"Logo\"> hi</p>"), url),
            "<p><img src=\"/api/v1/attachments/7\" alt=\"Logo\"> hi</p>");
  EXPECT_EQ(LinkInlineImages(SanitizeHtml("<img src=\"cid:a&b\">"), url),
            "<img src=\"/api/v1/attachments/8?x=1&amp;y=2\" alt=\"\">");
  // A part that was not kept: the image stays as it was (the alt text shows).
  EXPECT_EQ(LinkInlineImages(SanitizeHtml("<img src=\"cid:gone\" alt=\"G\">"), url),
            "<img src=\"cid:gone\" alt=\"G\">");
  const std::string text = SanitizeHtml("&lt;img src=\"cid:logo@x\"&gt; and <b>more</b>");
  EXPECT_EQ(LinkInlineImages(text, url), text);
  EXPECT_EQ(LinkInlineImages("", url), "");
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

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// The parser's time grows with the square of the nesting (30,000 nested
// spans took 43 s and 7 GB before the bounds): such input is read as text,
// keeping its words, and never reaches the parser.
TEST(HtmlBoundsTest, DeepNestingIsReadAsTextWithoutTheParser) {
  for (std::string_view open : {"<span>", "<div>", "<b>", "<table><tr><td>", "<a href=x>"}) {
    std::string deep = Repeat(open, 30000) + "x &amp; y";
    HtmlStats stats;
    EXPECT_EQ(SanitizeHtml(deep, &stats), "<p>x &amp; y</p>") << open;
    EXPECT_FALSE(stats.parsed) << open;
    EXPECT_GT(stats.depth, kMaxHtmlDepth) << open;
    EXPECT_EQ(HtmlToText(deep), "x & y") << open;
  }
}

TEST(HtmlBoundsTest, OrdinaryMailIsParsedHoweverLong) {
  // Paragraphs and line breaks that are never closed do not nest; a long
  // thread of quoted replies nests only as deep as its quotes.
  std::string mail = Repeat("<p>Beste klant,<br>uw pakket<br>", 2000) + Repeat("<blockquote>", 40) +
                     "oud" + Repeat("</blockquote>", 40);
  HtmlStats stats;
  std::string clean = SanitizeHtml(mail, &stats);
  EXPECT_TRUE(stats.parsed);
  EXPECT_LE(stats.depth, 41u);
  EXPECT_NE(clean.find("<blockquote><blockquote>"), std::string::npos);
  EXPECT_EQ(stats.elements, 2000u * 3 + 40);
}

TEST(HtmlBoundsTest, TooManyElementsAreReadAsText) {
  std::string many = Repeat("<b>a</b>", kMaxHtmlElements + 1);
  HtmlStats stats;
  std::string clean = SanitizeHtml(many, &stats);
  EXPECT_FALSE(stats.parsed);
  EXPECT_EQ(clean, "<p>" + Repeat("a", kMaxHtmlElements + 1) + "</p>");
}

// What the parser may hold for the largest body a message may have
// (256 KiB), whatever its shape: a budget, checked by counting the parser's
// own allocations, not by timing.
TEST(HtmlBoundsTest, TheParserStaysWithinItsMemoryBudget) {
  constexpr size_t kBody = 256 * 1024;
  constexpr size_t kBudget = 64u << 20;
  const std::string nested = Repeat("<i>", kMaxHtmlDepth) + "x" + Repeat("</i>", kMaxHtmlDepth);
  const std::string shapes[] = {
      // Nesting at the depth bound, repeated up to the element bound.
      Repeat(nested, kMaxHtmlElements / kMaxHtmlDepth),
      // One element with thousands of attributes.
      "<p " + Repeat("a=1 ", kBody / 4 - 8) + ">x</p>",
      // Huge runs of entities and of text.
      Repeat("&amp;&#x1F600;&nbsp;", kBody / 20),
      Repeat("x", kBody),
      // Elements up to the count bound, misnested to make the parser repair.
      Repeat("<b><i>x</b></i>", kMaxHtmlElements / 2 - 1),
      // Unclosed formatting elements, up to the depth bound, then text.
      Repeat("<b>", kMaxHtmlDepth) + Repeat("<p>y", 2000),
  };
  for (const std::string& html : shapes) {
    ASSERT_LE(html.size(), kBody + 64);
    HtmlStats stats;
    std::string clean = SanitizeHtml(html, &stats);
    EXPECT_TRUE(stats.parsed) << html.substr(0, 40);
    EXPECT_LT(stats.peak_bytes, kBudget) << html.substr(0, 40);
    EXPECT_GT(stats.peak_bytes, 0u);
    EXPECT_FALSE(clean.empty());
  }
}

TEST(EscapeHtmlTest, EscapesTextAndAttributeCharactersAndKeepsTheRest) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(EscapeHtml("Één café"), "Één café");
  EXPECT_EQ(EscapeHtml(""), "");
}

}  // namespace
}  // namespace luister
