#pragma once

#include <string_view>

namespace luister {

// Named places where a test can make a real process pause, to put it into a
// state that is otherwise a race to reach (e.g. "killed while holding a
// job"). Off unless the environment variable LUISTER_FAILPOINTS names them:
//   LUISTER_FAILPOINTS="jobs.before_complete=sleep(30000)"
// Several are separated by ';'. The only action is sleep(milliseconds).
// Reading the variable happens once; an unset variable costs one branch.
void Failpoint(std::string_view name);

}  // namespace luister
