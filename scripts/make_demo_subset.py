#!/usr/bin/env python3
"""Cuts the demo corpus in data/demo/ from the public data sets in ../shared/data.

Usage (from the repository root):
    python3 scripts/make_demo_subset.py [--shared ../shared/data] [--out data/demo]

Standard library only. The output is deterministic: rows are ordered by a
SHA-1 of their text, not by a seeded shuffle, so the cut does not depend on
the Python version. data/demo/dutch.tsv is hand-written and not produced here.
"""

import argparse
import csv
import hashlib
import io
import json
import os
import re
import shutil
from datetime import datetime

BITEXT_PER_INTENT = 45        # 27 intents -> 1,215 rows
BITEXT_MAX_RESPONSE = 1000    # characters; long how-to answers read badly in a chat
TWITTER_CONVERSATIONS = 200
TWITTER_PER_COMPANY = 24      # keeps one company from dominating the social channel

# Template slots that are not a value but an instruction to the writer
# ("{{Case 1}}", "{{list of circumstances ...}}"); no fill makes them read well.
BAD_PLACEHOLDER = re.compile(
    r"\{\{(?:Case \d|Situation \d|Review Website \d|[a-z][^}]*\s[^}]*\s[^}]*\s[^}]*)\}\}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PROFANITY = re.compile(r"\b(?:fuck\w*|shit\w*|bitch\w*|cunt|dick|wtf|asshole|damn)\b", re.I)
LEADING_MENTIONS = re.compile(r"^(?:\.?@\w+[\s,:]*)+")


def digest(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def cut_bitext(src_dir, out_dir):
    src = os.path.join(src_dir, "Bitext_Sample_Customer_Support_Training_Dataset.csv")
    with open(src, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_intent = {}
    for r in rows:
        response = r["response"].strip()
        instruction = r["instruction"].strip()
        if not instruction or not response or len(response) > BITEXT_MAX_RESPONSE:
            continue
        if BAD_PLACEHOLDER.search(response):
            continue
        by_intent.setdefault(r["intent"], []).append(
            (digest(instruction + "\x00" + response), instruction, r["category"], r["intent"],
             response))
    out_rows = []
    for intent in sorted(by_intent):
        chosen = sorted(by_intent[intent])[:BITEXT_PER_INTENT]
        out_rows.extend(chosen)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["instruction", "category", "intent", "response"])
    for _, instruction, category, intent, response in out_rows:
        w.writerow([instruction, category, intent, response])
    with open(os.path.join(out_dir, "bitext_subset.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    return len(out_rows), len(by_intent)


def clean_tweet(text):
    text = LEADING_MENTIONS.sub("", text.strip())
    return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").strip()


def hms_seconds(duration):
    # "01:26:55.0" -> seconds
    h, m, s = duration.split(":")
    return int(h) * 3600 + int(m) * 60 + int(float(s))


def iso_seconds(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.000Z").timestamp()


def cut_twitter(src_dir, out_dir):
    with open(os.path.join(src_dir, "dev.json"), encoding="utf-8") as f:
        conversations = json.load(f)
    candidates = []
    for c in conversations:
        header = c["dialogHeader"]
        texts = [t["message"] for t in c["dialogContent"]] + [c["agentURL"]["url_utterance"]]
        if any(EMAIL.search(t) or PROFANITY.search(t) for t in texts):
            continue
        start = header["conversationDateTime"]
        turns = []
        for t in c["dialogContent"]:
            text = clean_tweet(t["message"])
            if not text:
                continue
            after = int(iso_seconds(t["datetime"]) - iso_seconds(start))
            turns.append({"from": "agent" if "agent" in t else "customer", "after_s": after,
                          "text": text})
        if not turns or turns[0]["from"] != "customer":
            continue
        answer = clean_tweet(c["agentURL"]["url_utterance"])
        if not answer:
            continue
        # The closing answer carries no time of its own; the header's duration ends at it.
        turns.append({"from": "agent", "after_s": hms_seconds(header["duration"]),
                      "text": answer, "url": c["agentURL"]["url"]})
        # A few headers start later than their first tweet: order the turns,
        # start at 0 and keep the closing answer last.
        closing = turns.pop()
        turns.sort(key=lambda t: t["after_s"])
        first = turns[0]["after_s"]
        for t in turns:
            t["after_s"] -= first
        closing["after_s"] = max(closing["after_s"] - first, turns[-1]["after_s"] + 60)
        turns.append(closing)
        if turns[0]["from"] != "customer":
            continue
        candidates.append((digest(header["sessionID"]), header["company"], start, turns))
    candidates.sort()
    per_company = {}
    chosen = []
    for key, company, start, turns in candidates:
        if per_company.get(company, 0) >= TWITTER_PER_COMPANY:
            continue
        per_company[company] = per_company.get(company, 0) + 1
        chosen.append({"company": company, "start": start, "turns": turns})
        if len(chosen) == TWITTER_CONVERSATIONS:
            break
    with open(os.path.join(out_dir, "twitter_subset.json"), "w", encoding="utf-8") as f:
        json.dump(chosen, f, ensure_ascii=False, indent=0, sort_keys=True)
        f.write("\n")
    return len(chosen), len(per_company)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(root, "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(root, "data", "demo"))
    args = ap.parse_args()

    bitext_src = os.path.join(args.shared, "bitext_customer_support")
    twitter_src = os.path.join(args.shared, "twitter_cdp_ibm")
    os.makedirs(os.path.join(args.out, "bitext"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "twitter"), exist_ok=True)

    n_bitext, n_intents = cut_bitext(bitext_src, args.out)
    n_twitter, n_companies = cut_twitter(twitter_src, args.out)
    shutil.copyfile(os.path.join(bitext_src, "LICENSE.txt"),
                    os.path.join(args.out, "bitext", "LICENSE.txt"))
    shutil.copyfile(os.path.join(bitext_src, "SOURCE.txt"),
                    os.path.join(args.out, "bitext", "SOURCE.txt"))
    shutil.copyfile(os.path.join(twitter_src, "LICENSE"),
                    os.path.join(args.out, "twitter", "LICENSE"))
    shutil.copyfile(os.path.join(twitter_src, "SOURCE.txt"),
                    os.path.join(args.out, "twitter", "SOURCE.txt"))
    print(f"bitext_subset.csv: {n_bitext} rows over {n_intents} intents")
    print(f"twitter_subset.json: {n_twitter} conversations from {n_companies} companies")


if __name__ == "__main__":
    main()
