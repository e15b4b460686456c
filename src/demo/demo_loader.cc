#include "demo/demo_loader.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "auth/password.h"
#include "common/manual_clock.h"
#include "demo/demo_answers.h"
#include "demo/demo_calls.h"
#include "demo/demo_corpus.h"
#include "demo/demo_plan.h"
#include "demo/demo_topics.h"
#include "domain/answer.h"
#include "domain/chat.h"
#include "domain/commitment.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "domain/duplicates.h"
#include "domain/location.h"
#include "domain/opening_hours.h"
#include "domain/promise.h"
#include "domain/staffing_plan.h"
#include "domain/web_form.h"

namespace luister {

namespace {

using demo::DemoPlan;
using demo::PlannedConversation;
using demo::PlannedStep;
using demo::StepKind;

// Writes one planned conversation through the conversation service, so the
// demo obeys the rules every other writer obeys: validation, the status a
// message moves a conversation to (NextStatusAfterMessage; the plan states a
// status only where a person chose one, such as "reply and resolve"), the
// hand-over checks. `clock` belongs to this writer and is set to each
// planned moment before its step, so the history lands where the plan puts it.
// The canonical answer library (C6): written by an agent, published by a
// manager; the return period went from 14 to 30 days (version 2, a
// material change), one new version waits in review, one answer is past
// its review date.
Status LoadAnswers(Store& store, const DemoPlan& plan, const std::vector<int64_t>& user_ids,
                   Timestamp now) {
  auto repo = store.Find<AnswerRepository>();
  if (!repo.ok()) return Status::Ok();
  std::optional<int64_t> writer, manager;
  for (size_t i = 0; i < plan.users.size(); ++i) {
    if (!writer && plan.users[i].role == Role::kAgent) writer = user_ids[i];
    if (!manager && plan.users[i].role == Role::kManager) manager = user_ids[i];
  }
  if (!writer || !manager) return Status::Ok();
  ManualClock clock;
  AnswerService answers(store, **repo, clock);
  const auto days = [](int n) { return std::chrono::hours(24 * n); };
  for (const demo::DemoAnswer& d : demo::DemoAnswers()) {
    clock.Set(now - days(60));
    NewAnswer in;
    in.topic = d.topic;
    in.nl = {d.title_nl, d.body_nl};
    in.en = {d.title_en, d.body_en};
    in.review_by = d.topic == "Openingstijden" ? now - days(5) : now + days(180);
    LUISTER_ASSIGN_OR_RETURN(Answer a, answers.Create(in, *writer));
    for (const std::string& q : d.questions)
      LUISTER_RETURN_IF_ERROR(answers.AddQuestion(a.id, q, *writer).status());
    LUISTER_ASSIGN_OR_RETURN(a, answers.Submit(a.id, a.version, *writer));
    clock.Set(now - days(59));
    LUISTER_ASSIGN_OR_RETURN(a, answers.Publish(a.id, a.version, *manager, false));
    if (d.topic != "Retourneren" && d.topic != "Wachtwoord") continue;
    clock.Set(now - days(10));
    AnswerDraft next;
    next.nl = {d.title_nl, d.body_nl};
    next.en = {d.title_en, d.body_en};
    if (d.topic == "Retourneren") {
      auto thirty = [](std::string s, std::string_view from, std::string_view to) {
        if (auto at = s.find(from); at != std::string::npos) s.replace(at, from.size(), to);
        return s;
      };
      next.nl.body = thirty(next.nl.body, "14 dagen", "30 dagen");
      next.en.body = thirty(next.en.body, "14 days", "30 days");
      next.change_note = "Retourtermijn verlengd van 14 naar 30 dagen (actie december)";
      next.material = true;
    } else {
      next.nl.body += " Controleer ook uw map met ongewenste e-mail.";
      next.en.body += " Please check your spam folder too.";
      next.change_note = "Tip over de spammap toegevoegd";
    }
    LUISTER_ASSIGN_OR_RETURN(a, answers.SaveDraft(a.id, a.version, next, *writer));
    LUISTER_ASSIGN_OR_RETURN(a, answers.Submit(a.id, a.version, *writer));
    if (d.topic == "Retourneren") {
      clock.Set(now - days(9));
      LUISTER_RETURN_IF_ERROR(answers.Publish(a.id, a.version, *manager, false).status());
    }
  }
  return Status::Ok();
}

Status WriteConversation(ConversationService& service, PromiseService* promises, ManualClock& clock,
                         Timestamp now, const PlannedConversation& pc,
                         const std::vector<int64_t>& customer_ids,
                         const std::vector<Language>& languages,
                         const std::vector<int64_t>& user_ids,
                         const std::vector<int64_t>& department_ids,
                         const std::vector<std::vector<int64_t>>& queue_ids,
                         const std::vector<std::vector<int64_t>>& location_ids) {
  NewConversation nc;
  nc.customer_id = customer_ids[pc.customer];
  nc.channel = pc.channel;
  nc.subject = pc.subject;
  nc.priority = pc.priority;
  nc.department_id = department_ids[pc.department];
  nc.queue_id = queue_ids[pc.department][pc.queue];
  nc.tags = pc.tags;
  nc.created_at = pc.created_at;
  // A shop visit took place at one of the department's locations.
  if (pc.channel == Channel::kShop && !location_ids[pc.department].empty()) {
    const auto& here = location_ids[pc.department];
    nc.location_id = here[static_cast<size_t>(pc.customer) % here.size()];
  }
  clock.Set(pc.created_at);
  LUISTER_ASSIGN_OR_RETURN(Conversation conv, service.Create(nc, std::nullopt));

  auto user = [&](const PlannedStep& s) -> std::optional<int64_t> {
    if (!s.user) return std::nullopt;
    return user_ids[*s.user];
  };
  ConversationStatus status = conv.status;
  // What the agents' replies promised (as an agent confirms a suggestion),
  // kept by the next reply; past due without one, broken or still open.
  std::optional<Promise> promised;
  for (const PlannedStep& s : pc.steps) {
    clock.Set(s.at);
    switch (s.kind) {
      case StepKind::kMessage:
      case StepKind::kNote: {
        MessageInput m;
        m.direction = s.direction;
        m.internal = s.kind == StepKind::kNote;
        m.body_text = s.body;
        m.created_at = s.at;
        const ConversationStatus by_rule = NextStatusAfterMessage(status, m.direction, m.internal);
        if (s.status && *s.status != by_rule) m.status = s.status;
        status = m.status.value_or(by_rule);
        const bool reply =
            s.kind == StepKind::kMessage && s.direction == Direction::kOut && user(s);
        LUISTER_ASSIGN_OR_RETURN(Message added, service.AddMessage(conv.id, std::move(m), user(s)));
        if (promises && reply && promised && Live(promised->status)) {
          LUISTER_ASSIGN_OR_RETURN(
              promised, promises->Keep(promised->id, promised->version, EvidenceKind::kMessage,
                                       added.id, "", user(s)));
        } else if (promises && reply && !promised) {
          // Read in the customer's language, as the workspace asks.
          LUISTER_ASSIGN_OR_RETURN(
              TimeReference ref, OfficeReference(s.at, "Europe/Amsterdam", languages[pc.customer]));
          auto c = DetectCommitment(s.body, ref);
          if (c && c->by == PromiseParty::kUs && c->due) {
            NewPromise np;
            np.customer_id = conv.customer_id;
            np.conversation_id = conv.id;
            np.message_id = added.id;
            np.kind = c->kind;
            np.what = s.body.substr(c->begin, c->end - c->begin);
            np.due_start = c->due->start;
            np.due_end = c->due->end;
            LUISTER_ASSIGN_OR_RETURN(promised, promises->Make(np, user(s)));
          }
        }
        break;
      }
      case StepKind::kAssign: {
        ConversationPatch patch;
        patch.assignee_id = user(s);
        patch.status = ConversationStatus::kOpen;
        LUISTER_ASSIGN_OR_RETURN(conv, service.Update(conv.id, patch, user(s)));
        status = conv.status;
        break;
      }
      case StepKind::kStatus: {
        if (!s.status || *s.status == status) break;  // the rules got there already
        ConversationPatch patch;
        patch.status = s.status;
        LUISTER_ASSIGN_OR_RETURN(conv, service.Update(conv.id, patch, user(s)));
        status = conv.status;
        break;
      }
      case StepKind::kTransfer: {
        std::optional<int64_t> queue;
        if (s.queue) queue = queue_ids[s.department][*s.queue];
        LUISTER_ASSIGN_OR_RETURN(
            conv, service.Transfer(conv.id, department_ids[s.department], queue, s.body, *user(s)));
        break;
      }
    }
  }
  // Past due and never followed up: two in three are marked broken by
  // their owner the next morning, the others wait, overdue, in the views.
  if (promises && promised && Live(promised->status) && promised->due_end &&
      *promised->due_end + std::chrono::hours(12) < now && promised->id % 3 != 0 &&
      promised->owner_user_id) {
    clock.Set(*promised->due_end + std::chrono::hours(12));
    LUISTER_RETURN_IF_ERROR(promises
                                ->Break(promised->id, promised->version,
                                        "Niet op tijd teruggekomen", *promised->owner_user_id)
                                .status());
  }
  return Status::Ok();
}

// A department's opening hours as the plan gives them (none: always open).
Status PutHours(Store& store, int64_t department_id, const std::vector<std::string>& week,
                const std::string& staff_day, Timestamp at) {
  if (week.empty()) return Status::Ok();
  auto repo = store.Find<OpeningHoursRepository>();
  if (!repo.ok()) return Status::Ok();  // a store without the capability
  OpeningHours hours;
  hours.public_holidays = "NL";
  if (!staff_day.empty()) hours.closed_dates = {staff_day};
  hours.updated_at = at;
  for (size_t d = 0; d < week.size() && d < hours.week.size(); ++d) {
    LUISTER_ASSIGN_OR_RETURN(hours.week[d], ParseSpans(week[d]));
  }
  LUISTER_RETURN_IF_ERROR(ValidateOpeningHours(&hours));
  return (*repo)->Put(department_id, hours);
}

// The coming week's schedule (C8), as a planner would have entered it:
// the phone line and the chat on weekdays and Saturday morning, thin on
// Monday morning (the week's busiest) so the staffing plan has a gap to
// show, and one shift more than Friday afternoon needs.
Status LoadShifts(Store& store, int64_t planner, Timestamp now) {
  auto repo = store.Find<ShiftRepository>();
  if (!repo.ok()) return Status::Ok();  // a store without the capability
  LUISTER_ASSIGN_OR_RETURN(ZoneClock zone, ZoneClock::Open("Europe/Amsterdam"));
  const int today = zone.ToLocal(now).days;
  struct Planned {
    Channel channel;
    int from, to;  // local minutes
    int agents;
    const char* label;
  };
  std::vector<Shift> shifts;
  for (int d = today; d < today + 7; ++d) {
    const int weekday = WeekdayOf(d);  // 0 = Monday
    std::vector<Planned> day;
    if (weekday < 5) {
      day = {{Channel::kPhone, 8 * 60 + 30, 12 * 60 + 30, weekday == 0 ? 2 : 4, "Telefoon ochtend"},
             {Channel::kPhone, 12 * 60 + 30, 17 * 60, weekday == 4 ? 5 : 3, "Telefoon middag"},
             {Channel::kChat, 9 * 60, 17 * 60, 2, "Chat dag"},
             {Channel::kChat, 17 * 60, 22 * 60, 1, "Chat avond"}};
    } else if (weekday == 5) {
      day = {{Channel::kPhone, 10 * 60, 14 * 60, 1, "Telefoon zaterdag"},
             {Channel::kChat, 10 * 60, 18 * 60, 1, "Chat zaterdag"}};
    }
    for (const Planned& p : day) {
      Shift s;
      s.starts_at = zone.FromLocalMinute(d, p.from);
      s.ends_at = zone.FromLocalMinute(d, p.to);
      s.agents = p.agents;
      s.channel = p.channel;
      s.label = p.label;
      s.created_at = now - std::chrono::hours(72);
      s.created_by = planner;
      shifts.push_back(std::move(s));
    }
  }
  return (*repo)->Create(std::move(shifts)).status();
}

// The plan's second records of one person met a door that knew them under
// the first: at the shop counter they gave the first record's address, or
// asked the chat for a call back on its number. Those doors' suggestions
// wait in the demo for a person to merge or dismiss (the scan finds the
// namesakes at one e-mail domain by itself once the desk runs).
Status ObserveDuplicates(Store& store, const DemoPlan& plan,
                         const std::vector<int64_t>& customer_ids) {
  auto repo = store.Find<DuplicateRepository>();
  if (!repo.ok()) return Status::Ok();  // a store without the capability
  ManualClock clock;
  DuplicateService duplicates(store, **repo, clock);
  int n = 0;
  for (size_t i = 0; i < plan.customers.size(); ++i) {
    const auto& pc = plan.customers[i];
    if (!pc.duplicate_of || !pc.customer.created_at) continue;
    const NewCustomer& first = plan.customers[*pc.duplicate_of].customer;
    const IdentityKind want = n++ % 2 == 0 ? IdentityKind::kEmail : IdentityKind::kPhone;
    auto known = std::find_if(first.identities.begin(), first.identities.end(),
                              [&](const NewIdentity& id) { return id.kind == want; });
    if (known == first.identities.end()) continue;
    clock.Set(*pc.customer.created_at + std::chrono::hours(26));
    LUISTER_RETURN_IF_ERROR(
        duplicates.Observe(customer_ids[*pc.duplicate_of], customer_ids[i],
                           want == IdentityKind::kEmail ? DuplicateReason::kGaveKnownAddress
                                                        : DuplicateReason::kSamePhone,
                           known->value, want == IdentityKind::kEmail ? "shop" : "chat"));
  }
  return Status::Ok();
}

}  // namespace

Result<DemoSummary> LoadDemo(Store& store, const DemoOptions& o, const DemoProgress& progress) {
  auto report = [&](std::string_view stage, int64_t done, int64_t total) {
    if (progress) progress(stage, done, total);
  };
  if (o.customers < 1 || o.conversations < 0 || o.weeks < 1)
    return InvalidArgument("demo needs at least one customer and one week");
  LUISTER_ASSIGN_OR_RETURN(int64_t existing_customers, store.customers().Count());
  LUISTER_ASSIGN_OR_RETURN(int64_t existing_users, store.directory().CountUsers());
  if (existing_customers > 0 || existing_users > 0)
    return Conflict("demo data can only be loaded into an empty database");

  LUISTER_ASSIGN_OR_RETURN(demo::DemoCorpus corpus, demo::LoadDemoCorpus(o.data_dir));
  const Timestamp now = o.now == Timestamp{} ? Now() : o.now;
  const DemoPlan plan = demo::BuildDemoPlan(corpus, {.seed = o.seed,
                                                     .customers = o.customers,
                                                     .conversations = o.conversations,
                                                     .weeks = o.weeks,
                                                     .now = now});

  DemoSummary summary;
  auto& directory = store.directory();
  const int64_t directory_steps = static_cast<int64_t>(plan.departments.size() + plan.users.size());
  report("directory", 0, directory_steps);
  std::vector<int64_t> department_ids;
  std::vector<std::vector<int64_t>> queue_ids;
  for (const auto& d : plan.departments) {
    LUISTER_ASSIGN_OR_RETURN(Department dep,
                             directory.CreateDepartment(d.name, plan.directory_created_at));
    department_ids.push_back(dep.id);
    LUISTER_RETURN_IF_ERROR(
        PutHours(store, dep.id, d.week, plan.staff_day, plan.directory_created_at));
    queue_ids.emplace_back();
    for (const auto& q : d.queues) {
      LUISTER_ASSIGN_OR_RETURN(Queue queue,
                               directory.CreateQueue(dep.id, q, plan.directory_created_at));
      queue_ids.back().push_back(queue.id);
      ++summary.queues;
    }
  }
  summary.departments = static_cast<int>(department_ids.size());

  // Shops and counters, in the order of plan.departments.
  static const std::vector<std::vector<std::pair<const char*, const char*>>> kLocations = {
      {{"Winkel Utrecht Centrum", "Oudegracht 112, Utrecht"},
       {"Winkel Amsterdam Zuid", "Beethovenstraat 40, Amsterdam"}},
      {{"Servicebalie Utrecht", "Oudegracht 112, Utrecht"}},
      {{"Reparatiebalie Utrecht", "Oudegracht 112, Utrecht"}},
      {{"Showroom Amersfoort", "Stationsplein 9, Amersfoort"}},
      {{"Retourbalie Nieuwegein", "Laagraven 3, Nieuwegein"}},
  };
  std::vector<std::vector<int64_t>> location_ids(department_ids.size());
  if (auto locations = store.Find<LocationRepository>(); locations.ok()) {
    for (size_t d = 0; d < department_ids.size() && d < kLocations.size(); ++d)
      for (const auto& [name, address] : kLocations[d]) {
        Location l;
        l.department_id = department_ids[d];
        l.name = name;
        l.address = address;
        l.created_at = plan.directory_created_at;
        LUISTER_ASSIGN_OR_RETURN(Location made, (*locations)->Create(l));
        location_ids[d].push_back(made.id);
      }
  }

  // The public contact form, feeding Customer Service's first queue.
  if (auto forms = store.Find<WebFormRepository>();
      forms.ok() && !queue_ids.empty() && !queue_ids[0].empty()) {
    WebForm f;
    f.slug = "contact";
    f.name = "Contact";
    f.queue_id = queue_ids[0][0];
    f.created_at = plan.directory_created_at;
    LUISTER_RETURN_IF_ERROR((*forms)->Create(f).status());
  }
  // The chat on the webshop: `<script src="/widget.js" data-queue="webshop">`
  // on any page (no allowed origins: the demo is embedded anywhere).
  std::optional<ChatWidget> widget;
  if (auto chats = store.Find<ChatRepository>();
      chats.ok() && !queue_ids.empty() && !queue_ids[0].empty()) {
    ChatWidget w;
    w.slug = "webshop";
    w.name = "Klantenservice";
    w.queue_id = queue_ids[0][0];
    w.created_at = plan.directory_created_at;
    LUISTER_ASSIGN_OR_RETURN(widget, (*chats)->CreateWidget(w));
  }

  const std::string& staff_password =
      o.staff_password.empty() ? o.admin_password : o.staff_password;
  std::vector<int64_t> user_ids;
  for (size_t i = 0; i < plan.users.size(); ++i) {
    const auto& u = plan.users[i];
    const bool admin = i == 0;
    LUISTER_ASSIGN_OR_RETURN(std::string hash,
                             auth::HashPassword(admin ? o.admin_password : staff_password,
                                                admin ? auth::PasswordCost::Interactive()
                                                      : auth::PasswordCost::Minimal()));
    NewUser nu{
        .email = u.email,
        .name = u.name,
        .role = u.role,
        .language = u.language,
        .department_id = u.department ? std::optional(department_ids[*u.department]) : std::nullopt,
        .password_hash = std::move(hash)};
    LUISTER_ASSIGN_OR_RETURN(User user, directory.CreateUser(nu, plan.directory_created_at));
    user_ids.push_back(user.id);
    summary.staff_emails.push_back(user.email);
    report("directory", static_cast<int64_t>(plan.departments.size() + i + 1), directory_steps);
  }
  summary.users = static_cast<int>(user_ids.size());

  const auto n_customers = static_cast<int64_t>(plan.customers.size());
  report("customers", 0, n_customers);
  // Customers through the service too: the same validation as the API's.
  SystemClock system_clock;
  CustomerService customers(store, system_clock);
  std::vector<int64_t> customer_ids;
  std::vector<Language> languages;  // each customer's, for reading their replies
  for (const auto& pc : plan.customers) {
    NewCustomer c = pc.customer;
    if (pc.organisation) c.organisation_id = customer_ids[*pc.organisation];
    if (pc.account_manager) c.account_manager_id = user_ids[*pc.account_manager];
    LUISTER_ASSIGN_OR_RETURN(Customer created, customers.Create(std::move(c)));
    customer_ids.push_back(created.id);
    languages.push_back(created.language);
    if (customer_ids.size() % 50 == 0)
      report("customers", static_cast<int64_t>(customer_ids.size()), n_customers);
  }
  report("customers", n_customers, n_customers);
  summary.customers = static_cast<int>(customer_ids.size());
  summary.merges_possible = plan.duplicate_pairs;
  LUISTER_RETURN_IF_ERROR(ObserveDuplicates(store, plan, customer_ids));

  const auto n_conversations = static_cast<int64_t>(plan.conversations.size());
  report("conversations", 0, n_conversations);
  // Writers take the next conversation until none is left or one fails.
  std::atomic<int64_t> next{0};
  std::atomic<int64_t> written{0};
  std::mutex mu;  // guards `failure` and the progress callback
  Status failure = Status::Ok();
  auto write = [&] {
    ManualClock clock;
    ConversationService service(store, clock);
    auto promise_repo = store.Find<PromiseRepository>();
    std::optional<PromiseService> promises;
    if (promise_repo.ok()) promises.emplace(store, **promise_repo, clock);
    while (true) {
      int64_t i = next++;
      if (i >= n_conversations) return;
      Status s = WriteConversation(service, promises ? &*promises : nullptr, clock, now,
                                   plan.conversations[i], customer_ids, languages, user_ids,
                                   department_ids, queue_ids, location_ids);
      std::lock_guard lock(mu);
      if (!s.ok()) {
        if (failure.ok()) failure = s;
        next = n_conversations;  // the others stop after their current one
        return;
      }
      int64_t done = ++written;
      if (done % 100 == 0 && done < n_conversations) report("conversations", done, n_conversations);
    }
  };
  std::vector<std::thread> writers;
  for (int w = 1; w < std::max(1, o.writers); ++w) writers.emplace_back(write);
  write();
  for (auto& t : writers) t.join();
  LUISTER_RETURN_IF_ERROR(failure);
  report("conversations", n_conversations, n_conversations);
  summary.conversations = static_cast<int>(n_conversations);
  LUISTER_ASSIGN_OR_RETURN(int64_t messages, store.conversations().CountMessages());
  summary.messages = static_cast<int>(messages);

  // Each chat conversation came through the widget: its visitor and chat
  // record, which waited in the queue for a few seconds to three minutes,
  // was accepted by its assignee and ended after four to twenty minutes
  // (one in fourteen was left by the visitor before anyone accepted it),
  // moved through its states as the widget moves them, so that the staffing
  // pages count the chats, their waits and their handle time; the newest
  // still open one asks for an agent now.
  if (auto chats = store.Find<ChatRepository>(); chats.ok() && widget) {
    ConversationFilter f;
    f.channel = Channel::kChat;
    PageRequest page;
    page.limit = kMaxPageSize;
    bool asked = false;
    for (;;) {
      LUISTER_ASSIGN_OR_RETURN(auto list, store.conversations().List(f, page));
      for (const Conversation& c : list.items) {
        LUISTER_ASSIGN_OR_RETURN(ChatVisitor v,
                                 (*chats)->CreateVisitor(c.customer_id, c.created_at));
        Chat chat;
        chat.conversation_id = c.id;
        chat.visitor_id = v.id;
        chat.widget_id = widget->id;
        chat.queue_id = c.queue_id.value_or(widget->queue_id);
        chat.requested_at = c.created_at;
        chat.last_activity_at = c.last_message_at;
        const bool open =
            c.status != ConversationStatus::kResolved && c.status != ConversationStatus::kClosed;
        if (open && !asked) {
          asked = true;
          chat.state = ChatState::kWaiting;
          chat.requested_at = now - std::chrono::minutes(1);
          chat.last_activity_at = chat.requested_at;
          LUISTER_RETURN_IF_ERROR((*chats)->CreateChat(chat));
          continue;
        }
        chat.state = ChatState::kWaiting;
        LUISTER_RETURN_IF_ERROR((*chats)->CreateChat(chat));
        // The same conversation always gets the same story.
        const auto roll = static_cast<int64_t>((static_cast<uint64_t>(c.id) * 2654435761U) % 1000);
        const Timestamp asked_at = chat.requested_at;
        if (roll < 70 || !c.assignee_id) {
          LUISTER_RETURN_IF_ERROR((*chats)
                                      ->Move(c.id, {ChatState::kWaiting}, ChatState::kEnded,
                                             std::nullopt,
                                             asked_at + std::chrono::seconds(40 + roll))
                                      .status());
          continue;
        }
        const Timestamp accepted = asked_at + std::chrono::seconds(5 + roll % 175);
        LUISTER_RETURN_IF_ERROR(
            (*chats)
                ->Move(c.id, {ChatState::kWaiting}, ChatState::kActive, c.assignee_id, accepted)
                .status());
        LUISTER_RETURN_IF_ERROR((*chats)
                                    ->Move(c.id, {ChatState::kActive}, ChatState::kEnded,
                                           std::nullopt,
                                           accepted + std::chrono::seconds(240 + roll * 7 % 960))
                                    .status());
      }
      if (!list.next) break;
      page.after = list.next;
    }
  }

  // Phone calls, through the phone service as the webhook and agents make them.
  if (auto calls = store.Find<CallRepository>(); calls.ok()) {
    const auto planned = demo::PlanCalls(plan, o.seed, now, o.weeks);
    report("calls", 0, static_cast<int64_t>(planned.size()));
    ManualClock clock;
    PhoneService phone(store, **calls, clock);
    for (size_t i = 0; i < planned.size(); ++i) {
      const demo::PlannedCall& pc = planned[i];
      const Timestamp end = pc.started_at + std::chrono::seconds(pc.wait_seconds + pc.talk_seconds);
      clock.Set(end);
      NewPhoneCall in;
      in.direction = pc.direction;
      in.customer_number = pc.number;
      in.outcome = pc.outcome;
      in.started_at = pc.started_at;
      in.notes = pc.notes;
      if (pc.by_hand) {
        in.logged_by = user_ids[*pc.agent];
        in.customer_id = customer_ids[*pc.customer];
        in.duration_seconds = pc.talk_seconds;
      } else {
        in.external_id = "demo-" + std::to_string(i + 1);
        in.desk_number = "+31208001234";
        in.line = pc.line;
        in.ivr_path = pc.ivr_path;
        in.wait_seconds = pc.wait_seconds;
        if (pc.outcome == CallOutcome::kAnswered)
          in.answered_at = pc.started_at + std::chrono::seconds(pc.wait_seconds);
        in.ended_at = end;
        if (pc.agent) in.agent_email = plan.users[*pc.agent].email;
      }
      LUISTER_RETURN_IF_ERROR(phone.Record(std::move(in)).status());
      ++summary.calls;
    }
    report("calls", summary.calls, summary.calls);
    // New callers became customers.
    LUISTER_ASSIGN_OR_RETURN(int64_t all_customers, store.customers().Count());
    summary.customers = static_cast<int>(all_customers);
  }

  // What account-managed customers took on (C4): payments and documents,
  // agreed a week before they are due; some overdue, one broken, so the
  // account managers' "My customers" shows both sides.
  if (auto repo = store.Find<PromiseRepository>(); repo.ok()) {
    ManualClock clock;
    PromiseService promises(store, **repo, clock);
    int made = 0;
    for (size_t i = 0; i < plan.customers.size() && made < 16; ++i) {
      const demo::PlannedCustomer& pc = plan.customers[i];
      if (!pc.account_manager) continue;
      const bool nl = pc.customer.language == Language::kNl;
      const int days = made * 2 - 6;  // from six days ago to three weeks ahead
      const Timestamp due = now + std::chrono::hours(24 * days);
      clock.Set(due - std::chrono::hours(24 * 7));
      NewPromise np;
      np.customer_id = customer_ids[i];
      np.by = PromiseParty::kCustomer;
      const std::string number = std::to_string(2026'0400 + made * 7);
      if (made % 3 == 2) {
        np.kind = PromiseKind::kDocuments;
        np.what = nl ? "Stuurt de getekende onderhoudsovereenkomst terug"
                     : "Sends back the signed maintenance agreement";
      } else {
        np.kind = PromiseKind::kPayment;
        np.what = nl ? "Betaalt factuur " + number + " (na herinnering, in twee termijnen)"
                     : "Pays invoice " + number + " (after a reminder, in two instalments)";
      }
      np.due_end = due;
      const int64_t manager = user_ids[*pc.account_manager];
      LUISTER_ASSIGN_OR_RETURN(Promise p, promises.Make(np, manager));
      if (made == 1) {
        clock.Set(due + std::chrono::hours(26));
        LUISTER_RETURN_IF_ERROR(
            promises
                .Break(p.id, p.version,
                       nl ? "Niet betaald; belt volgende week" : "Not paid; will call next week",
                       manager)
                .status());
      }
      ++made;
    }
  }
  LUISTER_RETURN_IF_ERROR(LoadAnswers(store, plan, user_ids, now));
  LUISTER_RETURN_IF_ERROR(LoadShifts(store, user_ids.front(), now));
  std::vector<int64_t> managers;
  for (size_t i = 0; i < plan.users.size(); ++i)
    if (plan.users[i].role == Role::kManager) managers.push_back(user_ids[i]);
  LUISTER_RETURN_IF_ERROR(demo::LoadTopics(store, managers, now));
  return summary;
}

}  // namespace luister
