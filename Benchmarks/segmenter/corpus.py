"""News-like benchmark text, generated at run time from sentences written for this benchmark.

The same seed always gives the same bytes, so every tool in a run (and every run) reads the
same text. Articles have a headline, sometimes a dateline, a photo caption, a stray scraping
line, and paragraphs of which about a third are hard-wrapped at 72 columns.
"""

import random
import textwrap

HEADLINES = [
    "Council delays vote on river bridge for a third time",
    "Drought cuts harvest as reservoirs fall to record lows",
    "Regulator fines Northwind Inc. over billing errors",
    "Who pays for the new stadium?",
    "Strike closes ports along the northern coast",
    "Court orders recount in disputed mayoral race",
    "Prices rise 3.4% as fuel costs climb",
    "Hospital waiting lists grow despite new funding",
    "Fishing fleet returns early as storms hit the gulf",
    "Former minister charged in procurement inquiry",
]

DATELINES = [
    "WASHINGTON (AP) — ",
    "LIMA, Peru (Reuters) - ",
    "ST. LOUIS (AP) — ",
    "NAIROBI, Kenya, Sept. 14 (AFP) — ",
    "BERLIN — ",
]

SENTENCES = [
    "The council met on Tuesday to review the budget for the coming year.",
    "Members questioned the cost of the bridge, which Mayor Ortega has defended since the spring.",
    "Mr. Alvarez said the estimate had risen to $48.5 million, up from $31 million in 2021.",
    "Dr. Okafor, who chairs the finance committee, called the figures “deeply worrying.”",
    "The vote was moved to Jan. 14, the second delay since Sept. 3.",
    "Shares of Northwind Inc. fell 4.2% on Monday after the fine was announced.",
    "The company said it would appeal, according to a statement posted at https://example.com/news?id=4471&lang=en.",
    "“We will comply with every lawful order,” said Lt. Col. Priya Nair, a spokeswoman for the regional command.",
    "“Who signed off on this?” asked Sen. Whitaker during the hearing.",
    "The report, published on p. 12 of the annex, lists 1,204 complaints.",
    "Officials said the fire began at about 7 a.m. Crews had been working nearby since dawn.",
    "Inflation reached 3.4 percent in March, the highest rate since 2019.",
    "Rents in the capital rose by an average of €125.50 a month.",
    "The minister — who denied any wrongdoing — resigned on Friday evening.",
    "Her deputy, Rep. Mendes, will serve until an election is called.",
    "The family moved to Baker St. The next year they opened a bakery there.",
    "The U.S. Embassy declined to comment on the case.",
    "Talks were held at the U.N. headquarters in New York and later in Geneva.",
    "Troops remained in the U.S. Their families were told to wait for news.",
    "Residents can send questions to desk@example.org. Replies are promised within a week.",
    "The leaked file, budget_2024_final.xlsx, shows cuts to school meals.",
    "Polls close at 8 p.m. on Sunday, and results are expected by midnight.",
    "Turnout was 61.7%, slightly lower than in the last election.",
    "At 5 a.m. Mr. Reyes left the house and drove to the port.",
    "He left the port at 6 P.M. Mr. Reyes then called his lawyer.",
    "The judge asked the parties to submit evidence by Nov. 30.",
    "“Enough!” shouted a man near the front of the crowd.",
    "Protesters carried signs reading “No more delays” and “Fix the bridge now.”",
    "The agency said the data was incomplete . . . and would be revised.",
    "Some residents were not convinced... Others said they would wait and see.",
    "Prices for rice, beans, cooking oil, etc. have doubled since the drought began.",
    "The case is often compared to Smith vs. the State, a ruling from 1987.",
    "Several items, e.g. fuel and fertiliser, were exempt from the new tax.",
    "The inquiry was led by J. R. Hallam, a retired judge.",
    "The audit found that 14 of the 22 contracts had been awarded without a tender.",
    "Gen. Hale told reporters the operation would end “within weeks, not months.”",
    "The dam holds 1.2 billion cubic metres when full, but it is now at 18% of capacity.",
    "Farmers in the valley said they had lost most of the maize crop.",
    "Wheat prices on the exchange rose 6% in a single day.",
    "The ministry has promised emergency payments of up to 3,000 soles per household.",
    "“We have been forgotten,” said Rosa Quispe, who grows potatoes near the lake.",
    "The regional government did not respond to requests for comment.",
    "A spokesman for Fabrikam Co. said the firm had followed all rules.",
    "The contract went to Fabrikam Ltd. The board approved it without debate.",
    "Union leaders said the strike would continue until wages were raised by at least 8%.",
    "Dockworkers have not had a pay rise since 2018, the union said.",
    "The port handles about 40% of the country's exports of copper and fishmeal.",
    "Shipping companies warned that delays could cost $2 million a day.",
    "The court ruled 5-4 that the recount must include postal ballots.",
    "The losing candidate, Ms. Tran, said she would accept the result.",
    "Election officials have until Dec. 5 to certify the count.",
    "Why did the first count miss 3,112 ballots?",
    "The answer, officials said, lay in a faulty scanner at one polling station.",
    "Hospital managers said 9,850 patients were waiting for surgery in August.",
    "Nurses have staged three walkouts this year over staffing.",
    "The health secretary, Prof. Lindqvist, said new hires would start in the autumn.",
    "Storms forced 120 boats back to harbour on Thursday night.",
    "No. 4 pier was closed after a crane collapsed in the wind.",
    "Nobody was hurt, according to the harbour master.",
    "Forecasters expect winds of up to 90 km/h over the weekend.",
    "The former minister was charged on Wednesday with fraud and abuse of office.",
    "Prosecutors allege that he steered contracts worth $12.7 million to a firm run by his cousin.",
    "His lawyer called the charges “political theatre” and said he would plead not guilty.",
    "The next hearing is set for 10 a.m. on Feb. 2.",
    "Investigators seized documents from offices in the capital and in St. Petersburg.",
    "The scandal has already cost two other officials their jobs.",
    "Opposition parties called for a vote of no confidence.",
    "The government has a majority of just three seats.",
    "Analysts at the central bank expect growth of 2.1% this year.",
    "Exports fell by 7.5% in the first quarter (the steepest drop since 2020).",
    "The finance ministry blamed weak demand from China.",
    "Critics say the figures hide a deeper problem.",
    "The stadium would cost an estimated $310 million, most of it public money.",
    "Supporters argue that it would bring jobs and tourists.",
    "Opponents say the money would be better spent on schools.",
    "A poll published last week found 58% of residents against the plan.",
    "The city's website, www.example.gov/stadium, lists the meetings.",
    "The deal is expected to close in Q3, i.e. by the end of September.",
]

CAPTIONS = [
    "Dockworkers block the entrance to the port on Monday [Photo: Reuters]",
    "Farmers inspect a dry irrigation canal (AP Photo/Jane Doe)",
    "The council chamber during Tuesday's session [Photo: City Hall]",
]

DEBRIS = ["Advertisement", "Share this", "Read more", "Loading"]


def article(rng):
    parts = [rng.choice(HEADLINES)]
    if rng.random() < 0.2:
        parts.insert(0, rng.choice(["English", "Español"]))
    paragraphs = []
    for index in range(rng.randint(8, 14)):
        sentences = [rng.choice(SENTENCES) for _ in range(rng.randint(1, 4))]
        paragraph = " ".join(sentences)
        if index == 0 and rng.random() < 0.5:
            paragraph = rng.choice(DATELINES) + paragraph
        if rng.random() < 0.33:
            paragraph = "\n".join(
                textwrap.wrap(paragraph, width=72, break_long_words=False, break_on_hyphens=False)
            )
        paragraphs.append(paragraph)
        if index == 1 and rng.random() < 0.5:
            paragraphs.append(rng.choice(CAPTIONS))
        if rng.random() < 0.05:
            paragraphs.append(rng.choice(DEBRIS))
    return "\n\n".join(parts + paragraphs)


def news_text(size, seed=2024):
    """About `size` bytes of UTF-8 news text, cut at the end of an article."""
    rng = random.Random(seed)
    articles = []
    total = 0
    while total < size:
        text = article(rng) + "\n\n\n"
        articles.append(text)
        total += len(text.encode("utf-8"))
    data = "".join(articles).encode("utf-8")
    # Cut at the last paragraph break before `size`, so no tool sees half a sentence.
    cut = data.rfind(b"\n\n", 0, size)
    return data[: cut if cut > 0 else size].decode("utf-8")


if __name__ == "__main__":
    import sys

    sys.stdout.write(news_text(int(float(sys.argv[1]) * 1_000_000) if len(sys.argv) > 1 else 2_000_000))
