using System.Globalization;
using System.Text;

namespace NewsPulse.App.Evaluation;

/// <summary>
/// The article-body scoring rule of the Zyte extraction benchmark: token 4-shingles as multisets, per-page counts
/// normalised so every page weighs the same, macro precision and recall over pages, F1 of the two averages, and
/// exact token-list accuracy. Pure.
/// </summary>
public static class ExtractionScorer
{
    private const int ShingleSize = 4;

    /// <summary>One page: the normalised counts, or whether the prediction's tokens equal the truth's.</summary>
    public sealed record PageScore(double TruePositive, double FalsePositive, double FalseNegative, bool ExactMatch);

    public sealed record Summary(double Precision, double Recall, double F1, double Accuracy, int Pages);

    /// <summary>
    /// Maximal runs of word characters: '_' and the letters and numbers of categories Lu, Ll, Lt, Lm, Lo, Nd, Nl, No
    /// (Python's <c>\w</c>, which .NET's regex <c>\w</c> is not), read by Unicode scalar, case kept.
    /// </summary>
    public static List<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static bool IsWordRune(Rune rune) => rune.Value == '_' || Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    /// <summary>The multiset of 4-token windows; fewer than 4 tokens make one window of them all, none make none.</summary>
    public static Dictionary<string, int> Shingles(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return shingles;
        }

        // Tokens never contain a space (it is not a word character), so joining with one keeps windows distinct.
        var windows = tokens.Count < ShingleSize ? 1 : tokens.Count - ShingleSize + 1;
        for (var i = 0; i < windows; i++)
        {
            var key = string.Join(' ', tokens.Skip(i).Take(ShingleSize));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }

    public static PageScore ScorePage(string truth, string prediction)
    {
        var truthTokens = Tokens(truth);
        var predictedTokens = Tokens(prediction);
        var expected = Shingles(truthTokens);
        var predicted = Shingles(predictedTokens);
        double tp = 0, fp = 0, fn = 0;
        foreach (var key in expected.Keys.Union(predicted.Keys))
        {
            var inTruth = expected.GetValueOrDefault(key);
            var inPrediction = predicted.GetValueOrDefault(key);
            tp += Math.Min(inTruth, inPrediction);
            fp += Math.Max(0, inPrediction - inTruth);
            fn += Math.Max(0, inTruth - inPrediction);
        }

        var total = tp + fp + fn;
        if (total > 0)
        {
            (tp, fp, fn) = (tp / total, fp / total, fn / total);
        }

        return new PageScore(tp, fp, fn, truthTokens.SequenceEqual(predictedTokens, StringComparer.Ordinal));
    }

    /// <summary>Macro averages: precision over pages that predicted something, recall over pages with a truth.</summary>
    public static Summary Summarise(IReadOnlyCollection<PageScore> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var precisions = pages.Where(p => p.TruePositive + p.FalsePositive > 0).Select(Precision).ToList();
        var recalls = pages.Where(p => p.TruePositive + p.FalseNegative > 0).Select(Recall).ToList();
        var precision = precisions.Count == 0 ? 0 : precisions.Average();
        var recall = recalls.Count == 0 ? 0 : recalls.Average();
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var accuracy = pages.Count == 0 ? 0 : (double)pages.Count(p => p.ExactMatch) / pages.Count;
        return new Summary(precision, recall, f1, accuracy, pages.Count);
    }

    private static double Precision(PageScore page) =>
        page.FalsePositive == 0 && page.FalseNegative == 0 ? 1 : page.TruePositive == 0 && page.FalsePositive == 0 ? 0 : page.TruePositive / (page.TruePositive + page.FalsePositive);

    private static double Recall(PageScore page) =>
        page.FalsePositive == 0 && page.FalseNegative == 0 ? 1 : page.TruePositive == 0 && page.FalseNegative == 0 ? 0 : page.TruePositive / (page.TruePositive + page.FalseNegative);
}
