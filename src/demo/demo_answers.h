#pragma once

#include <string>
#include <vector>

namespace luister::demo {

// The demo desk's canonical answers (docs/answers.md): topics a web shop
// answers every day, in Dutch and English, with the questions that ask for
// them. Hand-written for the demo.
struct DemoAnswer {
  std::string topic;
  std::string title_nl, body_nl;
  std::string title_en, body_en;
  std::vector<std::string> questions;
};

const std::vector<DemoAnswer>& DemoAnswers();

}  // namespace luister::demo
