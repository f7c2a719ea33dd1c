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

    private const int SampleCharacters = 400;

    /// <summary>Buckets of the hashed feature table (a power of two); collisions only blur rare features a little.</summary>
    private const int TableBuckets = 1 << 17;

    private readonly string[] _trained;

    /// <summary>
    /// Log-probability of each hashed feature for each language, add-one smoothed, languages side by side in one
    /// flat array: scoring a feature is one hash and one cache line, which matters right after a page's DOM has
    /// filled the cache. A bucket no training feature reached holds each language's smoothing floor.
    /// </summary>
    private readonly float[] _logs;

    public LanguageIdentifier(IEnumerable<(string Language, string Text)> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var samples = training
            .Where(sample => !ScriptLanguages.Contains(sample.Language))
            .GroupBy(sample => sample.Language, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToList();
        _trained = [.. samples.Select(group => group.Key)];
        var languages = _trained.Length;
        var counts = new int[TableBuckets * languages];
        var totals = new long[languages];
        var distinct = new int[languages];
        for (var language = 0; language < languages; language++)
        {
            foreach (var text in samples[language].Select(sample => sample.Text))
            {
                ForEachFeature(text, bucket =>
                {
                    var slot = (bucket * languages) + language;
                    distinct[language] += counts[slot] == 0 ? 1 : 0;
                    counts[slot]++;
                    totals[language]++;
                });
            }
        }

        var logTotals = Enumerable.Range(0, languages).Select(l => Math.Log(totals[l] + distinct[l] + 1)).ToArray();
        _logs = new float[counts.Length];
        for (var slot = 0; slot < counts.Length; slot++)
        {
            _logs[slot] = (float)(Math.Log(counts[slot] + 1) - logTotals[slot % languages]);
        }
    }

    /// <summary>Languages told by their script alone.</summary>
    private static readonly HashSet<string> ScriptLanguages = new(StringComparer.Ordinal) { "ru", "zh", "ja" };



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

    /// <summary>Sums each language's log-likelihood over the text's features.</summary>
    private double[] Score(ReadOnlySpan<char> text)
    {
        var languages = _trained.Length;
        var scores = new double[languages];
        ForEachFeature(text, bucket =>
        {
            var row = _logs.AsSpan(bucket * languages, languages);
            for (var i = 0; i < row.Length; i++)
            {
                scores[i] += row[i];
            }
        });
        return scores;
    }

    /// <summary>
    /// The hashed features of a text: each lower-cased word, and the character 1- to 4-grams of the word padded with
    /// a space on either side. Training and scoring read text through this one method, so they always agree.
    /// </summary>
    private static void ForEachFeature(ReadOnlySpan<char> text, Action<int> visit)
    {
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
            visit(Bucket(padded.Slice(1, length), WordSeed));
            var word = padded[..(length + 2)];
            for (var n = 1; n <= MaxGram; n++)
            {
                for (var start = 0; start + n <= word.Length; start++)
                {
                    visit(Bucket(word.Slice(start, n), GramSeed));
                }
            }

            length = 0;
        }
    }

    // FNV-1a over the characters, seeded differently for words and n-grams so that "a" the word and "a" the letter differ.
    private const uint WordSeed = 2166136261;
    private const uint GramSeed = 2166136261 ^ 0x5bd1e995;

    private static int Bucket(ReadOnlySpan<char> feature, uint seed)
    {
        var hash = seed;
        foreach (var c in feature)
        {
            hash = (hash ^ c) * 16777619;
        }

        hash ^= hash >> 15;
        return (int)(hash & (TableBuckets - 1));
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c is '\'' or '’';

}
