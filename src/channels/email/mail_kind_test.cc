#include "channels/email/mail_kind.h"

#include <gtest/gtest.h>

namespace luister::email {
namespace {

MailSignals With(std::string name, std::string value) {
  MailSignals s;
  s.headers.emplace_back(std::move(name), std::move(value));
  s.from_address = "klant@example.nl";
  s.subject = "Vraag";
  return s;
}

TEST(ClassifyMailTest, PlainMailIsAMessage) {
  MailSignals s = With("Subject", "Vraag");
  EXPECT_EQ(ClassifyMail(s).kind, MailKind::kMessage);
  EXPECT_EQ(ClassifyMail(With("Auto-Submitted", "no")).kind, MailKind::kMessage);
  EXPECT_EQ(ClassifyMail(With("Precedence", "first-class")).kind, MailKind::kMessage);
  MailSignals subject = With("X", "y");
  subject.subject = "Absence of my refund";
  EXPECT_EQ(ClassifyMail(subject).kind, MailKind::kMessage);
}

TEST(ClassifyMailTest, AutomaticHeadersMakeAnAutoReply) {
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"Auto-Submitted", "auto-replied"},
                                                        {"auto-submitted", "Auto-Generated; x=y"},
                                                        {"X-Autoreply", "yes"},
                                                        {"X-Autorespond", "1"},
                                                        {"Precedence", "bulk"},
                                                        {"Precedence", "junk"},
                                                        {"Precedence", "list"},
                                                        {"List-Id", "<news.shop.example>"},
                                                        {"List-Unsubscribe", "<mailto:u@x>"}}) {
    KindVerdict v = ClassifyMail(With(name, value));
    EXPECT_EQ(v.kind, MailKind::kAutoReply) << name << ": " << value;
    EXPECT_FALSE(v.reason.empty());
  }
}

TEST(ClassifyMailTest, VacationSubjectsInFourLanguages) {
  for (std::string subject :
       {"Automatic reply: Uw bestelling", "Automatisch antwoord: Vraag", "Out of Office: vraag",
        "AUTO: Jan is afwezig", "Abwesenheitsnotiz: Frage", "Réponse automatique : Question"}) {
    MailSignals s = With("X", "y");
    s.subject = subject;
    EXPECT_EQ(ClassifyMail(s).kind, MailKind::kAutoReply) << subject;
  }
}

TEST(ClassifyMailTest, BouncesBeforeAutoReplies) {
  MailSignals dsn = With("Auto-Submitted", "auto-replied");
  dsn.content_type = "multipart/report";
  dsn.report_type = "delivery-status";
  EXPECT_EQ(ClassifyMail(dsn).kind, MailKind::kBounce);

  MailSignals daemon = With("X", "y");
  daemon.from_address = "MAILER-DAEMON@mx.example.com";
  daemon.subject = "Undeliverable: Uw vraag";
  EXPECT_EQ(ClassifyMail(daemon).kind, MailKind::kBounce);
  daemon.subject = "Onbestelbaar: Uw vraag";
  EXPECT_EQ(ClassifyMail(daemon).kind, MailKind::kBounce);
  // A daemon's other mail is automatic, not a bounce.
  daemon.subject = "Your mailbox is almost full";
  EXPECT_EQ(ClassifyMail(daemon).kind, MailKind::kAutoReply);

  EXPECT_EQ(ClassifyMail(With("X-Failed-Recipients", "a@b.c")).kind, MailKind::kBounce);

  MailSignals receipt = With("X", "y");
  receipt.content_type = "multipart/report";
  receipt.report_type = "disposition-notification";
  EXPECT_EQ(ClassifyMail(receipt).kind, MailKind::kAutoReply);
}

}  // namespace
}  // namespace luister::email
