from scripts.extract.figures import extract_figures, extract_quotes
from scripts.extract.entities import extract_entities
from scripts.extract.summary import extract_summary
from scripts.extract.title import MAX_TITLE, extract_title, title_from_lead
from tests.helpers import fixture_registry, sentences


def test_printed_headline_wins():
    title, evidence = extract_title("China offers a military alliance", "Lead sentence.")
    assert title == "China offers a military alliance" and "headline" in evidence


def test_title_from_lead_is_whole_words_and_short():
    lead = ("Some Central Asian countries have made it clear that they are not ready to take risks and may join "
            "Western sanctions against Russia, TASS reports with reference to an official.")
    title = title_from_lead(lead)
    assert len(title) <= MAX_TITLE
    assert lead.startswith(title.rstrip("…"))
    assert title.rstrip("…").split()[-1] in lead.split()


def test_title_from_lead_prefers_a_clause_boundary():
    lead = ("In China, a summit of five Central Asian states was held in the city of Xi'an, at which China finally "
            "rolled out its geopolitical claims to Central Asia.")
    assert title_from_lead(lead) == "In China, a summit of five Central Asian states was held in the city of Xi'an"


def test_summary_and_thesis_come_from_the_article():
    text = ("China is expanding its influence in Central Asia through trade and security deals. "
            "The summit in Xi'an produced several agreements on trade and security. "
            "Kazakhstan welcomed the trade deals with China. Weather was fine.")
    summary, thesis, points = extract_summary(sentences(text))
    assert thesis in text and thesis in summary
    assert "Weather was fine." not in summary
    assert all(p in text for p in points)


def test_figures_are_found_where_finditer_finds_them_a_currency_word_before_the_digits_included():
    from scripts.extract.figures import FIGURE, figures_in

    text = (
        "In 2023 trade rose 12% to roubles 1,250 million and US$ 3.5 billion; 40 people, 7 ministers and "
        "2 agreements, EUR  8 (two spaces), dollars\n9, tenge 10 tenge, 5tn, 1 2 3 and 12 345 678 somoni."
    )
    expected = [m.span() for m in FIGURE.finditer(text)]
    assert len(expected) >= 8 and [m.span() for m in figures_in(text)] == expected
    assert "roubles 1,250 million" in [m.group() for m in figures_in(text)]  # starts 8 characters before its digit
    assert list(figures_in("no digits here, dollars and roubles")) == []


def test_key_figures_keep_their_sentence_and_skip_years():
    ss = sentences("In 2023, trade reached $31.5 billion. China pledged 26 billion yuan ($3.6 billion). "
                   "About 80% of goods transit. The summit achieved 86 cooperation outcome documents.")
    values = [f.value for f in extract_figures(ss)]
    assert "$31.5 billion" in values and "80%" in values and "26 billion yuan" in values
    assert "86 cooperation outcome documents" in values
    assert "2023" not in values
    assert all(f.sentence in " ".join(s.text for s in ss) for f in extract_figures(ss))


def test_quotes_are_attributed_to_named_or_pronoun_speakers():
    text = ('"We want respect. Nothing else. Respect," Emomali Rahmon said at the summit.\n\n'
            '"This is a huge humiliation for the Kremlin and everyone," he adds.')
    ss = sentences(text)
    quotes = extract_quotes(ss, extract_entities(ss, fixture_registry()).mentions)
    assert [q.speaker for q in quotes] == ["Emomali Rahmon", "Emomali Rahmon"]


def test_outlet_from_a_dateline():
    from scripts.extract.document import build_document
    from scripts.extract.outlets import publisher

    doc = build_document("Deal signed\n\nTASHKENT, January 5, 2023 (Reuters) — The presidents signed a deal on water.\n")
    assert publisher(doc, fixture_registry(), None)[0] == "Reuters"


def test_quote_with_inner_quotes_is_kept_whole_with_its_speaker():
    text = ("“The states took advantage of the situation, in which Russia ceded its role as a “big brother,” "
            "said Kazakh political scientist Rustam Burnashev.")
    ss = sentences(text)
    quotes = extract_quotes(ss, extract_entities(ss, fixture_registry()).mentions)
    assert len(quotes) == 1
    assert quotes[0].text.endswith("its role as a “big brother,")
    assert quotes[0].speaker == "Rustam Burnashev"


def test_text_between_two_short_quotations_is_not_a_quote():
    ss = sentences('China spoke about the "causes" of the war in Ukraine. They say it was caused by "a manifestation of problems".')
    assert [q.text for q in extract_quotes(ss, [])] == []


def test_a_made_title_never_starts_with_the_dateline():
    from scripts.extract import draft_from_text

    briefing = draft_from_text(
        "DUSHANBE, December 20, 2011, Asia-Plus -- The lower chamber of Tajikistan's parliament has ratified the "
        "agreement on the Russian military base. The deputies voted on Tuesday.\n",
        None, None, fixture_registry(),
    )
    assert briefing.title.startswith("The lower chamber of Tajikistan's parliament has ratified")
    assert "made from the lead" in str(briefing.evidence["title"])


def test_a_printed_headline_below_page_furniture_is_the_title():
    from scripts.extract import draft_from_text

    briefing = draft_from_text(
        "All news\n\nPage last updated at 10:31 GMT, Tuesday, 5 June 2012\n\n"
        "Kyrgyzstan and Tajikistan agree to demarcate the disputed border section\n\n"
        "By Aibek Osmonov 12:45, 5 June 2012\n\n"
        "BISHKEK -- The two governments agreed on Tuesday to finish the demarcation of the border by the end of the year.\n",
        None, None, fixture_registry(),
    )
    assert briefing.title == "Kyrgyzstan and Tajikistan agree to demarcate the disputed border section"
