"""The document model: zones of lines, the article text, sentences with offsets, datelines.

Every text here is made up, in the styles of the region's press.
"""

from scripts.extract.document import build_document


def zones(text: str) -> dict[str, str]:
    """Stripped line -> zone, for the non-blank lines of a made-up page."""
    return {line.text: line.zone for line in build_document(text).lines if line.zone != "blank"}


WIRE = (
    "All news\n\n"
    "Kazakhstan and Uzbekistan agree on water sharing in the Syr Darya basin\n\n"
    "The two countries will set up a joint commission, the Kazakh foreign minister said\n\n"
    "ASTANA, March 3. /TASS/. Kazakhstan and Uzbekistan have agreed to share the waters of the Syr Darya, "
    "the Kazakh foreign minister told reporters on Monday. The commission will meet twice a year.\n\n"
    "\"We have found a fair balance,\" the minister said.\n"
)


def test_wire_page_has_menu_headline_standfirst_dateline_and_body():
    doc = build_document(WIRE)
    found = {line.text: line.zone for line in doc.lines if line.zone != "blank"}
    assert found["All news"] == "menu"
    assert doc.headline == "Kazakhstan and Uzbekistan agree on water sharing in the Syr Darya basin"
    assert found["The two countries will set up a joint commission, the Kazakh foreign minister said"] == "standfirst"
    assert doc.dateline is not None
    assert (doc.dateline.place, doc.dateline.date, doc.dateline.outlet) == ("ASTANA", "March 3", "TASS")
    assert doc.text.startswith("The two countries will set up")
    assert "ASTANA" not in doc.text and "/TASS/" not in doc.text
    assert any(r.reason == "dateline" and r.text == "ASTANA, March 3. /TASS/." for r in doc.removed)


def test_sentences_carry_offsets_lines_paragraphs_and_zones():
    doc = build_document(WIRE)
    assert [s.text for s in doc.sentences][1] == (
        "Kazakhstan and Uzbekistan have agreed to share the waters of the Syr Darya, "
        "the Kazakh foreign minister told reporters on Monday."
    )
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert s.text in doc.lines[s.line - 1].raw or s.text in doc.lines[s.line - 1].text
    assert [s.zone for s in doc.sentences] == ["standfirst", "body", "body", "body"]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1, 2]
    assert [s.line for s in doc.sentences] == [5, 7, 7, 9]
    assert [s.index for s in doc.sentences] == [0, 1, 2, 3]


def test_datelines_of_the_regions_wires_are_cut_with_their_outlet():
    cases = {
        "ASTANA. KAZINFORM – President Kassym-Jomart Tokayev received the ambassador of Japan.": ("ASTANA", "KAZINFORM"),
        "ASTANA, May 5 (Xinhua) -- Kazakhstan will host the summit of the organisation next year.": ("ASTANA", "Xinhua"),
        "DUSHANBE, December 20, 2011, Asia-Plus -- The Tajik parliament has approved the agreement.": ("DUSHANBE", "Asia-Plus"),
        "BAKU, Azerbaijan, May 5. Kazakhstan and Azerbaijan discussed transit along the Middle Corridor.": ("BAKU, Azerbaijan", None),
        "Bishkek, May 5. /Kabar/. The Kyrgyz president met the delegation of the bank.": ("Bishkek", "Kabar"),
        "ALMATY (Reuters) - Kazakhstan's central bank kept its base rate unchanged on Friday.": ("ALMATY", "Reuters"),
    }
    for line, (place, outlet) in cases.items():
        doc = build_document("Some headline about the region today\n\n" + line + "\n")
        assert doc.dateline is not None, line
        assert (doc.dateline.place, doc.dateline.outlet) == (place, outlet), line
        assert doc.text[:1].isupper() and doc.dateline.text not in doc.text


def test_sentences_that_open_like_datelines_are_kept():
    for line in (
        "NATO. The alliance met in Brussels on Monday to discuss the region.",
        "Kazakhstan, Uzbekistan (and Kyrgyzstan) - The three neighbours agreed on a plan.",
        "Moscow is the capital of Russia and the seat of its government, the minister said.",
    ):
        doc = build_document(line + "\n")
        assert doc.dateline is None, line
        assert doc.text == line


def test_page_furniture_above_the_headline_is_never_the_title():
    page = (
        "Skip to main content\n\nAccessibility links\n\nEurasia Review\n\n"
        "ArrowArtboardCreated with Sketch.Title ChevronCreated with Sketch.\n\n"
        "![logo](https://example.org/logo.png)\n\n"
        "ID:\n\n"
        "Uzbekistan and Tajikistan open a new border crossing near Khujand\n\n"
        "Page last updated at 10:31 GMT, Tuesday, 5 June 2012\n\n"
        "By Akmal Karimov 12:45, 5 June 2012\n\n"
        "The two governments opened a new crossing on the border on Tuesday, officials said.\n\n"
        "Trade between the neighbours has grown fast since 2017, when relations thawed.\n"
    )
    doc = build_document(page)
    assert doc.headline == "Uzbekistan and Tajikistan open a new border crossing near Khujand"
    found = zones(page)
    assert found["Page last updated at 10:31 GMT, Tuesday, 5 June 2012"] == "stamp"
    assert found["By Akmal Karimov 12:45, 5 June 2012"] in ("stamp", "byline")
    assert found["ID:"] == "furniture"
    assert found["Skip to main content"] == "menu"
    assert doc.text.startswith("The two governments opened")


def test_stamps_say_whether_they_publish_or_update():
    page = (
        "Kyrgyzstan and China sign a railway deal in Beijing\n\nPublish date: 12.05.2023\n\nUpdated: 13.05.2023 09:10\n\n"
        "The railway will link Kashgar with Andijan through Kyrgyzstan, the ministry said on Friday.\n"
    )
    reasons = {line.text: line.reason for line in build_document(page).lines}
    assert reasons["Publish date: 12.05.2023"] == "publication stamp"
    assert reasons["Updated: 13.05.2023 09:10"] == "update stamp"


def test_with_no_headline_the_first_sentence_follows_the_dateline():
    doc = build_document(
        "DUSHANBE, December 20, 2011, Asia-Plus -- The lower chamber of Tajikistan's parliament has ratified "
        "the agreement on the Russian military base. The deputies voted on Tuesday.\n"
    )
    assert doc.headline is None
    assert doc.sentences[0].text.startswith("The lower chamber")


def test_related_headlines_and_leads_after_the_article_stay_out_of_it():
    page = (
        "Turkmenistan hosts a forum on neutrality in Ashgabat\n\n"
        "The President of Turkmenistan opened an international forum on neutrality in Ashgabat on Friday.\n\n"
        "Delegations from forty countries attended the forum, the foreign ministry said.\n\n"
        "The forum adopted a declaration on peace and trust in Central Asia.\n\n"
        "Latest news\n\n"
        "Ferghana Valley Farmers Fail To Win Water Quota\n\n"
        "Farmers in the valley say the new quota leaves them without water for the cotton season, officials admit.\n\n"
        "Ruling Bloc Could Seek Broader Coalition\n\n"
        "The ruling bloc may invite two smaller parties into government after the vote, analysts said.\n"
    )
    doc = build_document(page)
    assert "Farmers" not in doc.text and "Ruling Bloc" not in doc.text and "Latest news" not in doc.text
    found = zones(page)
    assert found["Ferghana Valley Farmers Fail To Win Water Quota"] == "related-links"
    assert found["The ruling bloc may invite two smaller parties into government after the vote, analysts said."] == "related-links"
    assert doc.text.endswith("The forum adopted a declaration on peace and trust in Central Asia.")


def test_a_run_of_other_stories_headlines_without_a_heading_ends_the_article():
    page = (
        "Xi calls for a stable Central Asia at the summit in Xi'an\n\n"
        "XI'AN -- Chinese President Xi Jinping said on Friday that the world needs a stable Central Asia.\n"
        "Xi made the remarks in a keynote address at the summit held in the city of Xi'an.\n"
        "- High-speed trains zoom past fields of flowers in Guizhou\n"
        "- Museum opens new hall of bronze age treasures\n"
        "- Tea exports reach record high in first two months\n"
    )
    doc = build_document(page)
    assert "trains" not in doc.text and "Museum" not in doc.text
    assert zones(page)["- Museum opens new hall of bronze age treasures"] == "related-links"


def test_menus_of_short_lines_and_breadcrumbs_above_the_article_are_menus():
    page = (
        "• Home\n• News\n• Politics\n• Economy\n\nHome / Politics / Central Asia\n\n"
        "Kazakh senate approves the law on the status of Baikonur\n\n"
        "The senate of Kazakhstan approved the law on the status of the Baikonur complex on Thursday.\n\n"
        "The law now goes to the president for signature, the senate's press service said.\n"
    )
    found = zones(page)
    assert found["• News"] == "menu" and found["Home / Politics / Central Asia"] == "menu"
    assert build_document(page).headline == "Kazakh senate approves the law on the status of Baikonur"


def test_captions_are_told_from_the_article_and_left_out_of_it():
    page = (
        "The presidents met in Astana on Monday and signed four agreements.\n\n"
        "Presidents at the talks in AstanaPhoto: Ivan Petrov / TASS\n\n"
        "Russian President Vladimir Putin (right) meets his Kazakh counterpart in Astana on Monday.\n\n"
        "File photo of the Kazakh president at an earlier summit. (Reuters)\n\n"
        "The next meeting will take place in Tashkent in the autumn.\n"
    )
    doc = build_document(page)
    captions = [line.text for line in doc.lines if line.zone == "caption"]
    assert captions == [
        "Presidents at the talks in AstanaPhoto: Ivan Petrov / TASS",
        "Russian President Vladimir Putin (right) meets his Kazakh counterpart in Astana on Monday.",
        "File photo of the Kazakh president at an earlier summit. (Reuters)",
    ]
    assert ("Photo: Ivan Petrov / TASS", "photo credit") in doc.lines[2].cuts
    assert [s.text for s in doc.captions][:2] == [  # a caption names the article's actors, without its credit
        "Presidents at the talks in Astana",
        "Russian President Vladimir Putin (right) meets his Kazakh counterpart in Astana on Monday.",
    ]
    assert {s.zone for s in doc.captions} == {"caption"} and doc.captions[0].index == len(doc.sentences)
    assert doc.text == "The presidents met in Astana on Monday and signed four agreements.\n\nThe next meeting will take place in Tashkent in the autumn."


def test_hard_wrapped_wire_text_is_joined_into_paragraphs():
    doc = build_document(
        "ASTANA May 29 The presidents of Russia,\n"
        "Kazakhstan and Belarus signed a treaty on Thursday creating a\n"
        "vast trading bloc which they hope will challenge the economic\n"
        "might of the United States and the European Union. It is\n"
        "the first of its kind.\n"
        "The treaty forging the Eurasian Economic Union will come\n"
        "into force on Jan. 1, once it has passed the formality of being\n"
        "approved by the three parliaments.\n"
    )
    assert doc.text.startswith("The presidents of Russia, Kazakhstan and Belarus signed a treaty")
    assert "\n\nThe treaty forging" in doc.text
    assert doc.lines[0].number == 1 and doc.lines[0].last == 5
    assert doc.line(7) is doc.lines[1]


def test_a_paragraph_printed_twice_is_kept_once_and_urls_keep_their_line():
    doc = build_document(
        "The ministers met in Bishkek on Tuesday to discuss the border.\n\n"
        "The ministers met in Bishkek on Tuesday to discuss the border.\n\n"
        "They agreed to meet again in May.\n\n"
        "Original article: https://example.kg/news/2023/05/02/border\n"
    )
    assert doc.text.count("The ministers met") == 1
    assert [(link.url, link.line, link.zone) for link in doc.urls] == [("https://example.kg/news/2023/05/02/border", 7, "footer")]
    assert doc.source_url == "https://example.kg/news/2023/05/02/border"


def test_other_stories_under_an_other_news_heading_never_reach_the_article():
    page = (
        "Mirziyoyev goes to Bishkek for the summit.\n\n"
        "The President of Uzbekistan will attend the summit of the Organization of Turkic States in Bishkek on Wednesday.\n\n"
        "The leaders are expected to adopt a charter of the Turkic world, the press service said.\n\n"
        "The agenda also includes transport links and energy projects across the region.\n\n"
        "Other news\n\n"
        "Image of 'Governor of Samarkand region confirmed.'\n\n"
        "Politics Today 11:06\n\n"
        "Governor of Samarkand region confirmed.\n\n"
        "The regional council confirmed the candidate presented by the President on Monday afternoon.\n\n"
        "Image of 'New ambassador to Jakarta appointed.'\n\n"
        "Politics 04.11.2024 09:56\n\n"
        "New ambassador to Jakarta appointed.\n\n"
        "The new ambassador, Oybek Rustamov, replaces a diplomat who moved to the foreign ministry in Tashkent.\n"
    )
    doc = build_document(page)
    assert "Samarkand" not in doc.text and "Jakarta" not in doc.text
    assert doc.text.endswith("energy projects across the region.")


def test_a_label_announcing_more_and_a_glued_view_counter_are_not_the_article():
    doc = build_document(
        "Uzbekistan discusses the canal with Kabul\n\n"
        "12200Uzbekistan is set to discuss the Qosh Tepa canal with the authorities in Kabul, the governor said.\n\n"
        "The canal would take water from the Amu Darya for farms in northern Afghanistan.\n\n"
        "Read this material in other languages:\n\n"
        "Similar materials\n\nspot_imgspot_img\n\nPopular\n"
    )
    assert doc.text.startswith("Uzbekistan is set to discuss")
    assert ("12200", "counter") in doc.lines[2].cuts
    assert "other languages" not in doc.text


def test_glued_sentences_are_split():
    doc = build_document(
        "Russia will keep supplying weapons to its base in Kyrgyzstan, the president said on Thursday.The leader "
        "is on a two-day visit to Bishkek. He met his counterpart there.\n"
    )
    assert [s.text for s in doc.sentences][1] == "The leader is on a two-day visit to Bishkek."


def test_the_authors_box_after_the_article_is_not_the_article():
    doc = build_document(
        "TASHKENT (TCA) — Relations between Uzbekistan and Russia have entered their most fruitful period, the minister said.\n\n"
        "The minister said the state visit of the president had set a high level of trust between the leaders.\n\n"
        "Answering a question about Afghanistan, the minister said the region needs peace and trade.\n\n"
        "Sergey Kim\n\nTCA\n\n"
        "Sergey Kim has worked for the agency as a journalist and editor since its foundation in 1999.\n"
    )
    assert "Sergey Kim" not in doc.text
    assert doc.text.endswith("the region needs peace and trade.")


def test_an_outlet_and_place_line_is_a_byline():
    page = (
        "Tajikistan will not recognise a government in Kabul that is not inclusive\n\n"
        "Reuters, Dushanbe\n\n"
        "Tajikistan will not recognise an Afghan government that does not represent all its ethnic groups, the president said.\n\n"
        "He made the remarks at a meeting with the visiting foreign minister of Pakistan on Wednesday.\n"
    )
    assert zones(page)["Reuters, Dushanbe"] == "byline"
    assert "Reuters, Dushanbe" not in build_document(page).text


def test_a_two_sentence_title_printed_twice_is_the_headline_and_bulleted_menu_items_never_are():
    page = (
        "  • Politics\n  • Economy\n  • Karabakh under attack\n  • Diaspora\n"
        "The President is disappointed with his allies. Interview with a British weekly\n"
        "Political\n13:24 16 Oct, 2020\n\n"
        "The President is disappointed with his allies. Interview with a British weekly\n\n"
        "The President gave an interview to a British periodical about the war and the ceasefire.\n\n"
        "He said the ceasefire announced at noon was violated within minutes by the other side.\n"
    )
    doc = build_document(page)
    assert doc.headline == "The President is disappointed with his allies. Interview with a British weekly"
    assert doc.text.startswith("The President gave an interview")


def test_a_page_title_with_its_sites_sections_gives_the_headline():
    doc = build_document(
        "Tajikistan: the migrant workers come home | Reporter - On Location | Channel | 22.04.2015\n"
        "Russia's economic crisis is hitting many of the migrant workers from Central Asia, who are going home.\n"
        "For many years, Jamshed worked on building sites in Russia to support his family in Khujand.\n"
    )
    assert doc.headline == "Tajikistan: the migrant workers come home"


def test_captions_labels_and_share_widgets_between_headline_and_article_are_skipped():
    page = (
        "Moscow's Military Muscle in Central Asia: Tajikistan Exposes Russian Hard Power\n\n"
        "Publication: Eurasia Monitor Volume: 9 Issue: 144\n\n"
        "Russian military base in Tajikistan (Source: RIA Novosti)\n\n"
        "Share on FacebookShare on Twitter\n\n"
        "Continued wrangling between Dushanbe and Moscow over the renewal of basing rights has exposed the limits of "
        "Russian power in the region, and the talks are likely to go on for months.\n\n"
        "It seems the core dispute is about the rent, which the government would like to raise.\n"
    )
    doc = build_document(page)
    assert doc.headline == "Moscow's Military Muscle in Central Asia: Tajikistan Exposes Russian Hard Power"
    found = zones(page)
    assert found["Publication: Eurasia Monitor Volume: 9 Issue: 144"] == "furniture"
    assert found["Share on FacebookShare on Twitter"] == "furniture"
    assert found["Russian military base in Tajikistan (Source: RIA Novosti)"] == "caption"


def test_a_name_under_the_headline_is_a_caption_not_the_title():
    doc = build_document(
        "A time of fruitful cooperation has come for Uzbekistan and Russia, says the minister\n\n"
        "Uzbekistan Foreign Minister Abdulaziz Kamilov\n\n"
        "TASHKENT (TCA) — Relations between Uzbekistan and Russia have seen different periods, the minister said.\n\n"
        "He praised the state visit of the president earlier this year.\n"
    )
    assert doc.headline == "A time of fruitful cooperation has come for Uzbekistan and Russia, says the minister"


def test_icon_runs_and_stamped_links_are_never_text_or_title():
    page = (
        "date 2023-10-12 https://example.com/20231012/putin-russia-base-kyrgyzstan-1114140604.html\n\n"
        "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon chevron righticon "
        "chevron upicon closeicon v-compressicon downloadicon editicon v-expandicon fbicon fileicon filtericon\n\n"
        "Putin: Russia to Continue Delivering Modern Weapons to Its Base in Kyrgyzstan\n\n"
        "Russia will continue to deliver modern weapons to its military base in Kyrgyzstan, the president said on Thursday.\n\n"
        "The Russian leader is on a two-day official visit to the country.\n"
    )
    doc = build_document(page)
    assert doc.headline == "Putin: Russia to Continue Delivering Modern Weapons to Its Base in Kyrgyzstan"
    assert "icon" not in doc.text and "https" not in doc.text


def test_the_last_paragraph_cut_short_by_the_copy_is_kept():
    doc = build_document(
        "Kyrgyzstan's election results were declared invalid after mass protests, the commission said on Tuesday.\n\n"
        "Opposition supporters had seized several government buildings in Bishkek overnight, witnesses said.\n\n"
        "Around 2,000 protesters broke into the\n"
    )
    assert doc.text.endswith("Around 2,000 protesters broke into the")


def test_headlines_of_other_stories_never_become_actors():
    from scripts.extract import draft_from_text
    from tests.helpers import fixture_registry

    briefing = draft_from_text(
        "Kazakhstan and China sign transit deals in Astana\n\n"
        "The presidents of Kazakhstan and China signed six agreements on transit and energy in Astana on Monday.\n\n"
        "The deals cover rail freight, a new border terminal and gas supplies, officials said.\n\n"
        "Trade between the two countries reached a record last year, the ministry added.\n\n"
        "Most read\n\n"
        "Opposition Leader Askar Beknazarov Fails To Win Seat\n\n"
        "Ruling Bloc Could Seek Broader Coalition\n\n"
        "Farmers Protest Against New Water Quotas\n",
        None, None, fixture_registry(),
    )
    actors = briefing.people + briefing.organisations + [u.name for u in briefing.unregistered]
    assert not any("Beknazarov" in a or "Ruling Bloc" in a or "Coalition" in a for a in actors)


def test_short_lines_printed_together_are_a_menu_and_a_dateline_with_a_lost_credit_is_still_cut():
    doc = build_document(
        "About the Embassy\nOfficial Statements\nConsular Issues\n\n"
        "President's Address to the Nation\nInnovative Industrial Development\nKazakhstan 2030\n\n"
        "ASHGABAT, December 22 ( -- The President of Turkmenistan accepted congratulations on the national holiday.\n\n"
        "Leaders of neighbouring countries sent messages, the foreign ministry said.\n"
    )
    assert doc.headline is None
    assert doc.text.startswith("The President of Turkmenistan accepted")


def test_a_byline_closing_a_paragraph_and_empty_labels_are_not_the_article():
    doc = build_document(
        "Tajikistan: the migrants come home\n\nPublished: Updated:\n\n"
        "For years, Jamshed worked on building sites in Russia. Now he is back in Dushanbe. A Report by Yuri Petrov.\n\n"
        "Every day is a new struggle to feed his family, he says.\n"
    )
    assert doc.text.startswith("For years, Jamshed worked on building sites in Russia. Now he is back in Dushanbe.\n\n")
    assert "Yuri Petrov" not in doc.text and "Published" not in doc.text
    assert ("A Report by Yuri Petrov.", "byline") in doc.lines[4].cuts
