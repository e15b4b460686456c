#include "domain/promise.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

Timestamp At(const char* iso) { return *ParseIso8601(iso); }

TimeReference Ref(Language lang) {
  auto ref = OfficeReference(At("2026-12-04T10:15:00+01:00"), "Europe/Amsterdam", lang);
  EXPECT_TRUE(ref.ok());
  return *ref;
}

Promise Information(std::string what, PromiseKind kind = PromiseKind::kSendInformation) {
  Promise p;
  p.by = PromiseParty::kUs;
  p.kind = kind;
  p.what = std::move(what);
  return p;
}

TEST(ReplyDeliversTest, AHandOverOfWhatWasPromisedKeepsIt) {
  const TimeReference nl = Ref(Language::kNl);
  const TimeReference en = Ref(Language::kEn);
  const Promise form = Information("Ik stuur u het retourformulier vrijdag op");
  EXPECT_TRUE(ReplyDelivers(form, "Hierbij het retourformulier, zoals beloofd.", 0, nl));
  EXPECT_TRUE(
      ReplyDelivers(form, "U vindt de retourformulieren via https://example.nl/retour", 0, nl));
  const Promise manual = Information("send the manual of the coffee machine");
  EXPECT_TRUE(
      ReplyDelivers(manual, "Here is the manual you asked for: https://x.example/m.pdf", 0, en));
  EXPECT_TRUE(ReplyDelivers(manual, "Please find the manuals below.\n\n1. Descale ...", 0, en));
  // A file delivers it, whatever the words.
  EXPECT_TRUE(ReplyDelivers(manual, "Kind regards", 1, en));
  // "the information": any hand-over delivers it.
  EXPECT_TRUE(ReplyDelivers(Information("de informatie sturen"), "Hieronder de gegevens.", 0, nl));
  EXPECT_TRUE(ReplyDelivers(Information("copies of the invoices", PromiseKind::kDocuments),
                            "Attached: the invoice copies for May.", 0, en));
}

TEST(ReplyDeliversTest, PromisingAgainTalkingOrOtherThingsKeepNothing) {
  const TimeReference nl = Ref(Language::kNl);
  const TimeReference en = Ref(Language::kEn);
  const Promise form = Information("Ik stuur u het retourformulier vrijdag op");
  // Promised again for later.
  EXPECT_FALSE(
      ReplyDelivers(form, "Het retourformulier stuur ik u morgen op, zoals beloofd.", 0, nl));
  EXPECT_FALSE(ReplyDelivers(Information("the manual"),
                             "As promised, I will send you the manual tomorrow.", 0, en));
  // No hand-over: talk about it.
  EXPECT_FALSE(ReplyDelivers(form, "Heeft u het retourformulier al ingevuld?", 0, nl));
  // A hand-over of something else.
  EXPECT_FALSE(ReplyDelivers(form, "Hierbij de factuur van uw bestelling.", 0, nl));
  EXPECT_FALSE(ReplyDelivers(Information("the warranty terms"),
                             "Here is the tracking link: https://track.example/1", 0, en));
  // Not an information promise, not ours, not live.
  Promise callback = Information("bel terug");
  callback.kind = PromiseKind::kCallback;
  EXPECT_FALSE(ReplyDelivers(callback, "Hierbij", 1, nl));
  Promise theirs = form;
  theirs.by = PromiseParty::kCustomer;
  EXPECT_FALSE(ReplyDelivers(theirs, "Hierbij het retourformulier.", 1, nl));
  Promise kept = form;
  kept.status = PromiseStatus::kKept;
  EXPECT_FALSE(ReplyDelivers(kept, "Hierbij het retourformulier.", 1, nl));
}

TEST(WithinContactHoursTest, ACallbackFallsWithinTheCustomersHours) {
  auto zone = ZoneClock::Open("Europe/Amsterdam");
  ASSERT_TRUE(zone.ok());
  const ContactHours mornings{9 * 60, 12 * 60 + 30};
  // "tomorrow": Saturday 5 December 2026, the whole day.
  TimeSpan day{At("2026-12-05T00:00:00+01:00"), At("2026-12-06T00:00:00+01:00"), TimeGrain::kDay};
  TimeSpan got = WithinContactHours(day, PromiseKind::kCallback, mornings, *zone);
  EXPECT_EQ(got.start, At("2026-12-05T09:00:00+01:00"));
  EXPECT_EQ(got.end, At("2026-12-05T12:30:00+01:00"));
  EXPECT_EQ(got.grain, TimeGrain::kPartOfDay);
  // "tomorrow before 11": the overlap only.
  TimeSpan before11{At("2026-12-05T00:00:00+01:00"), At("2026-12-05T11:00:00+01:00"),
                    TimeGrain::kHour};
  got = WithinContactHours(before11, PromiseKind::kVisit, mornings, *zone);
  EXPECT_EQ(got.start, At("2026-12-05T09:00:00+01:00"));
  EXPECT_EQ(got.end, At("2026-12-05T11:00:00+01:00"));
  // "tomorrow afternoon": outside their hours; left as promised.
  TimeSpan afternoon{At("2026-12-05T13:00:00+01:00"), At("2026-12-05T18:00:00+01:00"),
                     TimeGrain::kPartOfDay};
  got = WithinContactHours(afternoon, PromiseKind::kCallback, {14 * 60, 16 * 60}, *zone);
  EXPECT_EQ(got.start, At("2026-12-05T14:00:00+01:00"));
  got = WithinContactHours(afternoon, PromiseKind::kCallback, mornings, *zone);
  EXPECT_EQ(got.start, afternoon.start);
  EXPECT_EQ(got.end, afternoon.end);
  // "within 2 business days": ends with the last morning inside it.
  TimeSpan two{At("2026-12-04T10:15:00+01:00"), At("2026-12-09T00:00:00+01:00"), TimeGrain::kDay};
  got = WithinContactHours(two, PromiseKind::kCallback, mornings, *zone);
  EXPECT_EQ(got.start, two.start);
  EXPECT_EQ(got.end, At("2026-12-08T12:30:00+01:00"));
  // Across the change to summer time: the wall clock counts.
  TimeSpan march{At("2027-03-28T00:00:00+01:00"), At("2027-03-29T00:00:00+02:00"), TimeGrain::kDay};
  got = WithinContactHours(march, PromiseKind::kCallback, mornings, *zone);
  EXPECT_EQ(got.start, At("2027-03-28T09:00:00+02:00"));
  // Other kinds keep their span.
  got = WithinContactHours(day, PromiseKind::kRefund, mornings, *zone);
  EXPECT_EQ(got.start, day.start);
  EXPECT_EQ(got.end, day.end);
}

Customer Reachable(std::optional<Channel> preferred, bool email, bool failing = false) {
  Customer c;
  c.name = "Karin de Vries";
  c.preferred_channel = preferred;
  if (email) {
    Identity i;
    i.kind = IdentityKind::kEmail;
    i.value = "karin@example.nl";
    if (failing) i.failing = "550 no such user";
    c.identities.push_back(i);
  }
  return c;
}

Conversation On(Channel channel, bool public_thread = false) {
  Conversation c;
  c.id = 17;
  c.channel = channel;
  c.public_thread = public_thread;
  return c;
}

TEST(RouteNoticeTest, ThePreferredChannelWhereTheDeskCanWriteElseEmail) {
  const Conversation mail = On(Channel::kEmail);
  auto r = RouteNotice(Reachable(std::nullopt, true), &mail);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->channel, Channel::kEmail);
  EXPECT_TRUE(r->in_conversation);
  EXPECT_FALSE(r->by_email);
  EXPECT_FALSE(r->fallback);
  // A call cannot carry it: by e-mail, from the call's conversation, said so.
  const Conversation call = On(Channel::kPhone);
  r = RouteNotice(Reachable(Channel::kPhone, true), &call);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->channel, Channel::kEmail);
  EXPECT_TRUE(r->in_conversation);
  EXPECT_TRUE(r->by_email);
  EXPECT_TRUE(r->fallback);
  // A private social thread is answered in place; a public one never.
  const Conversation dm = On(Channel::kSocial);
  r = RouteNotice(Reachable(Channel::kSocial, true), &dm);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->channel, Channel::kSocial);
  EXPECT_TRUE(r->in_conversation);
  const Conversation post = On(Channel::kSocial, true);
  r = RouteNotice(Reachable(Channel::kSocial, true), &post);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->channel, Channel::kEmail);
  EXPECT_FALSE(r->in_conversation) << "a new e-mail conversation";
  EXPECT_TRUE(r->fallback);
  // Without a conversation: a new e-mail one.
  r = RouteNotice(Reachable(Channel::kEmail, true), nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->in_conversation);
  EXPECT_FALSE(r->fallback);
}

TEST(RouteNoticeTest, NoWayToWriteIsSaid) {
  const Conversation call = On(Channel::kPhone);
  auto r = RouteNotice(Reachable(Channel::kPhone, false), &call);
  ASSERT_EQ(r.status().code(), StatusCode::kConflict);
  EXPECT_NE(r.status().message().find("call them"), std::string::npos);
  r = RouteNotice(Reachable(Channel::kEmail, true, /*failing=*/true), nullptr);
  EXPECT_EQ(r.status().code(), StatusCode::kConflict) << "a bouncing address is no way";
  const Conversation post = On(Channel::kSocial, true);
  EXPECT_EQ(RouteNotice(Reachable(Channel::kSocial, false), &post).status().code(),
            StatusCode::kConflict);
}

TEST(PromiseNoticeTest, TheDueMomentAsTheCustomerReadsIt) {
  auto zone = ZoneClock::Open("Europe/Amsterdam");
  ASSERT_TRUE(zone.ok());
  Promise p;
  p.kind = PromiseKind::kCallback;
  p.what = "Terugbellen over de offerte";
  p.due_start = At("2026-12-08T10:00:00+01:00");
  p.due_end = At("2026-12-08T12:00:00+01:00");
  EXPECT_EQ(DuePhrase(p, Language::kNl, *zone), "op dinsdag 8 december tussen 10:00 en 12:00");
  EXPECT_EQ(DuePhrase(p, Language::kEn, *zone), "on Tuesday 8 December between 10:00 and 12:00");
  p.due_start = At("2026-12-08T00:00:00+01:00");
  p.due_end = At("2026-12-09T00:00:00+01:00");
  EXPECT_EQ(DuePhrase(p, Language::kNl, *zone), "op dinsdag 8 december");
  p.due_start.reset();
  EXPECT_EQ(DuePhrase(p, Language::kEn, *zone), "by Tuesday 8 December");
  p.due_end = At("2026-12-11T17:00:00+01:00");
  EXPECT_EQ(DuePhrase(p, Language::kNl, *zone), "uiterlijk vrijdag 11 december om 17:00");
  EXPECT_EQ(DuePhrase(p, Language::kEn, *zone), "by 17:00 on Friday 11 December");
  p.due_end.reset();
  EXPECT_EQ(DuePhrase(p, Language::kNl, *zone), "zo snel mogelijk");

  p.due_start = At("2026-12-08T10:00:00+01:00");
  p.due_end = At("2026-12-08T12:00:00+01:00");
  const std::string nl =
      PromiseNoticeText(p, PromiseNotice::kConfirmation, Language::kNl, *zone, "Karin de Vries");
  EXPECT_EQ(nl.rfind("Beste Karin de Vries,\n\nWe bellen u terug op dinsdag 8 december tussen "
                     "10:00 en 12:00.",
                     0),
            0u)
      << nl;
  EXPECT_NE(nl.find("    Terugbellen over de offerte"), std::string::npos);
  p.by = PromiseParty::kCustomer;
  p.kind = PromiseKind::kPayment;
  p.what = "Pays invoice 2026-0412";
  const std::string en =
      PromiseNoticeText(p, PromiseNotice::kReminder, Language::kEn, *zone, "Karin de Vries");
  EXPECT_NE(en.find("A friendly reminder"), std::string::npos) << en;
  EXPECT_NE(en.find("When: on Tuesday 8 December between 10:00 and 12:00."), std::string::npos)
      << en;
}

TEST(PromiseMeasuresTest, KeptRateLatenessOverdueAndChasingPerGroup) {
  auto zone = ZoneClock::Open("Europe/Amsterdam");
  ASSERT_TRUE(zone.ok());
  const Timestamp now = At("2026-12-10T12:00:00Z");
  auto fact = [](PromiseKind kind, PromiseStatus status, const char* due, const char* closed,
                 bool chased = false) {
    PromiseFact f;
    f.kind = kind;
    f.status = status;
    f.created_at = At("2026-12-01T09:00:00Z");
    if (due) f.due_end = At(due);
    if (closed) f.closed_at = At(closed);
    f.chased = chased;
    f.owner_user_id = 7;
    f.channel = Channel::kEmail;
    return f;
  };
  const std::vector<PromiseFact> facts = {
      // callbacks: on time, 30 min late, 90 min late, broken (chased), overdue
      fact(PromiseKind::kCallback, PromiseStatus::kKept, "2026-12-02T12:00:00Z",
           "2026-12-02T11:00:00Z"),
      fact(PromiseKind::kCallback, PromiseStatus::kKept, "2026-12-03T12:00:00Z",
           "2026-12-03T12:30:00Z"),
      fact(PromiseKind::kCallback, PromiseStatus::kKept, "2026-12-04T12:00:00Z",
           "2026-12-04T13:30:00Z", true),
      fact(PromiseKind::kCallback, PromiseStatus::kBroken, "2026-12-05T12:00:00Z",
           "2026-12-06T09:00:00Z", true),
      fact(PromiseKind::kCallback, PromiseStatus::kOpen, "2026-12-09T12:00:00Z", nullptr),
      // a refund: cancelled; a document: renegotiated, not yet due; one asap
      fact(PromiseKind::kRefund, PromiseStatus::kCancelled, "2026-12-08T12:00:00Z",
           "2026-12-07T09:00:00Z"),
      fact(PromiseKind::kDocuments, PromiseStatus::kRenegotiated, "2026-12-20T12:00:00Z", nullptr),
      fact(PromiseKind::kDocuments, PromiseStatus::kOpen, nullptr, nullptr),
  };
  const auto rows = MeasurePromises(facts, PromiseGroup::kKind, now, *zone);
  ASSERT_EQ(rows.size(), 3u);
  const PromiseMeasure& callback = rows[0];
  EXPECT_EQ(callback.key, "callback");
  EXPECT_EQ(callback.made, 5);
  EXPECT_EQ(callback.kept, 3);
  EXPECT_EQ(callback.kept_on_time, 1);
  EXPECT_EQ(callback.broken, 1);
  EXPECT_EQ(callback.live, 1);
  EXPECT_EQ(callback.overdue, 1);
  EXPECT_EQ(callback.chased, 2);
  ASSERT_TRUE(callback.kept_rate);
  EXPECT_DOUBLE_EQ(*callback.kept_rate, 0.75);
  EXPECT_EQ(callback.median_lateness_minutes, 30) << "0, 30 and 90 minutes late";
  const PromiseMeasure& documents = rows[1];
  EXPECT_EQ(documents.key, "documents");
  EXPECT_EQ(documents.live, 2);
  EXPECT_EQ(documents.overdue, 0);
  EXPECT_FALSE(documents.kept_rate) << "nothing kept or broken yet";
  EXPECT_FALSE(documents.median_lateness_minutes);
  EXPECT_EQ(rows[2].key, "refund");
  EXPECT_EQ(rows[2].cancelled, 1);

  // By week of the due moment (ISO weeks, in the desk's zone).
  const auto weeks = MeasurePromises(facts, PromiseGroup::kWeek, now, *zone);
  ASSERT_FALSE(weeks.empty());
  EXPECT_EQ(weeks.front().key, "2026-W49");
  EXPECT_EQ(weeks.back().key, "2026-W51");
  const auto agents = MeasurePromises(facts, PromiseGroup::kAgent, now, *zone);
  ASSERT_EQ(agents.size(), 1u);
  EXPECT_EQ(agents[0].key, "7");
  EXPECT_EQ(ParsePromiseGroup("week"), PromiseGroup::kWeek);
  EXPECT_FALSE(ParsePromiseGroup("month"));
}

}  // namespace
}  // namespace luister
