using System.Diagnostics;
using NewsPulse.Domain;
using NewsPulse.Storage.Stores;
using Npgsql;
using NpgsqlTypes;

namespace NewsPulse.QueryBench;

/// <summary>Generates the corpus into a freshly migrated database with COPY, rebuilds its indexes and analyses it; prints the time of each step.</summary>
internal static class CorpusLoad
{
    private static readonly string[] LoadedTables = ["articles", "article_tags", "tag_feedback", "article_tag_sets", "people", "person_names", "person_roles", "quotes"];

    public static async Task RunAsync(string connectionString, SyntheticCorpus corpus, string fingerprint)
    {
        var size = corpus.Size;
        var streams = Math.Max(2, Environment.ProcessorCount);
        var loader = new BulkLoader(connectionString);
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Loading {size.Articles:N0} articles, {size.People:N0} people, {size.Quotes:N0} quotes ({streams} COPY streams)");
        await ExecuteAsync(
            connectionString,
            """
            INSERT INTO model_versions (version, file_name, trained_at, seed, training_stories, feedback_labels, metrics)
            VALUES (@version, 'none', '2024-12-01', 0, 0, 0, @fingerprint::jsonb)
            """,
            ("version", SyntheticCorpus.ModelVersion),
            ("fingerprint", fingerprint));
        await TimedAsync("feeds", SyntheticCorpus.Feeds, loader.CopyAsync("COPY feeds (id, url, name, language, poll_interval_seconds, source) FROM STDIN (FORMAT BINARY)", SyntheticCorpus.Feeds, 1, (w, id) =>
        {
            w.StartRow();
            w.Write(id, NpgsqlDbType.Bigint);
            w.Write(SyntheticCorpus.FeedUrl((int)id), NpgsqlDbType.Text);
            w.Write(SyntheticCorpus.FeedName((int)id), NpgsqlDbType.Text);
            w.Write(SyntheticCorpus.FeedLanguage((int)id), NpgsqlDbType.Text);
            w.Write(1800, NpgsqlDbType.Integer);
            w.Write("querybench", NpgsqlDbType.Text);
        }));

        var clock = Stopwatch.StartNew();
        var deferred = await loader.DeferIndexesAsync(LoadedTables);
        Console.WriteLine($"  {"dropped indexes and constraints",-40} {clock.Elapsed.TotalSeconds,7:0.0} s ({deferred.Count})");

        // The tag sets are filled once from the loaded tags (below), not article by article as each COPY statement ends.
        await ExecuteAsync(connectionString, "ALTER TABLE article_tags DISABLE TRIGGER USER; ALTER TABLE tag_feedback DISABLE TRIGGER USER");
        await TimedAsync("articles (search tsvector computed)", size.Articles, loader.CopyAsync(
            "COPY articles (id, feed_id, url, url_hash, title, site_name, text, language, published_at, discovered_at, fetched_at, extracted_at, status, " +
            "story_cluster_id, tagged_at, tag_model_version, quotes_extracted_at, updated_at) FROM STDIN (FORMAT BINARY)",
            size.Articles,
            streams,
            (w, id) => WriteArticle(w, corpus.Article(id), corpus)));
        var tagCount = 0L;
        await TimedAsync("article_tags", () => tagCount, loader.CopyAsync("COPY article_tags (article_id, kind, value, confidence, model_version, article_time) FROM STDIN (FORMAT BINARY)", size.Articles, streams, (w, id) =>
        {
            var article = corpus.Article(id);
            foreach (var tag in article.Tags)
            {
                WriteRow(w, (id, NpgsqlDbType.Bigint), (tag.Kind, NpgsqlDbType.Text), (tag.Value, NpgsqlDbType.Text), (tag.Confidence, NpgsqlDbType.Real), (SyntheticCorpus.ModelVersion, NpgsqlDbType.Text), (article.Published, NpgsqlDbType.TimestampTz));
                Interlocked.Increment(ref tagCount);
            }
        }));
        // One article in a thousand has an analyst's correction: its first tag removed, so the effective-tags view has work to do.
        await TimedAsync("tag_feedback", size.Articles / 1000, loader.CopyAsync("COPY tag_feedback (article_id, kind, value, present, analyst, decided_at) FROM STDIN (FORMAT BINARY)", size.Articles / 1000, 1, (w, unit) =>
        {
            var article = corpus.Article(unit * 1000);
            w.StartRow();
            w.Write(article.Id, NpgsqlDbType.Bigint);
            w.Write(article.Tags[0].Kind, NpgsqlDbType.Text);
            w.Write(article.Tags[0].Value, NpgsqlDbType.Text);
            w.Write(false, NpgsqlDbType.Boolean);
            w.Write("querybench", NpgsqlDbType.Text);
            w.Write(article.Published.AddDays(1), NpgsqlDbType.TimestampTz);
        }));
        clock.Restart();
        await ExecuteAsync(connectionString, "INSERT INTO article_tag_sets (article_id, article_time, tag_keys) SELECT article_id, article_time, tag_keys FROM article_tag_keys");
        await ExecuteAsync(connectionString, "ALTER TABLE article_tags ENABLE TRIGGER USER; ALTER TABLE tag_feedback ENABLE TRIGGER USER");
        Console.WriteLine($"  {"article_tag_sets (from the tags)",-40} {clock.Elapsed.TotalSeconds,7:0.0} s");
        await TimedAsync("people", size.People, loader.CopyAsync("COPY people (id, name, created_at) FROM STDIN (FORMAT BINARY)", size.People, 1, (w, id) =>
        {
            w.StartRow();
            w.Write(id, NpgsqlDbType.Bigint);
            w.Write(SyntheticCorpus.PersonName(id), NpgsqlDbType.Text);
            w.Write(SyntheticCorpus.Start, NpgsqlDbType.TimestampTz);
        }));
        await TimedAsync("person_names", size.People, loader.CopyAsync("COPY person_names (name_key, person_id, name) FROM STDIN (FORMAT BINARY)", size.People, 1, (w, id) =>
        {
            var name = SyntheticCorpus.PersonName(id);
            w.StartRow();
            w.Write(QuoteStore.NameKey(name), NpgsqlDbType.Text);
            w.Write(id, NpgsqlDbType.Bigint);
            w.Write(name, NpgsqlDbType.Text);
        }));
        var roleCount = 0L;
        await TimedAsync("person_roles", () => roleCount, loader.CopyAsync("COPY person_roles (person_id, title, organisation, first_seen, last_seen) FROM STDIN (FORMAT BINARY)", size.People, 1, (w, id) =>
        {
            foreach (var role in corpus.Roles(id))
            {
                WriteRow(w, (id, NpgsqlDbType.Bigint), (role.Title, NpgsqlDbType.Text), (role.Organisation, NpgsqlDbType.Text), (role.FirstSeen, NpgsqlDbType.TimestampTz), (role.LastSeen, NpgsqlDbType.TimestampTz));
                roleCount++;
            }
        }));
        await TimedAsync("quotes", size.Quotes, loader.CopyAsync(
            "COPY quotes (id, article_id, article_time, person_id, speaker, speaker_title, speaker_org, text, start_offset, end_offset, kind, verb, confidence, context) FROM STDIN (FORMAT BINARY)",
            size.Quotes,
            streams,
            (w, id) => WriteQuote(w, id, corpus.Quote(id), corpus)));

        clock.Restart();
        Console.WriteLine("Rebuilding indexes and constraints:");
        await loader.RestoreAsync(deferred, streams);
        Console.WriteLine($"  {"indexes and constraints",-40} {clock.Elapsed.TotalSeconds,7:0.0} s");

        clock.Restart();
        foreach (var table in new[] { "feeds", "articles", "people", "quotes" })
        {
            await ExecuteAsync(connectionString, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))");
        }

        // VACUUM as well as ANALYZE: the visibility map it writes is what lets index-only scans skip the heap, as on a database autovacuum keeps.
        await ExecuteAsync(connectionString, "VACUUM (ANALYZE)");
        Console.WriteLine($"  {"VACUUM (ANALYZE)",-40} {clock.Elapsed.TotalSeconds,7:0.0} s");
        Console.WriteLine($"  {"total",-40} {total.Elapsed.TotalSeconds,7:0.0} s");
    }

    private static void WriteArticle(NpgsqlBinaryImporter w, PlannedArticle article, SyntheticCorpus corpus)
    {
        var (title, text) = corpus.Write(article);
        var url = $"https://feed{article.FeedId:000}.example.org/{article.Published:yyyy/MM}/story-{article.Id}";
        var stored = article.Published.AddMinutes(5 + (article.Id % 115));
        w.StartRow();
        w.Write(article.Id, NpgsqlDbType.Bigint);
        w.Write((long)article.FeedId, NpgsqlDbType.Bigint);
        w.Write(url, NpgsqlDbType.Text);
        w.Write(ArticleUrl.Hash(new Uri(url)), NpgsqlDbType.Bytea);
        w.Write(title, NpgsqlDbType.Text);
        w.Write(SyntheticCorpus.FeedName(article.FeedId), NpgsqlDbType.Text);
        w.Write(text, NpgsqlDbType.Text);
        w.Write(article.Language, NpgsqlDbType.Text);
        w.Write(article.Published, NpgsqlDbType.TimestampTz);
        w.Write(article.Published.AddMinutes(2), NpgsqlDbType.TimestampTz);
        w.Write(stored, NpgsqlDbType.TimestampTz);
        w.Write(stored, NpgsqlDbType.TimestampTz);

        w.Write("tagged", NpgsqlDbType.Text);
        w.Write(article.StoryCluster, NpgsqlDbType.Bigint);
        w.Write(stored, NpgsqlDbType.TimestampTz);
        w.Write(SyntheticCorpus.ModelVersion, NpgsqlDbType.Text);
        w.Write(stored, NpgsqlDbType.TimestampTz);
        w.Write(stored, NpgsqlDbType.TimestampTz);
    }

    private static void WriteQuote(NpgsqlBinaryImporter w, long id, PlannedQuote quote, SyntheticCorpus corpus)
    {
        w.StartRow();
        w.Write(id, NpgsqlDbType.Bigint);
        w.Write(quote.ArticleId, NpgsqlDbType.Bigint);
        w.Write(corpus.Article(quote.ArticleId).Published, NpgsqlDbType.TimestampTz);
        if (quote.PersonId is { } person)
        {
            w.Write(person, NpgsqlDbType.Bigint);
        }
        else
        {
            w.WriteNull();
        }

        w.Write(quote.Speaker, NpgsqlDbType.Text);
        WriteOptional(w, quote.Title);
        WriteOptional(w, quote.Organisation);
        w.Write(quote.Text, NpgsqlDbType.Text);
        w.Write(quote.Start, NpgsqlDbType.Integer);
        w.Write(quote.Start + quote.Text.Length, NpgsqlDbType.Integer);
        w.Write(quote.Kind, NpgsqlDbType.Text);
        w.Write(quote.Verb, NpgsqlDbType.Text);
        w.Write(quote.Confidence, NpgsqlDbType.Real);
        w.Write(quote.Context, NpgsqlDbType.Text);
    }

    /// <summary>One row of several values, for the tables with a few rows per generated unit.</summary>
    private static void WriteRow(NpgsqlBinaryImporter w, params ReadOnlySpan<(object Value, NpgsqlDbType Type)> columns)
    {
        w.StartRow();
        foreach (var (value, type) in columns)
        {
            w.Write(value, type);
        }
    }

    private static void WriteOptional(NpgsqlBinaryImporter w, string value)
    {
        if (value.Length == 0)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, NpgsqlDbType.Text);
        }
    }

    private static Task TimedAsync(string table, long rows, Task<TimeSpan> copy) => TimedAsync(table, () => rows, copy);

    private static async Task TimedAsync(string table, Func<long> rows, Task<TimeSpan> copy)
    {
        var elapsed = await copy;
        Console.WriteLine($"  {table,-40} {elapsed.TotalSeconds,7:0.0} s  {rows(),12:N0} rows  {rows() / elapsed.TotalSeconds,10:N0} rows/s");
    }

    public static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
