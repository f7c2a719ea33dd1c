using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace NewsPulse.DigestBench;

/// <summary>Writes a generated day into the database with binary COPY, as the ingest pipeline would have left it: tagged stories with their quotes.</summary>
internal static class CorpusLoader
{
    private const string ModelVersion = "digest-bench-1";

    public static async Task LoadAsync(NpgsqlDataSource dataSource, Corpus corpus, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var feedIds = await CopyReturningIdsAsync(
            connection,
            "feeds (url, name, language, poll_interval_seconds, source)",
            "feeds",
            corpus.Feeds,
            async (writer, feed) =>
            {
                await writer.WriteAsync(feed.Url, NpgsqlDbType.Text);
                await writer.WriteAsync(feed.Name, NpgsqlDbType.Text);
                await writer.WriteAsync(feed.Language, NpgsqlDbType.Text);
                await writer.WriteAsync(1800, NpgsqlDbType.Integer);
                await writer.WriteAsync("digest-bench", NpgsqlDbType.Text);
            });
        var personIds = await CopyReturningIdsAsync(
            connection, "people (name)", "people", corpus.People, async (writer, name) => await writer.WriteAsync(name, NpgsqlDbType.Text));

        await using (var model = new NpgsqlCommand(
            "INSERT INTO model_versions (version, file_name, trained_at, seed, training_stories, feedback_labels, metrics) VALUES (@v, 'digest-bench.zip', @t, 1, 0, 0, '{}')",
            connection))
        {
            model.Parameters.AddWithValue("v", ModelVersion);
            model.Parameters.AddWithValue("t", now);
            await model.ExecuteNonQueryAsync();
        }

        var articleIds = await CopyReturningIdsAsync(
            connection,
            "articles (feed_id, url, url_hash, title, text, language, site_name, published_at, discovered_at, fetched_at, extracted_at, first_extracted_at, status, tagged_at, tag_model_version, quotes_extracted_at)",
            "articles",
            corpus.Stories,
            async (writer, story) =>
            {
                await writer.WriteAsync(feedIds[story.Feed], NpgsqlDbType.Bigint);
                await writer.WriteAsync(story.Url, NpgsqlDbType.Text);
                await writer.WriteAsync(SHA256.HashData(Encoding.UTF8.GetBytes(story.Url)), NpgsqlDbType.Bytea);
                await writer.WriteAsync(story.Title, NpgsqlDbType.Text);
                await writer.WriteAsync(story.Text, NpgsqlDbType.Text);
                await writer.WriteAsync(story.Language, NpgsqlDbType.Text);
                await writer.WriteAsync(corpus.Feeds[story.Feed].Name, NpgsqlDbType.Text);
                await writer.WriteAsync(story.FirstExtractedAt.AddMinutes(-30), NpgsqlDbType.TimestampTz);
                for (var stamp = 0; stamp < 4; stamp++)
                {
                    await writer.WriteAsync(story.FirstExtractedAt, NpgsqlDbType.TimestampTz);
                }

                await writer.WriteAsync("tagged", NpgsqlDbType.Text);
                await writer.WriteAsync(story.FirstExtractedAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(ModelVersion, NpgsqlDbType.Text);
                await writer.WriteAsync(story.FirstExtractedAt, NpgsqlDbType.TimestampTz);
            });

        // Clusters are named by their first article's id, as story clustering names them.
        await using (var clusters = new NpgsqlCommand(
            "UPDATE articles a SET story_cluster_id = c.cluster FROM unnest(@ids, @clusters) AS c(id, cluster) WHERE a.id = c.id", connection))
        {
            clusters.Parameters.AddWithValue("ids", articleIds);
            clusters.Parameters.AddWithValue("clusters", corpus.Stories.Select(s => articleIds[s.Cluster]).ToArray());
            await clusters.ExecuteNonQueryAsync();
        }

        var tags = corpus.Stories.SelectMany((s, i) => s.Tags.Select(t => (Article: articleIds[i], Tag: t))).ToList();
        await CopyAsync(connection, "article_tags (article_id, kind, value, confidence, model_version)", tags, async (writer, row) =>
        {
            await writer.WriteAsync(row.Article, NpgsqlDbType.Bigint);
            await writer.WriteAsync(row.Tag.Kind, NpgsqlDbType.Text);
            await writer.WriteAsync(row.Tag.Value, NpgsqlDbType.Text);
            await writer.WriteAsync(row.Tag.Confidence, NpgsqlDbType.Real);
            await writer.WriteAsync(ModelVersion, NpgsqlDbType.Text);
        });

        var quotes = corpus.Stories.SelectMany((s, i) => s.Quotes.Select(q => (Article: articleIds[i], Quote: q))).ToList();
        await CopyAsync(
            connection,
            "quotes (article_id, person_id, speaker, speaker_title, speaker_org, text, start_offset, end_offset, kind, verb, confidence, context)",
            quotes,
            async (writer, row) =>
            {
                var quote = row.Quote;
                await writer.WriteAsync(row.Article, NpgsqlDbType.Bigint);
                await writer.WriteAsync(personIds[quote.Person], NpgsqlDbType.Bigint);
                await writer.WriteAsync(corpus.People[quote.Person], NpgsqlDbType.Text);
                await writer.WriteAsync(quote.Title, NpgsqlDbType.Text);
                await writer.WriteAsync(quote.Organisation, NpgsqlDbType.Text);
                await writer.WriteAsync(quote.Text, NpgsqlDbType.Text);
                await writer.WriteAsync(quote.Start, NpgsqlDbType.Integer);
                await writer.WriteAsync(quote.End, NpgsqlDbType.Integer);
                await writer.WriteAsync(quote.Direct ? "direct" : "indirect", NpgsqlDbType.Text);
                await writer.WriteAsync(quote.Verb, NpgsqlDbType.Text);
                await writer.WriteAsync(quote.Confidence, NpgsqlDbType.Real);
                await writer.WriteAsync(quote.Context, NpgsqlDbType.Text);
            });

        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>COPYs rows into a table (columns named in <paramref name="target"/>).</summary>
    public static async Task CopyAsync<T>(NpgsqlConnection connection, string target, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            await write(writer, row);
        }

        await writer.CompleteAsync();
    }

    /// <summary>
    /// COPYs rows into an empty table and returns the ids they were given, in row order: one COPY into a fresh table
    /// takes its identity values in the order the rows arrive.
    /// </summary>
    private static async Task<long[]> CopyReturningIdsAsync<T>(NpgsqlConnection connection, string target, string table, IReadOnlyList<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        await CopyAsync(connection, target, rows, write);
        await using var read = new NpgsqlCommand($"SELECT id FROM {table} ORDER BY id", connection);
        var ids = new List<long>(rows.Count);
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids.Count == rows.Count ? [.. ids] : throw new InvalidOperationException($"{table}: {rows.Count} rows written, {ids.Count} found");
    }
}
