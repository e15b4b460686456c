#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/topic_classifier.h"

namespace luister {

// Labelled (or unlabelled) texts from a file, for `luister topics`:
//  - CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks)
//    with a header naming the text column `text` or `utterance` and the
//    label column `label`, `category` or `intent` (any case; other columns
//    ignored);
//  - JSON lines: one object per line with the same names as keys (a label
//    may be a string or an integer); blank lines skipped.
// JSON lines when the name ends in .jsonl, .ndjson or .json, CSV when in
// .csv; otherwise by the first character that is not a space ('{': JSON).
// InvalidArgument naming the file (and the line, where there is one): the
// file cannot be read, is empty, has no text column or key, a row has
// another number of fields than the header, a label is missing or empty
// where `need_labels`.
Result<std::vector<TopicExample>> ReadTopicExamples(const std::string& path,
                                                    bool need_labels = true);

// The same from text already read; `name` stands for the file in messages.
Result<std::vector<TopicExample>> ParseTopicExamples(std::string_view content,
                                                     const std::string& name,
                                                     bool need_labels = true);

}  // namespace luister
