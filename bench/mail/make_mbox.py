#!/usr/bin/env python3
"""Writes an mbox of realistic customer mail for `luister import mail`
benchmarks: questions from the Bitext customer-support sample (../shared/data),
from a pool of senders with Dutch and English names, a third of them replies
that thread by In-Reply-To, some HTML alternatives, some attachments, a few
auto-replies and bounces, and Latin-1 quoted-printable bodies.

  bench/mail/make_mbox.py N OUT.mbox [SEED]
"""
import base64
import csv
import email.utils
import quopri
import random
import sys
from pathlib import Path

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
data = Path(__file__).resolve().parents[3] / "shared/data/bitext_customer_support"
csv_path = next(data.glob("*.csv"))
with open(csv_path, newline="", encoding="utf-8") as f:
    questions = [row["instruction"] for row in csv.DictReader(f)]

first = ["Anna", "Piet", "Sanne", "Daan", "Emma", "Lucas", "Fleur", "Joris", "Olivia", "James",
         "Sophie", "Noah", "Zoë", "Renée", "José", "Mila", "Thijs", "Eva", "Liam", "Julia"]
last = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer",
        "Smith", "Brown", "Wilson", "García", "Müller", "Dubois", "van Dijk", "Bos"]
domains = ["example.nl", "example.com", "mail.example.org", "example.be"]
senders = []
for i in range(max(50, n // 5)):
    name = f"{rng.choice(first)} {rng.choice(last)}"
    local = name.lower().replace(" ", ".").encode("ascii", "ignore").decode() or "klant"
    senders.append((name, f"{local}{i}@{rng.choice(domains)}"))

sent = {}  # address -> message ids sent so far
t0 = 1_750_000_000
with open(out, "wb") as mbox:
    for i in range(n):
        name, addr = rng.choice(senders)
        msgid = f"<bench.{i}.{rng.randrange(1 << 30)}@{addr.split('@')[1]}>"
        q = rng.choice(questions)
        date = email.utils.formatdate(t0 + i * 37, localtime=False)
        headers = [f"From: {email.utils.formataddr((name, addr))}",
                   "To: Support <support@desk.example>", f"Date: {date}", f"Message-ID: {msgid}",
                   "MIME-Version: 1.0"]
        subject = q[:60]
        previous = sent.get(addr)
        if previous and rng.random() < 0.35:
            headers.append(f"In-Reply-To: {previous[-1]}")
            headers.append("References: " + " ".join(previous[-3:]))
            subject = "Re: " + subject
        kind = rng.random()
        if kind < 0.02:
            headers.append("Auto-Submitted: auto-replied")
            subject = "Automatisch antwoord: " + subject
        headers.append("Subject: " + email.utils.quote(subject) if subject.isascii()
                       else "Subject: =?utf-8?b?" + base64.b64encode(subject.encode()).decode() + "?=")
        body = f"Hallo,\n\n{q}\n\nMet vriendelijke groet,\n{name}\n"
        if previous:
            body += f"\nOp {date} schreef Support <support@desk.example>:\n> Kunt u meer vertellen?\n"
        shape = rng.random()
        if shape < 0.5:
            headers += ["Content-Type: text/plain; charset=utf-8",
                        "Content-Transfer-Encoding: 8bit"]
            payload = body.encode()
        elif shape < 0.65:
            headers += ["Content-Type: text/plain; charset=iso-8859-1",
                        "Content-Transfer-Encoding: quoted-printable"]
            payload = quopri.encodestring(body.encode("latin-1", "replace"))
        elif shape < 0.9:
            html = "<html><body><p>" + body.replace("\n", "<br>") + "</p></body></html>"
            headers.append('Content-Type: multipart/alternative; boundary="alt"')
            payload = ("--alt\nContent-Type: text/plain; charset=utf-8\n\n" + body +
                       "\n--alt\nContent-Type: text/html; charset=utf-8\n\n" + html +
                       "\n--alt--\n").encode()
        else:
            attachment = base64.encodebytes(rng.randbytes(rng.randrange(2000, 60000))).decode()
            headers.append('Content-Type: multipart/mixed; boundary="mix"')
            payload = ("--mix\nContent-Type: text/plain; charset=utf-8\n\n" + body +
                       "\n--mix\nContent-Type: application/pdf; name=\"factuur.pdf\"\n"
                       "Content-Disposition: attachment; filename=\"factuur.pdf\"\n"
                       "Content-Transfer-Encoding: base64\n\n" + attachment + "--mix--\n").encode()
        message = ("\n".join(headers) + "\n\n").encode() + payload
        # mboxrd: quote lines that would read as separators.
        lines = [b">" + l if l.lstrip(b">").startswith(b"From ") else l
                 for l in message.split(b"\n")]
        mbox.write(f"From {addr} {date}\n".encode() + b"\n".join(lines).rstrip(b"\n") + b"\n\n")
        sent.setdefault(addr, []).append(msgid)
