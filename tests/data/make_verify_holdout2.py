"""Build tests/data/verify_holdout2.jsonl, a second held-out set for the quote verifier.

Ten short news articles were written for this set (all people and organisations are
fictional). Each case below is defined by hand; the script checks, for every case, the
property its label relies on, and aborts if any check fails. No verifier is run.

Deterministic: no randomness, fixed order, so a second run writes the same bytes.

    python tests/data/make_verify_holdout2.py
"""

from __future__ import annotations

import difflib
import html
import json
import re
import string
from collections import Counter
from pathlib import Path

OUT = Path(__file__).with_name("verify_holdout2.jsonl")

# --------------------------------------------------------------------------------------
# Articles. Each has its text, its furniture (boilerplate) lines and its named people.
# --------------------------------------------------------------------------------------

ARTICLES: dict[str, dict] = {}


def article(key: str, text: str, furniture: list[str], people: list[str]) -> None:
    text = text.strip("\n") + "\n"
    lines = text.split("\n")
    for f in furniture:
        assert f in lines, (key, f)
    for p in people:
        assert p in text, (key, p)
    ARTICLES[key] = {"text": text, "furniture": furniture, "people": people}


article(
    "court",
    """
LONDON, March 12 (Meridian Wire) – The High Court ruled on Tuesday that Harrowgate Water acted unlawfully when it cut off supplies to 4,200 homes during a billing dispute, and ordered the company to pay compensation within 90 days.

Mrs Justice Caroline Ashdown said the utility had “treated vulnerable customers as leverage in a commercial quarrel”. Its internal guidance, she added, “fell far below what the law requires of a regulated utility.”

The case was brought by residents of the Marsh End estate, where taps ran dry for up to eleven days in January 2023.

“This is a victory for every family that was told to wait,” said Delia Okonjo, chair of the Marsh End Residents’ Association. “We were ignored for months, and now a judge has recognised what happened to us.”

Advertisement

According to Harrowgate’s chief executive, Martin Feld, the company “cannot accept every finding” but has already rewritten its disconnection policy. He said an appeal had not been ruled out.

Lawyers for the residents estimate that the compensation programme could cost the company more than £6 million. Their barrister, Samuel Reyes KC, told reporters outside the court: "The judgment makes clear that a utility is not a bank. It can't switch off water to win an argument."

The Water Standards Authority said it would examine whether other suppliers had used similar tactics and would publish its findings in the autumn.

Read more: Drought warnings issued for three southern counties
""",
    ["Advertisement", "Read more: Drought warnings issued for three southern counties"],
    ["Caroline Ashdown", "Delia Okonjo", "Martin Feld", "Samuel Reyes"],
)

article(
    "election",
    """
RIVERTON, Ore. (Cascade Public Radio) — Election officials in Dunmore County finished a hand recount Thursday night that confirmed Lena Marsh as the winner of the District 4 commission seat by 212 votes, down from an initial margin of 240.

"The numbers moved a little, but the outcome did not," County Clerk Oscar Tveit said at a briefing. "Every ballot that could be counted was counted."

Marsh, a former schoolteacher, thanked volunteers and said she would focus on road repairs and the county's library program. "I'm going to represent the people who voted against me just as hard as the people who voted for me," she said.

Her opponent, two-term incumbent Gary Pell, conceded in a short statement but asked the state to review how mail ballots with mismatched signatures were handled. According to Pell, at least 90 of those ballots were rejected "without a real chance to fix them."

Advertisement

Tveit disputed that. Voters whose signatures did not match were sent letters and text messages, he said, and had 14 days to respond.

Observers from both parties watched the recount, which took four days and cost about $38,000. Dana Whitcombe, a Republican observer, put it bluntly: “It was slow, it was boring, and it was clean.”

The new commissioner will be sworn in on Jan. 8.

Read more: Why some mail ballots never get counted
""",
    ["Advertisement", "Read more: Why some mail ballots never get counted"],
    ["Lena Marsh", "Oscar Tveit", "Gary Pell", "Dana Whitcombe"],
)

article(
    "vaccine",
    """
EDINBURGH (Northern Dispatch) — A new vaccination programme against RSV will open to everyone aged 75 to 79 from Monday, health officials confirmed, with 140 community pharmacies joining GP surgeries and hospital centres in offering the jab.

Dr Fiona Castellan, director of public health at Lothmuir Health Board, said uptake among older adults in last winter’s pilot had been “far better than we dared hope”. About 68 per cent of those invited came forward.

“RSV fills our wards every January,” she added. “If we can keep even a few hundred people out of hospital — and we think we can — the programme will have paid for itself.”

Appointments can be booked online or by phone. Those who cannot travel will be visited at home by district nurses, according to the health board.

Not everyone is convinced the rollout is ready. Ewan Baird, who chairs the Lothmuir branch of the Community Pharmacy Organisation, warned that staff were “stretched to breaking point” before the extra work arrived.

"We support the programme wholeheartedly, but pharmacies cannot be the answer to every gap in the system," Mr Baird said. "We need the funding to follow the patients."

Sign up to our Health Matters newsletter

Health Secretary Morag Linnell said £4.5 million had been set aside for the first year: "This is money well spent. Every admission we prevent is a bed freed for someone else."
""",
    ["Sign up to our Health Matters newsletter"],
    ["Fiona Castellan", "Ewan Baird", "Morag Linnell"],
)

article(
    "fire",
    """
GARY, Ind. (WKLN News) — Firefighters spent more than nine hours battling a blaze that tore through a plastics plant on the city's east side early Saturday, sending a column of black smoke over three neighborhoods and forcing about 300 residents from their homes.

No one was killed. Two workers were treated for smoke inhalation and released, according to Fire Chief Raymond Okafor.

"When our first engine arrived, the roof over the storage area was already gone," Okafor said. "Our crews did an incredible job keeping it from reaching the chemical tanks."

The plant, owned by Belmont Polymers, makes packaging for food companies. In a statement, the company said it was "cooperating fully with investigators" and would keep paying workers during the shutdown.

Advertisement

Residents were allowed back Sunday afternoon after air monitoring showed no dangerous levels of pollutants. Still, some were angry. Teresa Villalobos, who lives two blocks from the plant, said she had complained to the city about the smell for years.

“Nobody listened to us until the sky turned black,” she said. “Now everybody wants to know what’s in that building.”

Mayor Jerome Haddix said the city would hold a public meeting next Thursday. His message to residents: "You deserve straight answers, and you will get them from us before the cleanup crews leave."

The cause of the fire is under investigation by the state fire marshal's office.

Read more: Belmont Polymers fined in 2019 over wastewater permit
""",
    ["Advertisement", "Read more: Belmont Polymers fined in 2019 over wastewater permit"],
    ["Raymond Okafor", "Teresa Villalobos", "Jerome Haddix"],
)

article(
    "transfer",
    """
Sporting Weekly | Transfer news

Brackenfield United have rejected a second bid of £38m from Portuguese champions Vila Nova for midfielder Tomás Reinholt, the club confirmed on Friday night.

The 24-year-old has two years left on his contract and has not trained with the first team since Tuesday, when his agent, Luca Ferrante, told a radio station that the player “wants to move on and deserves the chance”.

Brackenfield manager Ian Colbeck was in no mood to compromise. “Tomás is our player, and he will be our player on the first of September unless someone pays what he is worth,” he said. “We are not a selling club.”

Vila Nova’s sporting director, Rui Amaral, said talks were continuing. “We respect Brackenfield, but we also respect the player’s wishes,” Amaral said, adding that a third offer was “not off the table”.

Advertisement

The saga has divided supporters. Outside the ground on Saturday, season-ticket holder Gemma Hurst said she would be sorry to see him go but understood the lure of Champions League football. “He’s given us three brilliant seasons,” she said. “If the money is right, shake his hand and wish him well.”

Colbeck’s side open their campaign at home to Ashwell Town on 16 August. The transfer window closes at 11pm on 1 September.

Read more: Colbeck signs new contract until 2028
""",
    ["Advertisement", "Read more: Colbeck signs new contract until 2028"],
    ["Tomás Reinholt", "Luca Ferrante", "Ian Colbeck", "Rui Amaral", "Gemma Hurst"],
)

article(
    "bank",
    """
PORT CALEDON, June 5 (Ledger Financial News) - The Monetary Authority of Caledon cut its benchmark interest rate by a quarter point to 4.25% on Wednesday, its first reduction in more than two years, and signaled that further easing would depend on how quickly wage growth cools.

Governor Helena Strand told a news conference that inflation had fallen "closer to our target than at any time since 2021" but warned against assuming a series of cuts.

"We have taken one step, not the first of many steps," Strand said. "Markets would be wise to listen to what we actually say — not what they hope to hear."

Five of the seven members of the policy committee voted for the cut. Deputy Governor Paul Ortega and external member Rita Achebe wanted to hold rates steady, according to minutes released alongside the decision.

Economists had been split. "This was a defensive cut," said Marcus Lindqvist, chief economist at Harbor Street Capital. "The authority is worried about unemployment, and it should be."

Advertisement

The Caledon dollar fell 0.6% against the U.S. dollar after the announcement, while shares of homebuilders rallied.

Small business groups welcomed the move. Nadia Farouk, president of the Caledon Retail Federation, said many shop owners had been "borrowing just to keep the lights on" and needed relief before the holiday season.

The next rate decision is due July 17.
""",
    ["Advertisement"],
    ["Helena Strand", "Paul Ortega", "Rita Achebe", "Marcus Lindqvist", "Nadia Farouk"],
)

article(
    "school",
    """
Westbury Gazette — Parents in Kelsham have vowed to fight a council decision to close St Aldhelm’s Primary School at the end of the summer term, after a cabinet vote on Wednesday evening approved the plan by six votes to three.

The school, which has 84 pupils and room for 210, will merge with Kelsham Park Primary, a mile and a half away on the other side of the bypass.

Councillor Nigel Ashby, cabinet member for education, said falling birth rates had left the authority with “no responsible alternative”. “We cannot keep half-empty classrooms open when that means taking money from every other child in the county,” he said.

Parents packed the public gallery, some holding hand-painted signs in the school’s blue and yellow colours. Harriet Lowe, whose two sons attend St Aldhelm’s, said the walk to Kelsham Park would take young children along a road with no pavement for part of the way.

“They keep telling us this is about numbers,” she said. “It is about whether an eight-year-old can get to school without crossing a dual carriageway.”

Advertisement

Headteacher Paul Wingfield said staff were “heartbroken but determined to make the last term a good one”. According to the council, all teachers will be offered posts at the merged school.

The parents’ group has until 14 June to lodge a legal challenge.

Share this article
""",
    ["Advertisement", "Share this article"],
    ["Nigel Ashby", "Harriet Lowe", "Paul Wingfield"],
)

article(
    "heat",
    """
TUCSON, Ariz. (Sonoran Daily Web) — Tucson recorded its 11th straight day above 110 degrees on Monday, tying a record set in 1990, as emergency rooms reported a sharp rise in heat-related illness and the city opened three more cooling centers.

"We are seeing people come in with body temperatures of 106, 107 degrees," said Dr. Alana Whitfield, an emergency physician at St. Brendan's Medical Center. "Many of them were simply waiting for a bus."

Forecaster Kyle Brennan of the National Weather Service said relief was not expected before the weekend. “The high pressure dome is parked right over us and it isn’t moving,” he said.

City officials urged residents to check on elderly neighbors and to avoid outdoor work between 10 a.m. and 6 p.m. According to Deputy City Manager Sonia Reyes-Lutz, the cooling centers had taken in more than 2,300 visitors since Friday.

Advertisement

Sahuaro Power said demand hit an all-time high of 3,950 megawatts on Sunday evening. Spokesman Derek Olmos said the grid had held up: "We planned for this summer, and so far the plan is working."

Outreach workers have been handing out water and electrolyte packs at bus stops. Mateo Ruiz, who coordinates a volunteer program for the Casa Libre shelter, described the scene bluntly: “The pavement is hot enough to burn skin in seconds. That is not a figure of speech.”

Read more: How to recognize the signs of heat stroke
""",
    ["Advertisement", "Read more: How to recognize the signs of heat stroke"],
    ["Alana Whitfield", "Kyle Brennan", "Sonia Reyes-Lutz", "Derek Olmos", "Mateo Ruiz"],
)

article(
    "breach",
    """
Posted by Jordan Vale | TechLedger

Grant &amp; Hollis, the mortgage broker, has confirmed that hackers stole personal data belonging to roughly 410,000 customers, including names, dates of birth and scanned copies of passports.

The company said attackers got in through a supplier&#8217;s remote-access tool on March 3 and were not detected until March 19. It has notified regulators and is offering two years of free credit monitoring.

&#8220;We are deeply sorry. Our customers trusted us with their most sensitive documents and we let them down,&#8221; chief executive Rosalind Grant said in a video posted on the firm&#8217;s website.

Security researcher Tobias Meyer, who first spotted the stolen files on a criminal forum, said the data was being sold in batches of 10,000 records. &quot;This is not a sophisticated attack. A single password that was never changed opened the front door,&quot; he told TechLedger.

Advertisement

According to Meyer, the same supplier&#8217;s software is used by at least a dozen other financial firms.

Data protection lawyer Priya Nandakumar said affected customers could have grounds for a group claim. &#8220;Passports can&#8217;t be reset like passwords,&#8221; she said. &#8220;These people will be living with this for years.&#8221;

Grant &amp; Hollis shares fell 7% in early trading.

Read more: Five steps to take after your data is leaked
""",
    ["Advertisement", "Read more: Five steps to take after your data is leaked"],
    ["Rosalind Grant", "Tobias Meyer", "Priya Nandakumar"],
)

article(
    "film",
    """
By our arts correspondent

The Harbourside Film Festival closed on Sunday night with its top prize going to The Salt Line, a debut feature by Moroccan-born director Yasmin El-Amrani about three sisters running a fishing cooperative on the Atlantic coast.

Jury president Henrik Solberg called it “a film of enormous patience and quiet fury” and said the decision had been unanimous.

El-Amrani, who travelled from Casablanca with most of her cast, appeared close to tears as she accepted the Golden Anchor. “I made this film for my grandmother, who mended nets for fifty years and never once saw herself on a screen,” she said.

Attendance rose to 61,000 this year, up from 48,000 in 2023, according to festival director Claire Montague. She said the new open-air screenings at the Quayside centre had brought in “a younger and far more local audience”.

Advertisement

Not every choice was popular. Critic Owen Tallis wrote that the festival had played it safe: "The programme was full of good films and almost empty of risky ones. Nobody will remember this edition in ten years."

Montague rejected that. "We took more chances this year than ever before," she said. "Some of them just happened to work."

The festival returns next September.

Sign up for our weekly Culture Briefing
""",
    ["Advertisement", "Sign up for our weekly Culture Briefing"],
    ["Yasmin El-Amrani", "Henrik Solberg", "Claire Montague", "Owen Tallis"],
)

# --------------------------------------------------------------------------------------
# Cases. Fields used by the checks:
#   span   the source substring a normalized / fuzzy / altered quote corresponds to
#   frags  the source fragments of an ellipsis (fuzzy) or spliced (unsupported) quote
#   kind   for altered: negation | number | date | name | word
#   speaker / cue / by   claimed speaker, the attribution cue in the text, and the person
#          the text credits (for a pronoun cue, the most recently named person)
# --------------------------------------------------------------------------------------

E, N, F, A, U = "exact", "normalized", "fuzzy", "altered", "unsupported"


def case(art, status, category, quote, note, **kw):
    return {"art": art, "status": status, "category": category, "quote": quote, "note": note, **kw}


CASES = [
    # ---- court ----
    case("court", E, "exact", "treated vulnerable customers as leverage in a commercial quarrel",
         "judge's quoted phrase, verbatim"),
    case("court", E, "speaker-correct", "This is a victory for every family that was told to wait",
         "verbatim; speaker right ('said Delia Okonjo')",
         speaker="Delia Okonjo", cue="said Delia Okonjo", by="Delia Okonjo"),
    case("court", E, "exact", "a utility is not a bank", "short verbatim clause from the barrister's quote"),
    case("court", N, "benign-curly", "It can’t switch off water to win an argument",
         "curly apostrophe where the source has a straight one",
         span="It can't switch off water to win an argument"),
    case("court", N, "benign-case", "we were ignored for months, and now a judge has recognised what happened to us.",
         "lower-case first letter",
         span="We were ignored for months, and now a judge has recognised what happened to us."),
    case("court", F, "benign-spelling", "now a judge has recognized what happened to us",
         "recognised -> recognized", span="now a judge has recognised what happened to us"),
    case("court", F, "benign-ellipsis",
         "This is a victory for every family that was told to wait … We were ignored for months",
         "ellipsis across the split attribution, same speaker",
         frags=["This is a victory for every family that was told to wait", "We were ignored for months"]),
    case("court", A, "meaning-negation", "The judgment makes clear that a utility is a bank",
         "'not' removed", kind="negation", span="The judgment makes clear that a utility is not a bank"),
    case("court", A, "meaning-number", "where taps ran dry for up to five days in January 2023",
         "eleven -> five", kind="number", span="where taps ran dry for up to eleven days in January 2023"),
    case("court", U, "fabricated",
         "Harrowgate deliberately punished the families who complained loudest about their bills",
         "invented accusation, not in the text"),
    case("court", U, "boilerplate", "Drought warnings issued for three southern counties",
         "only in the 'Read more:' line"),
    case("court", E, "misattributed", "fell far below what the law requires of a regulated utility",
         "verbatim, but 'she added' continues the judge (Ashdown), not Okonjo",
         speaker="Delia Okonjo", cue="she added", by="Caroline Ashdown"),
    # ---- election ----
    case("election", E, "exact", "Every ballot that could be counted was counted", "clerk's quote, verbatim"),
    case("election", E, "exact",
         "Voters whose signatures did not match were sent letters and text messages",
         "reported speech, verbatim"),
    case("election", E, "misattributed", "It was slow, it was boring, and it was clean.",
         "verbatim, but the colon introduction credits Dana Whitcombe, not the clerk",
         speaker="Oscar Tveit", cue="Dana Whitcombe, a Republican observer, put it bluntly:", by="Dana Whitcombe"),
    case("election", N, "benign-curly",
         "I’m going to represent the people who voted against me just as hard as the people who voted for me",
         "curly apostrophe where the source has a straight one",
         span="I'm going to represent the people who voted against me just as hard as the people who voted for me"),
    case("election", N, "benign-whitespace", "The numbers moved a little,\nbut the outcome did not",
         "line break instead of a space", span="The numbers moved a little, but the outcome did not"),
    case("election", F, "benign-article", "The numbers moved a little, but outcome did not",
         "'the' dropped before 'outcome'", span="The numbers moved a little, but the outcome did not"),
    case("election", F, "benign-ellipsis",
         "The numbers moved a little, but the outcome did not … Every ballot that could be counted was counted",
         "ellipsis across 'County Clerk Oscar Tveit said at a briefing', same speaker",
         frags=["The numbers moved a little, but the outcome did not", "Every ballot that could be counted was counted"]),
    case("election", A, "meaning-negation",
         "I'm not going to represent the people who voted against me just as hard as the people who voted for me",
         "'not' added", kind="negation",
         span="I'm going to represent the people who voted against me just as hard as the people who voted for me"),
    case("election", A, "meaning-number", "the recount, which took six days and cost about $38,000",
         "four -> six", kind="number", span="the recount, which took four days and cost about $38,000"),
    case("election", U, "paraphrased", "Marsh promised to work as hard for her critics as for her supporters",
         "heavy paraphrase of Marsh's quote"),
    case("election", U, "spliced", "Every ballot that could be counted was counted, and it was clean",
         "clerk's sentence + end of Whitcombe's quote five paragraphs later",
         frags=["Every ballot that could be counted was counted", "and it was clean"], joiner=", "),
    case("election", E, "speaker-according-to", "without a real chance to fix them",
         "verbatim; speaker right ('According to Pell')",
         speaker="Gary Pell", cue="According to Pell", by="Gary Pell"),
    # ---- vaccine ----
    case("vaccine", E, "exact", "RSV fills our wards every January", "verbatim"),
    case("vaccine", E, "exact", "far better than we dared hope", "quoted phrase inside reported speech"),
    case("vaccine", E, "misattributed", "Every admission we prevent is a bed freed for someone else",
         "verbatim, but the colon introduction credits Morag Linnell, not Baird",
         speaker="Ewan Baird", cue="Health Secretary Morag Linnell said", by="Morag Linnell"),
    case("vaccine", N, "benign-dash",
         "If we can keep even a few hundred people out of hospital – and we think we can – the programme will have paid for itself",
         "en dashes where the source has em dashes; final period dropped",
         span="If we can keep even a few hundred people out of hospital — and we think we can — the programme will have paid for itself."),
    case("vaccine", N, "benign-case", "we need the funding to follow the patients",
         "lower case, final period dropped", span="We need the funding to follow the patients."),
    case("vaccine", F, "benign-spelling",
         "We support the program wholeheartedly, but pharmacies cannot be the answer to every gap in the system",
         "programme -> program",
         span="We support the programme wholeheartedly, but pharmacies cannot be the answer to every gap in the system"),
    case("vaccine", F, "benign-cannot", "pharmacies can not be the answer to every gap in the system",
         "cannot -> can not", span="pharmacies cannot be the answer to every gap in the system"),
    case("vaccine", A, "meaning-number", "About 86 per cent of those invited came forward",
         "68 -> 86", kind="number", span="About 68 per cent of those invited came forward"),
    case("vaccine", A, "meaning-name", "Dr Fiona Baird, director of public health at Lothmuir Health Board",
         "Castellan -> Baird (another person in the article)", kind="name",
         span="Dr Fiona Castellan, director of public health at Lothmuir Health Board"),
    case("vaccine", U, "boilerplate", "Sign up to our Health Matters newsletter", "newsletter sign-up line"),
    case("vaccine", U, "fabricated",
         "Pharmacists have threatened to boycott the scheme unless ministers double their fees",
         "invented threat, not in the text"),
    case("vaccine", E, "speaker-pronoun", "If we can keep even a few hundred people out of hospital",
         "verbatim; second half of a split quote, 'she added' = Castellan",
         speaker="Fiona Castellan", cue="she added", by="Fiona Castellan"),
    # ---- fire ----
    case("fire", E, "exact", "the roof over the storage area was already gone", "verbatim"),
    case("fire", E, "exact", "cooperating fully with investigators", "company statement phrase, verbatim"),
    case("fire", E, "exact", "Nobody listened to us until the sky turned black", "verbatim"),
    case("fire", N, "benign-curly", "Now everybody wants to know what's in that building",
         "straight apostrophe where the source has a curly one",
         span="Now everybody wants to know what’s in that building"),
    case("fire", N, "benign-whitespace", "Our crews did an incredible job\nkeeping it from reaching the chemical tanks.",
         "line break instead of a space",
         span="Our crews did an incredible job keeping it from reaching the chemical tanks."),
    case("fire", F, "benign-spelling", "sending a column of black smoke over three neighbourhoods",
         "neighborhoods -> neighbourhoods", span="sending a column of black smoke over three neighborhoods"),
    case("fire", F, "benign-bracket", "[Villalobos] had complained to the city about the smell for years",
         "editorial bracket for 'she'", span="she had complained to the city about the smell for years"),
    case("fire", A, "meaning-negation",
         "Residents were allowed back Sunday afternoon after air monitoring showed dangerous levels of pollutants",
         "'no' removed", kind="negation",
         span="Residents were allowed back Sunday afternoon after air monitoring showed no dangerous levels of pollutants"),
    case("fire", A, "meaning-name",
         "Two workers were treated for smoke inhalation and released, according to Fire Chief Raymond Haddix",
         "Okafor -> Haddix (the mayor)", kind="name",
         span="Two workers were treated for smoke inhalation and released, according to Fire Chief Raymond Okafor"),
    case("fire", U, "paraphrased",
         "Okafor praised firefighters for stopping the flames before they hit the chemical storage",
         "heavy paraphrase of Okafor's second sentence"),
    case("fire", U, "boilerplate", "Belmont Polymers fined in 2019 over wastewater permit",
         "only in the 'Read more:' line"),
    case("fire", E, "misattributed", "You deserve straight answers, and you will get them from us",
         "verbatim, but 'His message to residents:' follows Mayor Haddix, not the fire chief",
         speaker="Raymond Okafor", cue="His message to residents:", by="Jerome Haddix"),
    # ---- transfer ----
    case("transfer", E, "exact", "wants to move on and deserves the chance", "agent's quoted phrase, verbatim"),
    case("transfer", E, "exact", "We are not a selling club", "verbatim"),
    case("transfer", E, "speaker-pronoun", "If the money is right, shake his hand and wish him well.",
         "verbatim; 'she said' = Gemma Hurst",
         speaker="Gemma Hurst", cue="she said", by="Gemma Hurst"),
    case("transfer", N, "benign-curly", "We respect Brackenfield, but we also respect the player's wishes",
         "straight apostrophe where the source has a curly one",
         span="We respect Brackenfield, but we also respect the player’s wishes"),
    case("transfer", N, "benign-punctuation", "“He’s given us three brilliant seasons.”",
         "wrapped in quote marks, period for the source's comma",
         span="He’s given us three brilliant seasons,"),
    case("transfer", F, "benign-ellipsis", "Tomás is our player … We are not a selling club",
         "ellipsis across 'he said', same speaker",
         frags=["Tomás is our player", "We are not a selling club"]),
    case("transfer", F, "benign-bracket",
         "[Reinholt] will be our player on the first of September unless someone pays what he is worth",
         "editorial bracket for 'he'",
         span="he will be our player on the first of September unless someone pays what he is worth"),
    case("transfer", A, "meaning-word", "Brackenfield manager Ian Colbeck was in no mood to celebrate",
         "compromise -> celebrate", kind="word",
         span="Brackenfield manager Ian Colbeck was in no mood to compromise"),
    case("transfer", A, "meaning-date", "Colbeck’s side open their campaign at home to Ashwell Town on 23 August",
         "16 August -> 23 August", kind="date",
         span="Colbeck’s side open their campaign at home to Ashwell Town on 16 August"),
    case("transfer", U, "spliced", "Tomás is our player, but we also respect the player’s wishes",
         "Colbeck's words joined to Amaral's, different speakers",
         frags=["Tomás is our player", "but we also respect the player’s wishes"], joiner=", "),
    case("transfer", U, "fabricated", "Reinholt has told the club he will never play for Brackenfield again",
         "invented claim, not in the text"),
    case("transfer", E, "misattributed", "not off the table",
         "verbatim, but 'Amaral said, adding that' credits Amaral, not Colbeck",
         speaker="Ian Colbeck", cue="Amaral said, adding that", by="Rui Amaral"),
    # ---- bank ----
    case("bank", E, "exact", "We have taken one step, not the first of many steps", "verbatim"),
    case("bank", E, "speaker-correct", "borrowing just to keep the lights on",
         "verbatim; speaker right ('Nadia Farouk ... said')",
         speaker="Nadia Farouk", cue="Nadia Farouk, president of the Caledon Retail Federation, said",
         by="Nadia Farouk"),
    case("bank", E, "exact", "closer to our target than at any time since 2021", "quoted phrase inside reported speech"),
    case("bank", N, "benign-dash",
         "Markets would be wise to listen to what we actually say – not what they hope to hear",
         "en dash where the source has an em dash",
         span="Markets would be wise to listen to what we actually say — not what they hope to hear"),
    case("bank", N, "benign-case", "this was a defensive cut", "lower case", span="This was a defensive cut"),
    case("bank", F, "benign-spelling",
         "signalled that further easing would depend on how quickly wage growth cools",
         "signaled -> signalled",
         span="signaled that further easing would depend on how quickly wage growth cools"),
    case("bank", F, "benign-ellipsis",
         "We have taken one step, not the first of many steps... Markets would be wise to listen to what we actually say",
         "ellipsis ('...') across 'Strand said', same speaker",
         frags=["We have taken one step, not the first of many steps",
                "Markets would be wise to listen to what we actually say"]),
    case("bank", A, "meaning-number", "Five of the nine members of the policy committee voted for the cut",
         "seven -> nine", kind="number",
         span="Five of the seven members of the policy committee voted for the cut"),
    case("bank", A, "meaning-negation", "We have taken one step, the first of many steps",
         "'not' removed", kind="negation", span="We have taken one step, not the first of many steps"),
    case("bank", U, "paraphrased", "Strand said investors should not bet on a string of further reductions",
         "heavy paraphrase of 'warned against assuming a series of cuts'"),
    case("bank", U, "fabricated", "We expect to cut again in July if the data allows",
         "invented forward guidance, not in the text"),
    case("bank", E, "misattributed", "The authority is worried about unemployment, and it should be",
         "verbatim, but the continuation follows 'said Marcus Lindqvist', not the governor",
         speaker="Helena Strand", cue="said Marcus Lindqvist", by="Marcus Lindqvist"),
    # ---- school ----
    case("school", E, "exact",
         "We cannot keep half-empty classrooms open when that means taking money from every other child in the county",
         "verbatim"),
    case("school", E, "exact", "They keep telling us this is about numbers", "verbatim"),
    case("school", E, "exact",
         "the walk to Kelsham Park would take young children along a road with no pavement",
         "reported speech, verbatim"),
    case("school", N, "benign-dash",
         "keep half–empty classrooms open when that means taking money from every other child",
         "en dash where the source has a hyphen",
         span="keep half-empty classrooms open when that means taking money from every other child"),
    case("school", N, "benign-whitespace",
         "It is about whether an eight-year-old can get to school without crossing a dual\ncarriageway.",
         "line break instead of a space",
         span="It is about whether an eight-year-old can get to school without crossing a dual carriageway."),
    case("school", F, "benign-cannot", "We can not keep half-empty classrooms open",
         "cannot -> can not", span="We cannot keep half-empty classrooms open"),
    case("school", F, "benign-article", "close St Aldhelm’s Primary School at the end of summer term",
         "'the' dropped before 'summer term'",
         span="close St Aldhelm’s Primary School at the end of the summer term"),
    case("school", A, "meaning-number",
         "after a cabinet vote on Wednesday evening approved the plan by five votes to three",
         "six -> five", kind="number",
         span="after a cabinet vote on Wednesday evening approved the plan by six votes to three"),
    case("school", A, "meaning-date", "The parents’ group has until 14 July to lodge a legal challenge",
         "June -> July", kind="date", span="The parents’ group has until 14 June to lodge a legal challenge"),
    case("school", U, "spliced",
         "They keep telling us this is about numbers, taking money from every other child in the county",
         "Lowe's words joined to Ashby's, reversed order, different speakers",
         frags=["They keep telling us this is about numbers", "taking money from every other child in the county"],
         joiner=", "),
    case("school", U, "paraphrased", "Ashby argued that too few births meant the council had no sensible option",
         "heavy paraphrase of Ashby's reported speech"),
    case("school", E, "misattributed", "heartbroken but determined to make the last term a good one",
         "verbatim, but the text credits headteacher Paul Wingfield, not Lowe",
         speaker="Harriet Lowe", cue="Headteacher Paul Wingfield said staff were", by="Paul Wingfield"),
    # ---- heat ----
    case("heat", E, "exact", "Many of them were simply waiting for a bus", "verbatim"),
    case("heat", E, "exact", "We planned for this summer, and so far the plan is working.", "verbatim"),
    case("heat", E, "exact", "hot enough to burn skin in seconds", "verbatim"),
    case("heat", N, "benign-curly", "The high pressure dome is parked right over us and it isn't moving",
         "straight apostrophe where the source has a curly one",
         span="The high pressure dome is parked right over us and it isn’t moving"),
    case("heat", N, "benign-punctuation", "We are seeing people come in with body temperatures of 106, 107 degrees.",
         "period for the source's comma",
         span="We are seeing people come in with body temperatures of 106, 107 degrees,"),
    case("heat", F, "benign-spelling",
         "as emergency rooms reported a sharp rise in heat-related illness and the city opened three more cooling centres",
         "centers -> centres",
         span="as emergency rooms reported a sharp rise in heat-related illness and the city opened three more cooling centers"),
    case("heat", F, "speaker-correct",
         "We are seeing people come in with body temperatures of 106, 107 degrees … Many of them were simply waiting for a bus",
         "ellipsis across 'said Dr. Alana Whitfield'; speaker right",
         frags=["We are seeing people come in with body temperatures of 106, 107 degrees",
                "Many of them were simply waiting for a bus"],
         speaker="Alana Whitfield", cue="said Dr. Alana Whitfield", by="Alana Whitfield"),
    case("heat", A, "meaning-word", "The pavement is hot enough to burn skin in minutes",
         "seconds -> minutes", kind="word", span="The pavement is hot enough to burn skin in seconds"),
    case("heat", A, "meaning-date",
         "Tucson recorded its 11th straight day above 110 degrees on Monday, tying a record set in 1980",
         "1990 -> 1980", kind="date",
         span="Tucson recorded its 11th straight day above 110 degrees on Monday, tying a record set in 1990"),
    case("heat", U, "boilerplate", "How to recognize the signs of heat stroke", "only in the 'Read more:' line"),
    case("heat", U, "fabricated", "Hospitals have started turning away patients because every bed is full",
         "invented claim, not in the text"),
    case("heat", E, "misattributed", "That is not a figure of speech",
         "verbatim, but the colon introduction credits Mateo Ruiz, not the utility spokesman",
         speaker="Derek Olmos", cue="Mateo Ruiz", by="Mateo Ruiz"),
    # ---- breach (scraped text with HTML entities) ----
    case("breach", E, "exact", "This is not a sophisticated attack", "verbatim between &quot; entities"),
    case("breach", E, "exact", "A single password that was never changed opened the front door", "verbatim"),
    case("breach", E, "exact", "the data was being sold in batches of 10,000 records", "reported speech, verbatim"),
    case("breach", N, "benign-html-entity",
         "Grant & Hollis, the mortgage broker, has confirmed that hackers stole personal data",
         "'&' where the source has '&amp;'",
         span="Grant &amp; Hollis, the mortgage broker, has confirmed that hackers stole personal data"),
    case("breach", N, "speaker-pronoun", "Passports can't be reset like passwords",
         "straight apostrophe where the source has '&#8217;'; 'she said' = Nandakumar",
         span="Passports can&#8217;t be reset like passwords",
         speaker="Priya Nandakumar", cue="she said", by="Priya Nandakumar"),
    case("breach", F, "benign-bracket",
         "Our customers trusted [Grant & Hollis] with their most sensitive documents",
         "editorial bracket for 'us'",
         span="Our customers trusted us with their most sensitive documents"),
    case("breach", F, "benign-article",
         "It has notified the regulators and is offering two years of free credit monitoring",
         "'the' added before 'regulators'",
         span="It has notified regulators and is offering two years of free credit monitoring"),
    case("breach", A, "meaning-date", "on March 3 and were not detected until March 9",
         "March 19 -> March 9", kind="date", span="on March 3 and were not detected until March 19"),
    case("breach", A, "meaning-word", "including names, dates of birth and scanned copies of payslips",
         "passports -> payslips", kind="word",
         span="including names, dates of birth and scanned copies of passports"),
    case("breach", U, "boilerplate", "Five steps to take after your data is leaked", "only in the 'Read more:' line"),
    case("breach", U, "paraphrased", "Meyer blamed a password nobody had bothered to update for the intrusion",
         "heavy paraphrase of Meyer's quote"),
    case("breach", E, "misattributed", "These people will be living with this for years",
         "verbatim, but 'she said' continues Nandakumar, not the chief executive",
         speaker="Rosalind Grant", cue="she said", by="Priya Nandakumar"),
    # ---- film ----
    case("film", E, "exact", "a film of enormous patience and quiet fury", "verbatim"),
    case("film", E, "exact", "Some of them just happened to work", "verbatim"),
    case("film", E, "exact",
         "I made this film for my grandmother, who mended nets for fifty years and never once saw herself on a screen",
         "verbatim"),
    case("film", N, "benign-curly", "“We took more chances this year than ever before.”",
         "wrapped in curly marks (source has straight ones), period for the comma",
         span="\"We took more chances this year than ever before,\""),
    case("film", N, "benign-whitespace",
         "The programme was full of good films and\r\nalmost empty of risky ones.",
         "CRLF instead of a space",
         span="The programme was full of good films and almost empty of risky ones."),
    case("film", F, "benign-spelling", "The program was full of good films and almost empty of risky ones",
         "programme -> program", span="The programme was full of good films and almost empty of risky ones"),
    case("film", F, "benign-bracket",
         "Jury president Henrik Solberg called [The Salt Line] “a film of enormous patience and quiet fury”",
         "editorial bracket for 'it'",
         span="Jury president Henrik Solberg called it “a film of enormous patience and quiet fury”"),
    case("film", A, "meaning-number",
         "I made this film for my grandmother, who mended nets for forty years",
         "fifty -> forty", kind="number",
         span="I made this film for my grandmother, who mended nets for fifty years"),
    case("film", A, "meaning-name",
         "Attendance rose to 61,000 this year, up from 48,000 in 2023, according to festival director Claire Tallis",
         "Montague -> Tallis (the critic)", kind="name",
         span="Attendance rose to 61,000 this year, up from 48,000 in 2023, according to festival director Claire Montague"),
    case("film", U, "spliced",
         "a film of enormous patience and quiet fury … Nobody will remember this edition in ten years",
         "ellipsis joining the juror's praise to the critic's verdict four paragraphs later",
         frags=["a film of enormous patience and quiet fury", "Nobody will remember this edition in ten years"],
         joiner=" … "),
    case("film", U, "boilerplate", "Sign up for our weekly Culture Briefing", "newsletter sign-up line"),
    case("film", E, "speaker-pronoun", "a younger and far more local audience",
         "verbatim; 'She said' = Claire Montague",
         speaker="Claire Montague", cue="She said", by="Claire Montague"),
]

# --------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------

QUOTE_MAP = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
                           "–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-", "\xa0": " "})
STRIP = string.punctuation + " \t\r\n…"


def norm(s: str) -> str:
    s = html.unescape(s).translate(QUOTE_MAP)
    return re.sub(r"\s+", " ", s).strip().lower()


def norm_quote(s: str) -> str:
    return norm(s).strip(STRIP)


def word_positions(needle: str, hay: str) -> list[int]:
    """Start offsets where needle occurs in hay on word boundaries."""
    out, i = [], hay.find(needle)
    while i != -1:
        j = i + len(needle)
        left_ok = i == 0 or not (hay[i - 1].isalnum() and needle[:1].isalnum())
        right_ok = j == len(hay) or not (hay[j].isalnum() and needle[-1:].isalnum())
        if left_ok and right_ok:
            out.append(i)
        i = hay.find(needle, i + 1)
    return out


TOKEN = re.compile(r"\[[^\]]*\]|\d[\d,.]*\d|\d|\w+(?:'\w+)*|[^\w\s]")


def tokens(s: str) -> list[str]:
    return TOKEN.findall(norm(s))


def words(s: str) -> list[str]:
    return re.findall(r"\w+(?:'\w+)*", norm(s))


SPELLING = {("recognised", "recognized"), ("programme", "program"), ("neighbourhoods", "neighborhoods"),
            ("centres", "centers"), ("signalled", "signaled"), ("colours", "colors")}
ARTICLES_W = {"a", "an", "the"}
NEGATION = {"not", "no", "never", "n't"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"}
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "twenty", "thirty", "forty", "fifty", "first", "second", "third"}


def is_benign(op, a, b) -> str | None:
    tag, i1, i2, j1, j2 = op
    x, y = a[i1:i2], b[j1:j2]
    if tag == "replace" and len(x) == 1 and len(y) == 1:
        if (x[0], y[0]) in SPELLING or (y[0], x[0]) in SPELLING:
            return "spelling"
    if tag == "replace" and sorted([x, y], key=len) == [["cannot"], ["can", "not"]]:
        return "cannot"
    if tag in ("insert", "delete") and len(x) + len(y) == 1 and (x + y)[0] in ARTICLES_W:
        return "article"
    if tag == "replace" and len(y) == 1 and y[0].startswith("[") and 1 <= len(x) <= 4:
        return "bracket"
    return None


def opcodes(span: str, quote: str):
    a, b = tokens(span), tokens(quote)
    # leading/trailing punctuation is benign normalisation
    while a and a[0] in string.punctuation:
        a = a[1:]
    while b and b[0] in string.punctuation:
        b = b[1:]
    while a and a[-1] in string.punctuation:
        a = a[:-1]
    while b and b[-1] in string.punctuation:
        b = b[:-1]
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return a, b, [op for op in sm.get_opcodes() if op[0] != "equal"]


ABBREVIATIONS = re.compile(r"\b(?:Dr|St|Mr|Mrs|Ms|Jan|Ore|Ind|Ariz|a\.m|p\.m|U\.S)\.")


def sentence_ends(s: str) -> int:
    s = ABBREVIATIONS.sub("", s)
    return len(re.findall(r"[.!?][\"”’']?(\s|$)", s))


def longest_common_run(q: list[str], s: list[str]) -> int:
    sm = difflib.SequenceMatcher(None, q, s, autojunk=False)
    return max((m.size for m in sm.get_matching_blocks()), default=0)


def best_window_ratio(q: list[str], s: list[str]) -> float:
    n = len(q)
    return max(difflib.SequenceMatcher(None, q, s[i:i + n], autojunk=False).ratio()
               for i in range(0, max(1, len(s) - n + 1)))


def in_furniture(quote: str, art: dict) -> bool:
    return any(quote in line for line in art["furniture"])


def body_text(art: dict) -> str:
    return "\n".join(line for line in art["text"].split("\n") if line not in art["furniture"])


def surname(full: str) -> str:
    return full.split()[-1]


def check_speaker(c: dict, art: dict, anchor: str) -> None:
    src, people = art["text"], art["people"]
    assert c["speaker"] in people and c["by"] in people, c
    a_pos = src.find(anchor)
    assert a_pos != -1, c
    cue_positions = [m.start() for m in re.finditer(re.escape(c["cue"]), src)]
    assert cue_positions, c
    cue_pos = min(cue_positions, key=lambda p: abs(p - a_pos))
    assert abs(cue_pos - a_pos) <= 400, c
    named = [p for p in people if surname(p) in c["cue"]]
    if named:
        assert named == [c["by"]], (c, named)
    else:  # pronoun cue: the most recently named person before it
        last, last_pos = None, -1
        for p in people:
            for m in re.finditer(r"\b" + re.escape(surname(p)) + r"\b", src[:cue_pos]):
                if m.start() > last_pos:
                    last, last_pos = p, m.start()
        assert last == c["by"], (c, last)
    # nobody else named between the cue and the quote
    lo, hi = sorted([cue_pos + len(c["cue"]), a_pos])
    between = src[lo:hi]
    for p in people:
        if p != c["by"]:
            assert surname(p) not in between, (c, p)


def check(c: dict) -> None:
    art = ARTICLES[c["art"]]
    src, q, st = art["text"], c["quote"], c["status"]
    nq = len(words(q))
    assert 4 <= nq <= 30, (c, nq)
    nsrc = norm(src)
    if st == "exact":
        pos = word_positions(q, src)
        assert pos, c
        assert word_positions(q, body_text(art)), ("only in furniture", c)
        return
    if c["category"] == "boilerplate":  # a substring, but only of a furniture line
        assert st == "unsupported" and src.count(q) == 1 and in_furniture(q, art), c
        assert not word_positions(norm_quote(q), norm(body_text(art))), c
        return
    assert q not in src, ("substring", c)
    norm_hit = bool(word_positions(norm_quote(q), nsrc))
    if st == "normalized":
        assert norm_hit, c
        assert c["span"] in src, c
        assert norm_quote(q) == norm_quote(c["span"]), c
        return
    assert not norm_hit, ("matches after normalisation", c)
    if st == "fuzzy":
        if "frags" in c:
            parts = [p.strip() for p in re.split(r"\s*(?:…|\.\.\.)\s*", q) if p.strip()]
            assert parts == c["frags"], c
            prev_end = None
            for p in parts:
                assert src.count(p) == 1, (c, p)
                start = src.find(p)
                if prev_end is not None:
                    gap = src[prev_end:start]
                    assert start > prev_end and 1 <= len(gap) <= 250, (c, gap)
                    assert "\n\n" not in gap and sentence_ends(gap) <= 2, (c, gap)
                prev_end = start + len(p)
        else:
            assert c["span"] in src, c
            _, _, ops = opcodes(c["span"], q)
            assert ops, c
            kinds = {is_benign(op, *opcodes(c["span"], q)[:2]) for op in ops}
            assert None not in kinds, (c, ops)
        return
    if st == "altered":
        assert c["span"] in src, c
        assert nq >= 6, c
        a, b, ops = opcodes(c["span"], q)
        assert len(ops) == 1, (c, ops)
        op = ops[0]
        assert is_benign(op, a, b) is None, c
        tag, i1, i2, j1, j2 = op
        x, y = a[i1:i2], b[j1:j2]
        assert len(a) - len(x) >= 5, c
        kind = c["kind"]
        if kind == "negation":
            assert tag in ("insert", "delete") and len(x + y) == 1 and (x + y)[0] in NEGATION, c
        else:
            assert tag == "replace" and len(x) == 1 and len(y) == 1, c
            old, new = x[0], y[0]
            if kind == "number":
                assert all(t.replace(",", "").isdigit() or t in NUMBER_WORDS for t in (old, new)), c
            elif kind == "date":
                assert all(t in MONTHS or t.isdigit() for t in (old, new)), c
            elif kind == "name":
                raw_new = re.search(r"\b" + re.escape(new) + r"\b", q, re.I).group(0)
                assert raw_new[0].isupper() and new.title() in src, c
            elif kind == "word":
                assert old.isalpha() and new.isalpha() and old not in ARTICLES_W | NEGATION | MONTHS, c
            else:
                raise AssertionError(c)
        return
    if st == "unsupported":
        cat = c["category"]
        if cat in ("fabricated", "paraphrased"):
            qw, sw = words(q), words(src)
            assert longest_common_run(qw, sw) <= 3, (c, longest_common_run(qw, sw))
            assert best_window_ratio(qw, sw) < 0.5, (c, best_window_ratio(qw, sw))
        elif cat == "spliced":
            assert q == c["joiner"].join(c["frags"]), c
            starts = []
            for p in c["frags"]:
                assert src.count(p) == 1, (c, p)
                starts.append(src.find(p))
            s0, s1 = starts
            if s1 > s0:
                gap = src[s0 + len(c["frags"][0]):s1]
                assert len(gap) >= 200 and sentence_ends(gap) >= 3, (c, len(gap))
            # else reversed order: spliced by construction
        else:
            raise AssertionError(c)
        return
    raise AssertionError(c)


def main() -> None:
    for key, art in ARTICLES.items():
        n = len(body_text(art).split())
        assert 150 <= n <= 300, (key, n)
    rows = []
    for i, c in enumerate(CASES, 1):
        check(c)
        wrong = False
        if "speaker" in c:
            anchor = c.get("span") or (c["frags"][0] if "frags" in c else c["quote"])
            check_speaker(c, ARTICLES[c["art"]], anchor)
            wrong = c["speaker"] != c["by"]
            assert (c["category"] == "misattributed") == wrong, c
        flag = c["status"] in ("altered", "unsupported") or wrong
        rows.append({
            "id": f"k{i:03d}",
            "source_text": ARTICLES[c["art"]]["text"],
            "quote": c["quote"],
            "speaker": c.get("speaker"),
            "expected_status": c["status"],
            "expected_flag": flag,
            "category": c["category"],
            "note": f"{c['art']}: {c['note']}",
        })
    # per-article make-up: 12 cases, 1-2 with a speaker
    for key in ARTICLES:
        mine = [c for c in CASES if c["art"] == key]
        assert len(mine) == 12, key
        assert 1 <= sum("speaker" in c for c in mine) <= 2, key
    quotes = [(c["art"], c["quote"], c.get("speaker")) for c in CASES]
    assert len(set(quotes)) == len(quotes), "duplicate case"
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")

    status = Counter(r["expected_status"] for r in rows)
    flags = Counter(r["expected_flag"] for r in rows)
    spk = [c for c in CASES if "speaker" in c]
    wrong = sum(c["speaker"] != c["by"] for c in spk)
    print(f"wrote {len(rows)} cases on {len(ARTICLES)} articles to {OUT.relative_to(OUT.parents[2])}")
    print(f"flagged: {flags[True]}   not flagged: {flags[False]}")
    print(f"speaker given: {len(spk)} (correct {len(spk) - wrong}, misattributed {wrong})")
    print("\nby status:")
    for s in ("exact", "normalized", "fuzzy", "altered", "unsupported"):
        print(f"  {s:<12} {status[s]:>3}")
    print("\nby status x category:")
    for (s, cat), n in sorted(Counter((r["expected_status"], r["category"]) for r in rows).items(),
                              key=lambda kv: (["exact", "normalized", "fuzzy", "altered", "unsupported"]
                                              .index(kv[0][0]), -kv[1], kv[0][1])):
        print(f"  {s:<12} {cat:<22} {n:>3}")
    print("\nwords per article: " + ", ".join(f"{k} {len(body_text(a).split())}" for k, a in ARTICLES.items()))


if __name__ == "__main__":
    main()
