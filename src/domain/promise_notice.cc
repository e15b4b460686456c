#include "domain/promise_notice.h"

#include <algorithm>
#include <chrono>

#include "domain/conversation_service.h"
#include "domain/promise.h"

namespace luister {

namespace {

bool HasAddress(const Customer& c) {
  return std::any_of(c.identities.begin(), c.identities.end(), [](const Identity& i) {
    return i.kind == IdentityKind::kEmail && !i.failing;
  });
}

}  // namespace

Result<NoticeRoute> RouteNotice(const Customer& customer, const Conversation* conversation) {
  const Channel preferred =
      customer.preferred_channel.value_or(conversation ? conversation->channel : Channel::kEmail);
  NoticeRoute route;
  // A private social thread is answered where it is, when that is the
  // customer's way; a public one never carries what was agreed with them.
  if (conversation && conversation->channel == Channel::kSocial && !conversation->public_thread &&
      preferred == Channel::kSocial) {
    route.channel = Channel::kSocial;
    route.in_conversation = true;
    return route;
  }
  // Every other way is e-mail: a call, a shop visit or a chat that has
  // ended cannot carry a written message.
  if (!HasAddress(customer)) {
    if (preferred == Channel::kPhone)
      return Conflict(
          "the customer prefers the phone and has no working e-mail address: call them");
    return Conflict("the customer has no working e-mail address to write to");
  }
  route.channel = Channel::kEmail;
  route.fallback = preferred != Channel::kEmail && preferred != Channel::kWebform;
  route.in_conversation = conversation && conversation->channel != Channel::kSocial;
  route.by_email = route.in_conversation && conversation->channel != Channel::kEmail &&
                   conversation->channel != Channel::kWebform;
  return route;
}

std::string DuePhrase(const Promise& p, Language lang, const ZoneClock& zone) {
  const bool nl = lang == Language::kNl;
  if (!p.due_end) return nl ? "zo snel mogelijk" : "as soon as possible";
  const char* locale = nl ? "nl" : "en";
  auto day = [&](Timestamp t) { return zone.Format(t, locale, "EEEE d MMMM"); };
  auto time = [&](Timestamp t) { return zone.Format(t, locale, "HH:mm"); };
  const Timestamp end = *p.due_end;
  const Timestamp last = end - std::chrono::milliseconds(1);  // the end is exclusive
  const LocalMoment e = zone.ToLocal(end);
  if (p.due_start) {
    const Timestamp start = *p.due_start;
    const LocalMoment s = zone.ToLocal(start);
    if (s.ms_of_day == 0 && e.ms_of_day == 0) {
      if (e.days - s.days == 1) return (nl ? "op " : "on ") + day(start);
      return (nl ? "uiterlijk " : "by ") + day(last);
    }
    if (s.days == zone.ToLocal(last).days)
      return nl ? "op " + day(start) + " tussen " + time(start) + " en " + time(end)
                : "on " + day(start) + " between " + time(start) + " and " + time(end);
    return nl ? "tussen " + day(start) + " " + time(start) + " en " + day(end) + " " + time(end)
              : "between " + day(start) + " " + time(start) + " and " + day(end) + " " + time(end);
  }
  if (e.ms_of_day == 0) return (nl ? "uiterlijk " : "by ") + day(last);
  return nl ? "uiterlijk " + day(end) + " om " + time(end) : "by " + time(end) + " on " + day(end);
}

std::string_view NoticeSubject(PromiseNotice notice, Language lang) {
  if (notice == PromiseNotice::kReminder)
    return lang == Language::kNl ? "Herinnering aan onze afspraak" : "A reminder of what we agreed";
  return lang == Language::kNl ? "Onze afspraak" : "What we agreed";
}

std::string PromiseNoticeText(const Promise& p, PromiseNotice notice, Language lang,
                              const ZoneClock& zone, std::string_view customer_name) {
  const bool nl = lang == Language::kNl;
  const std::string when = DuePhrase(p, lang, zone);
  const std::string name(customer_name.empty() ? (nl ? "klant" : "customer") : customer_name);
  std::string text = (nl ? "Beste " : "Dear ") + name + ",\n\n";
  const std::string agreed = "    " + p.what + "\n\n";
  if (notice == PromiseNotice::kReminder) {
    text += nl ? "Een vriendelijke herinnering aan wat we samen afspraken:\n\n"
               : "A friendly reminder of what we agreed together:\n\n";
    text += agreed;
    text += (nl ? "Wanneer: " : "When: ") + when + ".\n\n";
    text += nl ? "Is het al geregeld? Dan kunt u dit bericht vergeten. Lukt het niet, of heeft u "
                 "een vraag? Antwoord gerust op dit bericht, dan zoeken we samen een oplossing.\n\n"
               : "Already taken care of? Then please disregard this message. If it does not work "
                 "out, or if you have a question, just reply to this message and we will find a "
                 "solution together.\n\n";
  } else if (p.by == PromiseParty::kCustomer) {
    text += nl ? "Zoals afgesproken noteren we:\n\n" : "As agreed, we have noted:\n\n";
    text += agreed;
    text += (nl ? "Wanneer: " : "When: ") + when + ".\n\n";
    text += nl ? "Klopt dit niet? Antwoord dan op dit bericht.\n\n"
               : "Is this not right? Just reply to this message.\n\n";
  } else {
    if (p.kind == PromiseKind::kCallback)
      text += (nl ? "We bellen u terug " : "We will call you back ") + when + ".\n\n";
    else if (p.kind == PromiseKind::kVisit)
      text += (nl ? "We komen bij u langs " : "We will visit you ") + when + ".\n\n";
    text += nl ? "Dit hebben we u toegezegd:\n\n" : "This is what we promised you:\n\n";
    text += agreed;
    if (p.kind != PromiseKind::kCallback && p.kind != PromiseKind::kVisit)
      text += (nl ? "Wanneer: " : "When: ") + when + ".\n\n";
    text += nl ? "Past het u toch niet? Antwoord dan op dit bericht.\n\n"
               : "If that does not suit you after all, just reply to this message.\n\n";
  }
  text += nl ? "Met vriendelijke groet" : "Kind regards";
  return text;
}

Result<SentNotice> PromiseService::Notify(int64_t id, PromiseNotice notice, int64_t by_user) {
  LUISTER_ASSIGN_OR_RETURN(Promise p, promises_.Get(id));
  if (!Live(p.status))
    return Conflict("the promise is " + std::string(ToString(p.status)) +
                    " already; there is nothing to tell the customer");
  const Timestamp now = clock_.Now();
  if (notice == PromiseNotice::kReminder) {
    if (p.by != PromiseParty::kCustomer)
      return InvalidArgument("the reminder is not valid",
                             {{"id",
                               "only what the customer took on is recalled to them; "
                               "confirm our own promises instead"}});
    LUISTER_ASSIGN_OR_RETURN(auto history, promises_.History(id));
    for (const PromiseEvent& e : history)
      if (e.action == "customer_reminded" && now - e.at < kCustomerReminderGap)
        return Conflict("the customer was reminded at " + FormatIso8601(e.at) +
                        " already; one gentle reminder a day");
  }
  LUISTER_ASSIGN_OR_RETURN(Customer customer, store_.customers().Get(p.customer_id));
  if (customer.merged_into_id)
    return Conflict("the customer was merged into customer " +
                    std::to_string(*customer.merged_into_id));
  std::optional<Conversation> conversation;
  if (p.conversation_id) {
    LUISTER_ASSIGN_OR_RETURN(conversation, store_.conversations().Get(*p.conversation_id));
  }
  LUISTER_ASSIGN_OR_RETURN(NoticeRoute route,
                           RouteNotice(customer, conversation ? &*conversation : nullptr));
  LUISTER_ASSIGN_OR_RETURN(ZoneClock zone, ZoneClock::Open("Europe/Amsterdam"));

  ConversationService conversations(store_, clock_, events_);
  int64_t conversation_id = 0;
  if (route.in_conversation) {
    conversation_id = conversation->id;
  } else {
    // A new e-mail conversation in the owning department (the sender's,
    // else the desk's first).
    std::optional<int64_t> department = p.owner_department_id;
    if (!department) {
      LUISTER_ASSIGN_OR_RETURN(User sender, store_.directory().GetUser(by_user));
      department = sender.department_id;
    }
    if (!department) {
      LUISTER_ASSIGN_OR_RETURN(auto all, store_.directory().ListDepartments());
      if (all.empty()) return Conflict("the desk has no department to write from");
      department = all.front().id;
    }
    NewConversation c;
    c.customer_id = customer.id;
    c.channel = Channel::kEmail;
    c.subject = std::string(NoticeSubject(notice, customer.language));
    c.department_id = *department;
    LUISTER_ASSIGN_OR_RETURN(Conversation made, conversations.Create(std::move(c), by_user));
    conversation_id = made.id;
  }
  MessageInput in;
  in.direction = Direction::kOut;
  in.automatic = true;
  in.by_email = route.by_email;
  in.body_text = PromiseNoticeText(p, notice, customer.language, zone, customer.name);
  LUISTER_ASSIGN_OR_RETURN(Message sent,
                           conversations.AddMessage(conversation_id, std::move(in), std::nullopt));
  const std::string action = notice == PromiseNotice::kReminder ? "customer_reminded" : "confirmed";
  std::string how =
      "by " + std::string(ToString(route.channel)) + ", message " + std::to_string(sent.id);
  if (route.fallback) how += " (the customer's own channel cannot carry it)";
  // The history line, on the promise as it is now (someone may have
  // changed it while the message was written); the message went either way.
  Promise recorded = p;
  for (int attempt = 0; attempt < 3; ++attempt) {
    LUISTER_ASSIGN_OR_RETURN(recorded, promises_.Get(id));
    auto changed =
        Change(id, recorded.version, by_user, action, how, [](Promise&) { return Status::Ok(); });
    if (changed.ok()) {
      recorded = std::move(*changed);
      break;
    }
    if (changed.status().code() != StatusCode::kConflict) return changed.status();
  }
  return SentNotice{std::move(recorded), conversation_id, sent.id, route};
}

}  // namespace luister
