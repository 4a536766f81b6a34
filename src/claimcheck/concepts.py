"""Lexicon: words and phrases that name the same event or attribute, as data with examples.

Each concept lists surface words (any inflection; they are stemmed when the table is loaded, so
the table does not depend on the stemmer) and multi-word phrases (regular expressions, matched
before single words). Events start with "ev:" and are compared as events (match.similarity);
attributes start with "at:" and count like any other word, but one term for all their synonyms.
General across fields: nothing here names a corpus's subject. A word whose stem a common word of
another sense shares is left out ("initiate" would take "initiative", "bill" a law, "lower" a house).
"""

from __future__ import annotations

import re

from . import patterns

EVENTS: dict[str, str] = {
    "ev:start": "establish established establishment found founded founding create created creation start "
                "started starts began begin begins begun open opened opens opening inaugurate inaugurated "
                "inauguration form formed formation commence commenced "
                "commencement kick reopen reopened resume resumed restart launch launched launches launching "
                "introduce introduced debut debuted premiere premiered unveil unveiled",
    "ev:end": "end ended ends discontinue discontinued close closed closure terminate terminated termination "
              "conclude concluded conclusion withdraw withdrew withdrawn withdrawal dissolve "
              "dissolved dissolution disband disbanded cease ceased shut suspend suspended retire retired "
              "retirement abandon abandoned expire expired disconnect disconnected disconnects",
    "ev:decide": "agree agreed agreement decide decided decision approve approved approval adopt adopted adoption resolve resolved endorse endorsed",
    "ev:sign": "sign signed signing ratify ratified ratification accede acceded",
    "ev:grow": "expand expanded expansion increase increased grow grew grown growth extend extended enlarge "
               "raise raised boost boosted double doubled triple tripled rise rose risen climb climbed surge "
               "surged jump jumped",
    "ev:shrink": "reduce reduced reduction decrease decreased cut cuts shrink shrank fall fell "
                 "fallen drop dropped decline declined",
    "ev:join": "join joined member members membership accession admit admitted",
    "ev:train": "train trained training instruct instructed teach taught mentor mentored",
    "ev:visit": "visit visited meet met meeting summit summits conference conferences",
    "ev:request": "request requested ask asked appeal appealed invite invited invitation",
    "ev:kill": "kill killed killing die died dies dying dead death deaths fatality fatalities perish perished "
               "drown drowned toll",
    "ev:win": "win won wins victory defeat defeated beat beaten triumph",
    "ev:land": "land landed landing touchdown arrive arrived arrival",
    "ev:build": "build built construct constructed construction dig digging dug bore boring tunnelling "
                "tunneling excavate excavation",
    "ev:complete": "complete completed completion finalise finalised finalize finalized finish finished",
    "ev:sink": "sink sank sunk sinking founder foundered",
    "ev:strike": "struck landfall ashore",
    "ev:elect": "elect elected election",
    "ev:announce": "announce announced announcement",
    "ev:acquire": "acquire acquired acquisition buy bought purchase purchased takeover merger",
    "ev:release": "release released publish published",
    "ev:appoint": "appoint appointed appointment",
    "ev:plead": "plead pleaded pleads pled plea pleas",
}
ATTRIBUTES: dict[str, str] = {
    "at:injury": "injure injured injuries injury wound wounded hurt",
    "at:survivor": "survive survived survivor survivors save saved rescue rescued",
    "at:cost": "cost costs costing price priced budget budgeted spend spending spent expenditure "
               "investment invest invested outlay",
    "at:revenue": "revenue revenues sales turnover income",
    "at:damage": "damage damages destruction",
    "at:profit": "profit profits earnings",
    "at:troops": "troop troops soldier soldiers personnel servicemen",
    "at:ship": "ship ships warship warships vessel vessels frigate frigates",
    "at:aircraft": "aircraft plane planes jet jets helicopter helicopters",
    "at:sortie": "sortie sorties flight flights",
    "at:staff": "staff employee employees worker workers workforce employ employs employed employing headcount "
                "staffer staffers",
    # Not "house" (the House voted) nor "household": a record that counts households beside homes and
    # houses ("Households evacuated: 41") would lose, merged, the word that tells its count apart.
    "at:home": "home homes dwelling dwellings residential housing property properties",
    "at:job": "job jobs role roles position positions",
    "at:resident": "resident residents inhabitant inhabitants population",
    "at:case": "case cases infection infections infected ill illness illnesses sick sickened",
    "at:passenger": "passenger passengers",
    "at:crowd": "crowd attendance spectator spectators fans attendee attendees audience audiences",
    "at:turnout": "turnout",
    "at:seat": "seat seats",
    "at:vote": "vote votes ballot ballots",
    "at:speed": "speed speeds wind winds",
    "at:length": "length long",
    "at:height": "height tall",
    "at:width": "width wide breadth",
    "at:depth": "depth deep",
    "at:weight": "weight weigh weighs weighed mass displacement",
    "at:capacity": "capacity accommodation accommodate accommodates accommodated",
    "at:aboard": "aboard onboard",
    "at:refusal": "deny denied denial refuse refused refusal",
    "at:goal": "goal goals",
    "at:country": "country countries nation nations",
    "at:peak": "peak peaks peaked",
    "at:target": "target targets targeted aim aims aimed",
    "at:value": "value valued valuation worth",
    "at:stolen": "steal steals stole stolen theft thefts haul loot looted",
    # A word for the dimension a unit measures is that dimension: "the temperature fell to -31C".
    "dim:temperature": "temperature temperatures",
}
# Words whose stem an event shares but whose common sense is another: "researchers found" (find, not
# founded), "the World Cup final" (not finalised), "the container terminal" (not terminated), "in
# the form of", "hit land", "close to". They keep their plain stem; the inflections that are
# unambiguous ("founded", "formed", "landed", "closed") still name the event.
AMBIGUOUS = frozenset("found final finals terminal terminals form forms land lands close".split())
# Nouns that name an event even capitalised, where a capitalised verb is part of a name ("the Global
# Coalition to Defeat ISIS"): "the NATO Summit in July" dates the summit, not the verb before it.
NAMED_EVENTS = frozenset("summit summits conference conferences".split())
# Several words for one concept, found before single words ("death toll" is one attribute).
PHRASES: tuple[tuple[str, str], ...] = (
    (r"c[oa]me?s?\s+into\s+(?:force|effect)|coming\s+into\s+(?:force|effect)|enter(?:s|ed|ing)?\s+into\s+force"
     r"|t[oa]ke?s?\s+effect|taking\s+effect|took\s+effect|went\s+into\s+(?:force|effect)|go(?:es)?\s+into\s+(?:force|effect)",
     "ev:start"),
    (r"set(?:s|ting)?\s+up|started?\s+up|took\s+office|(?:take|takes|took|taking)\s+(?:over\s+)?command|assum(?:e|es|ed|ing)\s+command"
     r"|got\s+(?:going|under\s+way|underway)|gets?\s+(?:going|under\s+way|underway)|broke\s+ground"
     r"|cut(?:s|ting)?\s+(?:the|a)\s+(?:\w+\s+)?ribbon", "ev:start"),
    # Taking the helm is being appointed, not the start of what one heads ("took the helm in 2019" is no opening).
    (r"(?:take|takes|took|taking)\s+(?:over\s+)?(?:the\s+)?(?:helm|reins|charge)", "ev:appoint"),
    (r"(?:lift(?:s|ed|ing)?|blast(?:s|ed|ing)?)\s+off|lift-?off|took\s+off", "ev:start"),
    (r"switch(?:es|ed|ing)?\s+on|fir(?:es|ed|ing)\s+up|power(?:s|ed|ing)?\s+up|w[ae]nt\s+live|goes\s+live|going\s+live"
     r"|c[oa]me?s?\s+(?:on\s*line|into\s+service)|coming\s+(?:on\s*line|into\s+service)|enter(?:s|ed|ing)?\s+service",
     "ev:start"),
    (r"shut(?:s|ting)?\s+down|clos(?:e|es|ed|ing)\s+down|step(?:s|ped|ping)?\s+down|wound\s+up|left\s+office"
     r"|came\s+to\s+an\s+end|brought\s+to\s+an\s+end", "ev:end"),
    (r"touch(?:es|ed|ing)?\s+down", "ev:land"),
    (r"(?:clos(?:e|es|ed|ing)|seal(?:s|ed|ing)?)\s+(?:the|its|a)\s+(?:deal|acquisition|takeover|merger)", "ev:complete"),
    (r"lives\s+(?:were\s+)?lost|los[te]\s+(?:their|his|her)\s+lives|death\s+toll|dead\s+and\s+missing", "ev:kill"),
    # A storm's centre reaching the coast is its landfall ("Its center reached the coast at 1110 UTC 29 August"),
    # and a storm or a vehicle that slams into a place strikes it.
    (r"made\s+landfall|c[oa]me?s?\s+ashore|hit\s+land|reach(?:es|ed|ing)?\s+(?:the\s+)?(?:coast|coastline|shore)"
     r"|slam(?:s|med|ming)?\s+into", "ev:strike"),
    # A bill is a law as often as an amount owed: only where it plainly costs something.
    (r"price\s+tag|(?:bill|price)\s+(?:came|comes|stood|stands|climbed|rose|reached|topped)|put(?:s|ting)?\s+the\s+bill\s+at"
     r"|(?:final|total|overall|eventual|damage|repair|wage|construction|insured|insurance|salvage|clean-?up|energy|fuel"
     r"|legal|compensation)\s+bill", "at:cost"),
    # "At its height" is its peak, no measure of height: "at the height of the search, 1,200 people".
    (r"at\s+(?:the|its|their|his|her)\s+height", "at:peak"),
    (r"break-?through|broke\s+through|holed\s+through", "ev:complete"),
    # Admitting charges is pleading guilty, not joining: "admitted 27 charges" is the record's "Guilty pleas".
    (r"admit(?:s|ted|ting)?\s+(?:all\s+|the\s+)?(?:[\d,]+\s+|\w+\s+)?(?:charges?|offences?|offenses?|counts?)", "ev:plead"),
    (r"on\s+board", "at:aboard"),
    (r"made\s+off\s+with|got\s+away\s+with", "at:stolen"),
    # Signing off on a plan is approving it, not signing a treaty: "the legislature signed off on $2.35bn".
    (r"sign(?:s|ed|ing)?\s+off", "ev:decide"),
    # A green light is an approval: "the mission got the green light in November 2016", "was green-lit".
    (r"green[\s-]+light(?:ed|s)?|green-?lit", "ev:decide"),
    (r"room\s+for", "at:capacity"),
    (r"from\s+end\s+to\s+end|overall\s+length", "at:length"),
)
# Pairs of expressions from several fields that must share a concept (tested).
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("the death toll rose to 3,117", "3,117 people were killed"),
    ("1,503 people died", "Lives lost: 1,490"),
    ("the rocket lifted off on 30 July", "the mission was launched"),
    ("the rover blasted off", "Launch: July 30, 2020"),
    ("the wind farm got fired up in July", "full operation started on 27 July"),
    ("the new line went live on Monday", "services began on 14 October"),
    ("the reactor came online in 2019", "the unit entered service in 2019"),
    ("Microsoft closed the deal", "completed the acquisition"),
    ("General Smith took command", "assumed command of the force"),
    ("its price tag was $2.46 billion", "the cost was $2.4 billion"),
    ("the treaty came into force", "entered into force on 4 November"),
    ("the storm made landfall near Buras", "it came ashore in Louisiana"),
    ("the lander touched down", "landing on 18 February"),
    ("it had briefly hit land in Florida", "its first landfall"),
    ("its center reached the coast near Buras", "the hurricane came ashore in Louisiana"),
    ("Hurricane Katrina slams into the Gulf Coast", "it made landfall near Buras"),
    ("12,000 soldiers", "troops"),
    ("a crowd of 88,966", "attendance: 88,966"),
    ("2,310 employees", "Staff: 2,310"),
    ("Corvane to cut about 1,700 jobs", "Positions eliminated: 1,700"),
    ("the distillery now employs 76 people", "Employees: 74 (2025)"),
    ("more than 19,000 homes were destroyed", "residential properties destroyed: 18,460"),
    ("the barrier protects more than 100,000 homes", "Properties protected: 96,000"),
    ("12 warships", "ships on patrol"),
    ("711 were saved", "survivors"),
    ("2,200 people aboard", "Persons on board: 2,201"),
    ("room for just 1,180", "Boat accommodation: 1,178"),
    ("92 feet wide", "Breadth: 92.6 feet"),
    ("the north tunnel was holed through", "rail tunnel breakthrough"),
    ("eleven were refused entry", "vessels denied transit"),
    ("the firm admitted 27 charges last October", "Guilty pleas: 9 October 2023"),
    ("they pleaded guilty in October", "guilty pleas entered"),
    ("the damage bill came to $2.1 billion", "the total cost was $2.2 billion"),
    ("who took the helm in 2020", "was appointed chief executive in 2020"),
    ("the mayor cut the ribbon on Thursday", "the plant opened on 14 May"),
    ("the spire was finished on 4 May", "4 April 2022 - spire completed"),
    ("at the height of the search", "at its peak, 1,200 people"),
    ("the institute aims to perform 800 transplants", "a target of 800 transplants"),
    ("the deal was worth $3.04 billion", "a value of $3.04 billion"),
    ("the legislature signed off on it in March 2017", "14 March 2017 – Legislature approves funding"),
    ("the mission got the green light in November 2016", "the board approved the mission"),
    ("More than 20,500 fans crammed into the arena", "Attendance: 20,417"),
    ("In all, 326 people fell ill", "Total cases: 362"),
    ("The gang made off with £3,168,450", "Stolen: £3,186,450 in cash"),
    ("leaders met at the summit in July", "the summit was held in Brussels"),
    ("delegates gathered for the conference", "the meeting opened on 3 May"),
    ("Caldera's headcount at the bankruptcy filing", "the workforce had been reduced to 112"),
)


def compile_phrases() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The phrase table as compiled patterns."""
    return tuple((patterns.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), concept) for pattern, concept in PHRASES)


def compile_any_phrase() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One pattern that finds whether any phrase of the table occurs: for any text, and for lower-cased ASCII.

    The second, without IGNORECASE, scans several times faster; it serves only ASCII text, where
    lower() folds case as IGNORECASE does (elsewhere IGNORECASE also folds 'ſ' to 's' and 'K' to 'k').
    """
    alternation = rf"\b(?:{'|'.join(f'(?:{pattern})' for pattern, _ in PHRASES)})\b"
    return patterns.compile(alternation, re.IGNORECASE), patterns.compile(alternation)
