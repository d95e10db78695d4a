#!/usr/bin/env python3
"""Writes a realistic customer-churn CSV of about SIZE bytes for scripts/bench-preflight.sh.

usage: gen-bench-csv.py OUT.csv SIZE_MB

Twelve columns (numbers, categories, dates, free text), one note in twenty quoted with a
comma in it, one in two hundred quoted over two lines, a few empty values; the target `churn`
is yes/no. Deterministic (a fixed seed), so runs compare.
"""

import random
import sys


def main() -> None:
    out, size_mb = sys.argv[1], int(sys.argv[2])
    target = size_mb * 1_000_000
    rng = random.Random(13)
    plans = ["basic", "standard", "premium", "family", "student"]
    regions = ["us-east", "us-west", "eu-central", "eu-west", "ap-south", "ap-northeast"]
    payment = ["card", "bank transfer", "paypal", "invoice"]
    notes = [
        "no notes",
        "asked about roaming",
        "upgraded last year",
        "prefers email",
        "",
    ]
    # A pool of ready-made rows keeps generation fast; ids and a few numbers still vary.
    pool = []
    for i in range(5000):
        r = rng.random()
        if r < 0.05:
            note = '"called twice, unhappy with the price"'
        elif r < 0.055:
            note = '"first call: billing\nsecond call: cancel"'
        elif r < 0.06:
            note = '"said ""too expensive"" twice"'
        else:
            note = rng.choice(notes)
        tenure = rng.randint(1, 72)
        monthly = round(rng.uniform(9.99, 119.99), 2)
        pool.append(
            (
                rng.randint(18, 90),
                rng.choice(plans),
                tenure,
                monthly,
                round(monthly * tenure, 2),
                rng.choice(regions),
                rng.choice(payment),
                f"20{rng.randint(15, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                rng.randint(0, 12),
                note,
                "yes" if rng.random() < 0.27 else "no",
            )
        )
    written = 0
    customer = 100000
    with open(out, "w", newline="", encoding="utf-8") as f:
        header = "customer_id,age,plan,tenure_months,monthly_charges,total_charges,region,payment_method,signup_date,support_calls,notes,churn\n"
        f.write(header)
        written += len(header)
        while written < target:
            block = []
            for row in rng.choices(pool, k=10000):
                customer += 1
                line = f"{customer},{row[0]},{row[1]},{row[2]},{row[3]},{row[4]},{row[5]},{row[6]},{row[7]},{row[8]},{row[9]},{row[10]}\n"
                block.append(line)
            text = "".join(block)
            f.write(text)
            written += len(text.encode("utf-8"))


if __name__ == "__main__":
    main()
