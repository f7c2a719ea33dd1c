namespace NewsPulse.Quotes;

/// <summary>A word or a punctuation mark of a text, with its position.</summary>
internal readonly record struct Word(string Text, int Start, int End)
{
    public bool IsWord => char.IsLetterOrDigit(Text[0]);

    public bool IsCapitalised => char.IsUpper(Text[0]);

    public string Lower => Text.ToLowerInvariant();
}

/// <summary>Splits text into words (letters and digits; apostrophes and hyphens end a word) and single punctuation marks. Pure.</summary>
internal static class Words
{
    /// <summary>"-t-il", "-elle", "-on"...: the pronoun of a French inversion, which a hyphen never joins to the verb.</summary>
    private static bool StartsInversion(string text, int at, int to)
    {
        var end = at;
        while (end < to && char.IsLetter(text[end]))
        {
            end++;
        }

        return text[at..end] is "t" or "il" or "elle" or "ils" or "elles" or "on" or "je" or "tu" or "nous" or "vous" or "ce" or "là";
    }

    public static List<Word> Split(string text, int from, int to)
    {
        var words = new List<Word>();
        var i = from;
        while (i < to)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                // A hyphen before a capital joins a name ("Lindqvist-Bauer", "Jean-Pierre"); before a lower-case letter
                // it splits French inversions ("dit-il", "a-t-elle").
                while (i < to && (char.IsLetterOrDigit(text[i])
                    || (text[i] is '.' && i + 1 < to && char.IsLetter(text[i + 1]) && i - start == 1)
                    || (text[i] is '-' && i + 1 < to && char.IsLetter(text[i + 1]) && char.IsUpper(text[start]) && !StartsInversion(text, i + 1, to))))
                {
                    i++;
                }

                words.Add(new Word(text[start..i], start, i));
                continue;
            }

            if (!QuoteMarks.IsSpace(c) && c is not '\'' and not '’' and not '-')
            {
                words.Add(new Word(c.ToString(), i, i + 1));
            }

            i++;
        }

        return words;
    }
}
