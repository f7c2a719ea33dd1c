using Npgsql;
using NpgsqlTypes;
using NewsPulse.Tagging;

namespace NewsPulse.DigestBench;

/// <summary>
/// Confirmed subscribers with varied follows, written with one binary COPY (the columns SubscriberStore.SubscribeAsync
/// writes, which takes a round trip each). One in a hundred follows only companies no story mentions, so the run
/// also skips.
/// </summary>
internal static class SubscriberLoader
{
    private static readonly string[][] LanguageChoices = [[], [], ["en"], ["en"], ["fr"], ["en", "fr"]];

    /// <summary>Writes the subscribers and returns how many were meant to match nothing.</summary>
    public static async Task<int> LoadAsync(NpgsqlDataSource dataSource, Corpus corpus, int count, DateTimeOffset now, int seed)
    {
        var random = new Random(seed);
        var companies = new Zipf(corpus.Companies.Count - Corpus.UnusedCompanies);
        var countries = new Zipf(corpus.Countries.Count);
        var themes = new Zipf(Themes.All.Count);
        var people = new Zipf(corpus.People.Count);

        // Keywords skip the commonest words, which would match nearly every story.
        var keywords = new Zipf(Words.English.Length - 10, 0.6);
        var countryCodes = corpus.Countries.Select(c => c.Code).ToList();
        var unused = corpus.Companies[^Corpus.UnusedCompanies..];
        var nothing = 0;
        await using var connection = await dataSource.OpenConnectionAsync();
        await CorpusLoader.CopyAsync(
            connection,
            "subscribers (email, email_key, status, locale, companies, countries, themes, people, keywords, languages, send_hour, time_zone, max_stories, confirmed_at)",
            Enumerable.Range(1, count),
            async (writer, i) =>
            {
                var languages = LanguageChoices[random.Next(LanguageChoices.Length)];
                var locale = languages is ["fr"] || random.NextDouble() < 0.25 ? "fr" : "en";
                string[] followed = [], followedCountries = [], followedThemes = [], followedPeople = [], followedKeywords = [];
                if (i % 100 == 0)
                {
                    followed = [.. unused.Take(random.Next(1, 3))];
                    nothing++;
                }
                else
                {
                    followed = [.. companies.Distinct(random, corpus.Companies, random.Next(0, 6))];
                    followedCountries = [.. countries.Distinct(random, countryCodes, random.Next(0, 4))];
                    followedThemes = [.. themes.Distinct(random, Themes.All, random.Next(0, 4))];

                    // Some write a name without its capitals and accents, which must still match.
                    followedPeople = [.. people.Distinct(random, corpus.People, random.Next(0, 3)).Select(p => random.NextDouble() < 0.2 ? MentionTokenizer.Normalize(p) : p)];
                    var vocabulary = Corpus.VocabularyOf(languages is ["fr"] ? "fr" : locale).Skip(10).ToList();
                    followedKeywords = [.. keywords.Distinct(random, vocabulary, random.Next(0, 3))];
                }

                var email = $"reader{i:00000}@example.org";
                await writer.WriteAsync(email, NpgsqlDbType.Text);
                await writer.WriteAsync(email, NpgsqlDbType.Text);
                await writer.WriteAsync("confirmed", NpgsqlDbType.Text);
                await writer.WriteAsync(locale, NpgsqlDbType.Text);
                foreach (var values in new[] { followed, followedCountries, followedThemes, followedPeople, followedKeywords, languages })
                {
                    await writer.WriteAsync(values, NpgsqlDbType.Array | NpgsqlDbType.Text);
                }

                await writer.WriteAsync((short)random.Next(0, 24), NpgsqlDbType.Smallint);
                await writer.WriteAsync(Words.TimeZones[random.Next(Words.TimeZones.Length)], NpgsqlDbType.Text);
                await writer.WriteAsync((short)random.Next(5, 21), NpgsqlDbType.Smallint);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            });
        return nothing;
    }
}
