using NewsPulse.Tagging;

namespace NewsPulse.Digest;

/// <summary>
/// Words as the tagger's tokenizer keys them: lower case, no diacritics, split at apostrophes and hyphens, so "d'Airbus"
/// holds the word "airbus" and "l'hydrogène" the word "hydrogene". Matching whole keyed words finds names and phrases
/// without finding "AI" inside "said".
/// </summary>
internal static class TextKeys
{
    public static string[] Of(string text) => [.. MentionTokenizer.Tokenize(text).Select(t => t.Key)];

    /// <summary>One key for a full name, so "Jean-Marc Lévy" and "jean marc levy" are the same person.</summary>
    public static string Name(string name) => string.Join(' ', Of(name));

    public static bool ContainsPhrase(string[] words, string[] phrase)
    {
        if (phrase.Length == 0)
        {
            return false;
        }

        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
            {
                return true;
            }
        }

        return false;
    }
}
