#pragma once

#include <vector>

#include "http/api/module.h"

namespace luister {

// Every capability this server has, in the order their routes register. A
// new capability is one line here (and its module in http/api/).
std::vector<http::ApiModule> ServerModules();

}  // namespace luister
