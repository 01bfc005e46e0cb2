from scripts.clean import clean, furniture_reason, normalize


def test_share_widgets_and_read_also_lists_are_removed_and_recorded():
    raw = (
        "Leaders meet in Astana to discuss transit routes\n\nSpread the love\n\nsend to Telegram\n\n"
        "The presidents of Kazakhstan and Uzbekistan met on Monday.\n\n"
        "They signed four agreements on transit.\n\nRead also:\n\n  • Prices rise in Almaty\n  • Floods hit the north\n"
    )
    cleaned = clean(raw)
    assert "Spread the love" not in cleaned.text
    assert "send to Telegram" not in cleaned.text
    assert "Prices rise" not in cleaned.text and "Read also" not in cleaned.text
    assert "They signed four agreements on transit." in cleaned.text
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["Spread the love"] == "share button"
    assert reasons["• Floods hit the north"] == "related-content list"
    assert all(r.line >= 1 for r in cleaned.removed)


def test_headline_is_detected_and_its_share_variants_dropped():
    raw = (
        "Russia loses ground in Central Asia – Reuters\n\n  • Russia is losing ground in Central Asia, — Reuters\n\n"
        "share on Facebook\n\nThe publication says the region is changing fast.\n"
    )
    cleaned = clean(raw)
    assert cleaned.headline == "Russia loses ground in Central Asia – Reuters"
    assert "losing ground" not in cleaned.text
    assert cleaned.text == "The publication says the region is changing fast."


def test_lead_paragraph_is_not_taken_for_a_headline():
    lead = "In China, a summit was held in Xi'an, at which China rolled out its claims. Moscow was silent."
    cleaned = clean(lead + "\n\nMore text follows here.")
    assert cleaned.headline is None
    assert cleaned.text.startswith("In China, a summit")


def test_glued_photo_credit_is_cut_and_the_caption_is_not_article_text():
    cleaned = clean("First paragraph of the story is here.\n\nPutin at the summit of the CSTO statesPhoto: Ivan Petrov / TASS\n\nLast one.\n")
    assert "Putin at the summit" not in cleaned.text and "Ivan Petrov" not in cleaned.text
    assert cleaned.text == "First paragraph of the story is here.\n\nLast one."
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["Putin at the summit of the CSTO statesPhoto: Ivan Petrov / TASS"].startswith("caption")


def test_footer_disclaimer_source_and_live_promo_removed_with_urls_kept():
    cleaned = clean(
        "Body sentence one is long enough.\n"
        "Original article: https://www.toutiao.com/article/7517094387441123876/\n"
        "Disclaimer: This article represents the author's personal views.\n"
        "Follow the latest events of the 447th day of the war in Ukraine LIVETEXT on HOTNEWS.RO.\n"
    )
    assert cleaned.text == "Body sentence one is long enough."
    assert cleaned.urls == ["https://www.toutiao.com/article/7517094387441123876/"]
    assert {r.reason for r in cleaned.removed} == {"source line", "disclaimer", "live-blog promo"}


def test_spacing_damage_repaired_and_unicode_normalised():
    cleaned = clean("\ufeffsaid political scientist Rustam Burnashev .\r\n\r\nIt almost led to to a war.\r\n")
    assert "Burnashev." in cleaned.text
    assert "to to" not in cleaned.text
    assert "\r" not in normalize("a\r\nb")


def test_article_sentences_are_not_furniture():
    for line in (
        "Share prices in Almaty fell by 3% after the announcement.",
        "Read the statement, the minister told reporters, and you will see.",
        "Photo opportunities were few at the closed summit.",
    ):
        assert furniture_reason(line) is None, line


def test_bylines_and_wire_credits_are_furniture_not_article():
    cleaned = clean(
        "Kazakhstan and China sign deals\n\nBy John Smith and Jane Doe\n\n"
        "The two countries signed agreements on Tuesday in Astana.\n\n"
        "Reporting by Mariya Gordeyeva; Editing by Ed Osmond\n"
    )
    assert cleaned.text == "The two countries signed agreements on Tuesday in Astana."
    assert [r.reason for r in cleaned.removed] == ["byline", "byline"]
    assert furniture_reason("By the end of the year, trade will double.") is None
    assert furniture_reason("By the way they act") is None
    assert furniture_reason("By Alexander Gabuev, for Foreign Affairs") == "byline"


def test_lines_that_are_only_a_date_or_time_are_furniture():
    for line in ("12:45, 17 June 2022", "May 18, 2023", "18.05.2023 10:42", "Monday, 5 January 2023, 09:10 (UTC)", "2024-05-01"):
        assert furniture_reason(line) == "date line", line
    assert furniture_reason("On 17 June 2022 the forum opened.") is None
