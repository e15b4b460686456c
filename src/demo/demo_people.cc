#include "demo/demo_people.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace luister::demo {

namespace {

using std::chrono::days;

constexpr std::array kDutchFirst{
    "Anna",   "Sanne",   "Lotte",   "Emma",   "Julia",   "Sophie",   "Lisa",     "Eva",    "Femke",
    "Iris",   "Noor",    "Fleur",   "Maaike", "Marloes", "Annelies", "Daniëlle", "Wendy",  "Petra",
    "Yvonne", "Jan",     "Pieter",  "Kees",   "Bram",    "Daan",     "Thijs",    "Sem",    "Lucas",
    "Jeroen", "Maarten", "Wouter",  "Ruud",   "Henk",    "Gerrit",   "Sander",   "Bas",    "Niels",
    "Joost",  "Mohamed", "Youssef", "Sevda",  "Mehmet",  "Esra",     "Noël",     "Hanneke"};
constexpr std::array kDutchLast{
    "de Vries",  "Jansen",       "van den Berg",   "Bakker",       "Visser",
    "Smit",      "Meijer",       "de Boer",        "Mulder",       "de Groot",
    "Bos",       "Vos",          "Peters",         "Hendriks",     "van Leeuwen",
    "Dekker",    "Brouwer",      "de Wit",         "Dijkstra",     "Smits",
    "de Graaf",  "van der Meer", "van der Linden", "Kok",          "Jacobs",
    "de Haan",   "Vermeulen",    "van den Heuvel", "van der Veen", "van den Broek",
    "de Bruijn", "de Jong",      "Schouten",       "Willems",      "Hoekstra",
    "Koster",    "Prins",        "Postma",         "Kuipers",      "Verhoeven",
    "Yilmaz",    "El Idrissi",   "Bouzid",         "Claes",        "Peeters",
    "Maes"};
constexpr std::array kEnglishFirst{
    "Oliver", "George", "Harry", "Jack",   "Charlie", "Thomas", "James",  "William", "Daniel",
    "Samuel", "Liam",   "Noah",  "Ethan",  "Ryan",    "Aidan",  "Sean",   "Olivia",  "Amelia",
    "Isla",   "Ava",    "Emily", "Sophie", "Grace",   "Chloe",  "Lucy",   "Hannah",  "Megan",
    "Ciara",  "Aoife",  "Niamh", "Priya",  "Aisha",   "Zara",   "Rachel", "Laura",   "Kate",
    "Ben",    "Matt",   "Chris", "Mark",   "Imran",   "Joanne", "Fiona",  "Gareth"};
constexpr std::array kEnglishLast{
    "Smith",   "Jones",    "Taylor",    "Brown",    "Williams", "Wilson",   "Johnson",
    "Davies",  "Robinson", "Wright",    "Thompson", "Evans",    "Walker",   "White",
    "Roberts", "Green",    "Hall",      "Wood",     "Jackson",  "Clarke",   "Patel",
    "Khan",    "Lewis",    "James",     "Phillips", "Mason",    "Mitchell", "Rose",
    "Davis",   "Cox",      "Alexander", "Murphy",   "Kelly",    "O'Brien",  "Byrne",
    "Ryan",    "Walsh",    "O'Connor",  "McCarthy", "Hughes",   "Morgan",   "Price"};

struct OrgSeed {
  const char* name;
  Language language;
  bool key_account;
};
// Selection order: the first key accounts and the first SMBs are used, so
// small demos still get both languages and both segments.
constexpr std::array kOrganisations{
    OrgSeed{"Harbourside Hotel Group", Language::kEn, true},
    OrgSeed{"Zorgcentrum De Linde", Language::kNl, true},
    OrgSeed{"Foxglove Bakery", Language::kEn, false},
    OrgSeed{"Bakkerij Verhoeven", Language::kNl, false},
    OrgSeed{"Meadowbrook Care Homes", Language::kEn, true},
    OrgSeed{"Kestrel Architects", Language::kEn, false},
    OrgSeed{"Summit Fitness Clubs", Language::kEn, true},
    OrgSeed{"Koffiebranderij De Molen", Language::kNl, false},
    OrgSeed{"Dekker Logistiek B.V.", Language::kNl, true},
    OrgSeed{"Bluebell Florists", Language::kEn, false},
    OrgSeed{"Atlas Property Management", Language::kEn, true},
    OrgSeed{"Riverside Co-working", Language::kEn, false},
    OrgSeed{"Hotel De Gouden Leeuw", Language::kNl, true},
    OrgSeed{"Cobalt Creative Agency", Language::kEn, false},
    OrgSeed{"Tideway Restaurants", Language::kEn, true},
    OrgSeed{"Fietsenmaker Bos", Language::kNl, false},
    OrgSeed{"Brightside Dental Care", Language::kEn, false},
    OrgSeed{"Oakridge Primary School", Language::kEn, false},
    OrgSeed{"Studio Noord Architecten", Language::kNl, false},
    OrgSeed{"Pennine Outdoor Supplies", Language::kEn, false},
    OrgSeed{"Greenleaf Cafés", Language::kEn, false},
    OrgSeed{"Bloemenhuis Fleur", Language::kNl, false},
    OrgSeed{"Northwind Interiors Ltd", Language::kEn, true},
    OrgSeed{"Kinderopvang Het Zonnetje", Language::kNl, false},
    OrgSeed{"Wexford Yoga Studio", Language::kEn, false},
    OrgSeed{"Brouwer & Zonen Meubelmakers", Language::kNl, false},
    OrgSeed{"Castlegate Dental Practice", Language::kEn, false},
    OrgSeed{"Lakeside Guest House", Language::kEn, false},
    OrgSeed{"Restaurant Het Pakhuis", Language::kNl, false},
    OrgSeed{"Maple & Co Stationers", Language::kEn, false},
    OrgSeed{"Trinity Physio", Language::kEn, false},
    OrgSeed{"Velvet Lane Boutique", Language::kEn, false},
};

constexpr std::array<ContactHours, 5> kContactHours{
    {{540, 720}, {1080, 1260}, {510, 1050}, {720, 840}, {990, 1200}}};

std::string Digits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.Below(10));
  return s;
}

std::string MobileNumber(Rng& rng, Language lang) {
  const bool abroad = rng.Chance(0.15);
  if (lang == Language::kNl)
    return abroad ? "+324" + std::to_string(7 + rng.Below(3)) + Digits(rng, 7)
                  : "+316" + std::to_string(1 + rng.Below(5)) + Digits(rng, 7);  // 061-065
  // Ofcom's drama numbers of ten cities (0113 496 0xxx …), and Irish
  // mobiles. (Its drama mobiles, 07700 900xxx, are no valid number to
  // libphonenumber, so the desk would refuse them.)
  static constexpr std::array kDrama{"113", "114", "116", "117", "118",
                                     "121", "131", "141", "151", "161"};
  if (abroad) return "+35387" + Digits(rng, 7);
  // The city follows from the digits: no extra draw, so the rest of the
  // plan stays as it was.
  const std::string d = Digits(rng, 3);
  return "+44" + std::string(kDrama[d[0] - '0']) + "4960" + d;
}

std::string LandlineNumber(Rng& rng, Language lang) {
  if (lang == Language::kNl) {
    static constexpr std::array kAreas{"20", "10", "30", "70", "50"};
    return "+31" + std::string(kAreas[rng.Below(kAreas.size())]) + Digits(rng, 7);
  }
  return "+442079460" + Digits(rng, 3);  // Ofcom's London drama range
}

// Adds `value` unless another customer uses it; retries `make` a few times.
template <typename Make>
void AddUnique(std::set<std::string>& used, std::vector<NewIdentity>& ids, IdentityKind kind,
               Make make) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    std::string v = make(attempt);
    if (used.insert(v).second) {
      ids.push_back({kind, std::move(v)});
      return;
    }
  }
}

std::string PersonalEmail(Rng& rng, const std::string& first, const std::string& last,
                          int attempt) {
  static constexpr std::array kDomains{"example.com", "example.net", "example.org"};
  std::string f = AsciiSlug(first), l = AsciiSlug(last);
  std::string local;
  switch ((rng.Below(4) + attempt) % 4) {
    case 0:
      local = f + "." + l;
      break;
    case 1:
      local = f + l + std::to_string(rng.Between(1, 99));
      break;
    case 2:
      local = f.substr(0, 1) + "." + l;
      break;
    default:
      local = f + "_" + l;
      break;
  }
  if (attempt > 3) local += std::to_string(attempt);
  return local + "@" + kDomains[rng.Below(kDomains.size())];
}

std::string TwitterHandle(Rng& rng, const std::string& first, const std::string& last) {
  std::string h = AsciiSlug(first) + (rng.Chance(0.5) ? "_" : "") + AsciiSlug(last).substr(0, 6);
  return "twitter:" + h.substr(0, 12) + std::to_string(rng.Between(1, 999));
}

struct Name {
  std::string first, last;
  std::string full() const { return first + " " + last; }
};

Name RandomName(Rng& rng, Language lang, std::set<std::string>& used_names) {
  for (int attempt = 0;; ++attempt) {
    Name n = lang == Language::kNl ? Name{kDutchFirst[rng.Below(kDutchFirst.size())],
                                          kDutchLast[rng.Below(kDutchLast.size())]}
                                   : Name{kEnglishFirst[rng.Below(kEnglishFirst.size())],
                                          kEnglishLast[rng.Below(kEnglishLast.size())]};
    // Distinct people get distinct names, so the only same-name pairs are the
    // deliberate duplicates; past ~1,800 people per language names repeat.
    if (used_names.insert(n.full()).second || attempt > 50) return n;
  }
}

Timestamp HistoricDate(Rng& rng, Timestamp window_start) {
  return window_start - days(rng.Between(10, 1100)) - std::chrono::minutes(rng.Between(0, 1439));
}

}  // namespace

std::string AsciiSlug(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (c == 0xC3 && i + 1 < s.size()) {
      // Latin-1 supplement letters U+00C0..U+00FF as their base letter.
      static constexpr std::string_view kFold =
          "aaaaaaaceeeeiiiidnooooo/ouuuuyts"   // U+00C0..U+00DF (upper case)
          "aaaaaaaceeeeiiiidnooooo/ouuuuyty";  // U+00E0..U+00FF
      auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0xBF) {
        char f = kFold[d - 0x80];
        if (std::isalpha(static_cast<unsigned char>(f))) out += f;
      }
      ++i;
    }
  }
  return out;
}

void PlanDirectory(DemoPlan& plan) {
  // Customer Service (the chat and the phone line) is always open; the
  // others keep office hours, Billing with a lunch break.
  const std::string office = "09:00-17:30";
  plan.departments = {
      {"Customer Service", {"General", "Chat & Social"}, {}},
      {"Billing",
       {"Invoices", "Payments"},
       {"09:00-12:30,13:30-17:00", "09:00-12:30,13:30-17:00", "09:00-12:30,13:30-17:00",
        "09:00-12:30,13:30-17:00", "09:00-12:30,13:30-16:00", "", ""}},
      {"Technical Support",
       {"Accounts & Login", "Website & App"},
       {"08:00-20:00", "08:00-20:00", "08:00-20:00", "08:00-20:00", "08:00-20:00", "10:00-16:00",
        ""}},
      {"Sales", {"Orders", "Key Accounts"}, {office, office, office, office, office, "", ""}},
      {"Returns & Logistics",
       {"Delivery", "Returns & Refunds"},
       {"08:30-17:00", "08:30-17:00", "08:30-17:00", "08:30-17:00", "08:30-17:00", "10:00-14:00",
        ""}},
  };
  auto staff = [&](const char* email, const char* name, Role role, Language lang,
                   std::optional<int> dept) {
    plan.users.push_back({email, name, role, lang, dept});
  };
  staff(kAdminEmail.data(), "Luister Admin", Role::kAdmin, Language::kEn, std::nullopt);
  staff("marieke.jansen@luister.local", "Marieke Jansen", Role::kManager, Language::kNl,
        std::nullopt);
  staff("sanne.bakker@luister.local", "Sanne Bakker", Role::kAgent, Language::kNl,
        kCustomerService);
  staff("tom.hughes@luister.local", "Tom Hughes", Role::kAgent, Language::kEn, kCustomerService);
  staff("fatima.elamrani@luister.local", "Fatima El Amrani", Role::kAgent, Language::kNl,
        kCustomerService);
  staff("pieter.deboer@luister.local", "Pieter de Boer", Role::kAgent, Language::kNl, kBilling);
  staff("emma.clarke@luister.local", "Emma Clarke", Role::kAgent, Language::kEn, kBilling);
  staff("daan.visser@luister.local", "Daan Visser", Role::kAgent, Language::kNl, kTechnicalSupport);
  staff("priya.raman@luister.local", "Priya Raman", Role::kAgent, Language::kEn, kTechnicalSupport);
  staff("lotte.smit@luister.local", "Lotte Smit", Role::kAgent, Language::kNl, kSales);
  staff("joris.mulder@luister.local", "Joris Mulder", Role::kAgent, Language::kNl,
        kReturnsLogistics);
  staff("olivia.brennan@luister.local", "Olivia Brennan", Role::kAgent, Language::kEn,
        kReturnsLogistics);
  staff("ruben.hendriks@luister.local", "Ruben Hendriks", Role::kAccountManager, Language::kNl,
        kSales);
  staff("charlotte.evans@luister.local", "Charlotte Evans", Role::kAccountManager, Language::kEn,
        kSales);
  staff("ingrid.vermeulen@luister.local", "Ingrid Vermeulen", Role::kPrivacyOfficer, Language::kNl,
        std::nullopt);
}

void PlanCustomers(Rng& rng, const DemoPlanOptions& o, Timestamp window_start, DemoPlan& plan,
                   std::vector<bool>* new_in_window) {
  const int total = std::max(o.customers, 8);
  const int n_orgs = std::clamp(total * 3 / 40, 2, static_cast<int>(kOrganisations.size()));
  const int n_key = std::max(1, n_orgs * 27 / 100);
  const int n_dupes = std::max(1, total / 65);
  const int max_members = (total - n_orgs - n_dupes) / 3;

  std::vector<int> account_managers;
  for (size_t i = 0; i < plan.users.size(); ++i)
    if (plan.users[i].role == Role::kAccountManager)
      account_managers.push_back(static_cast<int>(i));

  std::set<std::string> used_ids, used_names;
  auto& customers = plan.customers;

  // Organisations.
  std::vector<const OrgSeed*> orgs;
  for (const auto& seed : kOrganisations)
    if (seed.key_account && static_cast<int>(orgs.size()) < n_key) orgs.push_back(&seed);
  for (const auto& seed : kOrganisations)
    if (!seed.key_account && static_cast<int>(orgs.size()) < n_orgs) orgs.push_back(&seed);
  for (const OrgSeed* seed : orgs) {
    PlannedCustomer pc;
    NewCustomer& c = pc.customer;
    c.kind = CustomerKind::kOrganisation;
    c.name = seed->name;
    c.segment = seed->key_account ? "key_account" : "smb";
    c.language = seed->language;
    c.created_at = HistoricDate(rng, window_start);
    const std::string domain = AsciiSlug(seed->name) + ".example";
    const char* mailbox = seed->language == Language::kNl
                              ? (rng.Chance(0.5) ? "info" : "administratie")
                              : (rng.Chance(0.5) ? "info" : "accounts");
    AddUnique(used_ids, c.identities, IdentityKind::kEmail, [&](int a) {
      return std::string(mailbox) + (a ? std::to_string(a) : "") + "@" + domain;
    });
    AddUnique(used_ids, c.identities, IdentityKind::kPhone,
              [&](int) { return LandlineNumber(rng, seed->language); });
    if (seed->key_account) {
      c.preferred_channel = rng.Chance(0.5) ? Channel::kEmail : Channel::kPhone;
      c.contact_hours = ContactHours{510, 1050};
      if (!account_managers.empty())
        pc.account_manager = account_managers[customers.size() % account_managers.size()];
    }
    customers.push_back(std::move(pc));
  }

  // Members of organisations: more people behind a key account.
  int members = 0;
  for (int org = 0; org < n_orgs && members < max_members; ++org) {
    // A copy: customers grows below, which would invalidate a reference.
    const PlannedCustomer o_pc = customers[org];
    const bool key = o_pc.customer.segment == "key_account";
    int n = key ? rng.Between(3, 7) : rng.Between(1, 3);
    for (int k = 0; k < n && members < max_members; ++k, ++members) {
      PlannedCustomer pc;
      NewCustomer& c = pc.customer;
      Name name = RandomName(rng, o_pc.customer.language, used_names);
      c.kind = CustomerKind::kPerson;
      c.name = name.full();
      c.segment = o_pc.customer.segment;
      c.language = o_pc.customer.language;
      c.created_at = *o_pc.customer.created_at + days(rng.Between(0, 300));
      if (*c.created_at >= window_start) c.created_at = window_start - days(rng.Between(1, 9));
      pc.organisation = org;
      pc.account_manager = o_pc.account_manager;
      const std::string domain =
          o_pc.customer.identities[0].value.substr(o_pc.customer.identities[0].value.find('@') + 1);
      AddUnique(used_ids, c.identities, IdentityKind::kEmail, [&](int a) {
        return AsciiSlug(name.first) + "." + AsciiSlug(name.last) + (a ? std::to_string(a) : "") +
               "@" + domain;
      });
      if (rng.Chance(0.6))
        AddUnique(used_ids, c.identities, IdentityKind::kPhone,
                  [&](int) { return MobileNumber(rng, c.language); });
      if (rng.Chance(0.05))
        AddUnique(used_ids, c.identities, IdentityKind::kSocial,
                  [&](int) { return TwitterHandle(rng, name.first, name.last); });
      if (rng.Chance(0.35))
        c.preferred_channel = rng.Chance(0.6) ? Channel::kEmail : Channel::kPhone;
      if (rng.Chance(0.25)) c.contact_hours = kContactHours[2];
      customers.push_back(std::move(pc));
    }
  }

  // Consumers.
  const int n_consumers = total - static_cast<int>(customers.size()) - n_dupes;
  static constexpr std::array kPreferred{Channel::kEmail,  Channel::kChat,  Channel::kPhone,
                                         Channel::kSocial, Channel::kEmail, Channel::kChat};
  for (int i = 0; i < n_consumers; ++i) {
    PlannedCustomer pc;
    NewCustomer& c = pc.customer;
    c.kind = CustomerKind::kPerson;
    c.language = rng.Chance(0.15) ? Language::kNl : Language::kEn;
    c.segment = "consumer";
    Name name = RandomName(rng, c.language, used_names);
    c.name = name.full();
    c.created_at = HistoricDate(rng, window_start);
    if (rng.Chance(0.92))
      AddUnique(used_ids, c.identities, IdentityKind::kEmail,
                [&](int a) { return PersonalEmail(rng, name.first, name.last, a); });
    if (c.identities.empty() || rng.Chance(0.7))
      AddUnique(used_ids, c.identities, IdentityKind::kPhone,
                [&](int) { return MobileNumber(rng, c.language); });
    if (rng.Chance(0.16))
      AddUnique(used_ids, c.identities, IdentityKind::kSocial,
                [&](int) { return TwitterHandle(rng, name.first, name.last); });
    if (rng.Chance(0.35)) c.preferred_channel = kPreferred[rng.Below(kPreferred.size())];
    if (rng.Chance(0.2)) c.contact_hours = kContactHours[rng.Below(kContactHours.size())];
    customers.push_back(std::move(pc));
  }
  const size_t first_consumer = customers.size() - n_consumers;
  new_in_window->assign(customers.size(), false);
  for (size_t i = first_consumer; i < customers.size(); ++i) (*new_in_window)[i] = rng.Chance(0.12);

  // The same person entered twice: a consumer who came back with another
  // address or handle, sometimes with only an initial for a first name.
  for (int d = 0; d < n_dupes && n_consumers > 0; ++d) {
    int orig = static_cast<int>(first_consumer) + (d * 7919) % n_consumers;
    if ((*new_in_window)[orig]) (*new_in_window)[orig] = false;
    const NewCustomer oc = customers[orig].customer;  // a copy: customers grows below
    PlannedCustomer pc;
    NewCustomer& c = pc.customer;
    c.kind = CustomerKind::kPerson;
    c.segment = oc.segment;
    c.language = oc.language;
    std::string first = oc.name.substr(0, oc.name.find(' '));
    std::string last = oc.name.substr(oc.name.find(' ') + 1);
    c.name = d % 2 == 0 ? oc.name : first.substr(0, 1) + ". " + last;
    c.created_at = std::min(*oc.created_at + days(rng.Between(30, 400)), window_start - days(2));
    AddUnique(used_ids, c.identities, IdentityKind::kEmail, [&](int a) {
      return AsciiSlug(first) + AsciiSlug(last) + std::to_string(rng.Between(70, 99) + a) +
             "@example.net";
    });
    if (d % 3 == 1)
      AddUnique(used_ids, c.identities, IdentityKind::kSocial,
                [&](int) { return TwitterHandle(rng, first, last); });
    else
      AddUnique(used_ids, c.identities, IdentityKind::kPhone,
                [&](int) { return MobileNumber(rng, c.language); });
    pc.duplicate_of = orig;
    customers.push_back(std::move(pc));
    new_in_window->push_back(false);
  }
  plan.duplicate_pairs = n_dupes;
}

std::string GreetingName(const PlannedCustomer& c) {
  if (c.customer.kind == CustomerKind::kOrganisation) return "";
  const std::string& n = c.customer.name;
  std::string first = n.substr(0, n.find(' '));
  if (first.size() <= 2 || first.back() == '.') return "";
  return first;
}

}  // namespace luister::demo
