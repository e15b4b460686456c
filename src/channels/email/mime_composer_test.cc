#include "channels/email/mime_composer.h"

#include <gtest/gtest.h>

#include "channels/email/mime_parser.h"

namespace luister::email {
namespace {

OutboundMail Reply() {
  OutboundMail m;
  m.from = {"Anna de Vries (Klantenservice)", "support@desk.example"};
  m.reply_to = {"Klantenservice", "support@desk.example"};
  m.to = {{"Jan Jansen", "jan@klant.example"}};
  m.subject = "Re: Bestelling é 1042 [#7]";
  m.message_id = "luister.9.abc@desk.example";
  m.in_reply_to = "q1@klant.example";
  m.references = {"q0@klant.example", "q1@klant.example"};
  m.date = FromMillis(1'796'000'000'000);
  m.text = "Beste Jan,\n\nwe sturen vandaag een nieuwe fles. Groet, Anna\n" +
           std::string(2000, 'x') + "\n";  // a line longer than SMTP allows unencoded
  return m;
}

TEST(MimeComposerTest, AReplyReadsBackWithItsThreadingHeadersAndText) {
  GmimeMailComposer composer;
  auto raw = composer.Compose(Reply());
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  EXPECT_NE(raw->find("\r\n"), std::string::npos) << "CRLF for SMTP";
  for (size_t start = 0, end; (end = raw->find("\r\n", start)) != std::string::npos;
       start = end + 2)
    EXPECT_LE(end - start, 998u) << "every line within RFC 5322's limit";
  auto back = ParseMail(*raw);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->subject, "Re: Bestelling é 1042 [#7]");
  EXPECT_EQ(back->message_id, "luister.9.abc@desk.example");
  EXPECT_EQ(back->in_reply_to, "q1@klant.example");
  EXPECT_EQ(back->references, (std::vector<std::string>{"q0@klant.example", "q1@klant.example"}));
  ASSERT_TRUE(back->from);
  EXPECT_EQ(back->from->name, "Anna de Vries (Klantenservice)");
  EXPECT_EQ(back->from->address, "support@desk.example");
  ASSERT_EQ(back->to.size(), 1u);
  EXPECT_EQ(back->to[0].address, "jan@klant.example");
  ASSERT_EQ(back->reply_to.size(), 1u);
  EXPECT_NE(back->text.find("nieuwe fles"), std::string::npos);
  EXPECT_FALSE(back->has_html);
  EXPECT_EQ(back->kind, MailKind::kMessage);
}

// The desk's automatic notices say so, and our own parser (like any
// responder following RFC 3834) reads them as auto-replies.
TEST(MimeComposerTest, AnAutomaticNoticeIsMarkedAutoSubmitted) {
  GmimeMailComposer composer;
  OutboundMail notice = Reply();
  notice.auto_submitted = true;
  auto raw = composer.Compose(notice);
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  EXPECT_NE(raw->find("\r\nAuto-Submitted: auto-replied\r\n"), std::string::npos) << *raw;
  auto back = ParseMail(*raw);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->kind, MailKind::kAutoReply);
  auto plain = composer.Compose(Reply());
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->find("Auto-Submitted"), std::string::npos) << "an agent's reply is not";
}

TEST(MimeComposerTest, HtmlGoesBesideTheTextAndAttachmentsKeepTheirBytes) {
  OutboundMail m = Reply();
  m.html = "<p>Beste Jan, <b>nieuwe fles</b></p>";
  MailAttachment pdf;
  pdf.filename = "factuur €.pdf";
  pdf.content_type = "application/pdf";
  static constexpr char kBytes[] = "%PDF-1.4\0\x01\x02 binary";
  pdf.data = std::string(kBytes, sizeof kBytes - 1);  // with the NUL inside
  pdf.size = pdf.data.size();
  m.attachments.push_back(pdf);
  GmimeMailComposer composer;
  auto raw = composer.Compose(m);
  ASSERT_TRUE(raw.ok());
  auto back = ParseMail(*raw);
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->has_html);
  ASSERT_EQ(back->attachments.size(), 1u);
  EXPECT_EQ(back->attachments[0].filename, "factuur €.pdf");
  EXPECT_EQ(back->attachments[0].content_type, "application/pdf");
  EXPECT_EQ(back->attachments[0].data, pdf.data);
  EXPECT_EQ(back->attachments[0].sha256, Sha256Hex(pdf.data));
  m.to.clear();
  EXPECT_EQ(composer.Compose(m).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace luister::email
