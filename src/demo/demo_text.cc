#include "demo/demo_text.h"

#include <array>
#include <cctype>
#include <span>

#include "domain/validation.h"

namespace luister::demo {

namespace {

using Texts = std::span<const std::string_view>;

std::string_view PickText(Rng& rng, Texts t) {
  return t[rng.Below(static_cast<uint32_t>(t.size()))];
}

constexpr std::string_view kThanksEn[] = {
    "Thanks, that worked!",
    "Great, thank you for the quick help.",
    "Perfect, all sorted now. Cheers!",
    "Thank you, much appreciated.",
    "Got it, thanks.",
};
constexpr std::string_view kThanksNl[] = {
    "Top, dank je wel!",         "Bedankt voor de snelle hulp.",
    "Het is gelukt, dankjewel!", "Duidelijk, bedankt.",
    "Fijn, dank u wel.",
};
constexpr std::string_view kNotSolvedEn[] = {
    "I tried that, but it still doesn't work.",
    "Thanks, but that doesn't really answer my question. When will this be sorted?",
    "Any update on this? I haven't heard anything since.",
    "Still nothing. This is taking far too long.",
    "I did exactly that and got an error message. Can someone look into it?",
    "That's the third time I'm explaining this. Can you please just fix it?",
};
constexpr std::string_view kNotSolvedNl[] = {
    "Dat heb ik geprobeerd, maar het werkt nog steeds niet.",
    "Is er al nieuws? Ik heb sindsdien niets meer gehoord.",
    "Nog steeds niets ontvangen. Dit duurt echt te lang.",
    "Ik krijg een foutmelding als ik dat doe. Kunnen jullie even kijken?",
    "Bedankt, maar wanneer is het dan opgelost?",
};
constexpr std::string_view kFollowUpEn[] = {
    "Sorry for the trouble. I've looked into it myself and escalated it to my colleagues; "
    "I'll update you by tomorrow at the latest.",
    "Thanks for your patience. I've checked again: everything is now processed on our side, and "
    "you'll receive a confirmation by e-mail shortly.",
    "Apologies, that should not have happened. I've fixed it manually for order {{Order Number}}. "
    "Could you check again and let me know?",
    "I understand your frustration. I've asked our specialists to take a look and they'll contact "
    "you directly today.",
};
constexpr std::string_view kFollowUpNl[] = {
    "Sorry voor het ongemak. Ik heb het zelf uitgezocht en doorgezet naar mijn collega's; "
    "uiterlijk morgen hoort u van mij.",
    "Dank voor uw geduld. Ik heb het nog eens nagekeken: alles is nu verwerkt en u krijgt zo een "
    "bevestiging per e-mail.",
    "Excuses, dat had niet mogen gebeuren. Ik heb het voor bestelling {{Order Number}} handmatig "
    "hersteld. Wilt u het nog eens proberen?",
    "Ik begrijp dat dit frustrerend is. Onze specialisten kijken ernaar en nemen vandaag nog "
    "rechtstreeks contact met u op.",
};

struct CategoryNotes {
  std::string_view category;
  std::array<std::string_view, 2> en;
  std::array<std::string_view, 2> nl;
};
constexpr CategoryNotes kNotes[] = {
    {"ORDER",
     {"Order {{Order Number}} is still in the picking queue; the warehouse says it ships today.",
      "Customer ordered twice; cancelled the second order before picking."},
     {"Bestelling {{Order Number}} staat nog in de pickrij; magazijn verstuurt hem vandaag.",
      "Klant had dubbel besteld; tweede bestelling geannuleerd voor het picken."}},
    {"DELIVERY",
     {"Carrier portal: parcel {{Tracking Number}} has been at the sorting hub since yesterday.",
      "Third late delivery in this postcode area this week; reported to the carrier."},
     {"Vervoerdersportaal: pakket {{Tracking Number}} ligt sinds gisteren in het sorteercentrum.",
      "Derde late levering in dit postcodegebied deze week; gemeld bij de vervoerder."}},
    {"SHIPPING_ADDRESS",
     {"Changed the address in the carrier portal before dispatch.",
      "Address book entry was missing the house number; corrected."},
     {"Adres aangepast in het vervoerdersportaal, voor verzending.",
      "Huisnummer ontbrak in het adresboek; gecorrigeerd."}},
    {"REFUND",
     {"Return arrived last week; the refund was stuck in the approval list. Approved it now.",
      "Refund for {{Order Number}} approved; the bank takes 3-5 working days."},
     {"Retour vorige week binnengekomen; terugbetaling hing in de goedkeuringslijst. Nu "
      "goedgekeurd.",
      "Terugbetaling voor {{Order Number}} goedgekeurd; bank doet er 3-5 werkdagen over."}},
    {"INVOICE",
     {"Re-sent invoice {{Invoice Number}} from the billing system.",
      "VAT number in the customer record was wrong; corrected it and made a credit note."},
     {"Factuur {{Invoice Number}} opnieuw verstuurd vanuit het facturatiesysteem.",
      "Btw-nummer in de klantgegevens was fout; gecorrigeerd en creditnota gemaakt."}},
    {"PAYMENT",
     {"Payment provider shows the first attempt as expired; no double charge.",
      "Reminder crossed the payment; marked the reminder as void."},
     {"Betaalprovider toont de eerste poging als verlopen; niet dubbel afgeschreven.",
      "Herinnering kruiste de betaling; herinnering vervallen verklaard."}},
    {"CANCELLATION_FEE",
     {"Monthly contract, no cancellation fee applies. Checked the contract terms.",
      "Customer was quoted a fee by phone last month by mistake."},
     {"Maandcontract, geen opzegkosten. Contractvoorwaarden nagekeken.",
      "Klant kreeg vorige maand telefonisch ten onrechte opzegkosten genoemd."}},
    {"ACCOUNT",
     {"Customer's address was on the bounce list; removed it so the mail gets through.",
      "Known issue with the postcode field at registration; ticket is with the web team."},
     {"E-mailadres stond op de bouncelijst; verwijderd zodat de mail aankomt.",
      "Bekend probleem met het postcodeveld bij registratie; melding ligt bij het webteam."}},
    {"FEEDBACK",
     {"Third damaged delivery for this customer: logged for the packaging review.",
      "A call back was promised last week but never made."},
     {"Derde beschadigde levering voor deze klant: gemeld voor het verpakkingsoverleg.",
      "Vorige week terugbelafspraak gemaakt, maar er is niet gebeld."}},
    {"CONTACT",
     {"Checked the history first: two earlier contacts about the same order.",
      "Customer got stuck in the chatbot loop; took over directly."},
     {"Eerst de historie bekeken: twee eerdere contacten over dezelfde bestelling.",
      "Klant kwam niet uit de chatbot; direct overgenomen."}},
    {"NEWSLETTER",
     {"Unsubscribed in the mailing tool.", "Set the newsletter to once a month."},
     {"Afgemeld in de mailingtool.", "Nieuwsbrief op één keer per maand gezet."}},
};

struct DepartmentName {
  std::string_view en, nl;
};
constexpr DepartmentName kDepartmentNames[] = {
    {"Customer Service", "Klantenservice"},          {"Billing", "Facturatie"},
    {"Technical Support", "Technische Support"},     {"Sales", "Verkoop"},
    {"Returns & Logistics", "Retouren & Logistiek"},
};

struct DutchTopicName {
  std::string_view intent, nl;
};
constexpr DutchTopicName kDutchTopics[] = {
    {"track_order", "waar blijft de bestelling"},
    {"delivery_period", "levertijd"},
    {"delivery_options", "bezorgopties"},
    {"change_shipping_address", "afleveradres wijzigen"},
    {"set_up_shipping_address", "afleveradres toevoegen"},
    {"get_refund", "geld terug"},
    {"track_refund", "status terugbetaling"},
    {"check_refund_policy", "retourvoorwaarden"},
    {"check_invoice", "factuur"},
    {"get_invoice", "factuur opvragen"},
    {"check_cancellation_fee", "opzegkosten"},
    {"payment_issue", "betaalprobleem"},
    {"check_payment_methods", "betaalmethoden"},
    {"recover_password", "wachtwoord vergeten"},
    {"edit_account", "accountgegevens wijzigen"},
    {"create_account", "account aanmaken"},
    {"registration_problems", "problemen bij registratie"},
    {"delete_account", "account verwijderen"},
    {"switch_account", "account omzetten"},
    {"change_order", "bestelling wijzigen"},
    {"cancel_order", "bestelling annuleren"},
    {"place_order", "bestellen"},
    {"complaint", "klacht"},
    {"contact_human_agent", "wil een medewerker spreken"},
    {"contact_customer_service", "bereikbaarheid klantenservice"},
    {"newsletter_subscription", "nieuwsbrief"},
    {"review", "compliment of review"},
};

std::string CapitaliseFirst(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace

std::string_view CustomerThanks(Rng& rng, Language lang) {
  return lang == Language::kNl ? PickText(rng, kThanksNl) : PickText(rng, kThanksEn);
}

std::string_view CustomerNotSolved(Rng& rng, Language lang) {
  return lang == Language::kNl ? PickText(rng, kNotSolvedNl) : PickText(rng, kNotSolvedEn);
}

std::string_view AgentFollowUp(Rng& rng, Language lang) {
  return lang == Language::kNl ? PickText(rng, kFollowUpNl) : PickText(rng, kFollowUpEn);
}

std::string_view InternalNote(Rng& rng, Language lang, std::string_view category) {
  const CategoryNotes* notes = &kNotes[std::size(kNotes) - 2];  // CONTACT fits anything
  for (const auto& n : kNotes)
    if (n.category == category) notes = &n;
  const auto& list = lang == Language::kNl ? notes->nl : notes->en;
  return list[rng.Below(2)];
}

std::string_view AccountManagerNote(Language lang) {
  return lang == Language::kNl
             ? "Accountmanager: key account, houd mij op de hoogte van de afloop."
             : "Account manager: key account, please keep me posted on how this ends.";
}

std::string HandoverMessage(Language lang, Channel channel, std::string_view department_en,
                            std::string_view department_nl) {
  const bool call = channel == Channel::kPhone;
  if (lang == Language::kNl)
    return "Hiervoor geef ik u door aan onze collega's van " + std::string(department_nl) +
           ". Ze krijgen alle details mee, dus u hoeft uw verhaal niet opnieuw te doen. " +
           (call ? "Ze bellen u binnen één werkdag terug." : "U hoort binnen één werkdag van ze.");
  return "This one is for our " + std::string(department_en) +
         " colleagues. I've passed your question on with all the details, so you won't have to "
         "explain it again. " +
         (call ? "They'll call you back within one working day."
               : "They'll get back to you within one working day.");
}

std::string HandoverNote(Language lang, Channel channel, std::string_view topic,
                         std::string_view department) {
  const bool call = channel == Channel::kPhone;
  if (lang == Language::kNl)
    return "Klant vraagt over: " + std::string(topic) + ". Doorgezet naar " +
           std::string(department) + (call ? "; terugbelafspraak binnen één werkdag." : ".");
  return "Customer asks about: " + std::string(topic) + ". Passing to " + std::string(department) +
         (call ? "; promised a call back within one working day." : ".");
}

std::string_view DutchTopic(std::string_view intent) {
  for (const auto& t : kDutchTopics)
    if (t.intent == intent) return t.nl;
  return intent;
}

std::string_view DutchDepartmentName(std::string_view department) {
  for (const auto& d : kDepartmentNames)
    if (d.en == department) return d.nl;
  return department;
}

std::string CustomerEmail(Rng& rng, Language lang, std::string_view question,
                          std::string_view signature) {
  static constexpr std::string_view kHelloEn[] = {"Hi,", "Hello,", "Good morning,", "Dear team,"};
  static constexpr std::string_view kHelloNl[] = {"Hallo,", "Beste klantenservice,", "Goedemiddag,",
                                                  "Hoi,"};
  static constexpr std::string_view kByeEn[] = {"Thanks,", "Regards,", "Kind regards,", "Cheers,"};
  static constexpr std::string_view kByeNl[] = {"Groet,", "Met vriendelijke groet,",
                                                "Alvast bedankt,"};
  const bool nl = lang == Language::kNl;
  std::string body(nl ? PickText(rng, kHelloNl) : PickText(rng, kHelloEn));
  body += "\n\n" + CapitaliseFirst(question) + "\n\n";
  body += nl ? PickText(rng, kByeNl) : PickText(rng, kByeEn);
  if (!signature.empty()) body += "\n" + std::string(signature);
  return body;
}

std::string AgentEmail(Language lang, std::string_view answer, std::string_view customer_first_name,
                       std::string_view agent_first_name, std::string_view department) {
  const bool nl = lang == Language::kNl;
  std::string body;
  if (customer_first_name.empty())
    body = nl ? "Beste klant," : "Hello,";
  else
    body = (nl ? "Beste " : "Dear ") + std::string(customer_first_name) + ",";
  body += "\n\n" + std::string(answer) + "\n\n";
  body += nl ? "Met vriendelijke groet,\n" : "Kind regards,\n";
  body += std::string(agent_first_name) + "\nDijkstra Home ";
  body += nl ? DutchDepartmentName(department) : department;
  return body;
}

std::string Subject(Channel channel, Language lang, std::string_view text) {
  const bool nl = lang == Language::kNl;
  std::string prefix;
  switch (channel) {
    case Channel::kChat:
      prefix = "Chat - ";
      break;
    case Channel::kPhone:
      prefix = nl ? "Telefoon - " : "Call - ";
      break;
    case Channel::kShop:
      prefix = nl ? "Winkel - " : "Shop - ";
      break;
    case Channel::kSocial:
      prefix = "Twitter - ";
      break;
    case Channel::kWebform:
      prefix = nl ? "Webformulier - " : "Web form - ";
      break;
    case Channel::kEmail:
      break;
  }
  std::string collapsed;
  for (char c : Trim(text)) {
    bool space = std::isspace(static_cast<unsigned char>(c));
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += space ? ' ' : c;
  }
  constexpr size_t kMax = 70;
  if (collapsed.size() > kMax) {
    std::string cut = Utf8Prefix(collapsed, kMax);
    size_t space = cut.rfind(' ');
    if (space != std::string::npos && space > kMax / 2) cut.resize(space);
    while (!cut.empty() && std::string_view(" .,;:!?").find(cut.back()) != std::string_view::npos)
      cut.pop_back();
    collapsed = cut + "...";
  }
  return prefix + CapitaliseFirst(collapsed);
}

}  // namespace luister::demo
