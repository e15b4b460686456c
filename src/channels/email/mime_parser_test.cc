#include "channels/email/mime_parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

namespace luister::email {
namespace {

std::string Corpus(const std::string& name) {
  std::ifstream in(std::string(LUISTER_MAIL_CORPUS) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

InboundMail Parse(const std::string& name) {
  auto parsed = ParseMail(Corpus(name));
  EXPECT_TRUE(parsed.ok()) << name << ": " << parsed.status().message();
  return parsed.ok() ? *parsed : InboundMail{};
}

TEST(MimeParserTest, HeadersAreDecodedAndIdsLoseTheirBrackets) {
  InboundMail m = Parse("alternative-windows-1250.eml");
  ASSERT_TRUE(m.from);
  EXPECT_EQ(m.from->name, "Jansen, Piet");
  EXPECT_EQ(m.from->address, "piet@example.nl");
  ASSERT_EQ(m.to.size(), 2u);
  EXPECT_EQ(m.to[1].name, "Renée");
  ASSERT_EQ(m.cc.size(), 1u);
  EXPECT_EQ(m.cc[0].address, "boss@example.nl");
  // Two encoded words in two charsets, folded: joined without the space.
  EXPECT_EQ(m.subject, "Bestelling niet ontvangen é– urgent");
  ASSERT_TRUE(m.date);
  EXPECT_EQ(FormatIso8601(*m.date), "2026-12-01T09:15:00.000Z");
  EXPECT_EQ(m.message_id, "abc.123@mail.example.nl");
  EXPECT_EQ(m.in_reply_to, "prev@desk.example");
  EXPECT_EQ(m.references, (std::vector<std::string>{"first@desk.example", "prev@desk.example"}));
  EXPECT_EQ(m.kind, MailKind::kMessage);
}

TEST(MimeParserTest, AlternativeGivesPlainTextAndSanitisedHtml) {
  InboundMail m = Parse("alternative-windows-1250.eml");
  EXPECT_TRUE(m.has_html);
  EXPECT_EQ(m.html.find("script"), std::string::npos) << m.html;
  EXPECT_NE(m.html.find("<b>bestelling</b>"), std::string::npos) << m.html;
  // Windows-1250 quoted-printable: ý is 0xFD there.
  EXPECT_EQ(m.text.rfind("Dobrý den, mijn bestelling is niet aangekomen.", 0), 0u) << m.text;
  EXPECT_EQ(m.new_text, "Dobrý den, mijn bestelling is niet aangekomen.");
}

TEST(MimeParserTest, CharsetsBecomeUtf8) {
  InboundMail jp = Parse("iso-2022-jp.eml");
  EXPECT_EQ(jp.subject, "注文について");
  ASSERT_TRUE(jp.from);
  EXPECT_EQ(jp.from->name, "山田太郎");
  EXPECT_EQ(jp.text, "お問い合わせありがとうございます。注文番号は12345です。");

  InboundMail mixed = Parse("charsets-mixed.eml");
  EXPECT_EQ(
      mixed.text,
      "Здравствуйте, заказ не пришёл.\n\n您好，我的订单没有到。\n\nPrijs: 25 € inclusief btw, "
      "geïnd.");

  InboundMail utf8 = Parse("undeclared-utf8.eml");
  EXPECT_EQ(utf8.subject, "Factuur — vraag over €");
  EXPECT_EQ(utf8.from->name, "Zoë Bakker");
  EXPECT_EQ(utf8.text, "Hoi, mijn factuur klopt niet: €12,50 te veel. Groetjes, Zoë");

  InboundMail latin1 = Parse("undeclared-latin1.eml");
  EXPECT_EQ(latin1.subject, "Señal perdida");
  EXPECT_EQ(latin1.from->name, "José García");
  EXPECT_EQ(latin1.text, "No tengo señal desde el miércoles. ¡Gracias!");

  InboundMail unknown = Parse("broken-charset-label.eml");
  EXPECT_EQ(unknown.text, "Café au lait");
  EXPECT_FALSE(unknown.date) << "an unreadable Date is no date, not the epoch";
  EXPECT_FALSE(unknown.warnings.empty());
}

TEST(MimeParserTest, AttachmentsInlineImagesAndEncodedFilenames) {
  InboundMail m = Parse("apple-inline-image.eml");
  EXPECT_EQ(m.text, "Zie foto.\n\nVerzonden vanaf mijn iPhone");
  EXPECT_EQ(m.new_text, "Zie foto.");
  ASSERT_EQ(m.attachments.size(), 2u);
  const MailAttachment& image = m.attachments[0];
  EXPECT_EQ(image.filename, "IMG_0001.png");
  EXPECT_EQ(image.content_type, "image/png");
  EXPECT_EQ(image.content_id, "photo1@icloud");
  EXPECT_TRUE(image.inline_part);
  EXPECT_EQ(image.size, 70u);
  EXPECT_EQ(image.data.size(), 70u);
  EXPECT_EQ(image.data.substr(1, 3), "PNG");
  const MailAttachment& pdf = m.attachments[1];
  EXPECT_EQ(pdf.filename, "€ factuur décembre.pdf");  // RFC 2231
  EXPECT_FALSE(pdf.inline_part);
  EXPECT_EQ(pdf.data.rfind("%PDF-1.4", 0), 0u);
  // sha256 of the decoded bytes, as `sha256sum` prints it.
  EXPECT_EQ(pdf.sha256, "5a838678058f6de375e8635b5f2fea47a4e5f07cb1a882a44b10f39abc6f34ff");

  InboundMail named = Parse("attachments-encoded-names.eml");
  ASSERT_EQ(named.attachments.size(), 2u);
  EXPECT_EQ(named.attachments[0].filename, "overzicht €.csv");  // RFC 2047 in a parameter
  EXPECT_EQ(named.attachments[0].data, "a;b\r\n1;2");
  EXPECT_EQ(named.attachments[1].filename, "");
  EXPECT_EQ(named.attachments[1].size, 10u);
}

TEST(MimeParserTest, ForwardedMessageIsAnAttachment) {
  InboundMail m = Parse("forwarded-rfc822.eml");
  EXPECT_EQ(m.text, "Zie hieronder, kunnen jullie dit oppakken?");
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].content_type, "message/rfc822");
  EXPECT_EQ(m.attachments[0].filename, "Klacht over levering.eml");
  EXPECT_NE(m.attachments[0].data.find("Mijn pakket is al twee weken te laat."), std::string::npos);
}

TEST(MimeParserTest, QuotedHistoryOfOutlookAndGmailIsNotNewText) {
  InboundMail outlook = Parse("outlook-reply.eml");
  EXPECT_EQ(outlook.new_text,
            "Het werkt nog steeds niet, ook niet na herstarten.\n\nMet vriendelijke groet,\nAnna");
  EXPECT_NE(outlook.text.find("Beste Anna"), std::string::npos);

  InboundMail gmail = Parse("gmail-html-reply.eml");
  EXPECT_TRUE(gmail.has_html);
  EXPECT_NE(gmail.text.find("> Kunt u het ordernummer sturen?"), std::string::npos) << gmail.text;
  EXPECT_EQ(gmail.new_text, "Ik wil de schoenen graag retourneren.\n\nTom");
}

TEST(MimeParserTest, AutoRepliesListsAndReceipts) {
  EXPECT_EQ(Parse("auto-reply-rfc3834.eml").kind, MailKind::kAutoReply);
  EXPECT_EQ(Parse("auto-reply-outlook-nl.eml").kind, MailKind::kAutoReply);
  EXPECT_EQ(Parse("mailing-list.eml").kind, MailKind::kAutoReply);
  InboundMail receipt = Parse("read-receipt.eml");
  EXPECT_EQ(receipt.kind, MailKind::kAutoReply);
  EXPECT_EQ(receipt.kind_reason, "read receipt");
}

TEST(MimeParserTest, BouncesNameTheFailedRecipientAndTheBouncedMessage) {
  InboundMail dsn = Parse("bounce-dsn.eml");
  EXPECT_EQ(dsn.kind, MailKind::kBounce);
  // The delayed recipient has not failed (yet).
  EXPECT_EQ(dsn.failed_recipients, std::vector<std::string>{"nobody@example.org"});
  EXPECT_EQ(dsn.bounced_message_id, "luister.1050.k3y@desk.example");
  EXPECT_EQ(dsn.bounce_diagnostic, "550 5.1.1 User unknown");

  InboundMail qmail = Parse("bounce-qmail.eml");
  EXPECT_EQ(qmail.kind, MailKind::kBounce);
  EXPECT_EQ(qmail.bounced_message_id, "luister.2000.zz@desk.example");
}

TEST(MimeParserTest, BrokenMimeKeepsWhatCanBeRead) {
  InboundMail no_boundary = Parse("broken-no-boundary.eml");
  EXPECT_EQ(no_boundary.text, "Dit is de tekst van een kapot bericht.");
  EXPECT_FALSE(no_boundary.warnings.empty());

  InboundMail unterminated = Parse("broken-unterminated.eml");
  EXPECT_EQ(unterminated.text, "Eerste deel zonder einde.");
  ASSERT_EQ(unterminated.attachments.size(), 1u);
  EXPECT_EQ(unterminated.attachments[0].filename, "half.pdf");
}

TEST(MimeParserTest, NoHeaderAtAllIsRefused) {
  EXPECT_FALSE(ParseMail("").ok());
  EXPECT_FALSE(ParseMail("just some words\nand more\n").ok());
  auto garbage = ParseMail(std::string("\x00\x01\x02 not mail", 12));
  ASSERT_FALSE(garbage.ok());
  EXPECT_NE(garbage.status().message().find("no header"), std::string::npos);
}

TEST(MimeParserTest, OversizedAttachmentsAreListedButNotKept) {
  ParseOptions options;
  options.max_attachment_bytes = 20;
  auto m = ParseMail(Corpus("apple-inline-image.eml"), options);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->attachments.size(), 2u);
  EXPECT_EQ(m->attachments[0].size, 70u);
  EXPECT_TRUE(m->attachments[0].data.empty());
  EXPECT_FALSE(m->attachments[0].sha256.empty());
  bool warned = false;
  for (const auto& w : m->warnings) warned = warned || w.find("too large") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(MimeParserTest, DeepNestingAndHugeHeadersStayBounded) {
  std::string deep = "From: a@example.com\r\nSubject: deep\r\nMIME-Version: 1.0\r\n";
  const int levels = 5000;
  for (int i = 0; i < levels; ++i) {
    deep += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\r\n\r\n--b" +
            std::to_string(i) + "\r\n";
  }
  deep += "Content-Type: text/plain\r\n\r\nbottom\r\n";
  auto m = ParseMail(deep);
  ASSERT_TRUE(m.ok());
  bool nesting_warned = false;
  for (const auto& w : m->warnings)
    nesting_warned = nesting_warned || w.find("nesting") != std::string::npos;
  EXPECT_TRUE(nesting_warned);

  std::string huge = "From: a@example.com\r\nSubject: " + std::string(1 << 20, 'x') +
                     "\r\nTo: " + std::string(20000, ',') + "b@example.com\r\n\r\nbody\r\n";
  auto h = ParseMail(huge);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->subject.size(), size_t{1} << 20);
  EXPECT_EQ(h->text, "body");
}

}  // namespace
}  // namespace luister::email
