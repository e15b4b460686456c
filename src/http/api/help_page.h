#pragma once

#include "http/api/api_context.h"
#include "http/api/module.h"

namespace luister::http {

// The public help page of a chat widget, /help/<slug> (docs/assistant.md):
// every published answer by topic, readable without JavaScript; /help.js
// adds the self-service assistant and hands over through the widget.
void HelpPageRoutes(ApiRoutes& r, ApiContext& ctx);

}  // namespace luister::http
