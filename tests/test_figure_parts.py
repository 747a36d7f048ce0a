"""Parts and wholes among stated figures: which figure each one is given as a part of."""

import datetime as dt

import pytest

from factlint import check_text
from factlint._extract import default_extractor

CASES = [
    ("150 hostages, including 68 women and 26 children, were held.", {"68": "150", "26": "150"}),
    ("Police identified one of two suspects.", {"one": "two"}),
    ("Gunmen beat his wife and one of his two young children.", {"one": "two"}),
    ("Offtake was 2.71 mln tonnes (including 241,000 tonnes imported) and 4,000 tonnes for export.",
     {"241,000": "2.71 mln"}),
    ("The board has 12 members, consisting of five bankers and seven lawyers.", {"five": "12", "seven": "12"}),
    ("Brazil imports 215,000 barrels per day of oil, of which 170,000 bpd are paid for with exports.",
     {"170,000": "215,000"}),
    ("Revenue was boosted by an unexpected 3.55 billion, including 1.9 billion in tax revenue and 500 mln "
     "guilders in income from gas sales.", {"1.9 billion": "3.55 billion", "500 mln": "3.55 billion"}),
    ("Sales were 28.7 million, of which 72% came from abroad.", {}),
    ("Saab said it had 103 firm orders for the regional SF340, 80 of which had been delivered.", {"80": "103"}),
    ("The strike halted 158 vessels, including 50 in the main port, Santos, and about 50 more in Rio.",
     {"50": "158", "about 50": "158"}),
    ("Some 12,000 homes could be flooded when snow -- falls of which had been six times higher -- thaws.", {}),
    ("Moscow has bought over 25 mln tonnes grain for delivery in 1986/87, including 14 mln tonnes wheat and "
     "12 mln tonnes coarse grain.", {"14 mln": "over 25 mln", "12 mln": "over 25 mln"}),
    ("NTT plans investments of 1,770 billion yen, including 109 billion for research and development, as "
     "against a total of 1,600 billion this year.", {"109 billion": "1,770 billion"}),
    ("Contracts were 220,000 ounces of gold at average price of 439 dlrs an ounce, including 135,000 ounces "
     "maturing in 1987.", {"135,000": "220,000"}),
    ("HP may buy an extra 10%, of which half may be sold to Octel.", {}),
    ("Japan imports some 12 mln tonnes of LPG a year, of which 5.3 mln tonnes are supplied by Saudi Arabia, "
     "3.3 mln under term contracts and two mln through spot purchases.",
     {"5.3 mln": "some 12 mln", "3.3 mln": "5.3 mln", "two mln": "5.3 mln"}),
    ("It leaves around 6.8 mln tonnes for export of which, Czarnikow estimates, about 3.7 mln tonnes will go "
     "to the USSR.", {"about 3.7 mln": "around 6.8 mln"}),
    ("Imports totaled only 1.3 mln tonnes of U.S. corn out of a total of 3.6 mln tonnes.", {"1.3 mln": "3.6 mln"}),
    ("More than 100 people have died, eight of them Americans.", {"eight": "More than 100"}),
    ("Over the winter, 2,500 men (out of 10,000) died; More videos (1 of 9).", {"2,500": "10,000"}),
    ("Arnold had but 600 of his original 1,100 men.", {"600": "1,100"}),
    ("The army had 98,000 soldiers (65,000 combat, 33,000 support), no tanks; it sold 20 cars (12 red, 5 blue).",
     {"65,000": "98,000", "33,000": "98,000"}),
    ('Strong turnout produced 1,201 delegates, including: "291 nobles, 300 clergy, and 610 members."',
     {"291": "1,201", "300": "1,201", "610": "1,201"}),
    ("Of the 100,000 or so Vietnamese thought to be involved, there were an estimated 8,000 killed and another "
     "15,000 wounded.", {"an estimated 8,000": "100,000 or so", "15,000": "100,000 or so"}),
    ("It sells 5,950,000 shares, including 4,950,000 to be sold in the U.S. and one mln overseas.",
     {"4,950,000": "5,950,000", "one mln": "5,950,000"}),
    ("The company lost 264.5 mln dlrs, including a restructuring charge of 139.9 mln dlrs and a "
     "one-time loss of 69 mln dlrs.", {"139.9 mln": "264.5 mln", "69 mln": "264.5 mln"}),
    ("Intergroup earned $22.5 million, or 97 cents a share, including a gain of $18 million.",
     {"$18 million": "$22.5 million"}),
    ("Flights rise to nine, comprising six flights, including four non-stop flights, and three via Anchorage.",
     {"four": "six"}),
    ("KENYA: Total Dead: 192 Americans: 12 Injured: 4,877 Hospitalized: 542 Treated and discharged: 4,257",
     {"12": "192", "542": "4,877", "4,257": "4,877"}),
    ("Nine of the Council's 15 members voted for the draft.", {"Nine": "15"}),
    ("Total investment is 10 mln dlrs, of which the Chileans will contribute two mln.", {"two mln": "10 mln"}),
    ("There are 100,000 B warrants, each of which entitles the holder to buy 10 shares.", {}),
    ("Almost 125,000 of Chevrolet's two newest cars were ordered.", {}),
    ("The judge gave him 10 years but suspended four of them. The two men had been drinking.", {}),
    ("Son of Newark Imam identified as one of two killed in Newark shooting", {"one": "two"}),
    ("The total of 752 working rigs in the United States included 17 in inland waters, 74 in offshore "
     "waters and 661 on land.", {"17": "752", "74": "752", "661": "752"}),
    ("Of the 41, 15 should seek a listing.", {"15": "41"}),
    ("The project costs 301.6 mln dlrs, of which ISA will contribute about 100 mln and the IADB 115 mln.",
     {"about 100 mln": "301.6 mln", "115 mln": "301.6 mln"}),
    ("Three out of four voters agreed.", {"Three": "four"}),
    ("Vlore is one of the two ports of which the force will take control.", {"one": "two"}),
    ("Fees total 1-7/8 pct, with 1-1/4 pct for selling and 5/8 for management, including a praecipuum of 1/8 pct.",
     {"1-1/4": "1-7/8", "5/8": "1-7/8", "1/8": "5/8"}),
    ("But nine out of ten will say yes.", {"nine": "ten"}),
    ("It owed about 520 mln dlrs in loans out of the country's 14 billion dlr debt.", {"about 520 mln": "14 billion"}),
    ("The city had 25 in all -- 15 of which were shootings.", {"15": "25"}),
    ("Brazil asked for two billion dlrs for the financial year starting in July, including 500 mln dlrs "
     "for energy.", {"500 mln": "two billion"}),
    ("Hospitals will care for the thousands shot as well as the cost of law enforcement, including nearly "
     "1,000 police officers.", {}),
    # a date between a whole and "of whom" is no other number
    ("Four more people were wounded on Monday, February 3rd, two of whom were listed in critical condition.",
     {"two": "Four"}),
    ("Of the eight victims, three were stabbed, two were strangled.", {"three": "eight", "two": "eight"}),
    ("It had deposits of 79.2 mln dlrs, all of which was insured except for about 300,000 dlrs.", {}),
    ("He said 32 of the 543 passengers and crew were confirmed dead and 160 were missing.", {"32": "543"}),
    # a dash lists the parts of a count, never of an amount or a table's cells
    ("Police arrested two more suspects -- one Arab, one Sudanese -- on Friday.", {"one": "two"}),
    ("Prices rose 5 pct -- 3 pct in the first half.", {}),
    ("Sum of Adjustments -- 12.32 Adjusted World Price -- 50.63", {}),
    # "among the N": a figure, or the whole it stands for, is part of a later one
    ("There were eight new members, including five from the public sector, among the 10 elected.",
     {"five": "eight", "eight": "10"}),
    ("Two boys, ages 5 and 7, were among 70 people wounded over the weekend.", {"Two": "70"}),
    # ", and the <noun> of" after the first part closes the list
    ("Police seized 20 firearms, including 18 handguns, and the dismantling of nine labs followed.",
     {"18": "20"}),
    # a count of people broken down in apposition, only where the parts add up to it
    ("All four victims, three men and a woman, were taken to the hospital.", {"three": "four"}),
    ("Police said three victims — a mother and her two young daughters — were struck.", {"two": "three"}),
    ("Five people were killed - three women and 2 children.", {"three": "Five", "2": "Five"}),
    ("Four people were shot, two men and 2 women.", {"two": "Four", "2": "Four"}),
    ("Six people, two men and two women, were shot.", {}),
    ("Police arrested three men, two women and a child.", {}),
    ("Police arrested three men, two women and a child, police said.", {}),
    ("Kidnappers of four professors, three American and one Indian, said he was ill.",
     {"three": "four", "one": "four"}),
    # parts that name what an earlier figure counts belong to it, not to the place between
    ("CNPC has 53 projects in 21 countries, including three exploration projects and 2 pipeline projects.",
     {"three": "53", "2": "53"}),
    ("Sales rose in 12 countries, including five in Asia.", {"five": "12"}),
    ("There are 2.1 million drug users in the European Union (EU) today, of whom over 1 million are injectors.",
     {"over 1 million": "2.1 million"}),
    ("Seventeen of more than 30 men snatched in the raid have been released.", {"Seventeen": "more than 30"}),
    ("Four people, among them a woman and her two children, were crushed to death.", {"two": "Four"}),
    ("There were 37 deaths, of which 35 were reported from Sindh while two were from the north.",
     {"35": "37", "two": "37"}),
    ("A raid killed up to 30 Taliban fighters including two commanders.", {"two": "up to 30"}),
    # "out of" a named whole, "out of every", "one of the top seven"; "a cut of 20,000 to 30,000" is a range
    ("Indonesia has an estimated 16 million users out of a population of 220 million.",
     {"an estimated 16 million": "220 million"}),
    ("In 2015, nearly nine out of every 10 homicides involved guns; CCF, one of the top seven banks, is sold.",
     {"nearly nine": "10", "one": "seven"}),
    ("The program includes a cut of 20,000 to 30,000 of the estimated 100,000 workers.",
     {"20,000 to 30,000": "estimated 100,000"}),
    ("Among the six soldiers who died Monday, four were killed by a bomb, and two other soldiers were killed.",
     {"four": "six", "two": "six"}),
    ("The blasts also left more than 60 injured, 23 of who are still in hospital.", {"23": "more than 60"}),
    ("FDIC holds 148 mln common shares out of a total 215 mln; it charges three of its six portfolios effective April 20.",
     {"148 mln": "215 mln", "three": "six"}),
    # a whole restated in brackets keeps its parts, and a part restated is a part of the whole restated
    ("The EC provided 1.06 billion ECUs (1.21 billion dlrs) in aid, including 273 mln ECUs (311 mln dlrs) for "
     "peanuts and 150 mln ECUs (171 mln dlrs) for cocoa.",
     {"273 mln": "1.06 billion", "311 mln": "1.21 billion", "150 mln": "1.06 billion", "171 mln": "1.21 billion"}),
    ("Total investment is now 9.8 billion (5.7 billion dollars), comprising 6.1 billion marks for the track.",
     {"6.1 billion": "9.8 billion"}),
    ("Witnesses said a half-dozen males were fighting and two of them pulled out guns.", {"two": "a half-dozen"}),
    # "out of" after a clause of its own is no whole
    ("It has been one of the goals, one that grew out of a desire, its proponents said.", {}),
    # a fraction in words is a share of what it is said of, no part
    ("He makes less than 4,000 yuan (493 US dollars) a month, nearly two thirds of which repays his loan.", {}),
    # a degree of harm after a bare count makes it a part; an adverb of its own verb does not
    ("The blast wounded 12, three seriously; it left one man dead and two critically wounded.", {"three": "12"}),
    ("One worker was killed and eight others injured, seven seriously, when a pillar fell.", {"seven": "eight"}),
    # "N of M" with points as the unit, or a whole told "or so"
    ("He converted five out of six break points and won more than 90 of the 100 or so games.",
     {"five": "six", "more than 90": "100 or so"}),
    # "of the men" names the men counted before; an amount "of its goal" names nothing counted
    ("Three men forced their way into a home at 9:10 a.m. Two of the men were armed. It came within $100 "
     "million of its goal of $500 million.", {"Two": "Three"}),
    # after the clause of "N of M", the parts listed are the N's
    ("Seventeen of more than 30 men snatched in Sunday's raid by gunmen have been released, including three "
     "guards and 10 drivers.", {"Seventeen": "more than 30", "three": "Seventeen", "10": "Seventeen"}),
    # a whole's own words before its cue reach 80 characters; a bare count is no part of money
    ("A total of 340 grams were discovered in bags underneath the front seats of the vehicle, including 202.5 "
     "grams underneath the seat.", {"202.5": "340"}),
    ("It won a 150 mln stg contract to supply Switzerland with military equipment, including 20 Hawk Mk 66 trainers.", {}),
    ("The Brotherhood won 34 seats out of 164 up for grabs in the first phase, including four secured in the first round.",
     {"34": "164", "four": "34"}),
    ("The latest cases bring to 17 the total number of Egyptians infected, including seven who were killed.",
     {"seven": "17"}),
    # "of them" after "N of M" names the N
    ("Only five of the 37 have been discovered in the last 20 years, three of them in the Middle East.",
     {"five": "37", "three": "five"}),
    ("Four of the six companies reported deficits and five of them expect more.", {"Four": "six", "five": "six"}),
    # what a unit is made of is no part of the units; a part's rate between listed parts
    ("It offers one mln units, consisting of four shares of common stock and warrants for two additional shares.", {}),
    ("It bought 103 mln stg bank bills outright comprising 65 mln stg in band one at 9-7/8 pct and 38 mln stg in band "
     "two at 9-13/16 pct.", {"65 mln": "103 mln", "38 mln": "103 mln"}),
    # "with 12 more" adds to a whole, no part; an adjective after "of them" is no head
    ("The death toll climbed to 35, with 12 more missing; 93 securities firms, 17 of them foreign.", {"17": "93"}),
    ("Out of a total of 154 rigs, 71 were working and 83 idled; only five of the 37 were found and only two of these "
     "lie outside.", {"71": "154", "83": "154", "five": "37", "two": "five"}),
    ("He may buy 3.46 common shares and 0.17 of its 25 cts preferred.", {}),
    # a count broken down in the clauses after it, linked only when the parts add up to it
    ("A study of 99 glcs showed that 41 of them should be privatised, 52 should not be privatised, and six should "
     "be studied further.", {"41": "99", "52": "99", "six": "99"}),
    ("About 25 of the 135 employees will be moved to Monroeville and 45 to Orlando, with the remaining 65 having "
     "their employment terminated.",
     {"About 25": "135", "45": "135", "65": "135"}),
    ("He was charged with four counts of burglary, one count of assault, one count of theft, one count of fraud "
     "and one count of arson.", {}),
    # "of them" reaches back over a long aside with no number in it
    ("About 2,730 graduates -- those who don't get a bachelor's degree upon graduation -- became the first "
     "group of Tibetan students to face the job market this summer, and about 700 of them were still looking.",
     {"about 700": "About 2,730"}),
    # a superlative between "of the" and the whole; a whole with no noun after it
    ("China is one of the poorest 25 countries; she had five of the top seven.", {"one": "25", "five": "seven"}),
    ("Nikko Securities, one of the big four Japanese securities houses, is responsible.", {"one": "four"}),
    # a single part with its age; the whole's verb after the apposition
    ("Six middle school students, five boys and a girl aged 12 and 13, died.", {"five": "Six"}),
    ("Out of 10.5 mln acres only 1.9 mln acres were accepted in corn.", {"1.9 mln": "10.5 mln"}),
    # before "out of": a hyphenated word, a comma
    ("It helps the 1.3 mln minimum-wage workers out of a total labour force of 6.7 mln.", {"1.3 mln": "6.7 mln"}),
    ("Only about one mln South Koreans, out of a population of 40 mln, invest.", {"about one mln": "40 mln"}),
    # a count standing for people, broken down between dashes, its verb after them
    ("The 10 — six men, two women and two 17-year-old boys — suffered injuries.", {"six": "10", "two": "10"}),
    ("He named the four males — two 16-year-olds and two adults, all from Camden — as the suspects.",
     {"two": "four"}),
]


@pytest.mark.parametrize("text,parts", CASES, ids=[c[0][:40] for c in CASES])
def test_parts_and_wholes(text, parts):
    figures = check_text(text, dt.date(2024, 1, 1)).extraction.claims["figure"]
    by_id = {f.figure_id: f.text for f in figures}
    found = {f.text: by_id[f.part_of] for f in figures if f.part_of}
    assert found == parts


EVENTS = [
    ("The 11 Americans were killed in Kenya, along with five Kenyan employees.", {"11": "killed", "five": "killed"}),
    ("Police are investigating the shooting of two people.", {"two": "shot"}),
    ("Police made the arrests of the two suspects on Friday.", {"two": "arrested"}),
    ("Nine shooting victims were reported Friday, including three fatalities and two teens who were wounded.",
     {"Nine": "shot", "three": "killed", "two": "wounded"}),
    # incidents, places and what a compound count describes are not what happened to anyone
    ("A gun used in five shootings that killed two people was found.", {"five": None, "two": "killed"}),
    ("There were at least five places where victims had been shot.", {"at least five": None}),
    ("A three-vehicle crash left two people injured.", {"three": None, "two": "wounded"}),
    # in "N of M", the verb after the whole is the part's; a plural verb after "one of" is the whole's
    ("Four of the five people in custody were arrested.", {"Four": "arrested", "five": None}),
    ("Eleven of those 17 people, including both fatalities, were shot.", {"Eleven": "shot", "17": None}),
    ("One young man died, one of two young men were wounded in separate shootings.",
     {"One": "killed", "one": "wounded", "two": "wounded"}),
    # a part's own relative clause tells nothing of its whole
    ("Police questioned four inspectors, including one man who later killed himself.",
     {"four": None, "one": "killed"}),
    # compared figures share the event, along a chain of them
    ("There were 26 people killed this year, compared with 18 last year and 31 in 2012.",
     {"26": "killed", "18": "killed", "31": "killed"}),
    ("The blasts killed at least 110 people, and the number injured topped 2,200.",
     {"at least 110": "killed", "2,200": "wounded"}),
    ("Officers found one person suffering from a gunshot wound.", {"one": "shot"}),
    ("In Parkland 34 people were shot — 17 of whom died — in the school.", {"34": "shot", "17": "killed"}),
    ("The firm settled 22 lawsuits related to deaths from exposure.", {"22": None}),
    # the whole's clause ends where its part begins; an aside between dashes is skipped
    ("Police found four men in the car, two of them shot.", {"four": None, "two": "shot"}),
    ("Three rifles -- an AR-15, a Winchester and a Remington 308 -- were missing.", {"Three": "missing"}),
    ("Two men shooting at each other shot into a car, and a child was injured.", {"Two": None}),
    ("They found two men in their 30s and 20s who were shot.", {"two": "shot"}),
    ("The two teens, ages 14 and 15, were arrested on Friday.", {"two": "arrested"}),
    ("Four people were shot and wounded Monday night.", {"Four": "wounded"}),
    ("Three police officers shot and injured a suspect after the suspect first shot at officers.", {"Three": None}),
    ("Three shot in Montgomery; one person dead The shooting deaths were investigated.", {"Three": "shot", "one": "killed"}),
    ("Police arrested all three on behalf of the state police.", {"three": "arrested"}),
    ("The man was holding his wife and two children hostage.", {"two": "hostage"}),
    ("Last year Camden had two shooting deaths.", {"two": "killed"}),
    ("Three other people weren't hurt.", {"Three": None}),
    ("According to Walsh, one of the two male shooting victims is now recovering.", {"one": "shot", "two": "shot"}),
    ("Detectives detained six people; three people were shot to death.", {"six": "arrested", "three": "killed"}),
    ("Officers found five people injured at the scene.", {"five": "wounded"}),
    ("Two men shot at a passing car.", {"Two": None}),
    ("The city had six homicides and 15 shooting victims.", {"six": None, "15": "shot"}),
    ("Elian's mother perished along with 10 others.", {"10": "killed"}),
    ("By her count, 1,809 children under the age of 25 have been killed since 1990.", {"1,809": "killed"}),
    ("He spoke with two of the four victims who were gunned down outside a store.", {"two": "shot", "four": "shot"}),
    ("A task force began delving into the slayings of 14 black women.", {"14": "killed"}),
    ("He did not believe any of the 17 men taken to hospital were seriously injured.", {"17": None}),
    ("Police arrested and charged three men on Friday.", {"three": "arrested"}),
    ("Gunmen shot and killed three people.", {"three": "killed"}),
    ("Floods trapped some 10,000 people and injured at least 50 in the district.",
     {"some 10,000": None, "at least 50": "wounded"}),
    ("I've seen five young men lose their lives on this block.", {"five": "killed"}),
    ("Police seek two suspects in a home invasion in which a man was shot.", {"two": None}),
    ("Three of the five victims are now locked up in the county jail.", {"Three": "arrested", "five": None}),
    ("Iraq said its forces killed or wounded 15,000 Iranian Revolutionary Guards.", {"15,000": "killed"}),
    ("Two people were shot to death and at least 15 people have been injured since Saturday.",
     {"Two": "killed", "at least 15": "wounded"}),
    ("A wreck killed his mother and 10 other people on Friday.", {"10": "killed"}),
    ("Police say one man is in critical condition and a second man was wounded.", {"one": None}),
    ("It excludes self-inflicted shootings, including one man who may have wounded another.", {"one": None}),
    ("Police spot man tampering with car doors; 1 arrested The occupants said they heard gunfire.",
     {"1": "arrested"}),
    ("Police were flagged down by two victims, both of whom were suffering from gunshot wounds.", {"two": "shot"}),
    ("Seven people were hospitalized and two were killed.", {"Seven": None, "two": "killed"}),
    ("Four people, two men and two women, were shot.", {"Four": "shot", "two": "shot"}),
    ("Ten people were shot over the weekend, three of them fatally.", {"Ten": "shot", "three": "killed"}),
    ("Two men were non-fatally wounded.", {"Two": "wounded"}),
    ("Two men are accused of holding two victims against their will.", {"Two": None, "two": "hostage"}),
    ("Sarah Griego was also killed, along with their three youngest children.", {"three": "killed"}),
    ("Two students with connections to the high school died a day apart.", {"Two": "killed"}),
    ("One man, 20, was shot in the chest and died at the scene, police said.", {"One": "killed"}),
    ("No one was hurt in a shootout, but two men are in jail because of it.", {"two": "arrested"}),
    ("As many as five townhouse apartments were hit by gunfire.", {"As many as five": None}),
    ("Hours earlier, two CHP officers shot and killed Antonio Mestas, 19, of Oakland.", {"two": None}),
    ("Police: Two Arrested For Shooting Guns In Bella Vista", {"Two": "arrested"}),
    ("Deputies sought three attackers after gunfire in a neighborhood left a man wounded.", {"three": None}),
    ("Four people were taken to hospital after being shot.", {"Four": "shot"}),
    ("Four people in the car and four people in the house were arrested.", {"Four": "arrested", "four": "arrested"}),
    ("Kidnappers of four professors said Steen was ill.", {"four": "hostage"}),
    ("He was convicted of attempted murder of two people in 2014.", {"two": None}),
    ("The toll in Teri Mangal rose to 81, and 23 died in Angur Adar.", {"81": "killed", "23": "killed"}),
    ("Two males, both 19, died after they were shot.", {"Two": "killed"}),
    ("Six of the first seven victims were also shot to death.", {"Six": "killed", "seven": None}),
    ("Police said 114 people, including messengers, a security guard and a New York Telephone company "
     "executive, have been arrested.", {"114": "arrested"}),
    ("One arrest was made after a woman was forced into her home at gunpoint.", {"One": "arrested"}),
    ("At least 40 soldiers and guerrillas including a U.S. military adviser died today.", {"At least 40": "killed"}),
    ("Nine shooting victims were reported, including three fatalities and two teens who were wounded.",
     {"Nine": "shot", "three": "killed", "two": "wounded"}),
    ("Of the nine victims, three were stabbed, four were strangled and two were beaten to death.",
     {"nine": None, "three": None, "four": None, "two": "killed"}),
    ("Two Muslims and a Buddhist were shot dead.", {"Two": "killed"}),
    ("A boy was shot dead and at least 18 others wounded late Saturday.", {"at least 18": "wounded"}),
    ("Gunmen have kidnapped seven foreign workers; some 40 people had been held hostages.",
     {"seven": "hostage", "some 40": "hostage"}),
    # "dead" describing a noun of its own tells nothing of the people counted
    ("A total of 25 people in close contact with dead poultry received monitoring.", {"25": None}),
    ("Pinochet escaped justice for thousands of dead and missing; two dead bodies were found.",
     {"thousands": "killed", "two": "killed"}),
    ("The blast was the deadliest, bringing the number of miners killed in 2006 in Poland to 43.", {"43": "killed"}),
    ("The blast was the largest, increasing the number of miners killed in 2006 in the country to 28.", {"28": "killed"}),
    ("Some 4,000 people, many of them militants but also troops, have died this year.", {"Some 4,000": "killed"}),
    # a clause ends at "before"; wounds are things, not people; a prison detains
    ("He left with three kids in his car before he was arrested.", {"three": None}),
    ("Deputies found a man dead from at least one gunshot wound.", {"at least one": None}),
    ("The Bagram prison detains hundreds of terror suspects.", {"hundreds": "arrested"}),
    # an aside or an ordinal does not end the clause
    ("One marine, assigned to Regimental Combat Team 5, died Saturday from wounds.", {"One": "killed"}),
    ("One U.S. soldier assigned to 1st Brigade, 1st Armored Division was also killed Sunday.", {"One": "killed"}),
    ("The virus has claimed the lives of more than 60 people; PTI estimated the Indian dead at around 100.",
     {"more than 60": "killed", "around 100": "killed"}),
    ("The massacre of an estimated 8,000 Muslim males; six people, including four children, drowned.",
     {"an estimated 8,000": "killed", "six": "killed", "four": "killed"}),
    ("Twenty-four Japanese nationals, including Ambassador Aoki, were among the captives.", {"Twenty-four": "hostage"}),
    ("Two Americans were among the dead; the 52 captives were freed.", {"Two": "killed", "52": "hostage"}),
    ("Roundup: death toll of NE China coal mine blast rises to 146, rescue efforts continue", {"146": "killed"}),
    ("Police have identified two men found mortally wounded in a car.", {"two": "killed"}),
    ("Soldiers shot dead four men and injured three; militants stormed a building, kidnapping about 100 people.",
     {"four": "killed", "three": "wounded", "about 100": "hostage"}),
    ("Seven were killed, bringing the death toll in coal mine tragedies to 85 over the past three days.",
     {"Seven": "killed", "85": "killed"}),
    ("Thousands of Kenyans are fleeing their homes; her two 19-year-old friends were injured.",
     {"Thousands": "displaced", "two": "wounded"}),
    ("Since 2003, the number of British troops killed in Iraq has increased to 121.", {"121": "killed"}),
    ("Among the fatalities are over 150 foreign soldiers; two other victims were grazed by bullets.",
     {"over 150": "killed", "two": "shot"}),
    ("The quake killed more than 73,000 people and made some three million homeless.",
     {"more than 73,000": "killed", "some three million": "displaced"}),
    # an event word before the head describes it; inside a compound it tells nothing
    ("The corpses of the first two murdered prostitutes were found.", {"two": "killed"}),
    ("Two soldiers and all 14 MRTA hostage-takers were killed in the raid.", {"Two": "killed", "14": "killed"}),
    # "one night" is a period, no object of "wounded"
    ("Shootings left one man dead and two critically wounded one night earlier.", {"one": "killed", "two": "wounded"}),
    # an apposition of ages does not end the clause; "whether any of" tells nothing happened
    ("Three other victims, a 35-year-old woman, a 34-year-old man and an 18-year-old man, were injured.",
     {"Three": "wounded"}),
    ("It was unclear whether any of the six suspects were injured; a release said nine were seriously injured.",
     {"six": None, "nine": "wounded"}),
    ("Almost 5,000 residents were forced to flee their homes, bringing the total number of dead or injured to 775.",
     {"Almost 5,000": "displaced", "775": "killed"}),
    ("Two policemen were killed and another six were injured; the trial of the seven, who were arrested, began.",
     {"Two": "killed", "six": "wounded", "seven": "arrested"}),
    # seats are things: "held" is no hostage-taking here
    ("The three parties, who held 140 of the 250 parliament seats, voted.", {"three": None, "140": None, "250": None}),
    # infections are cases, not what happened to anyone, though deaths are listed among them
    ("WHO has recorded 256 human infections including 151 deaths.", {"256": None, "151": "killed"}),
    ("The military confirmed three more deaths, bringing December's toll to 99; it led to the culling of 150 million "
     "poultry.", {"three": "killed", "99": "killed", "150 million": "killed"}),
    # a house number ends no clause; "put into police custody" is an arrest
    ("Officers located two adult men inside 205 Ray Street suffering from gunshot wounds; three passengers were "
     "put into police custody.", {"two": "shot", "three": "arrested"}),
    ("Separate shooting incidents left three men dead and four more wounded.", {"three": "killed", "four": "wounded"}),
    ("Six middle school students, five boys and a girl aged 12 and 13, died and 39 were injured.",
     {"Six": "killed", "five": "killed", "39": "wounded"}),
    ("The injured, including seven in critical condition, were rushed to hospital; the dead, including two "
     "children, were buried.", {"seven": "wounded", "two": "killed"}),
    ("He spoke of slaying at least 70 combatants; six children were trampled to death; the two missing women.",
     {"at least 70": "killed", "six": "killed", "two": "missing"}),
    ("Soldiers killed six insurgents, two women and a child; the Ripper murdered five east London prostitutes.",
     {"six": "killed", "two": "killed", "five": "killed"}),
    ("They have culled 8,388 fowls in Xinjiang, 99,400 in Yunnan and 66,800 in Ningxia.",
     {"8,388": "killed", "99,400": "killed", "66,800": "killed"}),
    ("The death toll of a suicide bomb attack at a police commando recruitment center in western Baghdad rose to 35.",
     {"35": "killed"}),
    ("The toll climbed to 35, with 12 more missing; 83 soldiers have been injured in the attacks along with 34 members "
     "of the SLA.", {"35": "killed", "12": "missing", "83": "wounded", "34": "wounded"}),
    ("The deaths brought the total number of the Palestinians killed on Thursday to at least nine; they bring the "
     "number of US fatalities in Iraq since the March 2003 invasion to 2,944; four victims hit by flying bullets; two "
     "more rebels were captured.", {"at least nine": "killed", "2,944": "killed", "four": "shot", "two": "arrested"}),
    # a later figure's head that is an event word is no event of the earlier figures
    ("All 14 rebels, two soldiers and one hostage died during the assault.",
     {"14": "killed", "two": "killed", "one": "killed"}),
    ("Six more deaths raised the US military death toll for October to 93; the 2006 death toll -- taking into "
     "account all casualties -- is more than 3,700.", {"Six": "killed", "93": "killed", "more than 3,700": "killed"}),
    # a part told by a degree of harm: "fatally" tells a death among the shot
    ("This month's first four victims were shot — two fatally — early Sunday.", {"four": "shot", "two": "killed"}),
    # a participle after a noun of its own describes that noun
    ("Thousands of mourners marched behind the coffin of a young man killed during the rallies.", {"Thousands": None}),
    # after "N out of M", an active verb is the part's: the whole did not all die
    ("Officials added that 53 out of 101 birds had died.", {"53": "killed", "101": None}),
    # "shot and critically injured" survived; a people named in -ese is counted, not a model number
    ("At least two shot and critically injured; a tribute to the 105 Lebanese killed by shelling.",
     {"At least two": "wounded", "105": "killed"}),
    # taken prisoner is arrested
    ("Over 400 Americans were taken prisoner.", {"Over 400": "arrested"}),
    # an adverb between a bare count and its event
    ("Aside from the four already arrested, two later died.", {"four": "arrested", "two": "killed"}),
    # a verb with no object is no participle describing the noun before it; an added figure shares the event
    ("Six members of a Kurd family died last week; 18 Americans were killed as well as 90 of Villa's men.",
     {"Six": "killed", "18": "killed", "90": "killed"}),
    ("Iraqi civilian fatalities numbered 490; a claimed bodycount of 10,889 guerillas.", {"490": "killed", "10,889": "killed"}),
    # a part with a verb of its own that tells no event does not share its whole's
    ("There were also 29,000 missing, including 21,400 POWs, of whom 14,000 were sent to Taiwan, 7,110 were "
     "repatriated.", {"29,000": "missing", "21,400": "missing", "14,000": None, "7,110": None}),
    # taken prisoner: "captured" before the figure or describing its head
    ("They killed or captured over 5,000 Americans; the division lost 2,962 captured GIs.",
     {"over 5,000": "killed", "2,962": "arrested"}),
]


@pytest.mark.parametrize("text,events", EVENTS, ids=[c[0][:40] for c in EVENTS])
def test_events_told_around_a_figure(text, events):
    figures = check_text(text, dt.date(2024, 1, 1)).extraction.claims["figure"]
    assert {f.text: f.event for f in figures} == events


HEADS = [
    ("Police found two stolen handguns; three purported masked robbers fled.", {"two": "handguns", "three": "robbers"}),
    ("Texaco introduces two letters written by Farris.", {"two": "letters"}),
    ("The dollar ended at 1.8270/80 marks.", {"1.8270": "marks"}),
    ("Officers found two 9 mm handguns.", {"two": "handguns"}),
    ("Two of those killings took place nearby; two of the couple's children were inside.",
     {"Two": "killings", "two": "children"}),
    ("Four directors other than Cohen resigned; 56 others underground were trapped; it holds 3,027,330 Rally's shares.",
     {"Four": "directors", "56": "others", "3,027,330": "shares"}),
    ("The deficit was 160.7 billion francs after 56.9 billion; output rose to 20.61 mln tonnes, marginally up from 20.10.",
     {"160.7 billion": "francs", "56.9 billion": "francs", "20.61 mln": "tonnes", "20.10": "tonnes"}),
    ("Spending is expected to total 173.5 billion stg, up from a revised 164.9 billion.",
     {"173.5 billion": "pounds", "164.9 billion": "pounds"}),
    ("Reserves were 73.71 billion crowns in May against 76.06 billion in April and 95.02 billion in May 1986.",
     {"73.71 billion": "crowns", "76.06 billion": "crowns", "95.02 billion": "crowns"}),
    ("Output was 8.41 mln bpd, off 7.7 pct from 9.11 mln a year ago.",
     {"8.41 mln": "bpd", "7.7": "percent", "9.11 mln": None}),
    ("Shr one ct vs nil. Two hours later the victims, who range in age from 11 to 17, left.", {"one": "cents"}),
    # an abbreviation is no pronoun ("us"); a headline in capitals is no abbreviation
    ("In January 107 US soldiers were killed; a 200 million US dollars gap remains. 5 IN CUSTODY",
     {"107": "soldiers", "200 million": "dollars", "5": None}),
    # an -ing word that describes the noun goes on with the head; "islandwide" ends it
    ("Voting is at 10,486 polling stations islandwide, including 233 cluster polling stations set up in the north.",
     {"10,486": "stations", "233": "stations"}),
    ("Two suicide bombing attacks hit; three managers responsible were held; 50 jobs ready; from 150,000 now.",
     {"Two": "attacks", "three": "managers", "50": "jobs", "150,000": None}),
    # a role names what is counted after a name; it is no head after a noun ("held two children hostage")
    ("UNHCR estimates that 410,000 DRC refugees live abroad; he held his wife and two children hostage.",
     {"410,000": "refugees", "two": "children"}),
    ("Most recently, two men thought to be in their mid-30s were killed.", {"two": "men"}),
    ("China reported a 26.1-percent rise in accidents; Cambodia is ranked 184 out of 205 countries.",
     {"26.1": "percent", "205": "countries"}),
    ("There were 31 miners working in the area; three of its six portfolios effective April 20.",
     {"31": "miners", "three": "portfolios", "six": "portfolios"}),
    # a count joined to its noun is no model number nor an age
    ("They hold 79 seats in the 165-seat National Assembly, none in his 24-member government.",
     {"79": "seats", "165": "seat", "24": "member"}),
    # an -ed compound describes the head, a prefixed verb ends it; "full" ends it; a unit or compass word
    # that starts a name is no head
    ("Three of its four largest state-owned banks are listed; 40 ships re-flagged to Vanuatu; two cars full of guns.",
     {"Three": "banks", "four": "banks", "40": "ships", "two": "cars"}),
    ("Robbers held up two Dollar General stores; about one mln South Koreans, out of 40 mln; 20 Pounds Sterling.",
     {"two": "stores", "about one mln": "Koreans", "40 mln": None, "20": "pounds"}),
    # a distance after a noun is no table row
    ("The killings of seven local villagers 20 kilometres from Kisangani.", {"seven": "villagers", "20": "kilometers"}),
    # after a plural noun, a singular word is its verb; not after a plural that modifies, nor "class", "various"
    ("About 100 tigers survive; he saw the 200 cubs born there; it settled one class action suit; nearly "
     "one-third of its sales volume; nearly two dozen various criminal charges.",
     {"About 100": "tigers", "200": "cubs", "one": "suit", "nearly one-third": "volume", "nearly two dozen": "charges"}),
    # shots fired, the dead, the injured, pence, a comparable figure
    ("He fired one shot; police heard three shots; five dead bodies were found; six of the injured left; seven of "
     "those arrested are in jail. Shares closed at 499p. It rose to 6.45 billion marks from a comparable 4.57 billion.",
     {"one": "shot", "three": "shots", "five": "bodies", "six": "injured", "seven": None, "499": "pence",
      "6.45 billion": "marks", "4.57 billion": "marks"}),
    # a double hyphen is a dash; an age after a head; "pct-owned"; "the Fortune 500" is a name
    ("Four of the 24 largest railroads--the Boston and Maine--had losses; 44,630 men age 65 to 80; 50 pct-owned "
     "Gynex; among the top 100 of the Fortune 500, it said.",
     {"Four": "railroads", "24": "railroads", "44,630": "men", "50": "percent", "100": None}),
    # a possessive after "the" before the head; a possessive before a compared figure
    ("Malaysia tests a third of the world's microprocessor production; they have 300 sugar mills, compared with our 41.",
     {"a third": "production", "300": "mills", "41": "mills"}),
    # a count with its name after it: "the number of ..." is no head
    ("The latest arrest brought to nine the number of people in custody; it brings to 17 the total number of "
     "Egyptians infected, including seven who were killed.", {"nine": None, "17": None, "seven": None}),
    ("Of them 34,440 were cured of cataract and 12,090 cured of glaucoma.", {"34,440": None, "12,090": None}),
    # a unit in brackets; a letter in a name; "men" is plural
    ("The dollar may not get above 142 (yen) and 1.83 (marks); four Class A common stock warrants; the five men wept.",
     {"142": "yen", "1.83": "marks", "four": "warrants", "five": "men"}),
    # a verb after a bare count is no head: the count stands for what it counts
    ("430 stocks rose, 545 falling and 314 unchanged; 96 missing following the mudflow; the three escaped the store; "
     "93 firms, 17 of them foreign.",
     {"430": "stocks", "545": None, "314": None, "96": None, "three": None, "93": "firms", "17": "firms"}),
    # people named by their age
    ("Police arrested two 16-year-olds; three other 20-year-olds were hurt.",
     {"two": "16-year-olds", "three": "20-year-olds"}),
    # an event word before a capitalised plural describes it; a headline's next sentence is no head
    ("This worked out at almost 100 dead Iraqis. Shooting leaves one dead, one wounded Shots fired between gangs.",
     {"almost 100": "Iraqis", "one": None}),
    # a participle between a name and a plural noun describes the noun
    ("Some ten Israeli armored vehicles stormed the village.", {"Some ten": "vehicles"}),
    ("About 5,000 Spaniards thus died; at least 2 of the critically injured were moved.",
     {"About 5,000": "Spaniards", "at least 2": "injured"}),
    # after "N of", a name's possessive is the owner of what is counted
    ("Two of Major Criniti's officers were killed.", {"Two": "officers"}),
]


@pytest.mark.parametrize("text,heads", HEADS, ids=[c[0][:40] for c in HEADS])
def test_heads_of_figures(text, heads):
    """What each figure counts, taken over from a compared figure where it is left out."""
    figures = check_text(text, dt.date(2024, 1, 1)).extraction.claims["figure"]
    assert {f.text: f.head for f in figures} == heads


def test_every_partitive_cue_starts_with_a_cue_word():
    """The partitive cue pattern runs only near a `partitive_cue_word`: every cue must start with one."""
    extractor = default_extractor()
    grammar = extractor.grammar
    cues = grammar.lexicon("partitive_cues") + grammar.lexicon("partitive_verbs") + ["--", "—", "–", "with"]
    for cue in cues:
        assert extractor.patterns["partitive_cue_word"].match(cue), cue
