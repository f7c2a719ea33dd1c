using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using NewsPulse.App.Cli;
using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Quotes;

/// <summary>
/// Writes a person's quotes as CSV (RFC 4180, via CsvHelper; a UTF-8 byte-order mark on request, for Excel), a
/// JSON array or JSON Lines. Field names are stable: other tools read them.
/// </summary>
public static class QuoteExport
{
    public static readonly string[] Formats = ["csv", "json", "jsonl"];

    /// <summary>One exported quote, in the field order of the CSV header.</summary>
    public sealed record Row(
        long QuoteId, long PersonId, string Person, string? Title, string? Organisation, string Quote, string Kind, string? Language,
        string? ArticleTitle, string? Outlet, string ArticleUrl, string? PublishedAt, string? ReportingVerb, string Context,
        IReadOnlyList<string> Companies, IReadOnlyList<string> Countries, IReadOnlyList<string> Themes);

    public static Row ToRow(QuoteExportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Row(
            row.QuoteId, row.PersonId, row.Person, row.Title, row.Organisation, row.Quote, row.Kind, row.Language, row.ArticleTitle, row.Outlet, row.ArticleUrl,
            row.PublishedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), row.ReportingVerb, row.Context,
            row.Companies, row.Countries, row.Themes);
    }

    public static async Task WriteAsync(IReadOnlyList<QuoteExportRow> rows, string format, bool excel, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var exported = rows.Select(ToRow).ToList();
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: excel && format == "csv");
        await using var writer = new StreamWriter(output, encoding, leaveOpen: true);
        switch (format)
        {
            case "csv":
                await WriteCsvAsync(exported, writer, cancellationToken);
                break;
            case "json":
                await writer.WriteAsync(JsonSerializer.Serialize(exported, JsonOutput.Indented));
                await writer.WriteLineAsync();
                break;
            default:
                foreach (var row in exported)
                {
                    await writer.WriteLineAsync(JsonSerializer.Serialize(row, JsonOutput.Lines));
                }

                break;
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static async Task WriteCsvAsync(List<Row> rows, StreamWriter writer, CancellationToken cancellationToken)
    {
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }, leaveOpen: true);
        string[] header =
        [
            "quote_id", "person_id", "person", "title", "organisation", "quote", "kind", "language", "article_title", "outlet", "article_url",
            "published_at", "reporting_verb", "context", "companies", "countries", "themes",
        ];
        foreach (var name in header)
        {
            csv.WriteField(name);
        }

        await csv.NextRecordAsync();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            object?[] fields =
            [
                row.QuoteId, row.PersonId, row.Person, row.Title, row.Organisation, row.Quote, row.Kind, row.Language, row.ArticleTitle, row.Outlet, row.ArticleUrl,
                row.PublishedAt, row.ReportingVerb, row.Context, string.Join("; ", row.Companies), string.Join("; ", row.Countries), string.Join("; ", row.Themes),
            ];
            foreach (var field in fields)
            {
                csv.WriteField(field);
            }

            await csv.NextRecordAsync();
        }
    }
}
