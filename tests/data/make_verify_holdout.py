"""Build the held-out quote-verification set: tests/data/verify_holdout.jsonl.

The ten articles below were written for this set. The people, organisations and places are
fictional. The set was written without looking at the verifier, at its tuning set or at that
set's generator, and no verifier output was used to choose or label any case: labels come from
how each case was built. `check_case` asserts, for every case, the property its label relies on,
and the run aborts if any check fails.

The script uses no randomness, so a second run writes the same bytes:

    python tests/data/make_verify_holdout.py
"""

from __future__ import annotations

import difflib
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).with_name("verify_holdout.jsonl")

# --------------------------------------------------------------------------------------------
# Articles (fictional). "people" lists everyone the speaker checks may refer to.
# --------------------------------------------------------------------------------------------

ARTICLES: dict[str, dict] = {}

ARTICLES["nurses"] = {
    "people": ["Helen Okafor", "Martin Leigh", "Sarah Whitcombe", "Diane Pratt"],
    "text": """BRAMLEY, England — Nurses at Bramley General Hospital will walk out for 48 hours from Monday after talks over staffing levels collapsed late on Thursday, their union said.

“We did not want to be here, but the trust has left us no choice,” said Helen Okafor, regional organiser of the Northern Nurses’ Union. “Our members cannot keep covering three wards with one qualified nurse.”

Okafor said the union had offered to suspend the action if managers agreed to an independent review of rotas.

The hospital’s chief executive, Martin Leigh, said emergency and maternity services would run as normal. “Patients who have an appointment next week should attend unless they hear from us directly,” he said. He added that the trust had recruited 64 nurses from overseas under its international recruitment programme since January.

Advertisement

According to Leigh, agency staff would cover about half of the planned operations, and the rest would be rescheduled within a month.

Read more: Bramley trust fined over waiting times

Local MP Sarah Whitcombe, who visited the picket line on Friday, urged both sides to return to talks: “Nobody in this town wants to see a cancelled operation become a tragedy.”

Ward sister Diane Pratt, who has worked at the hospital for 22 years, said morale was the lowest she could remember. “I recognise the pressure on managers,” she added. “But the organisation has stopped listening to the people on the wards.”

The strike is due to end at 8 a.m. on Wednesday.""",
}

ARTICLES["tram"] = {
    "people": ["Priya Raman", "Tom Ashby", "Jenny Cole", "Graham Pike"],
    "text": """HALBERTON, England — The opening of Halberton’s new tram line has been pushed back to next spring after engineers found cracks in a viaduct near the city centre, transport officials said on Tuesday.

The £410 million line — the city’s biggest transport project in half a century — was due to carry its first passengers in September. It forms the centrepiece of a wider regeneration programme for the east of the city.

“This is deeply frustrating, but safety has to come first,” said Priya Raman, director of the Halberton Transport Authority. “We will not open a line we are not completely confident in.”

Raman said repairs to the viaduct would take at least 16 weeks and that the contractor, Westmoor Rail, would bear the cost.

Westmoor’s project manager, Tom Ashby, disputed that. The cracks were “within tolerances at handover,” he told reporters, adding that the company would “defend its position robustly.”

Advertisement

Business owners along the route said the delay would hurt trade. Jenny Cole, who runs a café on Market Street, put it simply: “We have had three years of roadworks and now we get another winter of nothing.”

According to council leader Graham Pike, the authority will review whether to seek damages once the repairs are complete. “The people of this city have been patient for far too long,” he added.

Read more: Halberton bus fares to rise in January""",
}

ARTICLES["bushfire"] = {
    "people": ["Mark Dunstan", "Clare Novak", "Ray Tully", "Anita Shah"],
    "text": """BENDARRA, Australia — Hundreds of residents were ordered to leave their homes in the hills west of Bendarra on Saturday as a bushfire fanned by strong northerly winds jumped containment lines.

The fire had burned through about 3,200 hectares by mid-afternoon, according to Rural Fire Service incident controller Mark Dunstan. “If you are in the red zone, leave now. Do not wait to see flames,” Dunstan said. “Conditions will get worse before they get better.”

Emergency Services Minister Clare Novak said the defence force had been asked to help with logistics. “We recognise how frightening this is for families,” she told a news conference in Bendarra. “Evacuation centres are open at the showgrounds and the high school.”

Advertisement

Farmer Ray Tully, 67, said he had moved his sheep into a bare paddock and sent his grandchildren to stay with relatives. “I’ve seen a few of these fires, but nothing that moved this fast,” he said.

Forecasters expect a wind change late on Sunday that could push the fire front towards the town of Kelvale. Meteorologist Anita Shah warned: “The southerly will bring cooler air, but it will also turn the eastern flank into a new front.”

Residents can check the colour-coded warning map on the fire service’s website.

Share this article""",
}

ARTICLES["football"] = {
    "people": ["Luis Ortega", "Peter Garside", "Sam Whitfield", "Karen Mills", "Danny Reece"],
    "text": """CASTLEFORD, England — Northfield United sacked manager Luis Ortega on Monday, two days after a 4-0 home defeat by Redbridge left the club second from bottom of the Championship.

Ortega, 51, was appointed in June on a three-year contract and won only five of his 19 league matches, with a defence that conceded 38 goals.

“This was not an easy decision, and we thank Luis for his hard work and honesty,” chairman Peter Garside said in a statement. “But results have fallen well short of what this club expects.”

First-team coach Sam Whitfield will take charge for Saturday’s trip to Ashcombe, the club said.

Advertisement

Speaking after the Redbridge defeat, Ortega had insisted he could turn the season around. “I believe in this squad. The players have not given up, and neither have I,” he said.

Read more: Redbridge extend unbeaten run to nine games

Supporters’ group chair Karen Mills said fans had lost patience with the board as much as with the manager. “The owners keep changing the coach and expecting a different result,” she said. “The problem starts at the top.”

According to Garside, the search for a permanent replacement will begin immediately, with an appointment expected before the January transfer window opens.

Captain Danny Reece told the club website: “We let the gaffer down. Every one of us has to look in the mirror.”""",
}

ARTICLES["museum"] = {
    "people": ["Fiona Bell", "Josefa Tui", "Alan Reddick"],
    "text": """KESTON, Scotland — The Keston Museum will return 14 carved wooden figures to the Pacific nation of Lenua, more than a century after they were taken by a British naval expedition, its trustees announced on Wednesday.

The figures, which depict ancestral guardians, have been held in the museum’s stores since 1911 and were last displayed in the 1970s.

“We recognise that these objects were removed without consent, and that they belong with the communities that made them,” said Fiona Bell, the museum’s director. “Returning them is the right thing to do — and it is long overdue.”

Lenua’s culture minister, Josefa Tui, welcomed the decision. She said the figures would be housed in a new heritage centre in the capital, Port Amara, which is due to open in 2026.

Advertisement

Not everyone agreed. Historian Alan Reddick, who sits on a government advisory panel, said the museum had moved too quickly. “There is a real risk that decisions like this are made on the basis of publicity rather than evidence,” he said.

Bell rejected that criticism. The trustees had spent two years reviewing archive records, she said, and had consulted “widely and carefully.”

According to Tui, a delegation of elders will travel to Scotland in March for a handover ceremony. “Our grandparents spoke of these guardians,” she added. “Now our grandchildren will see them.”

The return is part of a wider programme of restitution by Scottish museums.""",
}

ARTICLES["chips"] = {
    "people": ["Rachel Moreno", "Ben Carter", "Maria Delgado"],
    "text": """SAN JOSE, Calif. — Veltrix Systems, the chipmaker, said on Thursday it would cut about 1,800 jobs, or 12% of its workforce, as demand for its data-center processors slowed.

Chief executive Rachel Moreno told employees in a memo that the decision was “painful but necessary” to protect the company’s long-term future. “We grew too fast in the last two years, and that is on me,” she wrote. “I cannot promise this will be the last difficult decision, but I can promise we will be honest with you.”

The cuts will fall mainly on sales and administrative staff, according to the memo, which was seen by reporters. Research teams will largely be spared.

Advertisement

Veltrix shares rose 6% in after-hours trading. Analyst Ben Carter of Halden Securities said investors had been waiting for the company to reduce costs. “The market was pricing in something like this for months,” he said. “The real question is whether the product road map holds up.”

The Bay Technical Workers union, which represents some of the company’s technicians, criticized the timing. “Laying people off six weeks before the holidays is cruel,” said Maria Delgado, the union’s organizing director.

Moreno said affected employees would receive at least 16 weeks of severance pay and continued health coverage through March. The organization will also close its office in Austin, Texas, she said.

Veltrix is scheduled to report fourth-quarter results on Feb. 12.""",
}

ARTICLES["drought"] = {
    "people": ["Owen Price", "Lucy Marsh", "Colin Webb"],
    "text": """WENLOCK, England — A hosepipe ban will come into force across much of the south-west next Friday after the driest spring in 90 years left reservoirs at less than half capacity, Severn Vale Water said.

The restrictions will affect about 1.2 million customers, who will be barred from using hosepipes to water gardens, wash cars or fill paddling pools. Breaking the ban can lead to a fine of up to £1,000.

“Nobody wants to introduce restrictions, but we have to protect supplies for the summer ahead,” said Owen Price, the company’s director of water resources. “If we act now, we can avoid far tougher measures later.”

Environmental campaigners said the company had only itself to blame. According to Lucy Marsh of the River Guardians campaign group, Severn Vale loses nearly a quarter of its treated water through leaking pipes. “Customers are being told to save every drop while the company lets millions of litres pour into the ground,” she said.

Advertisement

Price said leakage had fallen by 9% in three years under the company’s pipe-replacement programme and would fall further.

Gardeners were resigned. “It’s frustrating, but you can not argue with the weather,” said Colin Webb, secretary of the Wenlock Allotment Society. He added that members had been collecting rainwater in barrels since March.

The Environment Agency said it would monitor river levels closely over the coming weeks.

Read more: How to save water at home this summer""",
}

ARTICLES["probe"] = {
    "people": ["Naomi Grant", "Erik Sandvik", "Kwame Asante"],
    "text": """CALDER, Scotland — The launch of Aster, a small lunar probe built by a team at the University of Calder, has been postponed by at least three weeks after engineers found a faulty fuel valve during final checks, mission managers said on Monday.

The probe had been due to lift off on 14 October from a spaceport in northern Norway.

“It is disappointing, of course, but this is exactly why we test everything twice,” said Professor Naomi Grant, the mission’s principal investigator. “A valve can be replaced. A spacecraft cannot.”

The £38 million mission is the centrepiece of the university’s space science programme. It aims to map water ice in craters near the Moon’s south pole, which never see sunlight.

Advertisement

Launch provider Nordlys Aerospace said in a statement that the valve had been supplied by a subcontractor and that its rocket was unaffected. Its chief operating officer, Erik Sandvik, said a new date would be set “once the customer is ready.”

Students on the project took the news in good spirits. Doctoral researcher Kwame Asante, 27, said the team had already started removing the probe from its fuelling rig. “We have waited six years,” he said. “We can wait another month.”

According to Grant, the delay will add about £400,000 to the cost of the mission, which will be covered by contingency funds.

Share this article""",
}

# Scraped text: HTML entities were left in on purpose (&amp;, &#8217;, &#8220;/&#8221;), and
# some quotations use straight marks.
ARTICLES["tribunal"] = {
    "people": ["Aisha Rahman", "Helen Morris", "Mark Ellison", "Tom Brennan"],
    "text": """ASHBOROUGH, England — A landlord who let tenants live for more than a year with black mould and a broken boiler must repay £23,000 in rent, a tribunal ruled on Friday.

The tribunal found that Hartley &amp; Stone Lettings had failed to carry out repairs at a block of 12 flats on Canal Street despite repeated complaints and two council inspections.

&#8220;This ruling sends a clear message: tenants do not have to accept dangerous homes,&#8221; said Aisha Rahman, who brought the case on behalf of eight households. &#8220;We can not keep treating damp as a lifestyle problem.&#8221;

Judge Helen Morris said in her written decision that the company&#8217;s conduct had been "persistent and serious." She added that the firm had ignored an improvement notice for five months.

Advertisement

A spokesman for Hartley &amp; Stone said the company was "disappointed" and was considering an appeal. He said the problems had been caused in part by tenants drying clothes indoors.

Councillor Mark Ellison, who chairs Ashborough&#8217;s housing committee, said the authority would now inspect every property managed by the firm. "If other tenants are living like this, we want to know," he said.

Housing charity Shelterwise said more than 900,000 rented homes in England had a serious hazard. According to its policy director, Tom Brennan, many tenants are afraid to complain for fear of eviction.

Read more: Ashborough council to license all private landlords""",
}

ARTICLES["flights"] = {
    "people": ["Simon Hale", "Louise Grey", "Daniel Frost", "Emma Lowe"],
    "text": """BRAYFORD, England — Hundreds of flights were cancelled or delayed across the country on Sunday after a computer failure at the national air traffic control centre forced controllers to process flight plans by hand.

The outage began at about 8:40 a.m. and lasted nearly four hours, according to National Air Services, which runs the centre at Brayford. The organisation said the fault had been identified and that there was no evidence of a cyberattack.

“I want to apologise to every passenger whose journey has been disrupted today,” said chief executive Simon Hale. “Our engineers worked as quickly as they could, but a fault of this kind cannot be rushed.”

Transport Secretary Louise Grey said she had asked for a full report within a week. “Passengers deserve to know what went wrong and why the back-up system did not take over,” she said.

Advertisement

Airlines warned that disruption would continue into Monday because planes and crews were out of position. Skyline Airways chief operating officer Daniel Frost said the carrier had cancelled 140 flights. “This is the busiest weekend of the half-term holiday,” he said. “The timing could hardly be worse.”

At Brayford airport, queues stretched out of the terminal building. Teacher Emma Lowe, travelling to Lisbon with her two children, had been waiting for six hours. “Nobody has told us anything,” she said. “We have just been watching the board turn red.”

Share this article""",
}

# --------------------------------------------------------------------------------------------
# Cases. Keys: a (article), s (status), c (category), q (quote), n (note), and as needed:
#   span       exact source text the quote was derived from (fuzzy, altered, speaker cases)
#   frags      fragments (ellipsis: in order, close; spliced: far apart)
#   joiner     words added between spliced fragments
#   kind       altered: negation | number | date | name | word
#   speaker, cue, credited, ok   speaker cases (ok=False means misattributed)
# --------------------------------------------------------------------------------------------

E, N, F, A, U = "exact", "normalized", "fuzzy", "altered", "unsupported"

CASES: list[dict] = [
    # ---------------------------------------------------------------- nurses
    dict(a="nurses", s=E, c="exact", q="Our members cannot keep covering three wards with one qualified nurse.",
         n="Okafor's second quotation, verbatim"),
    dict(a="nurses", s=E, c="exact", q="agency staff would cover about half of the planned operations",
         n="reported speech after 'According to Leigh', verbatim"),
    dict(a="nurses", s=E, c="exact", q="Nobody in this town wants to see a cancelled operation become a tragedy.",
         n="Whitcombe quotation after a colon introduction, verbatim"),
    dict(a="nurses", s=N, c="benign-curly", q="regional organiser of the Northern Nurses' Union",
         n="curly apostrophe in Nurses’ made straight"),
    dict(a="nurses", s=N, c="benign-case", q="The organisation has stopped listening to the people on the wards.",
         n="'But' dropped from the front and 'the' capitalised; otherwise verbatim"),
    dict(a="nurses", s=F, c="benign-spelling",
         q="the trust had recruited 64 nurses from overseas under its international recruitment program since January",
         span="the trust had recruited 64 nurses from overseas under its international recruitment programme since January",
         n="programme -> program"),
    dict(a="nurses", s=F, c="benign-bracket",
         q="Patients who have an appointment next week should attend unless they hear from [the hospital] directly",
         span="Patients who have an appointment next week should attend unless they hear from us directly",
         n="'us' (the hospital, per its chief executive) replaced by an editorial bracket"),
    dict(a="nurses", s=A, c="meaning-number", kind="number",
         q="Nurses at Bramley General Hospital will walk out for 72 hours from Monday",
         span="Nurses at Bramley General Hospital will walk out for 48 hours from Monday",
         n="48 hours -> 72 hours"),
    dict(a="nurses", s=A, c="meaning-word", kind="word",
         q="the union had offered to suspend the action if managers agreed to an internal review of rotas",
         span="the union had offered to suspend the action if managers agreed to an independent review of rotas",
         n="independent -> internal"),
    dict(a="nurses", s=U, c="fabricated",
         q="Management has treated nurses with contempt for years and we will strike until it changes",
         n="invented union-style quotation; not in the text"),
    dict(a="nurses", s=U, c="boilerplate", q="Bramley trust fined over waiting times",
         n="only in the 'Read more:' line"),
    dict(a="nurses", s=E, c="speaker-pronoun", q="I recognise the pressure on managers",
         speaker="Diane Pratt", cue="she added", credited="Diane Pratt", ok=True,
         n="'she added' after Pratt is introduced; correct speaker"),

    # ---------------------------------------------------------------- tram
    dict(a="tram", s=E, c="exact", q="defend its position robustly",
         n="short partial quotation inside Ashby's reported speech"),
    dict(a="tram", s=E, c="exact", q="We will not open a line we are not completely confident in.",
         n="Raman's second quotation, verbatim"),
    dict(a="tram", s=E, c="exact", q="repairs to the viaduct would take at least 16 weeks",
         n="reported speech, verbatim"),
    dict(a="tram", s=N, c="benign-dash",
         q="The £410 million line - the city’s biggest transport project in half a century - was due to carry its first passengers in September",
         n="em dashes written as hyphens"),
    dict(a="tram", s=N, c="benign-whitespace",
         q="We have had three years of roadworks and\nnow we get another winter of nothing",
         n="line break in place of a space"),
    dict(a="tram", s=F, c="benign-spelling",
         q="It forms the centrepiece of a wider regeneration program for the east of the city",
         span="It forms the centrepiece of a wider regeneration programme for the east of the city",
         n="programme -> program"),
    dict(a="tram", s=F, c="benign-ellipsis",
         q="This is deeply frustrating … We will not open a line we are not completely confident in.",
         frags=["This is deeply frustrating", "We will not open a line we are not completely confident in."],
         n="two of Raman's sentences joined by an ellipsis across the attribution"),
    dict(a="tram", s=A, c="meaning-date", kind="date",
         q="The opening of Halberton’s new tram line has been pushed back to next summer",
         span="The opening of Halberton’s new tram line has been pushed back to next spring",
         n="next spring -> next summer"),
    dict(a="tram", s=A, c="meaning-name", kind="name",
         q="Pike said repairs to the viaduct would take at least 16 weeks",
         span="Raman said repairs to the viaduct would take at least 16 weeks",
         n="Raman -> Pike (another person in the article)"),
    dict(a="tram", s=U, c="spliced", q="Safety has to come first once the repairs are complete.",
         frags=["safety has to come first", "once the repairs are complete"],
         n="Raman's clause joined to the end of Pike's reported speech, paragraphs apart"),
    dict(a="tram", s=U, c="paraphrased",
         q="It is really annoying, yet nobody’s wellbeing can be put at risk to meet a deadline",
         n="heavy paraphrase of Raman's 'deeply frustrating, but safety has to come first'"),
    dict(a="tram", s=E, c="misattributed", q="The people of this city have been patient for far too long",
         speaker="Tom Ashby", cue="he added", credited="Graham Pike", ok=False,
         n="Pike's words ('he added' after 'According to council leader Graham Pike') credited to Ashby"),

    # ---------------------------------------------------------------- bushfire
    dict(a="bushfire", s=E, c="exact", q="If you are in the red zone, leave now.",
         n="first sentence of Dunstan's quotation"),
    dict(a="bushfire", s=E, c="exact",
         q="Hundreds of residents were ordered to leave their homes in the hills west of Bendarra on Saturday as a bushfire fanned by strong northerly winds jumped containment lines.",
         n="whole lead sentence, verbatim"),
    dict(a="bushfire", s=E, c="exact",
         q="he had moved his sheep into a bare paddock and sent his grandchildren to stay with relatives",
         n="Tully's reported speech, verbatim"),
    dict(a="bushfire", s=N, c="benign-curly", q="I've seen a few of these fires, but nothing that moved this fast",
         n="curly apostrophe in I’ve made straight"),
    dict(a="bushfire", s=N, c="benign-case", q="evacuation centres are open at the showgrounds and the high school",
         n="first letter lower-cased"),
    dict(a="bushfire", s=F, c="benign-spelling", q="We recognize how frightening this is for families",
         span="We recognise how frightening this is for families",
         n="recognise -> recognize"),
    dict(a="bushfire", s=F, c="benign-article",
         q="Residents can check colour-coded warning map on the fire service’s website",
         span="Residents can check the colour-coded warning map on the fire service’s website",
         n="'the' dropped before colour-coded"),
    dict(a="bushfire", s=A, c="meaning-number", kind="number",
         q="The fire had burned through about 2,300 hectares by mid-afternoon",
         span="The fire had burned through about 3,200 hectares by mid-afternoon",
         n="3,200 -> 2,300 hectares"),
    dict(a="bushfire", s=A, c="meaning-negation", kind="negation",
         q="Conditions will not get worse before they get better.",
         span="Conditions will get worse before they get better.",
         n="'not' inserted"),
    dict(a="bushfire", s=U, c="fabricated",
         q="The fire is completely under control and residents can return home tonight",
         n="invented all-clear; the article says the opposite"),
    dict(a="bushfire", s=U, c="spliced",
         q="Evacuation centres are open at the showgrounds and residents can check the colour-coded warning map",
         frags=["Evacuation centres are open at the showgrounds", "Residents can check the colour-coded warning map"],
         joiner="and",
         n="Novak's quotation joined to the closing service line, paragraphs apart"),
    dict(a="bushfire", s=E, c="speaker-colon",
         q="The southerly will bring cooler air, but it will also turn the eastern flank into a new front.",
         speaker="Anita Shah", cue="Meteorologist Anita Shah warned:", credited="Anita Shah", ok=True,
         n="quotation introduced by 'Anita Shah warned:'; correct speaker"),

    # ---------------------------------------------------------------- football
    dict(a="football", s=E, c="exact", q="Every one of us has to look in the mirror.",
         n="Reece's second sentence, verbatim"),
    dict(a="football", s=E, c="exact", q="results have fallen well short of what this club expects",
         n="Garside's second quotation without 'But'"),
    dict(a="football", s=E, c="exact",
         q="Northfield United sacked manager Luis Ortega on Monday, two days after a 4-0 home defeat by Redbridge left the club second from bottom of the Championship.",
         n="whole lead sentence, verbatim"),
    dict(a="football", s=N, c="benign-whitespace",
         q="This was not an easy decision,  and we thank Luis for his hard work and honesty",
         n="double space after the comma"),
    dict(a="football", s=N, c="benign-punctuation", q='"The problem starts at the top."',
         n="wrapped in straight double quotes instead of the article's curly ones"),
    dict(a="football", s=F, c="benign-bracket", q="[Ortega] could turn the season around",
         span="he could turn the season around",
         n="'he' replaced by the editorial bracket [Ortega]"),
    dict(a="football", s=F, c="benign-ellipsis",
         q="This was not an easy decision … results have fallen well short of what this club expects",
         frags=["This was not an easy decision", "results have fallen well short of what this club expects"],
         n="Garside's two quotations joined by an ellipsis across the attribution"),
    dict(a="football", s=A, c="meaning-negation", kind="negation",
         q="This was an easy decision, and we thank Luis for his hard work and honesty",
         span="This was not an easy decision, and we thank Luis for his hard work and honesty",
         n="'not' removed"),
    dict(a="football", s=A, c="meaning-name", kind="name",
         q="First-team coach Sam Whitfield will take charge for Saturday’s trip to Redbridge",
         span="First-team coach Sam Whitfield will take charge for Saturday’s trip to Ashcombe",
         n="opponent Ashcombe -> Redbridge"),
    dict(a="football", s=U, c="paraphrased",
         q="The real issue is the people who own the club, not whoever sits in the dugout",
         n="heavy paraphrase of Mills's two quotations"),
    dict(a="football", s=U, c="boilerplate", q="Redbridge extend unbeaten run to nine games",
         n="only in the 'Read more:' line"),
    dict(a="football", s=E, c="misattributed",
         q="I believe in this squad. The players have not given up, and neither have I",
         speaker="Peter Garside", cue="he said", credited="Luis Ortega", ok=False,
         n="Ortega's words credited to the chairman who sacked him"),

    # ---------------------------------------------------------------- museum
    dict(a="museum", s=E, c="exact", q="Our grandparents spoke of these guardians",
         n="Tui's first quotation without the comma"),
    dict(a="museum", s=E, c="exact",
         q="have been held in the museum’s stores since 1911 and were last displayed in the 1970s",
         n="narrative clause, verbatim with curly apostrophe"),
    dict(a="museum", s=E, c="exact",
         q="There is a real risk that decisions like this are made on the basis of publicity rather than evidence",
         n="Reddick's quotation, verbatim"),
    dict(a="museum", s=N, c="benign-dash", q="Returning them is the right thing to do - and it is long overdue",
         n="em dash written as a hyphen"),
    dict(a="museum", s=N, c="benign-punctuation", q="We recognise that these objects were removed without consent.",
         n="full stop added where the source continues with a comma"),
    dict(a="museum", s=F, c="benign-article",
         q="The figures, which depict the ancestral guardians, have been held in the museum’s stores since 1911",
         span="The figures, which depict ancestral guardians, have been held in the museum’s stores since 1911",
         n="'the' added before ancestral"),
    dict(a="museum", s=F, c="benign-ellipsis",
         q="We recognise that these objects were removed without consent … Returning them is the right thing to do",
         frags=["We recognise that these objects were removed without consent", "Returning them is the right thing to do"],
         n="Bell's two quotations joined by an ellipsis across the attribution"),
    dict(a="museum", s=A, c="meaning-date", kind="date",
         q="a delegation of elders will travel to Scotland in May for a handover ceremony",
         span="a delegation of elders will travel to Scotland in March for a handover ceremony",
         n="March -> May"),
    dict(a="museum", s=A, c="meaning-word", kind="word",
         q="The figures, which depict ancestral warriors, have been held in the museum’s stores since 1911",
         span="The figures, which depict ancestral guardians, have been held in the museum’s stores since 1911",
         n="guardians -> warriors"),
    dict(a="museum", s=U, c="fabricated",
         q="The museum was pressured by politicians into giving away part of Scotland’s heritage",
         n="invented critic's quotation"),
    dict(a="museum", s=U, c="spliced",
         q="Returning them is the right thing to do on the basis of publicity rather than evidence",
         frags=["Returning them is the right thing to do", "on the basis of publicity rather than evidence"],
         n="Bell's words joined to Reddick's criticism, paragraphs apart"),
    dict(a="museum", s=E, c="speaker-pronoun", q="Now our grandchildren will see them.",
         speaker="Josefa Tui", cue="she added", credited="Josefa Tui", ok=True,
         n="continuation after 'According to Tui … she added'; correct speaker"),

    # ---------------------------------------------------------------- chips
    dict(a="chips", s=E, c="exact", q="We grew too fast in the last two years, and that is on me",
         n="Moreno's memo quotation without the comma"),
    dict(a="chips", s=E, c="exact", q="Research teams will largely be spared.",
         n="narrative sentence, verbatim"),
    dict(a="chips", s=E, c="exact", q="The market was pricing in something like this for months",
         n="Carter's first quotation without the comma"),
    dict(a="chips", s=N, c="benign-curly", q="to protect the company's long-term future",
         n="curly apostrophe in company’s made straight"),
    dict(a="chips", s=N, c="benign-dash", q="as demand for its data–center processors slowed",
         n="hyphen in data-center written as an en dash"),
    dict(a="chips", s=F, c="benign-spelling", q="The organisation will also close its office in Austin, Texas",
         span="The organization will also close its office in Austin, Texas",
         n="organization -> organisation (US source, British quote)"),
    dict(a="chips", s=F, c="benign-cannot", q="I can not promise this will be the last difficult decision",
         span="I cannot promise this will be the last difficult decision",
         n="cannot -> can not"),
    dict(a="chips", s=A, c="meaning-date", kind="date",
         q="affected employees would receive at least 16 weeks of severance pay and continued health coverage through June",
         span="affected employees would receive at least 16 weeks of severance pay and continued health coverage through March",
         n="through March -> through June"),
    dict(a="chips", s=A, c="meaning-word", kind="word", q="Veltrix shares fell 6% in after-hours trading",
         span="Veltrix shares rose 6% in after-hours trading",
         n="rose -> fell"),
    dict(a="chips", s=U, c="paraphrased",
         q="The company expanded much faster than it should have, and I take responsibility for that",
         n="heavy paraphrase of Moreno's 'We grew too fast … that is on me'"),
    dict(a="chips", s=U, c="fabricated",
         q="Veltrix will move most of its manufacturing overseas to cut costs next year",
         n="invented plan; not in the text"),
    dict(a="chips", s=E, c="misattributed", q="The real question is whether the product road map holds up.",
         speaker="Rachel Moreno", cue="he said", credited="Ben Carter", ok=False,
         n="analyst Carter's continuation quotation credited to the chief executive"),

    # ---------------------------------------------------------------- drought
    dict(a="drought", s=E, c="exact", q="If we act now, we can avoid far tougher measures later.",
         n="Price's second quotation, verbatim"),
    dict(a="drought", s=E, c="exact",
         q="The restrictions will affect about 1.2 million customers, who will be barred from using hosepipes to water gardens, wash cars or fill paddling pools.",
         n="narrative sentence, verbatim"),
    dict(a="drought", s=E, c="exact", q="members had been collecting rainwater in barrels since March",
         n="reported speech after 'He added that', verbatim"),
    dict(a="drought", s=N, c="benign-whitespace",
         q="Nobody wants to introduce restrictions,\nbut we have to protect supplies for the summer ahead",
         n="line break in place of a space"),
    dict(a="drought", s=N, c="benign-case",
         q="severn vale loses nearly a quarter of its treated water through leaking pipes",
         n="company name lower-cased"),
    dict(a="drought", s=F, c="benign-cannot", q="It’s frustrating, but you cannot argue with the weather",
         span="It’s frustrating, but you can not argue with the weather",
         n="can not -> cannot"),
    dict(a="drought", s=F, c="benign-article",
         q="The Environment Agency said it would monitor river levels closely over coming weeks",
         span="The Environment Agency said it would monitor river levels closely over the coming weeks",
         n="'the' dropped before coming weeks"),
    dict(a="drought", s=A, c="meaning-number", kind="number",
         q="after the driest spring in 60 years left reservoirs at less than half capacity",
         span="after the driest spring in 90 years left reservoirs at less than half capacity",
         n="90 years -> 60 years"),
    dict(a="drought", s=A, c="meaning-negation", kind="negation",
         q="If we act now, we cannot avoid far tougher measures later.",
         span="If we act now, we can avoid far tougher measures later.",
         n="can -> cannot"),
    dict(a="drought", s=U, c="spliced",
         q="We have to protect supplies while the company lets millions of litres pour into the ground",
         frags=["we have to protect supplies", "while the company lets millions of litres pour into the ground"],
         n="the company's words joined to its critic's, paragraphs apart"),
    dict(a="drought", s=U, c="boilerplate", q="How to save water at home this summer",
         n="only in the 'Read more:' line"),
    dict(a="drought", s=F, c="speaker-according-to",
         q="Customers are being told to save every drop while the company lets millions of liters pour into the ground",
         span="Customers are being told to save every drop while the company lets millions of litres pour into the ground",
         speaker="Lucy Marsh", cue="she said", credited="Lucy Marsh", ok=True,
         n="litres -> liters; 'According to Lucy Marsh … she said'; correct speaker"),

    # ---------------------------------------------------------------- probe
    dict(a="probe", s=E, c="exact", q="A valve can be replaced. A spacecraft cannot.",
         n="Grant's second quotation, verbatim"),
    dict(a="probe", s=E, c="exact",
         q="It aims to map water ice in craters near the Moon’s south pole, which never see sunlight.",
         n="narrative sentence, verbatim with curly apostrophe"),
    dict(a="probe", s=E, c="exact", q="the delay will add about £400,000 to the cost of the mission",
         n="reported speech after 'According to Grant', verbatim"),
    dict(a="probe", s=N, c="benign-punctuation", q="We have waited six years.",
         n="full stop where the source has a comma before the attribution"),
    dict(a="probe", s=N, c="benign-curly", q="Professor Naomi Grant, the mission's principal investigator",
         n="curly apostrophe in mission’s made straight"),
    dict(a="probe", s=F, c="benign-spelling",
         q="The £38 million mission is the centerpiece of the university’s space science program",
         span="The £38 million mission is the centrepiece of the university’s space science programme",
         n="centrepiece -> centerpiece and programme -> program"),
    dict(a="probe", s=F, c="benign-bracket",
         q="the valve had been supplied by a subcontractor and that [Nordlys Aerospace’s] rocket was unaffected",
         span="the valve had been supplied by a subcontractor and that its rocket was unaffected",
         n="'its' replaced by the editorial bracket [Nordlys Aerospace’s]"),
    dict(a="probe", s=A, c="meaning-date", kind="date",
         q="The probe had been due to lift off on 24 October from a spaceport in northern Norway",
         span="The probe had been due to lift off on 14 October from a spaceport in northern Norway",
         n="14 October -> 24 October"),
    dict(a="probe", s=A, c="meaning-name", kind="name",
         q="Its chief operating officer, Erik Larsen, said a new date would be set",
         span="Its chief operating officer, Erik Sandvik, said a new date would be set",
         n="Sandvik -> Larsen"),
    dict(a="probe", s=U, c="paraphrased",
         q="Naturally we are let down, but double-checking every part is the whole point of testing",
         n="heavy paraphrase of Grant's first quotation"),
    dict(a="probe", s=U, c="fabricated",
         q="The probe may never fly if the university cannot find additional funding",
         n="invented warning; not in the text"),
    dict(a="probe", s=E, c="misattributed", q="We can wait another month.",
         speaker="Naomi Grant", cue="he said", credited="Kwame Asante", ok=False,
         n="student Asante's continuation quotation credited to the principal investigator"),

    # ---------------------------------------------------------------- tribunal (HTML entities)
    dict(a="tribunal", s=E, c="exact", q="many tenants are afraid to complain for fear of eviction",
         n="reported speech after 'According to its policy director, Tom Brennan'"),
    dict(a="tribunal", s=E, c="exact", q="the firm had ignored an improvement notice for five months",
         n="reported speech after 'She added that'"),
    dict(a="tribunal", s=E, c="exact",
         q="He said the problems had been caused in part by tenants drying clothes indoors",
         n="narrative sentence, verbatim"),
    dict(a="tribunal", s=N, c="benign-html-entity",
         q="Hartley & Stone Lettings had failed to carry out repairs at a block of 12 flats",
         n="source has &amp;, quote has a plain ampersand"),
    dict(a="tribunal", s=N, c="benign-html-entity",
         q="Judge Helen Morris said in her written decision that the company’s conduct had been",
         n="source has &#8217;, quote has the curly apostrophe itself"),
    dict(a="tribunal", s=F, c="benign-cannot", q="We cannot keep treating damp as a lifestyle problem.",
         span="We can not keep treating damp as a lifestyle problem.",
         n="can not -> cannot"),
    dict(a="tribunal", s=F, c="benign-article",
         q="A landlord who let tenants live for more than a year with black mould and broken boiler",
         span="A landlord who let tenants live for more than a year with black mould and a broken boiler",
         n="'a' dropped before broken boiler"),
    dict(a="tribunal", s=A, c="meaning-date", kind="date", q="must repay £23,000 in rent, a tribunal ruled on Monday",
         span="must repay £23,000 in rent, a tribunal ruled on Friday",
         n="Friday -> Monday"),
    dict(a="tribunal", s=A, c="meaning-number", kind="number",
         q="more than 90,000 rented homes in England had a serious hazard",
         span="more than 900,000 rented homes in England had a serious hazard",
         n="900,000 -> 90,000"),
    dict(a="tribunal", s=U, c="boilerplate", q="Ashborough council to license all private landlords",
         n="only in the 'Read more:' line"),
    dict(a="tribunal", s=U, c="paraphrased",
         q="The decision makes it plain that renters should never have to put up with unsafe housing",
         n="heavy paraphrase of Rahman's first quotation"),
    dict(a="tribunal", s=E, c="misattributed", q="If other tenants are living like this, we want to know",
         speaker="Aisha Rahman", cue="he said", credited="Mark Ellison", ok=False,
         n="councillor Ellison's words credited to the tenants' representative"),

    # ---------------------------------------------------------------- flights
    dict(a="flights", s=E, c="exact", q="The timing could hardly be worse.",
         n="Frost's continuation quotation, verbatim"),
    dict(a="flights", s=E, c="exact", q="forced controllers to process flight plans by hand",
         n="narrative clause from the lead"),
    dict(a="flights", s=E, c="exact", q="Nobody has told us anything",
         n="Lowe's first quotation without the comma"),
    dict(a="flights", s=N, c="benign-dash",
         q="Passengers deserve to know what went wrong and why the back–up system did not take over",
         n="hyphen in back-up written as an en dash"),
    dict(a="flights", s=N, c="benign-case", q="we have just been watching the board turn red",
         n="first letter lower-cased"),
    dict(a="flights", s=F, c="benign-spelling",
         q="I want to apologize to every passenger whose journey has been disrupted today",
         span="I want to apologise to every passenger whose journey has been disrupted today",
         n="apologise -> apologize"),
    dict(a="flights", s=F, c="benign-ellipsis",
         q="Our engineers worked as quickly as they could … a fault of this kind cannot be rushed",
         frags=["Our engineers worked as quickly as they could", "a fault of this kind cannot be rushed"],
         n="', but' elided inside one sentence"),
    dict(a="flights", s=A, c="meaning-negation", kind="negation",
         q="The organisation said the fault had been identified and that there was evidence of a cyberattack",
         span="The organisation said the fault had been identified and that there was no evidence of a cyberattack",
         n="'no' removed"),
    dict(a="flights", s=A, c="meaning-name", kind="name",
         q="Teacher Emma Lowe, travelling to Madrid with her two children, had been waiting for six hours",
         span="Teacher Emma Lowe, travelling to Lisbon with her two children, had been waiting for six hours",
         n="Lisbon -> Madrid"),
    dict(a="flights", s=U, c="spliced",
         q="Our engineers worked as quickly as they could because planes and crews were out of position",
         frags=["Our engineers worked as quickly as they could", "because planes and crews were out of position"],
         n="Hale's quotation joined to a later narrative clause about airlines, paragraphs apart"),
    dict(a="flights", s=U, c="fabricated",
         q="Air traffic control staff had warned managers for months that the system was close to collapse",
         n="invented claim; not in the text"),
    dict(a="flights", s=N, c="speaker-correct", q="A fault of this kind cannot be rushed.",
         span="a fault of this kind cannot be rushed.",
         speaker="Simon Hale", cue="said chief executive Simon Hale", credited="Simon Hale", ok=True,
         n="first letter capitalised; continuation after 'said chief executive Simon Hale'; correct speaker"),
]

# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------

SINGLE_QUOTES = "‘’‚‛′`"
DOUBLE_QUOTES = "“”„‟″«»"
DASHES = "‐‑‒–—―−"
EDGE_PUNCT = "\"'.,;:!?()-…" + SINGLE_QUOTES + DOUBLE_QUOTES + DASHES
BOILERPLATE_LINE = re.compile(r"^(Advertisement|Share this article|Read more:.*)$")
ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")
SENTENCE_END = re.compile(r"[.!?][”\"’']?(?:\s|$)")

BRIT_US = {
    "programme": "program", "programmes": "programs", "defence": "defense",
    "organisation": "organization", "organising": "organizing", "colour": "color",
    "centre": "center", "centrepiece": "centerpiece", "recognise": "recognize",
    "apologise": "apologize", "litres": "liters",
}
US_BRIT = {v: k for k, v in BRIT_US.items()}
ARTICLE_WORDS = {"a", "an", "the"}
NEGATION_WORDS = {"not", "no", "never", "cannot", "can't", "don't", "won't", "nobody", "none"}
DATE_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "spring", "summer", "autumn", "winter",
    "today", "yesterday", "tomorrow", "week", "month", "year",
}


def norm(s: str) -> str:
    """Benign normalisation: entities, quote marks, dashes, whitespace, case."""
    s = html.unescape(s)
    s = s.translate({ord(c): "'" for c in SINGLE_QUOTES})
    s = s.translate({ord(c): '"' for c in DOUBLE_QUOTES})
    s = s.translate({ord(c): "-" for c in DASHES})
    s = re.sub(r"\s+", " ", s.replace("\xa0", " "))
    return s.strip().lower()


def norm_quote(q: str) -> str:
    return norm(q).strip(EDGE_PUNCT + " ")


def words(s: str) -> list[str]:
    """Lower-cased word tokens of normalised text; an [editorial bracket] is one token."""
    s = re.sub(r"\[([^\]]*)\]", lambda m: "[" + m.group(1).replace(" ", "_") + "]", norm(s))
    out = []
    for tok in s.split():
        tok = tok.strip("\"'.,;:!?()…-")
        if tok:
            out.append(tok)
    return out


def whole_word_at(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and text[start].isalnum()) and not (
        after.isalnum() and text[end - 1].isalnum())


def find_whole(text: str, sub: str) -> list[int]:
    hits, i = [], text.find(sub)
    while i != -1:
        if whole_word_at(text, i, i + len(sub)):
            hits.append(i)
        i = text.find(sub, i + 1)
    return hits


def normalized_match(source: str, quote: str) -> bool:
    nq = norm_quote(quote)
    return bool(nq) and bool(find_whole(norm(source), nq))


def boilerplate_spans(source: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in source.split("\n"):
        if BOILERPLATE_LINE.match(line.strip()):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def ops(a: list[str], b: list[str]) -> list[tuple[str, list[str], list[str]]]:
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return [(t, a[i1:i2], b[j1:j2]) for t, i1, i2, j1, j2 in sm.get_opcodes() if t != "equal"]


def benign_op(src: list[str], qt: list[str]) -> bool:
    if len(src) == 1 and len(qt) == 1:
        s, q = src[0], qt[0]
        if BRIT_US.get(s) == q or US_BRIT.get(s) == q:
            return True
        if q.startswith("[") and q.endswith("]"):
            return True
    if (src, qt) in ((["can", "not"], ["cannot"]), (["cannot"], ["can", "not"])):
        return True
    if not src and len(qt) == 1 and qt[0] in ARTICLE_WORDS:
        return True
    if not qt and len(src) == 1 and src[0] in ARTICLE_WORDS:
        return True
    if qt and len(qt) == 1 and qt[0].startswith("[") and qt[0].endswith("]") and 1 <= len(src) <= 3:
        return True
    return False


def longest_run(a: list[str], b: list[str]) -> int:
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return max((m.size for m in sm.get_matching_blocks()), default=0)


def best_window_ratio(q: list[str], s: list[str]) -> float:
    n = len(q)
    best = 0.0
    for i in range(0, max(1, len(s) - n + 1)):
        r = difflib.SequenceMatcher(a=q, b=s[i:i + n], autojunk=False).ratio()
        best = max(best, r)
    return best


def word_count(s: str) -> int:
    return sum(1 for t in s.split() if any(ch.isalnum() for ch in t))


def check_speaker(case: dict, source: str, people: list[str]) -> None:
    speaker, credited, cue = case["speaker"], case["credited"], case["cue"]
    assert speaker in people and credited in people, case
    assert case["ok"] == (speaker == credited), case
    span = case.get("span", case["q"])
    sp = source.find(span)
    assert sp != -1, case
    cue_hits = [m.start() for m in re.finditer(r"(?<![A-Za-z])" + re.escape(cue) + r"(?![A-Za-z])", source)]
    assert cue_hits, ("cue not found", case)
    cp = min(cue_hits, key=lambda p: abs(p - sp))
    assert abs(cp - sp) <= 400, ("cue too far", case)

    def mentions(person: str) -> list[int]:
        names = {person, person.split()[-1], person.split()[0]}
        pos = []
        for nm in names:
            pos += [m.start() for m in re.finditer(r"\b" + re.escape(nm) + r"\b", source)]
        return pos

    lo, hi = min(cp, sp), max(cp, sp)
    if re.fullmatch(r"(he|she) (said|added|wrote)", cue):
        # Pronoun: the credited person is the one most recently named before the cue.
        last = {p: max([m for m in mentions(p) if m < cp], default=-1) for p in people}
        assert max(last, key=last.get) == credited and last[credited] >= 0, ("pronoun", case, last)
    else:
        assert credited.split()[-1] in cue, ("cue does not name the credited person", case)
        # Nobody else is named between the cue and the quote.
        for p in people:
            if p != credited:
                assert not any(lo < m < hi for m in mentions(p)), ("other name between", case, p)
    if not case["ok"]:
        assert speaker.split()[-1] not in cue, case
        assert mentions(speaker), ("wrong speaker must appear in the article", case)


def check_case(case: dict) -> None:
    art = ARTICLES[case["a"]]
    source, q, status = art["text"], case["q"], case["s"]
    wc = word_count(q)
    assert 4 <= wc <= 30, ("quote length", wc, case)
    in_furniture = lambda pos: any(a <= pos < b for a, b in boilerplate_spans(source))  # noqa: E731

    if status == "exact":
        hits = find_whole(source, q)
        assert hits, ("exact: not a whole-word substring", case)
        assert not all(in_furniture(h) for h in hits), case
    elif case["c"] != "boilerplate":  # boilerplate is a substring, but only of page furniture
        assert q not in source, ("non-exact quote is a substring", case)

    if status == "normalized":
        assert normalized_match(source, q), ("normalized: no match after normalisation", case)
        assert not any(norm_quote(q) in norm(source[a:b]) for a, b in boilerplate_spans(source)), case

    if status in ("fuzzy", "altered", "unsupported"):
        if case["c"] != "boilerplate":
            assert not normalized_match(source, q), ("matches after normalisation", case)

    if status == "fuzzy":
        if case["c"] == "benign-ellipsis":
            frags = case["frags"]
            assert [f for f in ELLIPSIS.split(q) if f] == frags, case
            pos = 0
            for i, f in enumerate(frags):
                hits = find_whole(source, f)
                assert len(hits) == 1, ("fragment must occur once", f, hits)
                start = hits[0]
                if i:
                    gap = source[pos:start]
                    assert start > pos and 1 <= len(gap) <= 250, ("gap", gap)
                    assert "\n" not in gap, ("paragraph break in gap", gap)
                    assert len(SENTENCE_END.findall(gap)) <= 2, ("too many sentences", gap)
                pos = start + len(f)
        else:
            span = case["span"]
            assert find_whole(source, span), ("fuzzy span not in source", case)
            diff = ops(words(span), words(q))
            assert diff, ("no word-level difference", case)
            for _, src_toks, q_toks in diff:
                assert benign_op(src_toks, q_toks), ("non-benign op", src_toks, q_toks, case)

    if status == "altered":
        span = case["span"]
        assert find_whole(source, span), ("altered span not in source", case)
        assert wc >= 6, case
        diff = ops(words(span), words(q))
        assert len(diff) == 1, ("altered must differ by exactly one op", diff, case)
        _, src_toks, q_toks = diff[0]
        assert not benign_op(src_toks, q_toks), case
        assert len(src_toks) <= 1 and len(q_toks) <= 1, ("one word changed", diff, case)
        changed = src_toks + q_toks
        kind = case["kind"]
        if kind == "negation":
            assert any(t in NEGATION_WORDS for t in changed), case
        elif kind == "number":
            assert len(src_toks) == len(q_toks) == 1 and all(re.search(r"\d", t) for t in changed), case
        elif kind == "date":
            assert all(t in DATE_WORDS or re.fullmatch(r"\d+", t) for t in changed) and len(changed) == 2, case
        elif kind == "name":
            raw_q = re.findall(r"[\w’']+", q)
            raw_s = re.findall(r"[\w’']+", span)
            new = [t for t in raw_q if t.lower() in q_toks]
            old = [t for t in raw_s if t.lower() in src_toks]
            assert new and old and new[0][0].isupper() and old[0][0].isupper(), case
        elif kind == "word":
            assert len(changed) == 2 and all(t.isalpha() and t.islower() for t in changed), case
        else:
            raise AssertionError(kind)

    if status == "unsupported":
        cat = case["c"]
        if cat in ("fabricated", "paraphrased"):
            qw, sw = words(q), words(source)
            run = longest_run(qw, sw)
            ratio = best_window_ratio(qw, sw)
            assert run <= 3, ("shares too long a run with the source", run, case)
            assert ratio < 0.5, ("too similar to some window of the source", ratio, case)
            case["_run"], case["_ratio"] = run, round(ratio, 3)
        elif cat == "spliced":
            frags = case["frags"]
            expected = []
            for i, f in enumerate(frags):
                if i and case.get("joiner"):
                    expected += words(case["joiner"])
                expected += words(f)
            assert words(q) == expected, ("spliced quote is not its fragments", case)
            ns = norm(source)
            starts = []
            for f in frags:
                hits = find_whole(ns, norm_quote(f))
                assert len(hits) == 1, ("fragment must occur once", f)
                starts.append((hits[0], hits[0] + len(norm_quote(f))))
            (s1, e1), (s2, e2) = starts
            gap = ns[e1:s2] if s2 > e1 else ns[e2:s1]
            assert len(gap) >= 200, ("fragments too close", len(gap), case)
            assert len(SENTENCE_END.findall(gap)) >= 3, ("fewer than 3 sentences apart", case)
        elif cat == "boilerplate":
            nq = norm_quote(q)
            ns = norm(source)
            assert ns.count(nq) == 1, case
            hits = find_whole(source, q)
            assert len(hits) == 1 and in_furniture(hits[0]), ("not only in furniture", case)
        else:
            raise AssertionError(cat)

    if case.get("speaker"):
        assert status in ("exact", "normalized", "fuzzy"), case
        check_speaker(case, source, art["people"])


def main() -> int:
    for key, art in ARTICLES.items():
        wc = word_count(art["text"])
        assert 150 <= wc <= 300, (key, wc)
        assert "“" in art["text"] or "&#8220;" in art["text"], key
        assert any(BOILERPLATE_LINE.match(l.strip()) for l in art["text"].split("\n")), key
        assert len(art["people"]) >= 3, key

    per_article = Counter(c["a"] for c in CASES)
    assert set(per_article) == set(ARTICLES) and all(v == 12 for v in per_article.values()), per_article
    for key in ARTICLES:
        cs = [c for c in CASES if c["a"] == key]
        plain = Counter(c["s"] for c in cs if not c.get("speaker"))
        assert plain == Counter({E: 3, N: 2, F: 2, A: 2, U: 2}), (key, plain)
        assert sum(1 for c in cs if c.get("speaker")) == 1, key

    rows = []
    for i, case in enumerate(CASES, 1):
        check_case(case)
        flag = case["s"] in ("altered", "unsupported") or (bool(case.get("speaker")) and not case["ok"])
        rows.append({
            "id": f"h{i:03d}",
            "source_text": ARTICLES[case["a"]]["text"],
            "quote": case["q"],
            "speaker": case.get("speaker"),
            "expected_status": case["s"],
            "expected_flag": flag,
            "category": case["c"],
            "note": f"[{case['a']}] {case['n']}",
        })
    assert len({r["quote"] + r["source_text"] + str(r["speaker"]) for r in rows}) == len(rows)

    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")

    status_c = Counter(r["expected_status"] for r in rows)
    flag_c = Counter(r["expected_flag"] for r in rows)
    cat_c = Counter(r["category"] for r in rows)
    spk = [c for c in CASES if c.get("speaker")]
    print(f"wrote {len(rows)} cases on {len(ARTICLES)} articles to {OUT.relative_to(OUT.parents[2])}")
    print(f"flagged: {flag_c[True]}   not flagged: {flag_c[False]}")
    print(f"speaker given: {len(spk)} (correct {sum(c['ok'] for c in spk)}, "
          f"misattributed {sum(not c['ok'] for c in spk)})")
    print("\nby status:")
    for s in (E, N, F, A, U):
        print(f"  {s:<12} {status_c[s]:>3}")
    print("\nby category:")
    for c, n in sorted(cat_c.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {c:<22} {n:>3}")
    if "-v" in sys.argv:
        for c in CASES:
            if "_run" in c:
                print(f"  {c['a']:<9} {c['c']:<12} run={c['_run']} ratio={c['_ratio']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
