"""Text primitives: tokens with offsets, case folding."""

from scripts.textutil import Token, fold_case, tokenize


def test_tokens_keep_inner_punctuation_and_their_offsets():
    text = "  RFE/RL and Kun.uz: C5+1 talks in Nur-Sultan!  "
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["RFE/RL", "and", "Kun.uz", ":", "C5+1", "talks", "in", "Nur-Sultan", "!"]
    assert all(type(t) is Token and text[t.start : t.end] == t.text for t in tokens)


def test_a_possessive_s_is_a_token_of_its_own_after_two_letters_or_more():
    text = "Russia's and Xi'an’s envoys: A's Bob's"
    assert [(t.text, t.start, t.end) for t in tokenize(text)] == [
        ("Russia", 0, 6), ("'s", 6, 8), ("and", 9, 12), ("Xi'an", 13, 18), ("’s", 18, 20),
        ("envoys", 21, 27), (":", 27, 28), ("A's", 29, 32), ("Bob", 33, 36), ("'s", 36, 38),
    ]
    assert tokenize("") == [] and tokenize("   ") == []


def test_fold_case_lowers_as_ignorecase_compares_one_character_for_one():
    for text in ("İstanbul ıs ſ K", "Ташкент “Quote”", "plain ASCII", ""):
        folded = fold_case(text)
        assert len(folded) == len(text)
    assert fold_case("İstanbul ıs ſ K") == "istanbul is s k"
    assert fold_case("Ташкент “Quote”") == "ташкент “quote”"
