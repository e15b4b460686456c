#pragma once

// The pages the server renders itself for visitors without an account (the
// hosted web forms, the help page): plain HTML that works without
// JavaScript, one stylesheet of their own (the Content-Security-Policy
// allows no inline style), in the visitor's language.

#include <string>
#include <string_view>

#include "domain/enums.h"
#include "http/request.h"

namespace luister::http {

// ?lang= first, then the browser's first preference, Dutch by default.
Language PageLanguage(const Request& req);

// A whole page: `main` is already escaped HTML, `title` is text.
// `stylesheet` and `script` are the page's own addresses (script optional).
Response PublicPage(int status, std::string_view title, Language lang, std::string_view main,
                    std::string_view stylesheet, std::string_view script = {});

// The stylesheet the public pages share (served at /forms/form.css and
// /help/help.css).
Response PublicStylesheet();

}  // namespace luister::http
