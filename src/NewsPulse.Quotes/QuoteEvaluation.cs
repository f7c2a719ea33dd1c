using NewsPulse.Tagging;

namespace NewsPulse.Quotes;

/// <summary>Quote finding and attribution scores of one language (or one kind of quote).</summary>
public sealed record QuoteScores(string Language, int Articles, int Gold, int Predicted, int Matched, int SpeakerCorrect, int WithOrganisation, int OrganisationCorrect)
{
    /// <summary>Share of matched quotes of people with an annotated organisation whose organisation was found the same.</summary>
    public double OrganisationAccuracy => WithOrganisation == 0 ? 0 : (double)OrganisationCorrect / WithOrganisation;

    public double Precision => Predicted == 0 ? 1 : (double)Matched / Predicted;

    public double Recall => Gold == 0 ? 1 : (double)Matched / Gold;

    public double F1 => Matched == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Share of matched quotes whose speaker is the annotated one.</summary>
    public double SpeakerAccuracy => Matched == 0 ? 0 : (double)SpeakerCorrect / Matched;
}

/// <summary>A quote the extractor got wrong, for the error list.</summary>
public sealed record QuoteError(string ArticleId, string Problem, string Quote, string? Expected, string? Found);

/// <summary>
/// Scores extracted quotes against annotated ones. A found quote matches an annotated one when they share at least
/// 80% of the longer of the two spans (each annotated quote matches at most one found quote); its speaker is
/// right when the names agree ignoring case, diacritics and a leading article; so is its organisation. Pure.
/// </summary>
public static class QuoteEvaluation
{
    public const double MinimumOverlap = 0.8;

    public static (List<QuoteScores> Scores, List<QuoteError> Errors) Evaluate(QuoteExtractor extractor, IEnumerable<AnnotatedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var errors = new List<QuoteError>();
        var counts = new Dictionary<string, (int Articles, int Gold, int Predicted, int Matched, int Speaker, int WithOrganisation, int Organisation)>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var language = article.Language ?? "?";
            var found = extractor.Extract(article.Text, article.Language);
            var used = new bool[found.Count];
            var (articlesSoFar, gold, predicted, matched, speaker, withOrganisation, organisation) = counts.GetValueOrDefault(language);
            foreach (var quote in article.Quotes)
            {
                var best = -1;
                var bestOverlap = 0.0;
                for (var i = 0; i < found.Count; i++)
                {
                    var overlap = Overlap(quote.Start, quote.End, found[i].Start, found[i].End);
                    if (!used[i] && overlap >= MinimumOverlap && overlap > bestOverlap)
                    {
                        (best, bestOverlap) = (i, overlap);
                    }
                }

                if (best < 0)
                {
                    errors.Add(new QuoteError(article.Id, $"missed {quote.Kind}", quote.Text, quote.Speaker, null));
                    continue;
                }

                used[best] = true;
                matched++;
                // Scored for people only: an organisation that speaks is its own organisation, which annotators record or not.
                if (!string.IsNullOrEmpty(quote.SpeakerOrg) && !SameSpeaker(quote.SpeakerOrg, quote.Speaker))
                {
                    withOrganisation++;
                    if (SameSpeaker(quote.SpeakerOrg, found[best].SpeakerOrg))
                    {
                        organisation++;
                    }
                    else
                    {
                        errors.Add(new QuoteError(article.Id, "wrong organisation", quote.Text, quote.SpeakerOrg, found[best].SpeakerOrg));
                    }
                }

                if (SameSpeaker(quote.Speaker, found[best].Speaker))
                {
                    speaker++;
                }
                else
                {
                    errors.Add(new QuoteError(article.Id, "wrong speaker", quote.Text, quote.Speaker, found[best].Speaker));
                }
            }

            for (var i = 0; i < found.Count; i++)
            {
                if (!used[i])
                {
                    errors.Add(new QuoteError(article.Id, $"not a quote ({found[i].Kind.ToString().ToLowerInvariant()})", found[i].Text, null, found[i].Speaker));
                }
            }

            counts[language] = (articlesSoFar + 1, gold + article.Quotes.Count, predicted + found.Count, matched, speaker, withOrganisation, organisation);
        }

        return ([.. counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new QuoteScores(c.Key, c.Value.Articles, c.Value.Gold, c.Value.Predicted, c.Value.Matched, c.Value.Speaker, c.Value.WithOrganisation, c.Value.Organisation))], errors);
    }

    /// <summary>Shared characters over the longer span's length.</summary>
    public static double Overlap(int start, int end, int otherStart, int otherEnd)
    {
        var shared = Math.Min(end, otherEnd) - Math.Max(start, otherStart);
        return shared <= 0 ? 0 : (double)shared / Math.Max(end - start, otherEnd - otherStart);
    }

    public static bool SameSpeaker(string? expected, string? found) =>
        expected is not null && found is not null && Key(expected) == Key(found);

    private static string Key(string name)
    {
        var words = MentionTokenizer.Tokenize(name).Select(t => t.Key).ToList();
        if (words.Count > 1 && words[0] is "the" or "le" or "la" or "l" or "les")
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }
}
