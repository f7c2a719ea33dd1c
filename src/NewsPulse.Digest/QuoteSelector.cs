namespace NewsPulse.Digest;

/// <summary>
/// Picks the quotes of the day: said by a followed person or in a story about a followed company, one per speaker,
/// preferring followed people, direct quotes, the subscriber's languages and quotes long enough to say something.
/// </summary>
internal static class QuoteSelector
{
    public const int MaxQuotes = 4;

    // Past this length a quote stops gaining: a paragraph-long quote reads worse in an email than a full sentence.
    private const int UsefulLength = 240;

    // Shorter than this, a quote is usually a fragment ("a disaster") that means little without its story.
    private const int FragmentLength = 40;

    public static List<DigestQuote> Select(DigestWindow window, FollowSet follows)
    {
        if (!follows.FollowsPeopleOrCompanies)
        {
            return [];
        }

        var speakers = new HashSet<string>(StringComparer.Ordinal);
        return
        [
            .. follows.QuoteCandidates(window)
                .Select(c => (c.Index, Score: Score(window.Quotes[c.Index], window.QuoteLengths[c.Index], c.Person, c.Company, follows)))
                .Where(c => c.Score > 0)
                .OrderByDescending(c => c.Score)
                .ThenBy(c => window.Quotes[c.Index].QuoteId)
                .Where(c => speakers.Add(window.SpeakerKeys[c.Index]))
                .Select(c => window.Quotes[c.Index])
                .Take(MaxQuotes),
        ];
    }

    /// <summary>0 when the quote is empty or concerns nothing the subscriber follows (neither its speaker nor a company of its story).</summary>
    private static double Score(DigestQuote quote, int length, bool person, bool company, FollowSet follows)
    {
        if ((!person && !company) || length == 0)
        {
            return 0;
        }

        return (person ? 3.0 : 0)
            + (company ? 1.5 : 0)
            + (quote.Direct ? 2.0 : 0)
            + (follows.PrefersLanguage(quote.Language) ? 1.5 : 0)
            + 1.5 * Math.Min(length, UsefulLength) / UsefulLength
            - (length < FragmentLength ? 1.0 : 0);
    }
}
