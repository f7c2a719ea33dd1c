using System.Globalization;
using System.Text;

namespace NewsPulse.Tagging;

/// <summary>
/// Splits English and French text into the words names are made of. Hyphens and apostrophes end a word
/// ("États-Unis" is two words, "l'Inde" is "l" and "Inde"), so a French elision or an English possessive never
/// hides a name; dotted initials ("U.S.", "U.K.") are read as one word ("US"). Pure.
/// </summary>
public static class MentionTokenizer
{
    public static List<MentionToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<MentionToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                // '&' joins names ("AT&T", "Procter & Gamble"), so it is a word of its own.
                if (text[i] == '&')
                {
                    tokens.Add(new MentionToken("&", "&", i, i + 1));
                }

                i++;
                continue;
            }

            var initials = DottedInitials(text, i);
            if (initials > 0)
            {
                var surface = text[i..(i + initials)];
                tokens.Add(new MentionToken(Normalize(surface.Replace(".", string.Empty, StringComparison.Ordinal)), surface.Replace(".", string.Empty, StringComparison.Ordinal), i, i + initials));
                i += initials;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            tokens.Add(new MentionToken(Normalize(word), word, start, i));
        }

        return tokens;
    }

    /// <summary>Lower case without diacritics: the form gazetteer keys are stored in.</summary>
    public static string Normalize(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        // Most words of English and French text are plain ASCII, which needs no decomposition: the fast path
        // keeps tokenizing a story cheap.
        if (System.Text.Ascii.IsValid(word))
        {
            return word.ToLowerInvariant();
        }

        var decomposed = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Length of a run of at least two single letters each followed by a dot ("U.S.", "U.K."), else 0.</summary>
    private static int DottedInitials(string text, int start)
    {
        var i = start;
        var letters = 0;
        while (i + 1 < text.Length && char.IsLetter(text[i]) && text[i + 1] == '.')
        {
            letters++;
            i += 2;
        }

        return letters >= 2 ? i - start : 0;
    }
}
