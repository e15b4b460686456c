#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

// The text the demo conversations are made of, read from the subset shipped
// in data/demo/ (see data/demo/README.md for sources and licences).
namespace luister::demo {

// One customer request with its canonical answer (Bitext). The texts may
// contain {{Placeholder}} slots; see FillPlaceholders.
struct QaPair {
  std::string intent;    // e.g. "track_order"
  std::string category;  // e.g. "ORDER"
  std::string question;
  std::string answer;
};

// One public customer-care conversation on Twitter (IBM CDP set). Turns are
// in order; the first is the customer's, the last the agent's closing answer.
struct SocialTurn {
  bool from_customer = true;
  int64_t after_seconds = 0;  // since the first turn
  std::string text;
};
struct SocialThread {
  std::string company;  // the brand that answered; kept for attribution only
  std::vector<SocialTurn> turns;
};

struct DemoCorpus {
  std::vector<QaPair> english;       // bitext_subset.csv
  std::vector<QaPair> dutch;         // dutch.tsv
  std::vector<SocialThread> social;  // twitter_subset.json
};

inline constexpr std::string_view kBitextFile = "bitext_subset.csv";
inline constexpr std::string_view kTwitterFile = "twitter_subset.json";
inline constexpr std::string_view kDutchFile = "dutch.tsv";

// RFC 4180 CSV with a header row holding at least instruction, category,
// intent and response. Rows with an empty instruction or response are
// skipped. InvalidArgument on malformed input (unterminated quote, missing
// column).
Result<std::vector<QaPair>> ParseBitextCsv(std::string_view csv);
// Tab-separated with the header "intent category question answer".
Result<std::vector<QaPair>> ParseDutchTsv(std::string_view tsv);
// The JSON array written by scripts/make_demo_subset.py.
Result<std::vector<SocialThread>> ParseTwitterJson(std::string_view json);

// Reads the three files from `data_dir`. NotFound names the missing file.
Result<DemoCorpus> LoadDemoCorpus(const std::string& data_dir);

// Values for the {{...}} slots of one conversation.
struct PlaceholderValues {
  std::string order_number;
  std::string invoice_number;
  std::string tracking_number;
  std::string first_name;
  std::string purchase_date;  // e.g. "12 March"
};

// Replaces every {{Name}} slot: order, invoice and tracking numbers, the
// customer's name and date from `v`; phone, e-mail, website, opening hours
// and the like with the demo company's details; any other slot (mostly
// button and menu names such as {{Order History}}) with its own label.
// The result never contains "{{".
std::string FillPlaceholders(std::string_view text, const PlaceholderValues& v);

// The first run of at least 6 digits in `text` (a customer quoting an order
// number), or "" when there is none.
std::string FindOrderNumber(std::string_view text);

// The fictional company the demo is set in.
inline constexpr std::string_view kCompanyName = "Dijkstra Home";
inline constexpr std::string_view kCompanyWebsite = "www.dijkstrahome.example";
inline constexpr std::string_view kCompanyEmail = "service@dijkstrahome.example";
inline constexpr std::string_view kCompanyPhone = "+31 20 808 4400";

}  // namespace luister::demo
