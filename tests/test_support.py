"""A claim's statement must be carried by its quote (issue #15), on sentences written for this test."""

from summarizer.support import beyond_quote


def test_an_honest_paraphrase_passes():
    assert beyond_quote("Acme will close three plants.", "Acme said it would close three plants in May.") is None
    # the speaker's own name, and a state's capital for the state, are not additions
    assert beyond_quote("Jo Ray says Canada will reply.", "Ottawa will reply, she said.", ["Jo Ray"]) is None


def test_a_name_a_number_or_most_words_the_quote_lacks_are_reasons():
    why = beyond_quote("Zenith will buy Acme Research.", "We will buy the company next year.", ["Zenith"])
    assert why and "it names Acme Research" in why
    why = beyond_quote("Acme will close five plants.", "Acme will close three plants.")
    assert why and "five" in why
    why = beyond_quote("The council approved the harbour budget.", "We love our city and its parks.")
    assert why and "of its words" in why
