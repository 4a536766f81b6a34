"""Word tables shared by the extraction rules: months, number words, units, context words."""

from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Months are matched capitalised only: "may", "march" and "august" are ordinary words in lower case.
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

# Parts of a year or month: the fraction of the period each covers (start, end), in thirds.
PARTS = {
    "early": (0, 1), "beginning": (0, 1), "start": (0, 1), "mid": (1, 2), "middle": (1, 2),
    "late": (2, 3), "end": (2, 3), "first half": (0, 1.5), "second half": (1.5, 3),
}

UNITS_0_19 = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
          # South Asian scales after digits: "Rs 450 crore" is 4.5 billion rupees.
          "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}
# Abbreviated scales that follow digits: "5bn", "3.2 mln", "$4m" (m and k only after a currency).
SCALE_ABBREVIATIONS = {"bn": 1e9, "bln": 1e9, "b": 1e9, "mn": 1e6, "mln": 1e6, "mil": 1e6, "tn": 1e12, "m": 1e6, "k": 1e3}
NUMBER_WORDS = {**UNITS_0_19, **TENS}

# Currency: surface form -> ISO code.
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "C$": "CAD", "CA$": "CAD",
                    "A$": "AUD", "AU$": "AUD",
                    # Other dollars: "S$1.2 billion" is Singapore's, never US dollars.
                    "S$": "SGD", "HK$": "HKD", "NZ$": "NZD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN",
                    "₱": "PHP", "₦": "NGN", "₩": "KRW", "₺": "TRY", "₽": "RUB", "₴": "UAH", "₪": "ILS", "฿": "THB",
                    "₫": "VND", **{prefix: code for code, prefixes in (("MYR", "RM"), ("INR", "Rs Rs."), ("IDR", "Rp"),
                                                                        ("KES", "KSh")) for prefix in prefixes.split()}}
# The prefixes above written in letters, and glued to the digits as often as not ("RM5.9 billion",
# "Rs 450"): a number may start right after one, where after any other letters it is part of a name.
LETTER_CURRENCY_PREFIXES = tuple(sorted(k for k in CURRENCY_SYMBOLS if k[0].isalpha() and "$" not in k))
CURRENCY_WORDS = {
    "usd": "USD", "eur": "EUR", "euro": "EUR", "euros": "EUR", "gbp": "GBP", "jpy": "JPY", "chf": "CHF",
    "cad": "CAD", "aud": "AUD", "cny": "CNY", "inr": "INR", "dollar": "USD", "dollars": "USD",
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "franc": "CHF", "francs": "CHF",
    # Alone, these are read as one country's; compare reads them as the local one where the record names it.
    "peso": "MXN", "pesos": "MXN", "krone": "NOK", "kroner": "NOK", "krona": "SEK", "kronor": "SEK",
    # ISO 4217 codes written before or after an amount ("NOK 640 million", "2,000 SEK").
    **{code.lower(): code for code in (
        "NOK SEK DKK ISK PLN CZK HUF RON BGN RUB UAH TRY ILS SAR AED QAR KWD EGP NGN KES ZAR BRL MXN ARS "
        "CLP COP PEN KRW SGD HKD TWD NZD THB IDR MYR PHP VND PKR BDT").split()},
}
# A country's adjective before a currency word names the currency ("45 million Canadian dollars" is not
# US dollars, "85,000 French francs" not Swiss ones); the word alone keeps CURRENCY_WORDS' reading.
# Currency word (its forms) -> {adjective: ISO code}.
NATIONAL_CURRENCIES: dict[tuple[str, ...], dict[str, str]] = {
    ("dollar", "dollars"): {"us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
                            "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD",
                            "new taiwan": "TWD", "jamaican": "JMD", "namibian": "NAD", "fijian": "FJD"},
    ("franc", "francs"): {"swiss": "CHF", "french": "FRF", "belgian": "BEF", "luxembourg": "LUF", "rwandan": "RWF",
                          "congolese": "CDF", "guinean": "GNF"},
    ("rupee", "rupees"): {"indian": "INR", "pakistani": "PKR", "sri lankan": "LKR", "nepalese": "NPR",
                          "mauritian": "MUR"},
    ("pound", "pounds"): {"british": "GBP", "egyptian": "EGP", "lebanese": "LBP", "syrian": "SYP", "sudanese": "SDG"},
    ("peso", "pesos"): {"mexican": "MXN", "argentine": "ARS", "argentinian": "ARS", "chilean": "CLP",
                        "colombian": "COP", "philippine": "PHP", "uruguayan": "UYU", "cuban": "CUP",
                        "dominican": "DOP"},
    ("krona", "kronor"): {"swedish": "SEK"},
    ("krona", "kronur"): {"icelandic": "ISK"},
    ("krone", "kroner"): {"norwegian": "NOK", "danish": "DKK"},
    ("shilling", "shillings"): {"kenyan": "KES", "ugandan": "UGX", "tanzanian": "TZS"},
}
# Every currency code the tables give: what makes a unit money.
CURRENCY_UNITS = (frozenset(CURRENCY_SYMBOLS.values()) | frozenset(CURRENCY_WORDS.values())
                  | frozenset(code for table in NATIONAL_CURRENCIES.values() for code in table.values()))

# Units of measure: surface form -> (canonical unit, dimension, factor to the dimension's base unit).
_UNIT_TABLE = [
    (("km", "kilometre", "kilometres", "kilometer", "kilometers"), "km", "length", 1000.0),
    (("m", "metre", "metres", "meter", "meters"), "m", "length", 1.0),
    (("cm", "centimetre", "centimetres", "centimeter", "centimeters"), "cm", "length", 0.01),
    (("mm", "millimetre", "millimetres", "millimeter", "millimeters"), "mm", "length", 0.001),
    (("mi", "mile", "miles", "statute mile", "statute miles"), "mi", "length", 1609.344),
    (("ft", "foot", "feet", "footer", "footers"), "ft", "length", 0.3048),  # "the 72-footer": a boat of 72 feet
    (("in", "inch", "inches"), "in", "length", 0.0254),
    (("yd", "yard", "yards"), "yd", "length", 0.9144),
    (("nmi", "n mi", "nautical mile", "nautical miles"), "nmi", "length", 1852.0),
    # Astronomy's distances: an asteroid's miss distance in lunar distances, an orbit in AU
    (("au", "astronomical unit", "astronomical units"), "AU", "length", 149597870700.0),
    (("ld", "lunar distance", "lunar distances"), "LD", "length", 384400000.0),
    (("light-year", "light-years", "light year", "light years"), "ly", "length", 9460730472580800.0),
    (("nm", "nanometre", "nanometres", "nanometer", "nanometers"), "nm", "length", 1e-9),  # "nm": see NM_NAUTICAL_CUES
    (("kg", "kilogram", "kilograms", "kilo", "kilos"), "kg", "mass", 1000.0),
    (("g", "gram", "grams"), "g", "mass", 1.0),
    (("mg", "milligram", "milligrams"), "mg", "mass", 0.001),
    (("t", "tonne", "tonnes", "metric ton", "metric tons", "metric tonne", "metric tonnes"), "t", "mass", 1e6),
    (("gigatonne", "gigatonnes", "gigaton", "gigatons"), "Gt", "mass", 1e15),  # ice and carbon; not "GT", gross tonnage
    # "Mt" only so written after a figure ("21.3Mt" of ore; "MT" and "mt" are metric tons: quantities._unit_of),
    # and "Mtpa", a mine's or a plant's yearly tonnage read as its tonnage, as "1.9 million tonnes a year" is
    (("megatonne", "megatonnes", "mt", "mtpa"), "Mt", "mass", 1e12),
    # "kt" is knots unless the sentence speaks of tonnage (KILOTONNE_CUES): "210kt a year under the offtake"
    (("kilotonne", "kilotonnes", "kiloton", "kilotons", "ktpa"), "kt", "mass", 1e9),
    (("long ton", "long tons"), "long ton", "mass", 1016046.9088),
    (("ton", "tons"), "ton", "mass", 907184.74),
    (("lb", "lbs", "pound weight"), "lb", "mass", 453.59237),  # "pounds": mass or money, see POUND_MASS_CUES
    (("oz", "ounce", "ounces"), "oz", "mass", 28.349523125),
    (("l", "litre", "litres", "liter", "liters"), "l", "volume", 1.0),
    (("ml", "millilitre", "millilitres", "milliliter", "milliliters"), "ml", "volume", 0.001),  # "ML": megalitres
    (("megalitre", "megalitres", "megaliter", "megaliters"), "ML", "volume", 1e6),  # reservoirs and water mains
    (("hl", "hectolitre", "hectolitres", "hectoliter", "hectoliters"), "hl", "volume", 100.0),  # brewing, wine, grain
    (("gl", "gigalitre", "gigalitres", "gigaliter", "gigaliters"), "GL", "volume", 1e9),
    (("gallon", "gallons", "us gallon", "us gallons", "u.s. gallon", "u.s. gallons"), "gal", "volume", 3.785411784),
    (("imperial gallon", "imperial gallons", "imp gal"), "imp gal", "volume", 4.54609),
    (("barrel", "barrels", "bbl"), "bbl", "volume", 158.987294928),
    (("km2", "km²", "sq km", "square kilometre", "square kilometres", "square kilometer", "square kilometers"), "km2", "area", 1e6),
    (("sq mi", "square mile", "square miles"), "mi2", "area", 2589988.110336),
    (("m2", "m²", "sq m", "square metre", "square metres", "square meter", "square meters"), "m2", "area", 1.0),
    (("ft2", "ft²", "sq ft", "sq. ft.", "sqft", "square foot", "square feet"), "ft2", "area", 0.09290304),
    (("m3", "m³", "cu m", "cubic metre", "cubic metres", "cubic meter", "cubic meters"), "m3", "volume", 1000.0),
    (("acre-feet", "acre-foot", "acre feet", "acre foot", "acre-ft"), "acre-ft", "volume", 1233481.83754752),
    # Flow: a river's or a spillway's discharge ("6,850 cumecs", "242,000 cubic feet per second")
    (("m3/s", "m³/s", "cumec", "cumecs", "cubic metres per second", "cubic meters per second", "cubic metres a second",
      "cubic meters a second"), "m3/s", "flow", 1.0),
    (("cfs", "ft3/s", "ft³/s", "cubic feet per second", "cubic feet a second"), "cfs", "flow", 0.028316846592),
    (("ft3", "ft³", "cu ft", "cubic foot", "cubic feet"), "ft3", "volume", 28.316846592),
    (("km3", "km³", "cu km", "cubic km", "cubic kilometre", "cubic kilometres", "cubic kilometer", "cubic kilometers"),
     "km3", "volume", 1e12),
    (("hectare", "hectares", "ha"), "ha", "area", 1e4),
    (("acre", "acres"), "acre", "area", 4046.8564224),
    (("km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour", "km per hour"), "km/h", "speed", 1 / 3.6),
    (("mph", "miles per hour", "miles an hour"), "mph", "speed", 0.44704),
    (("knot", "knots", "kt", "kts"), "kn", "speed", 0.514444),
    (("m/s", "metres per second", "meters per second", "metre per second", "meter per second", "metres a second",
      "meters a second"), "m/s", "speed", 1.0),
    (("km/s", "kilometres per second", "kilometers per second", "kilometres a second", "kilometers a second",
      "km per second", "km a second"), "km/s", "speed", 1000.0),
    (("mi/s", "miles per second", "miles a second"), "mi/s", "speed", 1609.344),
    (("ft/s", "feet per second", "feet a second"), "ft/s", "speed", 0.3048),
    # Slow motions, by the day or the year: an iceberg's drift, a glacier's flow, a coast's retreat
    (("km/day", "km/d", "km per day", "km a day", "kilometres per day", "kilometres a day", "kilometers per day",
      "kilometers a day"), "km/day", "speed", 1000 / 86400),
    (("mi/day", "miles per day", "miles a day"), "mi/day", "speed", 1609.344 / 86400),
    (("km/yr", "km/year", "km per year", "km a year", "kilometres per year", "kilometres a year", "kilometers per year",
      "kilometers a year"), "km/yr", "speed", 1000 / 31557600),
    (("m/yr", "m/year", "m per year", "m a year", "metres per year", "metres a year", "meters per year", "meters a year"),
     "m/yr", "speed", 1 / 31557600),
    # Temperatures: base °C; °F and K also need UNIT_OFFSETS (212 °F is 100 °C).
    (("°c", "ºc", "° c", "degrees celsius", "degree celsius", "celsius", "degrees centigrade"), "°C", "temperature", 1.0),
    (("°f", "ºf", "° f", "degrees fahrenheit", "degree fahrenheit", "fahrenheit"), "°F", "temperature", 5 / 9),
    (("kelvin", "kelvins"), "K", "temperature", 1.0),  # a bare "K" after a space: see quantities.py
    (("mb", "mbar", "millibar", "millibars", "hpa", "hectopascal", "hectopascals"), "hPa", "pressure", 100.0),
    (("inhg", "inches of mercury"), "inHg", "pressure", 3386.389),
    # Force: an engine's thrust ("129 kN (29,000 lbf)", "29,000 lb of thrust"); "kn" in lower case is knots
    (("kn", "kilonewton", "kilonewtons"), "kN", "force", 1000.0),
    (("lbf", "pound-force", "pounds-force", "pounds of thrust", "lb of thrust", "lbs of thrust"), "lbf", "force",
     4.4482216152605),
    (("db", "dba", "db(a)", "decibel", "decibels"), "dB", "sound level", 1.0),  # "the 57dB daytime contour"
    (("hz", "hertz"), "Hz", "frequency", 1.0),
    (("khz", "kilohertz"), "kHz", "frequency", 1e3),
    (("mhz", "megahertz"), "MHz", "frequency", 1e6),
    (("ghz", "gigahertz"), "GHz", "frequency", 1e9),
    (("mah", "milliamp-hours", "milliampere-hours"), "mAh", "charge", 3.6),
    (("volt", "volts"), "V", "voltage", 1.0),  # not a bare "v": "Dekker v Ostara", "3 v 1"
    (("kv", "kilovolt", "kilovolts"), "kV", "voltage", 1e3),
    (("w", "watt", "watts"), "W", "power", 1.0),
    # A rating's qualifier is still the power: AC or DC, peak, electric or thermal ("820 MWac", "3,411 MWt").
    (("kw", "kilowatt", "kilowatts", "kwp", "kwac", "kwdc", "kwe"), "kW", "power", 1e3),
    (("mw", "megawatt", "megawatts", "mwac", "mwdc", "mwp", "mwe", "mwt"), "MW", "power", 1e6),
    (("gw", "gigawatt", "gigawatts", "gwac", "gwdc", "gwp", "gwe"), "GW", "power", 1e9),
    (("kwh", "kilowatt-hour", "kilowatt-hours", "kilowatt hours", "kilowatt hour"), "kWh", "energy", 3.6e6),
    (("mwh", "megawatt-hour", "megawatt-hours", "megawatt hours", "megawatt hour"), "MWh", "energy", 3.6e9),
    (("gwh", "gigawatt-hour", "gigawatt-hours", "gigawatt hours", "gigawatt hour"), "GWh", "energy", 3.6e12),
    (("twh", "terawatt-hour", "terawatt-hours", "terawatt hours", "terawatt hour"), "TWh", "energy", 3.6e15),
    (("second", "seconds", "sec", "secs", "s"), "s", "time", 1.0),
    (("minute", "minutes", "min", "mins"), "min", "time", 60.0),
    (("hour", "hours", "hr", "hrs", "h"), "h", "time", 3600.0),
    (("day", "days"), "day", "time", 86400.0),
    (("week", "weeks"), "week", "time", 604800.0),
    (("month", "months"), "month", "time", 2629746.0),
    (("year", "years", "yr", "yrs"), "year", "time", 31556952.0),
    (("decade", "decades"), "decade", "time", 315569520.0),
    (("megabyte", "megabytes"), "MB", "data", 1e6),  # "MB" in capitals: see quantities.py
    (("gb", "gigabyte", "gigabytes"), "GB", "data", 1e9),
    (("tb", "terabyte", "terabytes"), "TB", "data", 1e12),
    (("mg/l",), "mg/L", "concentration", 1.0),
    (("ppm",), "ppm", "ratio", 1e-6),
]
UNITS: dict[str, tuple[str, str, float]] = {
    form: (name, dimension, factor) for forms, name, dimension, factor in _UNIT_TABLE for form in forms
}
# A unit of several words is hyphenated before its noun: "a 112-square-kilometre patch", "a 2,550 nautical-mile crossing".
UNITS |= {form.replace(" ", "-"): unit for form, unit in UNITS.items() if " " in form and form.replace(" ", "-") not in UNITS}
# Units whose zero is not their dimension's zero: base value = value * factor + offset (°F to °C, K to °C).
# A temperature *difference* ("warming of 3.6 °F") converts with the factor alone.
UNIT_OFFSETS: dict[str, float] = {"°F": -32 * 5 / 9, "K": -273.15}
# Words in the sentence that make "nm" nanometres rather than nautical miles (the default at sea and in the air).
NM_NANO_CUES = frozenset(
    "chip chips chipmaker chipmakers processor processors transistor transistors semiconductor semiconductors "
    "node nodes process wavelength wavelengths light laser lasers nanometre nanometres lithography euv foundry "
    "wafer wafers ultraviolet infrared spectrum particle particles virus diameter".split()
)
# Words in the sentence that make "kt" kilotonnes rather than knots: a mine's, a plant's or a bomb's tonnage.
KILOTONNE_CUES = frozenset(
    "tonne tonnes tons ore output production produce produced producing mined mine mining guidance offtake "
    "reserve reserves resource concentrate spodumene lithium copper nickel zinc coal cathode carbonate hydroxide "
    "shipments shipped capacity stockpile yield tnt warhead bomb emissions co2 carbon pa year annual annually "
    "quarter qtr".split()
)
KNOT_CUES = frozenset(
    "wind winds gust gusts gusting speed speeds sustained airspeed groundspeed fast faster slow knots mph hurricane "
    "typhoon cyclone storm approach landing takeoff touchdown runway sailing sail yacht vessel ship".split()
)
# Words in the sentence that make "pounds" a weight rather than money.
POUND_MASS_CUES = frozenset(
    "weigh weighs weighed weighing weight weights heavy heavier lighter mass payload load cargo scales "
    "kilograms kilogram kg kilos tons tonnes ounces lb lbs thrust".split()
)
# Single letters that are units only beside a word of their dimension: "weighs 198 g", "at 198 g it
# is lighter", "67 W wired charging" (a bare "g" or "W" after a figure is as often a label or a code).
LETTER_UNIT_CUES = {
    "g": POUND_MASS_CUES | frozenset("grams gram kilogram kilograms".split()),
    "w": frozenset("charging charge charger charges power powered output motor engine rated consumption draw draws "
                   "watts wattage solar panel panels inverter amplifier speaker speakers laser bulb lamp".split()),
}
POUND_MONEY_CUES = frozenset(
    "cost costs costing price priced prices paid pay pays paying worth fund funds funding spend spending spent "
    "budget salary salaries wage wages fine fined fee fees fare fares profit profits revenue sold sell bought "
    "buy raise raised money sterling tax taxes debt loan loans deal bid bonus award compensation cash "
    "investment invested donated donation grant ticket tickets charge charged charges rent earn earned earns "
    "earning prize jackpot pension income sterling pence bill bills penalty penalties payment payments payout "
    "subsidy subsidies rebate refund allowance premium premiums".split()
)
# Minor units of a currency written right after digits ("41.8p", "35c", "99¢"): the value stays as written
# (41.8 pence), the unit says which currency and what part of it, so that 41.8p and £0.418 compare.
MINOR_CURRENCIES: dict[str, tuple[str, float]] = {"GBp": ("GBP", 0.01), "USc": ("USD", 0.01), "EURc": ("EUR", 0.01)}
# Words near "35c" that make it euro cents rather than US cents.
EURO_CUES = frozenset("euro euros eur eurozone".split())
# Words near "8C" or "95F" (a degree sign left out) that make it a temperature.
TEMPERATURE_CUES = frozenset(
    "temperature temperatures degrees heat heatwave cold freezing frost warm warmer warmest hot hotter hottest cool "
    "cooler chill thermometer highs lows high low celsius fahrenheit minus night overnight fever water temp temps"
    .split()
)
# Time zones and clock words after four digits that make them a time of day ("0945 GMT"), not an amount.
TIME_ZONES = frozenset(
    "gmt utc bst est edt cst cdt mst mdt pst pdt cet cest eet eest ist jst aest aedt z zulu hrs local".split()
)
# Words before a number that make it a rating on a named scale: "Category 4", "magnitude 6.4", "force 9".
SCALE_NAMES = {"category": "category", "cat": "category", "magnitude": "magnitude", "force": "force",
               "vei": "VEI"}  # a volcano's explosivity index ("VEI 4")
# Words after "N-" that make a compound adjective of a number word no amount ("two-way", "one-sided").
COMPOUND_IDIOMS = frozenset(
    "way ways sided off time timer on faced dimensional thirds third quarters quarter half halves fifths fifth "
    "tenths something somethings liner liners horse size sizes shot stop step party state star stars piece "
    "pointer pointers seater seaters hander handed fold tier tiered stroke up ups".split()
)
# Words after a score ("3-1 win") or before it ("won 3-1") that make a pair of numbers a score line.
SCORE_WORDS = frozenset(
    "win wins won winning victory victories defeat defeats defeated beat beats beating beaten lose loses lost "
    "losing loss draw draws drew drawn lead leads led leading trail trails trailed trailing level levelled "
    "leveled tie tied ties score scored scores scoreline scoreboard finish finished finishing ended ending "
    "stood stands thrash thrashed thrashing edge edged edging sealed seal rout routed triumph aggregate "
    "penalties penalty shootout shoot-out pens vote votes voted verdict margin up down".split()
)
# Unit forms that are also ordinary words or letters: only taken right after a digit.
AMBIGUOUS_UNITS = frozenset({"in", "m", "g", "t", "l", "s", "h", "w", "ha", "min", "nm", "mi", "ton", "tons"})
# Abbreviations that are units only in capitals: "0.089 AU", "0.56 LD" (not "3 au pairs").
CAPITAL_UNITS = frozenset({"au", "ld", "gl"})

# Approximators before a number: phrase -> approx kind.
APPROXIMATORS = {
    "more than": "over", "over": "over", "above": "over", "upwards of": "over", "in excess of": "over",
    "passed": "over", "exceeded": "over", "topped": "over", "surpassed": "over",
    # headline present: "vaccine drive tops 4 million doses"
    "passes": "over", "exceeds": "over", "tops": "over", "surpasses": "over", "crossed": "over", "crosses": "over",
    "just over": "over", "well over": "over", "exceeding": "over", "greater than": "over",
    "north of": "over", "south of": "under",  # money talk: "north of £900m"
    "nearly": "under", "almost": "under", "just under": "under", "fewer than": "under",
    "less than": "under", "under": "under", "below": "under", "short of": "under",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "circa": "about", "close to": "about", "ca.": "about",
    "c.": "about", "~": "about", "something like": "about", "somewhere around": "about", "in the region of": "about",
    "of the order of": "about", "on the order of": "about",
    "almost exactly": "exact", "exactly": "exact", "precisely": "exact",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least", "a minimum of": "at_least",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most", "not more than": "at_most",
    "a maximum of": "at_most", "as many as": "at_most", "as much as": "at_most",
}

# Nouns that make a number page chrome in a short line ("38 views", "5 min read").
CHROME_NOUNS = frozenset(
    "views view likes like shares share comments comment followers subscribers reads read reactions "
    "replies retweets reposts claps votes downloads references reference citations citation sources source".split()
)
# Words before a number that make it an identifier, not an amount ("Resolution 1546", "No. 5").
IDENTIFIER_WORDS = frozenset(
    "no no. nos nos. number # resolution article art art. section sec sec. chapter ch ch. page pages p p. pp pp. "
    "paragraph para clause rule act bill flight route highway interstate room model version v v. "
    "case docket item line verse vol vol. volume issue exhibit table figure fig fig. appendix annex "
    "episode ep level grade step code id ticket tier platform gate seat row channel unit station "
    "district ward precinct lot block building floor suite apt apartment box warehouse terminal pier "
    "dock berth bay hangar hall zone sector lane track runway shaft reactor stage phase wing tower "
    "question q exercise problem task slide chart graph map photo image picture diagram plate footnote "
    "lesson part resolutions articles sections chapters paragraphs clauses flights routes rooms stations "
    "questions slides charts figures tables exhibits items type class".split()
)
# Common words that open a sentence before a count and name nothing ("Another 112 were vandalised",
# "Today 108 of the objects are back"): a capital there is no name's, as "Vostok" in "Vostok 5" is.
OPENERS = frozenset("another today yesterday tonight now overall altogether additionally currently meanwhile also "
                    "besides likewise similarly collectively together combined".split())
# Words that may stand right before a year without making it an identifier.
DATE_LEADS = frozenset(
    "in on by since until till from to of during before after around circa c. about through throughout "
    "between and or the early mid late end spring summer autumn fall winter year years fiscal fy "
    "as at for than that this when while into within till up".split()
)
# Before a year even when a count follows ("in 2003 troops invaded"); other leads ("about", "around")
# also introduce amounts, so there a following count makes the number an amount ("about 1500 soldiers").
STRONG_DATE_LEADS = frozenset("in on by since until till from during before after of the between through throughout".split())
# Nouns that count things without a plural -s.
COUNT_NOUNS = frozenset(
    "people persons staff personnel children men women police troops cattle sheep fish aircraft deer crew "
    "livestock employees workers residents pax".split()
)
# Words after a number that make it a count of people even right after a name ("in Brezal 284 people died",
# "Casualties 735 dead, 4,356 injured"): no name is followed by them ("Boeing 747 landed").
PEOPLE_COUNT_WORDS = frozenset(
    "people persons dead killed injured wounded hurt missing displaced homeless evacuated survivors victims deaths "
    "fatalities casualties residents inhabitants".split()
)
STOPWORDS = frozenset(
    """a an the and or but nor of in on at to for from by with without within into onto upon over under
    about above below between among through during before after since until till than as that this these
    those there here it its it's they them their theirs he him his she her hers we us our you your i me my
    is are was were be been being am do does did done have has had having will would shall should can
    could may might must not no nor so such very too also just only even still yet then thus however
    which who whom whose what when where why how all any both each few more most other some own same
    s t can't won't don't isn't aren't wasn't weren't hasn't haven't hadn't if because while whereas
    one ones per via around across along toward towards against again further once up down out off""".split()
)

# Holidays that name a day: fixed ones as (month, day); movable ones as days after Easter Sunday.
FIXED_HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25), "christmas eve": (12, 24),
    "christmas": (12, 25), "boxing day": (12, 26), "valentine's day": (2, 14), "st patrick's day": (3, 17),
    "st. patrick's day": (3, 17), "halloween": (10, 31), "bastille day": (7, 14), "guy fawkes night": (11, 5),
    "bonfire night": (11, 5), "armistice day": (11, 11), "remembrance day": (11, 11),
}
EASTER_HOLIDAYS = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2, "maundy thursday": -3,
    "holy saturday": -1, "ash wednesday": -46, "palm sunday": -7, "ascension day": 39, "pentecost": 49,
    "whit sunday": 49, "whitsunday": 49, "whit monday": 50,
}
# Holidays people write without "Day" that are also ordinary words before a noun ("Christmas tree", "Easter egg").
BARE_HOLIDAYS = frozenset({"christmas", "easter", "pentecost", "halloween"})
# Ordinal words for days of the month ("the third of May").
DAY_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    **{f"{tens}{sep}{unit}": base + n for tens, base in (("twenty", 20), ("thirty", 30))
       for n, unit in enumerate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"), 1)
       for sep in ("-", " ") if base + n <= 31},
}
# The ordinal words a rank is written with ("third-largest", "finished fourth"): one word, second to twentieth.
# The rank rule reads them, and the prefilter's "rankword" feature looks for them.
RANK_ORDINALS = {w: n for w, n in DAY_ORDINALS.items() if 2 <= n <= 20 and " " not in w and "-" not in w}
# Words of a table column header that make its figures something other than the amounts a caption
# scales ("(dollar amounts in millions)"): "Branches", "Capital ratio", "Share of deposits".
NOT_AMOUNT_HEADER_WORDS = frozenset(
    "ratio ratios rate rates number no count share percentage percent per employees staff branches people persons "
    "age index score rank year years days months weeks hours members units customers accounts".split()
)
