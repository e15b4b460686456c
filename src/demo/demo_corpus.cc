#include "demo/demo_corpus.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/csv.h"

namespace luister::demo {

namespace {

using Row = CsvRow;

Result<std::map<std::string, size_t>> HeaderIndex(const Row& header,
                                                  std::initializer_list<const char*> needed) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < header.size(); ++i) index[header[i]] = i;
  for (const char* name : needed)
    if (!index.contains(name)) return InvalidArgument(std::string("missing column ") + name);
  return index;
}

std::string TrimCopy(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return NotFound("demo data file not found: " + path.string());
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Has(const std::string& s, std::string_view word) { return s.find(word) != std::string::npos; }

// The value for one slot; `name` is the text between the braces.
std::string SlotValue(std::string_view name, const PlaceholderValues& v) {
  const std::string n = Lower(name);
  const bool all_digits_or_hex = !n.empty() && std::all_of(n.begin(), n.end(), [](unsigned char c) {
    return std::isdigit(c) || (c >= 'a' && c <= 'f');
  });
  const bool has_digit =
      std::any_of(n.begin(), n.end(), [](unsigned char c) { return std::isdigit(c); });
  if (all_digits_or_hex && has_digit && n.size() >= 6) return v.order_number;
  if (Has(n, "invoice number") || Has(n, "bill number")) return v.invoice_number;
  if (Has(n, "tracking number")) return v.tracking_number;
  if (Has(n, "order number") || Has(n, "order id") || Has(n, "purchase id") ||
      Has(n, "purchase number"))
    return v.order_number;
  if (Has(n, "name field")) return v.first_name;
  if (Has(n, "purchase date")) return v.purchase_date;
  if (Has(n, "payment method anonymized")) return "iDEAL";
  if (Has(n, "number of days")) return "14";
  if (Has(n, "start time")) return "08:30";
  if (Has(n, "end time")) return "17:30";
  if (Has(n, "weekends")) return "Saturday 10:00-16:00";
  if (Has(n, "holidays")) return "closed on public holidays";
  if (Has(n, "availability") || Has(n, "hours"))
    return "Monday to Friday 08:30-17:30 and Saturday 10:00-16:00";
  if (Has(n, "phone")) return std::string(kCompanyPhone);
  if (Has(n, "email")) return std::string(kCompanyEmail);
  if (Has(n, "live chat")) return "live chat";
  if (Has(n, "mobile app")) return std::string(kCompanyName) + " app";
  if (Has(n, "website") || n == "website/app name") return std::string(kCompanyWebsite);
  if (Has(n, "company name")) return std::string(kCompanyName);
  // A button or menu label: the label itself reads naturally in context.
  std::string label(name);
  if (label.size() > 11 && label.ends_with(" Anonymized")) label.resize(label.size() - 11);
  return label;
}

}  // namespace

Result<std::vector<QaPair>> ParseBitextCsv(std::string_view csv) {
  LUISTER_ASSIGN_OR_RETURN(auto rows, ParseCsv(csv));
  if (rows.empty()) return InvalidArgument("bitext CSV is empty");
  LUISTER_ASSIGN_OR_RETURN(auto col,
                           HeaderIndex(rows[0], {"instruction", "category", "intent", "response"}));
  std::vector<QaPair> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const Row& row = rows[r];
    if (row.size() < rows[0].size())
      return InvalidArgument("bitext CSV row " + std::to_string(r + 1) + " has too few fields");
    QaPair p{TrimCopy(row[col["intent"]]), TrimCopy(row[col["category"]]),
             TrimCopy(row[col["instruction"]]), TrimCopy(row[col["response"]])};
    if (p.question.empty() || p.answer.empty() || p.intent.empty()) continue;
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<QaPair>> ParseDutchTsv(std::string_view tsv) {
  std::vector<QaPair> out;
  size_t line_no = 0;
  bool header = true;
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    std::vector<std::string> f;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      f.push_back(
          TrimCopy(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (f.size() != 4)
      return InvalidArgument("dutch.tsv line " + std::to_string(line_no) + " needs 4 fields");
    if (header) {
      if (f[0] != "intent" || f[2] != "question")
        return InvalidArgument(
            "dutch.tsv must start with the header intent/category/question/answer");
      header = false;
      continue;
    }
    if (f[0].empty() || f[2].empty() || f[3].empty()) continue;
    out.push_back({f[0], f[1], f[2], f[3]});
  }
  return out;
}

Result<std::vector<SocialThread>> ParseTwitterJson(std::string_view json) {
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_array())
    return InvalidArgument("twitter subset is not a JSON array");
  std::vector<SocialThread> out;
  for (const auto& c : doc) {
    if (!c.is_object() || !c.contains("turns") || !c["turns"].is_array())
      return InvalidArgument("twitter conversation without turns");
    SocialThread t;
    t.company = c.value("company", "");
    for (const auto& turn : c["turns"]) {
      if (!turn.is_object() || !turn.contains("text") || !turn["text"].is_string())
        return InvalidArgument("twitter turn without text");
      SocialTurn st;
      st.from_customer = turn.value("from", "") == "customer";
      st.after_seconds = turn.value("after_s", int64_t{0});
      st.text = turn["text"].get<std::string>();
      if (!st.text.empty()) t.turns.push_back(std::move(st));
    }
    if (t.turns.size() >= 2 && t.turns.front().from_customer && !t.turns.back().from_customer)
      out.push_back(std::move(t));
  }
  return out;
}

Result<DemoCorpus> LoadDemoCorpus(const std::string& data_dir) {
  std::filesystem::path dir(data_dir);
  DemoCorpus corpus;
  LUISTER_ASSIGN_OR_RETURN(std::string bitext, ReadFile(dir / kBitextFile));
  LUISTER_ASSIGN_OR_RETURN(corpus.english, ParseBitextCsv(bitext));
  LUISTER_ASSIGN_OR_RETURN(std::string dutch, ReadFile(dir / kDutchFile));
  LUISTER_ASSIGN_OR_RETURN(corpus.dutch, ParseDutchTsv(dutch));
  LUISTER_ASSIGN_OR_RETURN(std::string twitter, ReadFile(dir / kTwitterFile));
  LUISTER_ASSIGN_OR_RETURN(corpus.social, ParseTwitterJson(twitter));
  if (corpus.english.empty() || corpus.dutch.empty() || corpus.social.empty())
    return InvalidArgument("demo data in " + data_dir + " has an empty file");
  return corpus;
}

std::string FillPlaceholders(std::string_view text, const PlaceholderValues& v) {
  std::string out;
  out.reserve(text.size() + 64);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) break;
    size_t close = text.find("}}", open + 2);
    out.append(text.substr(pos, open - pos));
    if (close == std::string_view::npos) {
      // An unclosed slot: drop the braces, keep the words.
      pos = open + 2;
      continue;
    }
    out += SlotValue(TrimCopy(text.substr(open + 2, close - open - 2)), v);
    pos = close + 2;
  }
  out.append(text.substr(std::min(pos, text.size())));
  return out;
}

std::string FindOrderNumber(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j - i >= 6) return std::string(text.substr(i, j - i));
    i = j;
  }
  return "";
}

}  // namespace luister::demo
