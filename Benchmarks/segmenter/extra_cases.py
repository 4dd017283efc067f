"""Hard cases beyond the Golden Rules, written for this benchmark: the places where the issue
says peers fail most (a sentence ending in an abbreviation, URLs with `?`, datelines, speech
tags after a quoted question) and the line-break cases of scraped news (hard wraps, headlines
and list items without final punctuation)."""

EXTRA_CASES = [
    # A sentence that ends in an abbreviation, before a capitalised new sentence.
    ("The family moved to Baker St. The next year they opened a shop.",
     ["The family moved to Baker St.", "The next year they opened a shop."]),
    ("The fire started at 7 a.m. Crews arrived within minutes.",
     ["The fire started at 7 a.m.", "Crews arrived within minutes."]),
    ("The contract went to Fabrikam Ltd. The board approved it on Friday.",
     ["The contract went to Fabrikam Ltd.", "The board approved it on Friday."]),
    ("Troops stayed in the U.S. Then they flew home.",
     ["Troops stayed in the U.S.", "Then they flew home."]),
    ("They sold chairs, tables, etc. The rest went to charity.",
     ["They sold chairs, tables, etc.", "The rest went to charity."]),
    # An abbreviation that does not end the sentence.
    ("Lt. Col. Priya Nair briefed Sen. Whitaker on Jan. 14 at 9 a.m. on Tuesday.",
     ["Lt. Col. Priya Nair briefed Sen. Whitaker on Jan. 14 at 9 a.m. on Tuesday."]),
    ("A U.S. Army spokesman said Northwind Inc. had not replied.",
     ["A U.S. Army spokesman said Northwind Inc. had not replied."]),
    # URLs containing a question mark, e-mail addresses.
    ("Read the ruling at https://example.org/rulings?id=17&lang=en before Friday. It is long.",
     ["Read the ruling at https://example.org/rulings?id=17&lang=en before Friday.", "It is long."]),
    ("The form is at example.gov/apply?step=2. Applications close in May.",
     ["The form is at example.gov/apply?step=2.", "Applications close in May."]),
    ("Write to tips@example.com. Every message is read.",
     ["Write to tips@example.com.", "Every message is read."]),
    # Datelines.
    ("WASHINGTON (AP) — The Senate passed the bill on Tuesday. It now goes to the House.",
     ["WASHINGTON (AP) — The Senate passed the bill on Tuesday.", "It now goes to the House."]),
    ("ST. LOUIS (AP) — Officials said the river had crested.",
     ["ST. LOUIS (AP) — Officials said the river had crested."]),
    ("ST. PAUL, Minn. (Reuters) - Protesters marched downtown. Police watched.",
     ["ST. PAUL, Minn. (Reuters) - Protesters marched downtown.", "Police watched."]),
    # A quoted question or exclamation followed by a speech tag.
    ("“Who paid?” she asked. Nobody answered.", ["“Who paid?” she asked.", "Nobody answered."]),
    ("“Enough!” Ortiz shouted at the crowd.", ["“Enough!” Ortiz shouted at the crowd."]),
    ("\"Where is the money?\" asked a protester.", ["\"Where is the money?\" asked a protester."]),
    ("The sign read “Stop!” and nobody did.", ["The sign read “Stop!” and nobody did."]),
    # Hard-wrapped paragraphs, headlines and list items without final punctuation.
    ("The council met on Tuesday to review the budget for the coming\nyear. Members questioned the cost of "
     "the bridge, which Mayor\nOrtega has defended since the spring.",
     ["The council met on Tuesday to review the budget for the coming\nyear.",
      "Members questioned the cost of the bridge, which Mayor\nOrtega has defended since the spring."]),
    ("Bridge vote delayed again\n\nThe council met on Tuesday. The vote moved to March.",
     ["Bridge vote delayed again", "The council met on Tuesday.", "The vote moved to March."]),
    ("Bridge vote delayed again\nThe council met on Tuesday to review the budget for the coming year.",
     ["Bridge vote delayed again", "The council met on Tuesday to review the budget for the coming year."]),
    ("Steps to verify:\n- find the original\n- call the source",
     ["Steps to verify:", "- find the original", "- call the source"]),
    # Numbers, money, ellipses, closing brackets.
    ("The fund lost $4.5 billion, or 12.5%, in 2023. Its rival gained €1,200.75.",
     ["The fund lost $4.5 billion, or 12.5%, in 2023.", "Its rival gained €1,200.75."]),
    ("He paused... Then he signed.", ["He paused...", "Then he signed."]),
    ("(The figure was revised later.) Officials apologised.",
     ["(The figure was revised later.)", "Officials apologised."]),
]
