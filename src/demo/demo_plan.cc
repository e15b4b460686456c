#include "demo/demo_plan.h"

#include <algorithm>
#include <map>

#include "demo/demo_people.h"
#include "demo/demo_text.h"
#include "domain/opening_hours.h"
#include "domain/topic.h"
#include "domain/zone_clock.h"

namespace luister::demo {

namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// Where each Bitext intent belongs and how often it comes up. Weights follow
// what web shops report as their top contact reasons: where is my parcel,
// where is my money, invoices, log-in trouble.
struct IntentInfo {
  std::string_view intent;
  double weight;
  int department;
  int queue;
};
constexpr IntentInfo kIntents[] = {
    {"track_order", 9, kReturnsLogistics, 0},
    {"delivery_period", 8, kReturnsLogistics, 0},
    {"delivery_options", 3, kReturnsLogistics, 0},
    {"change_shipping_address", 3, kReturnsLogistics, 0},
    {"set_up_shipping_address", 1.5, kReturnsLogistics, 0},
    {"get_refund", 6, kReturnsLogistics, 1},
    {"track_refund", 6, kReturnsLogistics, 1},
    {"check_refund_policy", 3, kReturnsLogistics, 1},
    {"check_invoice", 5, kBilling, 0},
    {"get_invoice", 3, kBilling, 0},
    {"check_cancellation_fee", 1, kBilling, 0},
    {"payment_issue", 5, kBilling, 1},
    {"check_payment_methods", 2, kBilling, 1},
    {"recover_password", 5, kTechnicalSupport, 0},
    {"edit_account", 3, kTechnicalSupport, 0},
    {"create_account", 2, kTechnicalSupport, 0},
    {"registration_problems", 2, kTechnicalSupport, 0},
    {"delete_account", 1.5, kTechnicalSupport, 0},
    {"switch_account", 1, kTechnicalSupport, 0},
    {"change_order", 4, kSales, 0},
    {"cancel_order", 4, kSales, 0},
    {"place_order", 3, kSales, 0},
    {"complaint", 5, kCustomerService, 0},
    {"contact_human_agent", 3, kCustomerService, 0},
    {"contact_customer_service", 2, kCustomerService, 0},
    {"newsletter_subscription", 1.5, kCustomerService, 0},
    {"review", 1.5, kCustomerService, 0},
};

// A carrier problem four to six weeks before `now`: more contacts, and
// far more of them about late parcels, so the analytics have a story to find.
bool IsIncidentIntent(std::string_view intent) {
  return intent == "track_order" || intent == "delivery_period" || intent == "complaint";
}

constexpr Channel kChannels[] = {Channel::kEmail,  Channel::kChat, Channel::kPhone,
                                 Channel::kSocial, Channel::kShop, Channel::kWebform};
constexpr double kChannelWeights[] = {30, 22, 20, 9, 8, 11};

bool FrontLine(Channel c) { return c != Channel::kEmail && c != Channel::kWebform; }
bool Synchronous(Channel c) {
  return c == Channel::kChat || c == Channel::kPhone || c == Channel::kShop;
}

std::string IntentTopic(std::string_view intent) {
  std::string s(intent);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

std::string FirstWord(const std::string& s) { return s.substr(0, s.find(' ')); }

class Builder {
 public:
  Builder(const DemoCorpus& corpus, const DemoPlanOptions& o, DemoPlan& plan)
      : corpus_(corpus), o_(o), rng_(o.seed), plan_(plan) {
    now_ = o.now;
    window_start_ = now_ - days(7 * std::max(o.weeks, 1));
    // In the first two days of a week the trend judges the week before
    // (TopicService::JudgeTrends).
    judges_week_before_ = now_ - WeekStart(WeekOf(now_)) < days(2);
    for (size_t i = 0; i < corpus.english.size(); ++i)
      english_by_intent_[corpus.english[i].intent].push_back(static_cast<int>(i));
    for (size_t i = 0; i < corpus.dutch.size(); ++i)
      dutch_by_intent_[corpus.dutch[i].intent].push_back(static_cast<int>(i));
  }

  void Build() {
    PlanDirectory(plan_);
    plan_.directory_created_at = window_start_ - days(60);
    agents_.resize(plan_.departments.size());
    for (size_t i = 0; i < plan_.users.size(); ++i) {
      const PlannedUser& u = plan_.users[i];
      if (u.role == Role::kAgent && u.department)
        agents_[*u.department].push_back(static_cast<int>(i));
    }
    PlanCustomers(rng_, o_, window_start_, plan_, &new_in_window_);
    PrepareCustomerWeights();
    PrepareDayFactors();
    for (int i = 0; i < o_.conversations; ++i) PlanConversation(i);
    std::stable_sort(plan_.conversations.begin(), plan_.conversations.end(),
                     [](const auto& a, const auto& b) { return a.created_at < b.created_at; });
    MoveNewCustomers();
  }

 private:
  void PrepareCustomerWeights() {
    const auto& cs = plan_.customers;
    weights_.resize(cs.size());
    social_weights_.assign(cs.size(), 0);
    for (size_t i = 0; i < cs.size(); ++i) {
      const NewCustomer& c = cs[i].customer;
      double w = rng_.LogNormal(1.0, 0.8);
      if (c.kind == CustomerKind::kOrganisation)
        w *= 0.7;
      else if (c.segment == "key_account")
        w *= 2.5;
      else if (c.segment == "smb")
        w *= 1.5;
      weights_[i] = w;
      for (const auto& id : c.identities)
        if (id.kind == IdentityKind::kSocial) social_weights_[i] = w;
    }
  }

  void PrepareDayFactors() {
    const int n_days = 7 * std::max(o_.weeks, 1) + 2;
    day_factors_.resize(n_days);
    const std::chrono::sys_days first = ToLocal(window_start_).date;
    // The staff day: the Wednesday about three and a half weeks ago, when
    // the desk closed and only mail and web forms came in.
    int staff_day = std::max(0, n_days - 2 - 25);
    while (std::chrono::weekday(first + days(staff_day)) != std::chrono::Wednesday) ++staff_day;
    for (int d = 0; d < n_days; ++d) {
      const double growth = 0.9 + 0.2 * d / n_days;  // a slowly growing business
      double f = growth * (InIncident(d) ? 1.25 : 1.0);
      // The autumn sale, about two and a half weeks ago: a Friday to
      // Monday of many more orders, and so many more questions.
      if (InSale(d, first)) f *= 1.7;
      const std::string date =
          FormatLocalDate(static_cast<int>((first + days(d)).time_since_epoch().count()));
      bool closed = d == staff_day;
      const int year = static_cast<int>(std::chrono::year_month_day(first + days(d)).year());
      for (const PublicHoliday& h : DutchPublicHolidays(year)) closed |= h.date == date;
      if (closed) {
        f *= 0.3;
        plan_.closed_days.push_back(d);
      }
      if (d == staff_day) plan_.staff_day = date;
      day_factors_[d] = f;
    }
    plan_.window_start = window_start_;
    plan_.day_factors = day_factors_;
  }

  bool InSale(int d, std::chrono::sys_days first) const {
    const int n = 7 * std::max(o_.weeks, 1);
    // The Friday 15 to 21 days before the end, and the three days after it.
    for (int friday = n - 21; friday <= n - 15; ++friday)
      if (friday >= 0 && std::chrono::weekday(first + days(friday)) == std::chrono::Friday)
        return d >= friday && d < friday + 4;
    return false;
  }

  bool InIncident(int day) const {
    const int n = 7 * std::max(o_.weeks, 1);
    return day >= n - 42 && day < n - 28;
  }

  // An invoice run that went wrong in the last four days: far more
  // customers ask about their invoice, which the topics' trend shows as a
  // rising topic this week. Early in a week, when the trend judges the
  // week before, it went wrong a few days earlier, so that week shows it.
  bool InInvoiceError(int day) const {
    const int n = 7 * std::max(o_.weeks, 1);
    return day >= n - (judges_week_before_ ? 6 : 4);
  }

  int DayIndex(Timestamp t) const {
    return static_cast<int>((ToLocal(t).date - ToLocal(window_start_).date).count());
  }

  int PickCustomer(Channel channel, int index) {
    // The duplicate records come last; the first conversations go to them so
    // that each shows a history of its own that a merge would join.
    const int first_duplicate = static_cast<int>(plan_.customers.size()) - plan_.duplicate_pairs;
    if (index < 2 * plan_.duplicate_pairs) return first_duplicate + index / 2;
    bool any_social =
        std::any_of(social_weights_.begin(), social_weights_.end(), [](double w) { return w > 0; });
    if (channel == Channel::kSocial && any_social)
      return static_cast<int>(rng_.Weighted(social_weights_));
    return static_cast<int>(rng_.Weighted(weights_));
  }

  void PlanConversation(int index) {
    Channel channel = kChannels[rng_.Weighted(kChannelWeights)];
    const int cust = PickCustomer(channel, index);
    const PlannedCustomer& pc = plan_.customers[cust];
    const NewCustomer& c = pc.customer;
    if (c.preferred_channel && channel != Channel::kSocial && rng_.Chance(0.4))
      channel = *c.preferred_channel;
    if (channel == Channel::kSocial &&
        std::none_of(c.identities.begin(), c.identities.end(),
                     [](const NewIdentity& i) { return i.kind == IdentityKind::kSocial; }))
      channel = Channel::kEmail;

    Timestamp from = window_start_;
    if (!new_in_window_[cust] && *c.created_at > from) from = *c.created_at + hours(1);
    const Timestamp to = now_ - minutes(2);
    if (from >= to) return;
    const int offset = DayIndex(from);
    std::span<const double> factors(day_factors_);
    factors = offset < static_cast<int>(factors.size()) ? factors.subspan(offset)
                                                        : std::span<const double>{};
    const Timestamp t0 = SampleContactTime(rng_, channel, from, to, factors);

    PlannedConversation conv;
    conv.customer = cust;
    conv.channel = channel;
    conv.language = c.language;
    conv.created_at = t0;
    const bool english = c.language == Language::kEn;
    if (channel == Channel::kSocial && english && rng_.Chance(0.75)) {
      PlanSocialThread(conv, pc);
    } else {
      PlanQaThread(conv, pc, InIncident(DayIndex(t0)), InInvoiceError(DayIndex(t0)));
    }
    Finish(conv);
    if (!conv.steps.empty()) plan_.conversations.push_back(std::move(conv));
  }

  const IntentInfo& PickIntent(Language lang, bool incident, bool invoice_error) {
    std::vector<double> w;
    for (const auto& info : kIntents) {
      const auto& pool = lang == Language::kNl ? dutch_by_intent_ : english_by_intent_;
      double x = pool.contains(std::string(info.intent)) ? info.weight : 0;
      if (incident && IsIncidentIntent(info.intent)) x *= 2.5;
      if (invoice_error && (info.intent == "check_invoice" || info.intent == "get_invoice")) x *= 6;
      w.push_back(x);
    }
    return kIntents[rng_.Weighted(w)];
  }

  int PickAgent(int department) {
    const auto& pool =
        agents_[department].empty() ? agents_[kCustomerService] : agents_[department];
    return rng_.Pick(pool);
  }

  // Appends a step no earlier than one second after the previous one.
  Timestamp Add(PlannedConversation& conv, PlannedStep s) {
    if (!conv.steps.empty() && s.at <= conv.steps.back().at)
      s.at = conv.steps.back().at + seconds(1);
    conv.steps.push_back(std::move(s));
    return conv.steps.back().at;
  }

  Timestamp Message(PlannedConversation& conv, Timestamp at, Direction dir, std::string body,
                    std::optional<int> user, std::optional<ConversationStatus> status) {
    PlannedStep s;
    s.kind = StepKind::kMessage;
    s.at = at;
    s.direction = dir;
    s.body = std::move(body);
    s.user = user;
    s.status = status;
    return Add(conv, std::move(s));
  }

  Timestamp Simple(PlannedConversation& conv, StepKind kind, Timestamp at, std::optional<int> user,
                   std::optional<ConversationStatus> status = std::nullopt, std::string body = {}) {
    PlannedStep s;
    s.kind = kind;
    s.at = at;
    s.user = user;
    s.status = status;
    s.body = std::move(body);
    if (kind == StepKind::kNote) s.direction = Direction::kOut;
    return Add(conv, std::move(s));
  }

  Timestamp Transfer(PlannedConversation& conv, Timestamp at, int user, int dept, int queue,
                     std::string note) {
    PlannedStep s;
    s.kind = StepKind::kTransfer;
    s.at = at;
    s.user = user;
    s.department = dept;
    s.queue = queue;
    s.body = std::move(note);
    return Add(conv, std::move(s));
  }

  // The moment staff answer a message that arrived at `t`: the channel's
  // delay, moved to staffed hours, plus the queue that built up overnight.
  // Calls and shop visits are answered during the contact itself.
  Timestamp ReplyTime(Channel channel, Timestamp t) {
    Timestamp ready = t + ResponseDelay(rng_, channel);
    if (channel == Channel::kPhone || channel == Channel::kShop) return ready;
    Timestamp staffed = NextStaffed(channel, ready);
    if (staffed != ready) staffed += minutes(rng_.Between(0, 150));
    return staffed;
  }

  // When a customer gets back on `channel` after `t`: calls and shop visits
  // only happen while the line or the shop is open.
  Timestamp CustomerReturns(Channel channel, Timestamp t) {
    Timestamp ready = t + CustomerReplyDelay(rng_, channel);
    if (channel != Channel::kPhone && channel != Channel::kShop) return ready;
    Timestamp open = NextStaffed(channel, ready);
    return open == ready ? ready : open + minutes(rng_.Between(0, 180));
  }

  void PlanQaThread(PlannedConversation& conv, const PlannedCustomer& pc, bool incident,
                    bool invoice_error) {
    const NewCustomer& c = pc.customer;
    const bool nl = c.language == Language::kNl;
    const IntentInfo& intent = PickIntent(c.language, incident, invoice_error);
    const auto& pool = nl ? dutch_by_intent_.at(std::string(intent.intent))
                          : english_by_intent_.at(std::string(intent.intent));
    const QaPair& qa = nl ? corpus_.dutch[rng_.Pick(pool)] : corpus_.english[rng_.Pick(pool)];
    const Channel ch = conv.channel;
    const bool key = c.segment == "key_account";

    PlaceholderValues values;
    values.order_number = FindOrderNumber(qa.question);
    if (values.order_number.empty())
      values.order_number = "DH" + std::to_string(rng_.Between(1000000, 9999999));
    values.invoice_number = "F2026-" + std::to_string(rng_.Between(10000, 99999));
    values.tracking_number = "3SDHM" + std::to_string(rng_.Between(100000000, 999999999));
    values.first_name = GreetingName(pc);
    values.purchase_date = std::to_string(rng_.Between(1, 28)) + (nl ? " oktober" : " October");
    auto fill = [&](std::string_view s) { return FillPlaceholders(s, values); };

    conv.intent = std::string(intent.intent);
    conv.subject = Subject(ch, c.language, fill(qa.question));
    std::string category_tag = qa.category;
    for (char& ch_tag : category_tag) ch_tag = static_cast<char>(std::tolower(ch_tag));
    conv.tags = {std::string(intent.intent), category_tag};
    if (key) conv.tags.push_back("key-account");
    if (incident && IsIncidentIntent(intent.intent)) conv.tags.push_back("carrier-delay");
    conv.priority = Priority::kNormal;
    if (intent.intent == "complaint" || intent.intent == "payment_issue")
      conv.priority = rng_.Chance(0.6) ? Priority::kHigh : Priority::kNormal;
    if (intent.intent == "review" || intent.intent == "newsletter_subscription")
      conv.priority = Priority::kLow;
    if (key && conv.priority < Priority::kUrgent)
      conv.priority = static_cast<Priority>(static_cast<int>(conv.priority) + 1);
    if (rng_.Chance(0.01)) conv.priority = Priority::kUrgent;

    // Routing: front-line channels land at Customer Service, which hands
    // specialist questions over; e-mail and forms are routed by topic, and a
    // few are misrouted to Customer Service first.
    int target_dept = intent.department, target_queue = intent.queue;
    if (key && target_dept == kSales) target_queue = 1;
    // The phone menu sends most callers straight to the right department.
    const bool phone_menu = ch == Channel::kPhone && rng_.Chance(0.6);
    if (FrontLine(ch) && !phone_menu) {
      conv.department = kCustomerService;
      conv.queue = (ch == Channel::kChat || ch == Channel::kSocial) ? 1 : 0;
    } else if (target_dept != kCustomerService && rng_.Chance(0.06)) {
      conv.department = kCustomerService;
      conv.queue = 0;
    } else {
      conv.department = target_dept;
      conv.queue = target_queue;
    }

    const std::string& signature = c.name;
    const bool mail = ch == Channel::kEmail || ch == Channel::kWebform;
    std::string question = fill(qa.question);
    Timestamp t = Message(conv, conv.created_at, Direction::kIn,
                          mail ? CustomerEmail(rng_, c.language, question, signature) : question,
                          std::nullopt, std::nullopt);
    int dept = conv.department;
    const auto& dept_name = [&](int d) -> const std::string& { return plan_.departments[d].name; };
    auto local_dept_name = [&](int d) -> std::string_view {
      return nl ? DutchDepartmentName(dept_name(d)) : std::string_view(dept_name(d));
    };
    const std::string topic =
        nl ? std::string(DutchTopic(intent.intent)) : IntentTopic(intent.intent);

    // Misrouted mail: Customer Service passes it on before anyone answers.
    if (mail && dept != target_dept) {
      int by = PickAgent(kCustomerService);
      t = ReplyTime(ch, t);
      t = Transfer(conv, t, by, target_dept, target_queue,
                   HandoverNote(c.language, ch, topic, local_dept_name(target_dept)));
      dept = target_dept;
    }

    Timestamp reply = ReplyTime(ch, t);
    int agent = PickAgent(dept);
    // Calls and chats are taken as they come; a third of written questions
    // is taken early and stays open while the agent finds things out.
    Timestamp pickup =
        reply - seconds(Synchronous(ch) ? rng_.Between(3, 40) : rng_.Between(60, 900));
    if (!Synchronous(ch) && rng_.Chance(0.35)) {
      pickup = t + (reply - t) * rng_.Between(10, 50) / 100;
      if (rng_.Chance(0.5)) reply = NextStaffed(ch, reply + hours(rng_.Between(4, 48)));
    }
    t = Simple(conv, StepKind::kAssign, std::max(t + seconds(1), pickup), agent);

    // Front line hands over a specialist question with a promise to the
    // customer; the specialist answers later, by the office clock.
    if (dept == kCustomerService && FrontLine(ch) && target_dept != kCustomerService &&
        rng_.Chance(0.3)) {
      t = Message(conv, reply, Direction::kOut,
                  HandoverMessage(c.language, ch, dept_name(target_dept),
                                  DutchDepartmentName(dept_name(target_dept))),
                  agent, ConversationStatus::kWaitingOnUs);
      t = Transfer(conv, t + seconds(rng_.Between(30, 240)), agent, target_dept, target_queue,
                   HandoverNote(c.language, ch, topic, local_dept_name(target_dept)));
      dept = target_dept;
      // A share of call-back promises is kept late, or never.
      if (rng_.Chance(ch == Channel::kPhone ? 0.12 : 0.06)) return;
      reply = NextStaffed(Channel::kEmail,
                          t + seconds(static_cast<int64_t>(rng_.LogNormal(5 * 3600, 0.9))));
      agent = PickAgent(dept);
      t = Simple(conv, StepKind::kAssign, reply - seconds(rng_.Between(60, 900)), agent);
    }

    if (rng_.Chance(0.2))
      t = Simple(conv, StepKind::kNote, t + (reply - t) / 2, agent, std::nullopt,
                 fill(InternalNote(rng_, c.language, qa.category)));
    if (key && pc.account_manager && rng_.Chance(0.3))
      t = Simple(conv, StepKind::kNote, t + seconds(rng_.Between(5, 60)), *pc.account_manager,
                 std::nullopt, std::string(AccountManagerNote(c.language)));

    const std::string agent_first = FirstWord(plan_.users[agent].name);
    auto answer_body = [&](std::string_view answer) {
      std::string a = fill(answer);
      return mail ? AgentEmail(c.language, a, values.first_name, agent_first, dept_name(dept)) : a;
    };
    t = Message(conv, reply, Direction::kOut, answer_body(qa.answer), agent,
                ConversationStatus::kWaitingOnCustomer);

    // What happens next: thanks, a problem that is not solved yet, or
    // silence. Calls, visits and chats mostly end solved on the spot.
    auto resolve = [&](Timestamp at) {
      t = Simple(conv, StepKind::kStatus, at, agent, ConversationStatus::kResolved);
    };
    auto customer_says = [&](std::string_view text) {
      t = Message(conv, CustomerReturns(ch, t), Direction::kIn, std::string(text), std::nullopt,
                  ConversationStatus::kWaitingOnUs);
    };
    const double r = rng_.Unit();
    const bool sync = Synchronous(ch);
    if (sync && r < 0.7) {
      if (ch == Channel::kChat && rng_.Chance(0.5)) customer_says(CustomerThanks(rng_, c.language));
      resolve(t + seconds(rng_.Between(20, 180)));
    } else if (!sync && r < 0.45) {
      customer_says(CustomerThanks(rng_, c.language));
      resolve(NextStaffed(ch, t + minutes(rng_.Between(1, 90))));
    } else if (r < (sync ? 0.85 : 0.75)) {
      customer_says(CustomerNotSolved(rng_, c.language));
      if (rng_.Chance(0.1)) return;  // fell through the cracks: waits on us for good
      Timestamp second_reply = ReplyTime(ch, t);
      if (rng_.Chance(0.4)) {
        // Needs digging: back to open until the agent has an answer.
        second_reply += hours(rng_.Between(2, 30));
        second_reply = NextStaffed(ch, second_reply);
        t = Simple(conv, StepKind::kStatus, ReplyTime(ch, t), agent, ConversationStatus::kOpen);
      }
      t = Message(conv, second_reply, Direction::kOut, answer_body(AgentFollowUp(rng_, c.language)),
                  agent, ConversationStatus::kWaitingOnCustomer);
      if (rng_.Chance(0.6)) {
        customer_says(CustomerThanks(rng_, c.language));
        resolve(NextStaffed(ch, t + minutes(rng_.Between(1, 90))));
      } else {
        resolve(NextStaffed(ch, t + days(rng_.Between(2, 4))));
      }
    } else if (sync) {
      resolve(t + minutes(rng_.Between(5, 60)));  // the customer left without a word
    } else {
      // No word back: closed out after a few days of silence.
      resolve(NextStaffed(ch, t + days(rng_.Between(3, 7))));
    }
    Simple(conv, StepKind::kStatus, t + days(rng_.Between(3, 7)) + minutes(rng_.Between(0, 600)),
           std::nullopt, ConversationStatus::kClosed);
  }

  void PlanSocialThread(PlannedConversation& conv, const PlannedCustomer& pc) {
    const SocialThread& thread = rng_.Pick(corpus_.social);
    const Channel ch = Channel::kSocial;
    conv.intent = "social";
    conv.subject = Subject(ch, conv.language, thread.turns.front().text);
    conv.tags = {"social", "twitter"};
    if (pc.customer.segment == "key_account") conv.tags.push_back("key-account");
    conv.department = kCustomerService;
    conv.queue = 1;
    conv.priority = pc.customer.segment == "key_account" ? Priority::kHigh : Priority::kNormal;

    int dept = kCustomerService;
    std::optional<int> agent;
    Timestamp t = conv.created_at;
    for (size_t i = 0; i < thread.turns.size(); ++i) {
      const SocialTurn& turn = thread.turns[i];
      Timestamp at = conv.created_at + seconds(turn.after_seconds);
      if (turn.from_customer) {
        t = Message(conv, at, Direction::kIn, turn.text, std::nullopt,
                    i == 0 ? std::nullopt : std::optional(ConversationStatus::kWaitingOnUs));
        continue;
      }
      at = NextStaffed(ch, std::max(at, t + seconds(30)));
      if (!agent) {
        // Technical questions go to the specialists; the rest stays here.
        if (rng_.Chance(0.35)) {
          int by = PickAgent(kCustomerService);
          t = Transfer(conv, at - minutes(rng_.Between(5, 30)), by, kTechnicalSupport, 1,
                       HandoverNote(Language::kEn, ch, "a problem with our app or website",
                                    "Technical Support"));
          dept = kTechnicalSupport;
        }
        agent = PickAgent(dept);
        t = Simple(conv, StepKind::kAssign, at - seconds(rng_.Between(30, 300)), agent);
      }
      t = Message(conv, at, Direction::kOut, turn.text, agent,
                  ConversationStatus::kWaitingOnCustomer);
    }
    t = Simple(conv, StepKind::kStatus, NextStaffed(ch, t + hours(rng_.Between(2, 30))), agent,
               ConversationStatus::kResolved);
    Simple(conv, StepKind::kStatus, t + days(rng_.Between(3, 7)), std::nullopt,
           ConversationStatus::kClosed);
  }

  // Drops what has not happened yet and records the resulting status.
  void Finish(PlannedConversation& conv) {
    std::sort(conv.tags.begin(), conv.tags.end());
    conv.tags.erase(std::unique(conv.tags.begin(), conv.tags.end()), conv.tags.end());
    auto cut = std::find_if(conv.steps.begin(), conv.steps.end(),
                            [&](const PlannedStep& s) { return s.at >= now_; });
    conv.steps.erase(cut, conv.steps.end());
    // A status that would not change anything is dropped, so the timeline
    // only shows real changes.
    ConversationStatus status = ConversationStatus::kNew;
    std::vector<PlannedStep> kept;
    for (PlannedStep& s : conv.steps) {
      if (s.kind == StepKind::kAssign) status = ConversationStatus::kOpen;
      if (s.status && s.kind != StepKind::kAssign) {
        if (*s.status == status) {
          if (s.kind == StepKind::kStatus) continue;
          s.status.reset();
        } else {
          status = *s.status;
        }
      }
      kept.push_back(std::move(s));
    }
    conv.steps = std::move(kept);
    conv.final_status = status;
  }

  // Customers who are new in the window sign up just before their first
  // contact; those without any contact sign up at a random moment in it.
  void MoveNewCustomers() {
    std::vector<std::optional<Timestamp>> first(plan_.customers.size());
    for (const auto& conv : plan_.conversations)
      if (!first[conv.customer] || conv.created_at < *first[conv.customer])
        first[conv.customer] = conv.created_at;
    for (size_t i = 0; i < plan_.customers.size(); ++i) {
      if (!new_in_window_[i]) continue;
      auto& created = plan_.customers[i].customer.created_at;
      created = first[i] ? *first[i] - minutes(rng_.Between(2, 30))
                         : window_start_ + std::chrono::duration_cast<std::chrono::milliseconds>(
                                               (now_ - window_start_) * rng_.Unit());
    }
  }

  const DemoCorpus& corpus_;
  const DemoPlanOptions& o_;
  Rng rng_;
  DemoPlan& plan_;
  Timestamp now_{}, window_start_{};
  std::map<std::string, std::vector<int>> english_by_intent_, dutch_by_intent_;
  std::vector<std::vector<int>> agents_;
  std::vector<bool> new_in_window_;
  bool judges_week_before_ = false;
  std::vector<double> weights_, social_weights_, day_factors_;
};

}  // namespace

DemoPlan BuildDemoPlan(const DemoCorpus& corpus, const DemoPlanOptions& options) {
  DemoPlan plan;
  Builder(corpus, options, plan).Build();
  return plan;
}

}  // namespace luister::demo
