from scripts.extract.entities import extract_entities
from scripts.extract.stance import extract_stance, score_sentence
from tests.helpers import fixture_registry, sentences


def stance_of(text: str, headline: str | None = None) -> dict[str, str]:
    ss = sentences(text)
    return extract_stance(ss, extract_entities(ss, fixture_registry()), headline).labels


def test_strongly_negative_article_is_critical_of_its_subject():
    labels = stance_of(
        "Russia is losing influence in Central Asia. Russia has been weakened by its aggression in Ukraine. "
        "The Kremlin faces a humiliation. Moscow's authority is waning. Russia is isolated."
    )
    assert labels["Russia"] == "critical"


def test_positive_framing_is_supportive():
    labels = stance_of(
        "China has brought many development opportunities to Kazakhstan. China and Kazakhstan achieve mutual benefits "
        "and win-win results. China is a reliable and friendly partner. China's cooperation is constructive."
    )
    assert labels["China"] == "supportive"


def test_mentions_without_cues_stay_neutral():
    labels = stance_of("China met Kazakhstan. China and Kazakhstan signed papers. Kazakhstan hosted China.")
    assert labels == {"China": "neutral", "Kazakhstan": "neutral"}


def test_cue_goes_to_the_possessor_not_the_subject():
    ss = sentences("China, distancing itself from Russia's aggression in Ukraine, stays neutral.")
    ents = extract_entities(ss, fixture_registry())
    scores = score_sentence(ss[0], [m for m in ents.mentions if m.implied_by is None])
    assert "Russia" in scores and "China" not in scores


def test_victim_of_an_action_is_not_blamed():
    ss = sentences("The ties of the U.S. and Japan with Kazakhstan harm Russian interests and threaten Russian security.")
    ents = extract_entities(ss, fixture_registry())
    scores = score_sentence(ss[0], ents.mentions)
    assert "Russia" not in scores
    assert sum(w for w, _ in scores["Japan"]) < 0 and sum(w for w, _ in scores["United States"]) < 0


def test_negation_flips_a_cue():
    ss = sentences("The Kremlin stated that Russia was not worried at all and that Russia is not weak.")
    ents = extract_entities(ss, fixture_registry())
    scores = score_sentence(ss[0], ents.mentions)
    assert sum(w for w, _ in scores["Russia"]) > 0


def test_one_weak_cue_is_not_enough_for_a_polar_label():
    labels = stance_of("Russia met China. Russia faces some problems. China met Russia again.")
    assert labels["Russia"] == "neutral"


def test_outlets_and_projects_get_no_stance_label():
    labels = stance_of("Reuters said Russia won. Reuters added Russia lost. Reuters reported that Reuters was right.")
    assert "Reuters" not in labels


def test_little_benefit_is_not_praise_and_debt_trap_framing_is_critical():
    labels = stance_of(
        "China's debt trap tightens around Kazakhstan. Beijing has used opaque loans to expand its influence. "
        "Chinese companies exploit the mines with little benefit for local people. China's expansion alarms observers."
    )
    assert labels["China"] == "critical"


def test_nothing_but_affirms_rather_than_negates():
    ss = sentences("Washington's interference has brought nothing but instability to Kazakhstan.")
    ents = extract_entities(ss, fixture_registry())
    scores = score_sentence(ss[0], ents.mentions)
    assert sum(w for w, _ in scores["United States"]) < 0


def test_overlapping_cues_count_once():
    ss = sentences("The relationship between China and Kazakhstan is good and stable.")
    ents = extract_entities(ss, fixture_registry())
    cues = [c for _, c in score_sentence(ss[0], ents.mentions)["Kazakhstan"]]
    assert cues == ["good and stable"]


# --- whose words: the outlet's own, a first-person speaker's, or relayed ---------------------------

def stance_with_registry(text: str, headline: str | None = None) -> dict[str, str]:
    ss = sentences(text)
    registry = fixture_registry()
    return extract_stance(ss, extract_entities(ss, registry), headline, registry).labels


def test_a_report_relaying_officials_praise_stays_neutral():
    labels = stance_with_registry(
        "President Tokayev received the Russian foreign minister in Astana. "
        "Tokayev highlighted the friendly, fruitful and constructive cooperation between Kazakhstan and Russia. "
        "“Russia is a reliable and trusted partner of Kazakhstan, our friendship is unbreakable,” the President said. "
        "The Russian minister noted the strategic partnership and the brotherly ties of Russia and Kazakhstan."
    )
    assert labels["Russia"] == "neutral" and labels["Kazakhstan"] == "neutral"


def test_the_same_praise_in_the_first_person_of_a_transcript_is_the_texts_own():
    labels = stance_with_registry(
        "President of Russia Vladimir Putin: Mr President, friends, welcome to Moscow.\n\n"
        "We are not just partners: Russia and Kazakhstan are reliable, trusted and friendly allies. "
        "Our relations are constructive and fruitful, and our cooperation is mutually beneficial.\n\n"
        "President of Kazakhstan Kassym-Jomart Tokayev: Thank you, Mr President. Kazakhstan values the brotherly, "
        "friendly ties with Russia."
    )
    assert labels["Russia"] == "supportive" and labels["Kazakhstan"] == "supportive"


def test_an_expert_quoted_to_make_the_case_counts_more_than_a_relayed_official():
    text = (
        "“Russia is weakened and isolated, its influence in Central Asia is waning,” said {who}. "
        "According to {short}, Moscow has suffered a humiliation and its authority is in decline."
    )
    expert = stance_with_registry(text.format(who="political scientist Daniyar Ashimbayev", short="Ashimbayev"))
    official = stance_with_registry(text.format(who="Chinese foreign minister Wang Yi", short="the minister"))
    assert expert["Russia"] == "critical"
    assert official["Russia"] == "neutral"


def test_a_role_given_once_follows_the_person_through_the_article():
    ss = sentences(
        "This was said by the former head of the Security Committee, Alnur Musayev. "
        "According to Musayev, Russia is weak, isolated and in decline. Moscow has lost its allies."
    )
    registry = fixture_registry()
    result = extract_stance(ss, extract_entities(ss, registry), None, registry)
    assert "relayed from expert" in result.evidence["Russia"]


def test_a_headline_naming_its_speaker_is_relayed_not_the_outlets_framing():
    body = "Kazakhstan and China met in Astana. China and Kazakhstan signed papers. Kazakhstan hosted China."
    relayed = stance_with_registry(body, "China is a friendly, reliable and trusted partner of Kazakhstan: spokesperson")
    own = stance_with_registry(body, "China is a friendly, reliable and trusted partner of Kazakhstan")
    assert relayed["China"] == "neutral"
    assert own["China"] == "supportive"


def test_a_short_scare_quote_in_the_outlets_sentence_stays_its_own_voice():
    ss = sentences("Russia has become “toxic” for its neighbours.")
    ents = extract_entities(ss, fixture_registry())
    from scripts.extract.stance_voice import sentence_voices

    voice = sentence_voices(ss, {0: ents.mentions}, {})[0]
    start = ss[0].text.index("toxic")
    assert voice.at(start, start + 5, ss[0].text).kind == "own"


def test_the_topic_of_talks_is_no_judgement():
    labels = stance_with_registry(
        "The sides discussed prospects of strategic partnership between Kazakhstan and China. "
        "Kazakhstan and China exchanged views on friendly, constructive and mutually beneficial cooperation. "
        "China and Kazakhstan met again."
    )
    assert labels["China"] == "neutral" and labels["Kazakhstan"] == "neutral"


# --- who did it: passive deeds, doers named after 'by', other doers in between ----------------------

def test_the_sufferer_of_a_passive_deed_is_not_blamed():
    ss = sentences("Fortifications of Armenia were destroyed and the villages of Azerbaijan were shelled.")
    ents = extract_entities(ss, fixture_registry())
    scores = score_sentence(ss[0], ents.mentions)
    assert "Armenia" not in scores and "Azerbaijan" not in scores


def test_a_deed_done_by_someone_named_after_by_is_theirs():
    ss = sentences("Kazakhstan faced an aggression waged by Russia.")
    ents = extract_entities(ss, fixture_registry())
    scores = score_sentence(ss[0], ents.mentions)
    assert "Kazakhstan" not in scores and sum(w for w, _ in scores["Russia"]) < 0


def test_a_deed_of_unnamed_forces_is_not_pinned_on_the_actor_before_them():
    ss = sentences("Kazakhstan must stay vigilant to external forces hoping to exploit the unrest and destabilize the country.")
    ents = extract_entities(ss, fixture_registry())
    assert "Kazakhstan" not in score_sentence(ss[0], ents.mentions)


def test_an_actors_own_forces_still_act_for_it():
    ss = sentences("Russian forces invaded Ukraine.")
    ents = extract_entities(ss, fixture_registry())
    assert sum(w for w, _ in score_sentence(ss[0], ents.mentions)["Russia"]) < 0


def test_their_scare_quote_belongs_to_a_plural_owner_not_to_a_single_country():
    ss = sentences("In Kazakhstan, outside players have never given up their “color revolution”.")
    ents = extract_entities(ss, fixture_registry())
    assert "Kazakhstan" not in score_sentence(ss[0], ents.mentions)


def test_word_index_finds_what_a_full_scan_finds():
    from scripts.extract.stance import cue_index, lexicon

    text = (
        "Russia's aggression and invasion, Chinese debt-trap loans, win-win and mutually beneficial ties, "
        "no prospects, a dead association, anti-Russian moves, more serious consequences, the chaotic exit, "
        "provocations and provoked clashes, arrogance, Kazakhstan is extremely dependent, well aware, good-neighbourly, "
        "the Russian-led bloc's ex-occupation, the enemy's shelling, 'aggression' in quotes, (invasion)."
    )
    full = sorted((m.span(), cue.text) for cue in lexicon() for m in cue.pattern.finditer(text))
    indexed = sorted((m.span(), cue.text) for m, cue in cue_index().finditer(text))
    assert len(full) >= 15 and indexed == full


def test_word_keys_spell_out_leading_groups_and_give_up_on_what_they_cannot_read():
    from scripts.extract.stance_voice import word_keys

    def keys(body: str) -> frozenset[str] | None:
        return word_keys(rf"(?<![\w-])(?:{body})(?![\w-])")

    assert keys("invade[sd]?") == {"inv"}
    assert keys("(?:more )?serious consequences") == {"mor", "ser"}
    assert keys("esteemed|(?:highly )?respected") == {"est", "hig", "res"}
    assert keys("no prospects") == {"no"}
    assert keys("don't care") == {"don"}
    assert keys("(?:i)|(?:we)|(?:our)") == {"i", "we", "our"}  # whole words: the lookahead ends them
    assert keys("fm.") is None  # 'fm' or 'fmx'? too short to say
    assert keys(r"\w+ aggression") is None
    assert keys("(?:a|b)+ war") is None
    assert word_keys("aggression") is None  # no lookbehind: a match may start inside a word
    assert word_keys(r"(?<![\w-])chaos|chaotic") is None  # the lookbehind binds only 'chaos'


def test_word_index_finds_what_one_alternating_pattern_finds():
    import re

    from scripts.extract.stance_voice import WordIndex

    words = ["said", "said on", "stated", "ex", "(?:is|was) convinced"]
    alternating = re.compile(
        rf"(?<![\w-])(?:{'|'.join(f'(?:{w})' for w in sorted(words, key=len, reverse=True))})(?![\w-])", re.IGNORECASE
    )
    text = "He said on Monday, she said; 'stated' ex-ex, was convinced it SAID on-line ex ex said on"
    expected = [m.span() for m in alternating.finditer(text)]
    assert len(expected) > 5 and [m.span() for m, _ in WordIndex([(alternating, None)]).finditer(text)] == expected
    assert WordIndex([(alternating, None)]).found_in("it was convinced") and not WordIndex([(alternating, None)]).found_in("unsaid")


def test_narrowed_keeps_the_alternatives_that_can_start_at_a_key_in_their_order():
    import re

    from scripts.extract.stance_voice import narrowed

    pattern = re.compile(r"(?<![\w-])(?:(?:said on)|(?:stated)|(?:said)|(?:is|was) convinced)(?![\w-])", re.IGNORECASE)
    by_key = narrowed(pattern)
    assert {k: p.pattern for k, p in by_key.items()} == {
        "sai": r"(?<![\w-])(?:(?:said on)|(?:said))(?![\w-])",  # 'said on' still tried before 'said'
        "sta": r"(?<![\w-])(?:(?:stated))(?![\w-])",
        "is": r"(?<![\w-])(?:(?:is|was) convinced)(?![\w-])",
        "was": r"(?<![\w-])(?:(?:is|was) convinced)(?![\w-])",
    }
    assert all(p.flags & re.IGNORECASE for p in by_key.values())
    assert by_key["sai"].match("SAID ON Monday").group() == pattern.match("SAID ON Monday").group() == "SAID ON"
    assert narrowed(re.compile(r"(?<![\w-])(?:said|\w+ly said)")) == {}  # an alternative without keys
    assert narrowed(re.compile(r"(?<![\w-])(?:said|stated)?ly")) == {}  # an optional group: not one alternation
    assert narrowed(re.compile(r"(?:said|stated)")) == {}  # no lookbehind


def test_word_at_finds_whole_words_only():
    from scripts.extract.stance_voice import word_at

    assert word_at("Russia, Russian, (Russia) Russia_x Russia", "Russia") == [0, 18, 35]
    assert word_at("U.S. and U.S.", "U.S.") == [0, 9]
    assert word_at("anything", "") == []


def test_a_judgement_on_actors_goes_to_the_actors_judged_not_to_the_judge():
    ss = sentences("Kazakhstan condemned Russia and Belarus.")
    ents = extract_entities(ss, fixture_registry())
    scores = score_sentence(ss[0], ents.mentions)
    assert "Kazakhstan" not in scores
    assert sum(w for w, _ in scores["Russia"]) < 0 and sum(w for w, _ in scores["Belarus"]) < 0


def test_an_actor_that_escapes_or_suffers_a_deed_is_not_its_doer():
    for text in ("Will Kazakhstan escape a color revolution?", "Armenia suffered another provocation.",
                 "Tajikistan fell prey to interference."):
        ss = sentences(text)
        ents = extract_entities(ss, fixture_registry())
        assert score_sentence(ss[0], ents.mentions) == {}, text


def test_the_object_of_a_verb_or_preposition_is_not_the_doer_of_the_next_deed():
    ss = sentences("The U.S. is trying to counter China and Russia's influence and to drive a wedge between the two.")
    ents = extract_entities(ss, fixture_registry())
    scores = score_sentence(ss[0], ents.mentions)
    assert "China" not in scores and "Russia" not in scores
    assert sum(w for w, _ in scores["United States"]) < 0


def test_from_names_the_doer_only_after_subjected_to():
    fire = sentences("Villages of Azerbaijan were subjected to heavy fire from Armenia.")
    ents = extract_entities(fire, fixture_registry())
    assert sum(w for w, _ in score_sentence(fire[0], ents.mentions)["Armenia"]) < 0
    freed = sentences("Azerbaijan liberated the villages from Armenia.")
    ents = extract_entities(freed, fixture_registry())
    scores = score_sentence(freed[0], ents.mentions)
    assert sum(w for w, _ in scores["Azerbaijan"]) > 0 and "Armenia" not in scores


def test_we_are_allies_in_a_bilateral_transcript_is_about_both_countries():
    labels = stance_with_registry(
        "President of Russia Vladimir Putin: Welcome to Moscow, President Tokayev of Kazakhstan.\n\n"
        "We are not just partners, we are the closest allies. Our relations are exemplary and our friendship is "
        "unbreakable.\n\nRussia and Kazakhstan will sign papers."
    )
    assert labels["Russia"] == "supportive" and labels["Kazakhstan"] == "supportive"


def test_our_country_in_the_outlets_own_voice_is_its_main_country():
    labels = stance_with_registry(
        "Turkmenistan marks the glorious anniversary of its neutrality. The foreign policy of our neutral "
        "fatherland is wise and noble. Turkmenistan hosts the forum."
    )
    assert labels["Turkmenistan"] == "supportive"


def test_the_standard_name_of_a_war_alone_is_no_stance():
    labels = stance_with_registry(
        "Since the Russian invasion of Ukraine, Central Asia has drawn visits. Russia remains a trading partner. "
        "Ukraine and Russia are far away, and Russia sells wheat."
    )
    assert labels["Russia"] == "neutral"


def test_the_honorific_register_is_the_narrators_even_in_reported_speech():
    labels = stance_with_registry(
        "The head of state warmly congratulated the people of Turkmenistan on the glorious anniversary of neutrality, "
        "the noble tradition of Turkmenistan. Turkmenistan marks the day."
    )
    quoted = stance_with_registry(
        "“This is a glorious anniversary of the noble tradition of Turkmenistan,” the head of state said. "
        "Turkmenistan marks the day. Turkmenistan hosts guests."
    )
    assert labels["Turkmenistan"] == "supportive"
    assert quoted["Turkmenistan"] == "neutral"


def test_words_before_a_passive_attribution_stay_the_outlets_own():
    from scripts.extract.stance_voice import sentence_voices

    ss = sentences("Karimov was one of Asia's most autocratic leaders, and was accused by rights groups of torture.")
    voice = sentence_voices(ss, {}, {})[0]
    text = ss[0].text
    assert voice.at(text.index("autocratic"), text.index("autocratic") + 10, text).kind == "own"
    assert voice.at(text.index("torture"), text.index("torture") + 7, text).kind == "relayed"


def test_a_supposition_or_open_question_counts_half():
    ss = sentences("Observers ask whether China will expand its influence. China will expand its influence.")
    ents = extract_entities(ss, fixture_registry())
    hedged = sum(w for w, _ in score_sentence(ss[0], [m for m in ents.mentions if m.sentence == 0])["China"])
    plain = sum(w for w, _ in score_sentence(ss[1], [m for m in ents.mentions if m.sentence == 1])["China"])
    assert hedged == plain / 2


def read_genre_of(text: str, headline: str | None = None, page: tuple[str, ...] = ()):
    from scripts.extract.stance_voice import read_genre, sentence_voices

    ss = sentences(text)
    ents = extract_entities(ss, fixture_registry())
    by_sentence: dict[int, list] = {}
    for m in ents.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    return read_genre(ss, sentence_voices(ss, by_sentence, {}), headline, page)


def test_genre_transcript_interview_opinion_and_relaying_report():
    transcript = read_genre_of(
        "President of Russia Vladimir Putin: Welcome, friends.\n\nWe value this visit.\n\n"
        "President of Kazakhstan Kassym-Jomart Tokayev: Thank you.\n\nWe share this view."
    )
    interview = read_genre_of(
        "How do you see the summit?\n\nWe see it as a success. It was long prepared.\n\n"
        "What comes next?\n\nWe will build roads. The work starts soon."
    )
    opinion = read_genre_of(
        "Washington talks of freedom. But who believes it? It is clear that the sanctions failed. "
        "Obviously, the region has learned. Central Asia must not be a pawn."
    )
    relaying = read_genre_of(
        "The minister said the talks went well. He added that a treaty is ready. "
        "According to the ministry, papers were signed. The visit ended."
    )
    filed = read_genre_of("Russia met China. China met Russia.", page=("Home > Opinion > Columns",))
    assert (transcript.name, interview.name, opinion.name, relaying.name, filed.name) == (
        "first-person statement", "interview", "opinion", "report relaying statements", "opinion")


def test_an_opinion_pieces_own_words_weigh_more_than_a_reports():
    text = "Russia is weak. Russia is isolated. Moscow met Beijing."
    ss = sentences(text)
    registry = fixture_registry()
    ents = extract_entities(ss, registry)
    report = extract_stance(ss, ents, None, registry)
    opinion = extract_stance(ss, ents, None, registry, ("Opinion",))
    assert opinion.scores["Russia"] < report.scores["Russia"] < 0
    assert "read as opinion" in opinion.evidence["Russia"]


def test_an_actor_named_in_the_headline_by_any_spelling_is_a_main_actor():
    from scripts.extract.stance import main_actors

    ss = sentences("The President spoke about the CSTO. Armenia and Russia met. Armenia hosted Russia.")
    ents = extract_entities(ss, fixture_registry())
    csto = "Collective Security Treaty Organization"
    assert csto not in main_actors(ents, None)
    assert csto in main_actors(ents, "The President is disappointed with the CSTO")


def test_a_cue_goes_to_the_nearest_actor_even_one_the_article_is_not_about():
    labels = stance_with_registry(
        "Armenia asked for help. Armenia's appeals were ignored, and Belarus is weak, isolated and dependent. "
        "Armenia left. Armenia waits."
    )
    assert labels["Armenia"] == "neutral"


def test_a_complement_clause_is_its_own_clause():
    ss = sentences("Armenia's appeals showed that the bloc is weak and ineffective.")
    ents = extract_entities(ss, fixture_registry())
    assert "Armenia" not in score_sentence(ss[0], ents.mentions)


def test_its_and_they_stand_for_the_subject_before_them():
    labels = stance_with_registry(
        "The United States talks of partnership, but its policy in the region is hypocrisy and double standards. "
        "It is clear that nobody believes it. Kazakhstan and Kyrgyzstan met the U.S. envoy."
    )
    assert labels["United States"] == "critical"
    from scripts.extract.stance import sentence_subject

    ss = sentences("Japan and the U.S. showed interest in Kazakhstan. They want to destabilize and exploit the region.")
    ents = extract_entities(ss, fixture_registry())
    first = [m for m in ents.mentions if m.sentence == 0]
    scores = score_sentence(ss[1], [], antecedent=sentence_subject(ss[0].text, first))
    assert set(scores) == {"Japan", "United States"}
    assert all("via 'They'" in cue for _, cue in scores["Japan"])


def test_no_pronoun_stands_for_an_actor_when_it_is_expletive_or_the_doer_is_named():
    ss = sentences("Kazakhstan faced unrest. Tokayev said it was an organised aggression waged by foreign groups. "
                   "It is clear that interference is dangerous.")
    registry = fixture_registry()
    ents = extract_entities(ss, registry)
    by_sentence: dict[int, list] = {}
    for m in ents.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    from scripts.extract.stance import sentence_subject

    for s in ss[1:]:
        antecedent = sentence_subject(ss[0].text, by_sentence.get(0, []))
        assert "Kazakhstan" not in score_sentence(s, by_sentence.get(s.index, []), antecedent=antecedent)


def test_every_alternative_of_a_cue_is_a_whole_word():
    from scripts.extract.stance import cue_index

    cues = [m.group() for m, _ in cue_index().finditer("Hisham, the national leaders, unwise chaotically: a sham, chaos, wisdom.")]
    assert cues == ["sham", "chaos", "wisdom"]


def test_a_quality_named_in_the_subject_goes_to_the_actor_after_the_copula():
    ss = sentences("The owner of the land is Kazakhstan and the occupant country is Russia.")
    ents = extract_entities(ss, fixture_registry())
    scores = score_sentence(ss[0], ents.mentions)
    assert sum(w for w, _ in scores["Russia"]) < 0 and "Kazakhstan" not in scores


def test_outstanding_issues_are_unresolved_not_praise():
    ss = sentences("Kazakhstan and Russia will settle the outstanding border issues. Russia is an outstanding partner.")
    ents = extract_entities(ss, fixture_registry())
    assert not score_sentence(ss[0], ents.mentions)
    assert sum(w for w, _ in score_sentence(ss[1], ents.mentions)["Russia"]) > 0
