#include "demo/demo_answers.h"

namespace luister::demo {

const std::vector<DemoAnswer>& DemoAnswers() {
  static const std::vector<DemoAnswer> answers = {
      {"Retourneren",
       "Hoe lang heb ik om iets terug te sturen?",
       "Beste {{customer.name}}, u kunt uw bestelling binnen 14 dagen na ontvangst kosteloos "
       "retourneren. Meld de retour aan via Mijn account > Bestellingen; u krijgt dan direct een "
       "retourlabel.",
       "How long do I have to return an item?",
       "Dear {{customer.name}}, you can return your order free of charge within 14 days of "
       "receiving it. Register the return under My account > Orders and you will get a return "
       "label straight away.",
       {"Kan ik mijn bestelling nog terugsturen?", "Wat is de retourtermijn?",
        "Can I still send my order back?", "What is your return policy?"}},
      {"Retourlabel",
       "Waar vind ik het retourlabel?",
       "U maakt het retourlabel zelf aan via Mijn account > Bestellingen > Retourneren. Print het "
       "label en plak het op de doos; afgeven kan bij elk PostNL-punt.",
       "Where do I get a return label?",
       "You create the return label yourself under My account > Orders > Return. Print it, stick "
       "it on the box and hand it in at any PostNL point.",
       {"Ik heb geen retourformulier ontvangen", "I need a shipping label to send it back"}},
      {"Levertijd",
       "Wanneer wordt mijn pakket bezorgd?",
       "Bestellingen vóór 22:00 uur worden de volgende werkdag bezorgd. U ontvangt een e-mail met "
       "de track-and-tracecode zodra uw pakket onderweg is.",
       "When will my parcel arrive?",
       "Orders placed before 22:00 are delivered the next working day. You will receive an e-mail "
       "with the tracking code as soon as your parcel is on its way.",
       {"Waar blijft mijn pakket?", "Mijn bestelling is nog niet aangekomen",
        "Where is my package?", "How long does delivery take?"}},
      {"Adres wijzigen",
       "Kan ik mijn bezorgadres nog wijzigen?",
       "Zolang uw bestelling nog niet is verzonden, passen wij het adres voor u aan. Stuur ons het "
       "ordernummer {{order_number}} en het nieuwe adres.",
       "Can I still change my delivery address?",
       "As long as your order has not shipped, we change the address for you. Send us the order "
       "number {{order_number}} and the new address.",
       {"Ik ben verhuisd, kunnen jullie het adres veranderen?", "I entered the wrong address"}},
      {"Annuleren",
       "Hoe annuleer ik mijn bestelling?",
       "Een bestelling die nog niet is verzonden annuleert u in Mijn account > Bestellingen. Is "
       "hij al onderweg, weiger het pakket dan of stuur het terug binnen de retourtermijn.",
       "How do I cancel my order?",
       "An order that has not shipped yet can be cancelled under My account > Orders. If it is "
       "already on its way, refuse the parcel or return it within the return period.",
       {"Ik wil mijn bestelling annuleren", "Please cancel my order"}},
      {"Terugbetaling",
       "Wanneer krijg ik mijn geld terug?",
       "Binnen 5 werkdagen nadat wij uw retour hebben ontvangen, storten wij het bedrag terug op "
       "de rekening waarmee u betaalde.",
       "When will I get my refund?",
       "Within 5 working days of receiving your return we refund the amount to the account you "
       "paid with.",
       {"Ik heb de retour gestuurd maar nog geen geld ontvangen", "My refund has not arrived"}},
      {"Betaalmethoden",
       "Hoe kan ik betalen?",
       "U betaalt met iDEAL, creditcard, PayPal of achteraf met Klarna (tot € 1.000).",
       "How can I pay?",
       "You can pay with iDEAL, credit card, PayPal or later with Klarna (up to € 1,000).",
       {"Kan ik achteraf betalen?", "Do you take PayPal?"}},
      {"Garantie",
       "Hoe lang is de garantie?",
       "Op alle apparaten geven wij 2 jaar garantie. Meld een defect via het serviceformulier; "
       "wij halen het apparaat gratis op.",
       "How long is the warranty?",
       "All appliances come with a 2-year warranty. Report a fault through the service form and "
       "we collect the appliance for free.",
       {"Mijn koffiemachine is kapot, valt dat onder de garantie?",
        "Is my broken kettle covered by the warranty?"}},
      {"Openingstijden",
       "Wanneer is de klantenservice bereikbaar?",
       "Wij zijn bereikbaar op werkdagen van 08:30 tot 17:30 uur en op zaterdag van 10:00 tot "
       "16:00 uur, per telefoon, chat en e-mail.",
       "When can I reach customer service?",
       "We are available on working days from 08:30 to 17:30 and on Saturdays from 10:00 to "
       "16:00, by phone, chat and e-mail.",
       {"Zijn jullie op zaterdag open?", "What are your opening hours?"}},
      {"Wachtwoord",
       "Ik ben mijn wachtwoord vergeten",
       "Klik op de inlogpagina op 'Wachtwoord vergeten' en vul uw e-mailadres in; u ontvangt "
       "binnen enkele minuten een link om een nieuw wachtwoord te kiezen.",
       "I forgot my password",
       "Click 'Forgot password' on the login page and enter your e-mail address; within minutes "
       "you receive a link to choose a new password.",
       {"Ik kan niet inloggen", "Password reset link doesn't arrive"}},
  };
  return answers;
}

}  // namespace luister::demo
