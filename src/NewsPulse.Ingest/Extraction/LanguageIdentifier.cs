using System.Text;

namespace NewsPulse.Ingest.Extraction;

/// <summary>
/// Offline language identification for en, fr, de, es, it, pt, nl, ru, zh and ja. Scripts decide first (kana means
/// Japanese, Han without kana Chinese, Cyrillic Russian); Latin-script languages are told apart by a naive Bayes
/// model over character 1- to 4-grams and whole words, trained on the project's own labelled paragraphs.
/// </summary>
public sealed class LanguageIdentifier
{
    /// <summary>Below this many letters a guess from the text is worth less than the page's own declaration.</summary>
    public const int MinLetters = 60;

    private const int MaxGram = 4;

    private const int SampleCharacters = 600;

    private readonly string[] _trained;
    private readonly Dictionary<string, double[]> _grams;
    private readonly Dictionary<string, double[]> _words;
    private readonly double[] _unseen;

    public LanguageIdentifier(IEnumerable<(string Language, string Text)> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var counts = training
            .Where(sample => !ScriptLanguages.Contains(sample.Language))
            .GroupBy(sample => sample.Language, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (Language: group.Key, Counts: Count(group.Select(sample => sample.Text))))
            .ToList();
        _trained = [.. counts.Select(c => c.Language)];

        // Log-probabilities per feature and language, add-one smoothed, laid out so that scoring a feature is one
        // lookup whatever the number of languages; a feature no language saw costs each its smoothing floor.
        var logTotals = counts.Select(c => Math.Log(c.Counts.Values.Sum() + c.Counts.Count + 1)).ToArray();
        _unseen = [.. logTotals.Select(total => -total)];
        _grams = new Dictionary<string, double[]>(StringComparer.Ordinal);
        _words = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var feature in counts.SelectMany(c => c.Counts.Keys).Distinct())
        {
            var logs = counts.Select((c, i) => Math.Log(c.Counts.GetValueOrDefault(feature) + 1) - logTotals[i]).ToArray();
            if (feature.StartsWith(WordMark, StringComparison.Ordinal))
            {
                _words[feature[WordMark.Length..]] = logs;
            }
            else
            {
                _grams[feature] = logs;
            }
        }
    }

    /// <summary>Languages told by their script alone.</summary>
    private static readonly HashSet<string> ScriptLanguages = new(StringComparer.Ordinal) { "ru", "zh", "ja" };

    public IReadOnlyCollection<string> Languages => [.. _trained.Concat(ScriptLanguages).Order(StringComparer.Ordinal)];

    private const string WordMark = "w:";

    /// <summary>The text's language as an ISO 639-1 code, or null when the text has too few letters to tell.</summary>
    public string? Identify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A paragraph or two decides as well as the whole article and keeps long pages cheap.
        var sample = text.AsSpan(0, Math.Min(text.Length, SampleCharacters));
        int latin = 0, cyrillic = 0, han = 0, kana = 0, letters = 0;
        foreach (var rune in sample.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
            {
                continue;
            }

            letters++;
            var value = rune.Value;
            if (value is >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9D)
            {
                kana++;
            }
            else if (value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF or >= 0xF900 and <= 0xFAFF)
            {
                han++;
            }
            else if (value is >= 0x0400 and <= 0x04FF)
            {
                cyrillic++;
            }
            else if (value <= 0x024F || value is >= 0x1E00 and <= 0x1EFF)
            {
                latin++;
            }
        }

        // CJK text packs a word into one or two characters, so far fewer letters are enough.
        if (kana + han >= 20 && kana + han >= letters / 3)
        {
            return kana >= (kana + han) / 20.0 ? "ja" : "zh";
        }

        if (letters < MinLetters)
        {
            return null;
        }

        if (cyrillic > latin)
        {
            return "ru";
        }

        var scores = Score(sample);
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            best = scores[i] > scores[best] ? i : best;
        }

        return _trained.Length == 0 ? null : _trained[best];
    }

    /// <summary>Sums each language's log-likelihood over the text's features without building a string per feature.</summary>
    private double[] Score(ReadOnlySpan<char> text)
    {
        var scores = new double[_trained.Length];
        var grams = _grams.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> padded = stackalloc char[66];
        var length = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (IsWordChar(c) && length < padded.Length - 2)
            {
                padded[++length] = char.ToLowerInvariant(c);
                continue;
            }

            if (length == 0)
            {
                continue;
            }

            padded[0] = ' ';
            padded[length + 1] = ' ';
            Add(scores, words.TryGetValue(padded.Slice(1, length), out var wordLogs) ? wordLogs : _unseen);
            var word = padded[..(length + 2)];
            for (var n = 1; n <= MaxGram; n++)
            {
                for (var start = 0; start + n <= word.Length; start++)
                {
                    Add(scores, grams.TryGetValue(word.Slice(start, n), out var gramLogs) ? gramLogs : _unseen);
                }
            }

            length = 0;
        }

        return scores;
    }

    private static void Add(double[] scores, double[] logs)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] += logs[i];
        }
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c is '\'' or '’';

    private static Dictionary<string, int> Count(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in texts.SelectMany(Features))
        {
            counts[feature] = counts.GetValueOrDefault(feature) + 1;
        }

        return counts;
    }

    /// <summary>Lower-cased words, and the character n-grams of each word padded with a space on either side.</summary>
    private static List<string> Features(string text)
    {
        var features = new List<string>();
        foreach (var word in Words(text))
        {
            features.Add(WordMark + word);
            var padded = " " + word + " ";
            for (var n = 1; n <= MaxGram; n++)
            {
                for (var i = 0; i + n <= padded.Length; i++)
                {
                    features.Add(padded.Substring(i, n));
                }
            }
        }

        return features;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (IsWordChar(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
