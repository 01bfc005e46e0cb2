import pytest

from scripts import wordlists


def test_word_lists_refuse_words_yaml_reads_as_booleans(tmp_path, monkeypatch):
    (tmp_path / "sample.yaml").write_text("ok: [the, 'no', of]\nbad: [the, no, of]\n", encoding="utf-8")
    monkeypatch.setattr(wordlists, "DATA", tmp_path)
    wordlists._file.cache_clear()
    wordlists.words.cache_clear()
    try:
        assert wordlists.words("sample", "ok") == {"the", "no", "of"}
        with pytest.raises(ValueError, match="quote"):
            wordlists.words("sample", "bad")
    finally:
        wordlists._file.cache_clear()
        wordlists.words.cache_clear()


def test_the_shipped_lists_load():
    assert "the" in wordlists.words("language", "stopwords") and "on" in wordlists.words("language", "stopwords")
    assert "said" in wordlists.words("language", "speech_verbs")
