#include "app/topic_examples.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/csv.h"

namespace luister {

namespace {

constexpr const char* kTextNames[] = {"text", "utterance"};
constexpr const char* kLabelNames[] = {"label", "category", "intent"};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view s) {
  const size_t from = s.find_first_not_of(" \t\r\n");
  if (from == std::string_view::npos) return "";
  const size_t to = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(from, to - from + 1));
}

template <size_t N>
int Column(const CsvRow& header, const char* const (&names)[N]) {
  for (const char* name : names)
    for (size_t i = 0; i < header.size(); ++i)
      if (Lower(Trim(header[i])) == name) return static_cast<int>(i);
  return -1;
}

Result<std::vector<TopicExample>> ParseCsvExamples(std::string_view content,
                                                   const std::string& name, bool need_labels) {
  std::vector<int> lines;
  auto rows = ParseCsv(content, &lines);
  if (!rows.ok()) return InvalidArgument(name + ": " + rows.status().message());
  if (rows->empty()) return InvalidArgument(name + " holds no examples");
  const CsvRow& header = rows->front();
  const int text = Column(header, kTextNames);
  const int label = Column(header, kLabelNames);
  if (text < 0)
    return InvalidArgument(name + ":" + std::to_string(lines[0]) +
                           ": no text column (text or utterance) in the header");
  if (need_labels && label < 0)
    return InvalidArgument(name + ":" + std::to_string(lines[0]) +
                           ": no label column (label, category or intent) in the header");
  std::vector<TopicExample> out;
  for (size_t r = 1; r < rows->size(); ++r) {
    const CsvRow& row = (*rows)[r];
    const std::string where = name + ":" + std::to_string(lines[r]) + ": ";
    if (row.size() != header.size())
      return InvalidArgument(where + std::to_string(row.size()) + " fields where the header has " +
                             std::to_string(header.size()));
    TopicExample e{row[static_cast<size_t>(text)],
                   label < 0 ? "" : Trim(row[static_cast<size_t>(label)])};
    if (Trim(e.text).empty()) return InvalidArgument(where + "empty text");
    if (need_labels && e.label.empty()) return InvalidArgument(where + "empty label");
    out.push_back(std::move(e));
  }
  if (out.empty()) return InvalidArgument(name + " holds no examples");
  return out;
}

// The value of the first of `names` present in `j`, or nullptr.
const nlohmann::json* Find(const nlohmann::json& j, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    const auto it = j.find(name);
    if (it != j.end()) return &*it;
  }
  return nullptr;
}

Result<std::vector<TopicExample>> ParseJsonExamples(std::string_view content,
                                                    const std::string& name, bool need_labels) {
  std::vector<TopicExample> out;
  size_t start = 0;
  for (int n = 1; start < content.size(); ++n) {
    size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    const std::string_view line = content.substr(start, end - start);
    start = end + 1;
    if (Trim(line).empty()) continue;
    const std::string where = name + ":" + std::to_string(n) + ": ";
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return InvalidArgument(where + "not a JSON object");
    const nlohmann::json* text = Find(j, {"text", "utterance"});
    if (!text || !text->is_string() || Trim(text->get<std::string>()).empty())
      return InvalidArgument(where + "no \"text\" (or \"utterance\") string");
    const nlohmann::json* label = Find(j, {"label", "category", "intent"});
    std::string value;
    if (label && label->is_string()) value = Trim(label->get<std::string>());
    if (label && label->is_number_integer()) value = std::to_string(label->get<int64_t>());
    if (need_labels && value.empty())
      return InvalidArgument(where +
                             "no \"label\" (or \"category\", \"intent\"): a string or an integer");
    out.push_back({text->get<std::string>(), std::move(value)});
  }
  if (out.empty()) return InvalidArgument(name + " holds no examples");
  return out;
}

}  // namespace

Result<std::vector<TopicExample>> ParseTopicExamples(std::string_view content,
                                                     const std::string& name, bool need_labels) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);  // a byte order mark
  const std::string lower = Lower(name);
  bool json = false;
  if (EndsWith(lower, ".jsonl") || EndsWith(lower, ".ndjson") || EndsWith(lower, ".json")) {
    json = true;
  } else if (!EndsWith(lower, ".csv")) {
    const size_t first = content.find_first_not_of(" \t\r\n");
    json = first != std::string_view::npos && content[first] == '{';
  }
  if (Trim(content).empty()) return InvalidArgument(name + " holds no examples");
  return json ? ParseJsonExamples(content, name, need_labels)
              : ParseCsvExamples(content, name, need_labels);
}

Result<std::vector<TopicExample>> ReadTopicExamples(const std::string& path, bool need_labels) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return InvalidArgument("cannot read " + path + ": a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgument("cannot read " + path);
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return InvalidArgument("cannot read " + path);
  return ParseTopicExamples(content.str(), path, need_labels);
}

}  // namespace luister
